"""Parse untrusted YAML into plain values that remember their line numbers.

`yaml.safe_load` is not enough for banks written by other people:

* anchors and aliases are refused as soon as the parser meets the first one, so a
  "billion laughs" file fails in microseconds instead of expanding;
* any explicit tag (`!!python/object`, `!!str`, `!custom`) is refused;
* duplicate keys in a mapping are reported (PyYAML silently keeps the last);
* the file size is capped before a single byte is parsed.

Scalars keep what the author wrote (`raw`), whether it was quoted, the type YAML 1.1
would give it (`kind`: str, int, float, bool, null, timestamp) and the constructed value,
so the loader can catch YAML 1.1 traps such as `answer: no` or `answer: 010`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_KIND_BY_TAG = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


class YamlProblem(Exception):
    """The file cannot be read as a safe bank YAML at all. `line` is 1-based (0: unknown)."""

    def __init__(self, message: str, line: int = 0, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


@dataclass(frozen=True)
class Scalar:
    value: Any
    raw: str
    kind: str
    quoted: bool
    line: int


class Mapping(dict):
    """A YAML mapping (keys are the author's raw key text) with line numbers."""

    line: int = 0

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int]] = []
        self.misspelt: set[str] = set()  # known keys an unknown key was taken for (not also "missing")


class Sequence(list):
    line: int = 0

    def __init__(self, line: int):
        super().__init__()
        self.line = line


def max_bytes() -> int:
    """The size cap for one bank file: `QUIZ_MAX_BANK_BYTES` or 5 MB."""
    try:
        return int(os.environ.get("QUIZ_MAX_BANK_BYTES", DEFAULT_MAX_BYTES))
    except ValueError:
        return DEFAULT_MAX_BYTES


def read_text(path: Path, limit: int | None = None) -> str:
    """Read a bank file as UTF-8, refusing files over the size cap before reading them."""
    limit = max_bytes() if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise YamlProblem(
            f"tệp quá lớn ({size:,} byte, giới hạn {limit:,} byte)",
            hint="chia ngân hàng thành nhiều tệp nhỏ hơn hoặc đặt QUIZ_MAX_BANK_BYTES",
        )
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem("tệp không phải UTF-8", line, hint="lưu lại tệp với mã hoá UTF-8") from exc


class _GuardedComposer(Composer):
    """A composer that refuses anchors, aliases and explicit tags at the first sight."""

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise YamlProblem(
                f"không cho phép alias YAML (*{event.anchor})",
                line,
                hint="viết đầy đủ nội dung thay vì dùng & và *",
            )
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            if event.anchor is not None:
                raise YamlProblem(
                    f"không cho phép anchor YAML (&{event.anchor})",
                    line,
                    hint="viết đầy đủ nội dung thay vì dùng & và *",
                )
            if event.tag is not None and event.tag != "!":
                raise YamlProblem(
                    f"không cho phép tag YAML ({event.tag})",
                    line,
                    hint="bỏ tag; chỉ dùng chuỗi, số, danh sách",
                )
        return super().compose_node(parent, index)


class _Loader(
    yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _GuardedComposer, yaml.resolver.Resolver
):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _GuardedComposer.__init__(self)
        yaml.resolver.Resolver.__init__(self)


_constructor = SafeConstructor()


def _scalar(node: ScalarNode) -> Scalar:
    kind = _KIND_BY_TAG.get(node.tag, "str")
    line = node.start_mark.line + 1
    quoted = node.style in ("'", '"')
    if kind == "str":
        value: Any = node.value
    else:
        try:
            value = _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, TypeError, yaml.YAMLError):
            kind, value = "str", node.value
    return Scalar(value=value, raw=node.value, kind=kind, quoted=quoted, line=line)


def _build(node: Any) -> Any:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        seq = Sequence(node.start_mark.line + 1)
        seq.extend(_build(child) for child in node.value)
        return seq
    if isinstance(node, MappingNode):
        mapping = Mapping(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem("khoá của mapping phải là chuỗi", line)
            key = key_node.value
            if key == "<<":
                raise YamlProblem("không cho phép khoá gộp YAML (<<)", line, hint="viết đầy đủ các khoá")
            if key in mapping:
                mapping.duplicates.append((key, line))
                continue
            mapping[key] = _build(value_node)
            mapping.key_lines[key] = line
        return mapping
    raise YamlProblem("nút YAML không hỗ trợ", 0)  # pragma: no cover - composer yields only these


# C0 controls except tab/newline/CR, DEL, C1 controls (ESC starts ANSI sequences), and the
# bidirectional overrides that can make text read differently from what it is ("Trojan source").
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# What the YAML reader itself refuses: reported with its line before parsing.
_UNREADABLE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def find_control(text: str) -> re.Match[str] | None:
    """The first control character, ANSI escape or bidi override in `text`, if any."""
    return FORBIDDEN_CHARS.search(text)


def describe_control(char: str) -> str:
    return f"U+{ord(char):04X}" + (" (ESC, mã điều khiển terminal ANSI)" if char == "\x1b" else "")


def parse(text: str) -> Any:
    """Parse one YAML document into Mapping / Sequence / Scalar values; raise YamlProblem."""
    bad = _UNREADABLE_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise YamlProblem(
            f"ký tự điều khiển {describe_control(bad.group())} không được phép",
            line,
            hint="xoá ký tự đó; văn bản chỉ chứa chữ, số, dấu câu",
        )
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or str(exc)
        raise YamlProblem(
            f"YAML không hợp lệ: {what}", line, hint="kiểm tra thụt lề, dấu ':' và dấu ngoặc kép"
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML không hợp lệ: {exc}", 0) from exc
    if node is None:
        raise YamlProblem("tệp rỗng", 1, hint="một ngân hàng cần các khoá bank, title và questions")
    return _build(node)


def plain(value: Any) -> Any:
    """Strip line information: Mapping/Sequence/Scalar → dict/list/value."""
    if isinstance(value, Scalar):
        return value.value
    if isinstance(value, Sequence):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value
