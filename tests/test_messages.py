"""messages.py is the whole catalogue: every key is used somewhere, and every `M.KEY.format(...)`
passes exactly the placeholders the text has."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from quiz import messages as M

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for p in sorted((ROOT / "quiz").rglob("*.py")) if p.name != "messages.py"]
KEYS = [name for name in vars(M) if name.isupper() and not name.startswith("_")]


def placeholders(text: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


def uses() -> dict[str, list[tuple[str, int, ast.Call | None]]]:
    """Every `M.KEY` in the code: (file, line, the `.format(...)` call on it if any)."""
    found: dict[str, list[tuple[str, int, ast.Call | None]]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            id(node.func.value): node
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "M":
                found.setdefault(node.attr, []).append(
                    (str(path.relative_to(ROOT)), node.lineno, calls.get(id(node)))
                )
    return found


def test_every_key_is_used() -> None:
    used = uses()
    text = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
    unused = [key for key in KEYS if key not in used and f"M.{key}" not in text]
    # a key may also be used inside messages.py itself (one text built from another)
    own = (ROOT / "quiz" / "messages.py").read_text(encoding="utf-8")
    unused = [key for key in unused if own.count(key) < 2]
    assert not unused, f"unused messages: {', '.join(unused)}"


def test_every_key_used_exists() -> None:
    missing = {
        f"{f}:{line} M.{key}"
        for key, places in uses().items()
        for f, line, _ in places
        if not hasattr(M, key)
    }
    assert not missing, missing


def test_placeholders_match() -> None:
    wrong = []
    for key, places in uses().items():
        value = getattr(M, key, None)
        if not isinstance(value, str):
            continue
        wanted = placeholders(value)
        for file, line, call in places:
            if call is None:
                continue
            if any(kw.arg is None for kw in call.keywords):  # **kwargs: checked where they are built
                continue
            given = {kw.arg for kw in call.keywords if kw.arg}
            if given != wanted:
                wrong.append(f"{file}:{line} M.{key}: text has {sorted(wanted)}, call passes {sorted(given)}")
    assert not wrong, "\n".join(wrong)
