"""The canonical layout of a bank (`quiz bank fmt`), keeping the author's comments.

The file is read with a round-trip YAML library (ruamel.yaml, imported lazily), so every comment
and the blank lines that group questions survive. The layout it writes: keys in a fixed order
(bank, sources, questions), question items in block style, two spaces of indentation with the
dashes of a list under its key, a string of several lines as a `|` block, exactly one blank line
before each question (the comments between questions kept, runs of blank lines made one), no
trailing blank lines. Flow lists (`tags: [a, b]`) and the author's quoting stay as written.

Nothing is returned to write unless the new text loads to the very same bank and holds every
comment of the old one.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from quiz import messages as M
from quiz.authoring.add import (
    BANK_KEY_ORDER,
    QUESTION_KEY_ORDER,
    SOURCE_KEY_ORDER,
    AuthoringError,
    _without_line,
)
from quiz.bank.loader import load_text
from quiz.bank.model import Bank
from quiz.errors import QuizError

_WIDE = 1_000_000  # never fold a long line
_COMMENT_START = re.compile(r"(?:^|(?<=[ \t]))#")


def same_bank(a: Bank, b: Bank) -> bool:
    """Same bank content: every field of the bank, its sources and questions (lines and path aside),
    and the same question fingerprints."""

    def key(bank: Bank) -> tuple[Any, ...]:
        return (
            bank.id,
            bank.title,
            bank.language,
            bank.description,
            tuple(_without_line(s) for s in bank.sources),
            tuple(_without_line(q) for q in bank.questions),
            tuple(q.fingerprint() for q in bank.questions),
            tuple(str(q.answer) for q in bank.questions),
            tuple(str(q.tolerance) for q in bank.questions),
        )

    return key(a) == key(b)


def format_bank(text: str, filename: str = "<bank>") -> str:
    """The canonical layout of a bank's text, every comment kept.

    Raises AuthoringError when the bank does not load, and QuizError when the formatted text
    would not load to the very same bank or would lose a comment (then nothing must be written).
    """
    bank, problems = load_text(text, filename)
    if bank is None:
        raise AuthoringError(problems)
    try:
        formatted = _layout(text)
    except Exception as exc:  # the round-trip library refusing something our loader accepted
        raise QuizError(M.FMT_NOT_SAME.format(file=filename)) from exc
    again, problems = load_text(formatted, filename)
    if again is None or not same_bank(bank, again):
        raise QuizError(M.FMT_NOT_SAME.format(file=filename))
    if Counter(comments(formatted)) != Counter(comments(text)):
        raise QuizError(M.FMT_LOST_COMMENT.format(file=filename))
    return formatted


def comments(text: str) -> list[str]:
    """Every comment of a YAML text (`# …` outside any scalar), stripped, in order."""
    import yaml

    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return []
    found: list[str] = []
    offset, i = 0, 0
    for line in text.splitlines(keepends=True):
        for m in _COMMENT_START.finditer(line):
            at = offset + m.start()
            while i < len(spans) and spans[i][1] <= at:
                i += 1
            if i < len(spans) and spans[i][0] <= at < spans[i][1]:
                continue  # a `#` inside a value
            found.append(line[m.start() :].strip())
            break
        offset += len(line)
    return found


# --------------------------------------------------------------------------------------
# The layout


def _yaml() -> Any:
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = _WIDE
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _layout(text: str) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    rt = _yaml()
    data = rt.load(text)
    _order(data, BANK_KEY_ORDER)
    for source in data.get("sources") or []:
        if isinstance(source, CommentedMap):
            _order(source, SOURCE_KEY_ORDER)
    questions = data.get("questions")
    if isinstance(questions, CommentedSeq):
        questions.fa.set_block_style()
        for n, question in enumerate(questions):
            if isinstance(question, CommentedMap):
                if question.fa.flow_style() and len(question):
                    # `- {id: …}  # note`: the note follows the item; in block style, its last line
                    slot = questions.ca.items.get(n)
                    if slot and slot[0] is not None:
                        token, slot[0] = slot[0], None
                        _put_trailing(question, list(question)[-1], token)
                question.fa.set_block_style()
                _order(question, QUESTION_KEY_ORDER)
    _literal_blocks(data)
    out = io.StringIO()
    rt.dump(data, out)
    return _spaced(out.getvalue())


def _order(mapping: Any, order: tuple[str, ...]) -> None:
    """Put the keys of `mapping` in `order` (unknown keys last, as they were). The comment after the
    last value (the blank line and section heading before the next question) stays last."""
    keys = list(mapping)
    rank = {k: i for i, k in enumerate(order)}
    wanted = sorted(keys, key=lambda k: rank.get(k, len(order)))
    if wanted == keys:
        return
    trailing = _take_trailing(mapping, keys[-1])
    for key in wanted:
        mapping.move_to_end(key)
    if trailing is not None:
        _put_trailing(mapping, wanted[-1], trailing)


def _take_trailing(mapping: Any, key: str) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = mapping[key]
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        slot = value.ca.items.get(len(value) - 1)
        if slot and slot[0] is not None:
            token, slot[0] = slot[0], None
            return token
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        return _take_trailing(value, list(value)[-1])
    slot = mapping.ca.items.get(key)
    if slot and len(slot) > 2 and slot[2] is not None:
        token, slot[2] = slot[2], None
        return token
    return None


def _put_trailing(mapping: Any, key: str, token: Any) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = mapping[key]
    if isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
        slot = value.ca.items.setdefault(len(value) - 1, [None, None, None, None])
        slot[0] = _joined(slot[0], token)
        return
    if isinstance(value, CommentedMap) and len(value) and not value.fa.flow_style():
        _put_trailing(value, list(value)[-1], token)
        return
    slot = mapping.ca.items.setdefault(key, [None, None, None, None])
    slot[2] = _joined(slot[2], token)


def _joined(first: Any, second: Any) -> Any:
    if first is None:
        return second
    first.value = first.value.rstrip("\n") + "\n" + second.value.lstrip("\n")
    return first


def _literal_blocks(node: Any) -> None:
    """A string of several lines (written `"…\\n…"`) as a `|` block, where YAML can hold it so."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(node, CommentedMap):
        items: Any = list(node.items())
    elif isinstance(node, CommentedSeq):
        items = list(enumerate(node))
    else:
        return
    for key, value in items:
        if isinstance(value, (CommentedMap, CommentedSeq)):
            _literal_blocks(value)
        elif (
            isinstance(value, str)
            and "\n" in value.rstrip("\n")
            and not isinstance(value, (LiteralScalarString, FoldedScalarString))
            and _block_safe(value)
        ):
            node[key] = LiteralScalarString(value)


def _block_safe(value: str) -> bool:
    """Whether a `|` block reads back as exactly `value` (no trailing spaces, tabs or leading blanks)."""
    lines = value.split("\n")
    return (
        not value.startswith((" ", "\n"))
        and not any(line != line.rstrip() for line in lines)
        and "\t" not in value
        and "\r" not in value
    )


_ITEM = re.compile(r"^  - ")


def _spaced(text: str) -> str:
    """Exactly one blank line before each question after the first (comments between them kept,
    runs of blank lines made one), none at the end of the file."""
    import yaml

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    lines = text.split("\n")
    questions = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "questions" and isinstance(value, yaml.SequenceNode):
                questions = value
    if questions is None or not questions.value:
        return text.rstrip("\n") + "\n"
    out: list[str] = []
    done = 0
    items = questions.value
    for n, item in enumerate(items):
        start = item.start_mark.line  # the line of `- id: …`
        if n == 0:
            out.extend(lines[:start])
        else:
            end = _last_line(items[n - 1]) + 1
            out.extend(lines[done:end])
            out.extend(_separator(lines[end:start]))
        done = start
    out.extend(lines[done:])
    return "\n".join(out).rstrip("\n") + "\n"


def _last_line(node: Any) -> int:
    """The last line a node's own text occupies (0-based)."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children: list[Any] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    last = node.start_mark.line
    if node.flow_style:
        return max(last, node.end_mark.line)
    for child in children:
        last = max(last, _last_line(child))
    return last


def _separator(lines: list[str]) -> list[str]:
    """The lines between two questions: one blank line, then its comments (blank runs made one)."""
    out = [""]
    for line in lines:
        if not line.strip():
            if out[-1] != "":
                out.append("")
        else:
            out.append(line.rstrip())
    return out
