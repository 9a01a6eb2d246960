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

import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import ScalarNode

from quiz import messages as M
from quiz import settings
from quiz.text.escape import describe_control

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32  # a bank nests four levels deep; nothing legitimate comes near this

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


class Scalar(NamedTuple):  # a NamedTuple: a big bank holds a hundred thousand of them
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
        value = settings.current().max_bank_bytes
        return int(value) if value is not None else DEFAULT_MAX_BYTES
    except ValueError:
        return DEFAULT_MAX_BYTES


def read_text(path: Path, limit: int | None = None) -> str:
    """Read a bank file as UTF-8, refusing files over the size cap before reading them."""
    limit = max_bytes() if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        raise YamlProblem(M.FILE_TOO_BIG.format(size=size, limit=limit), hint=M.FILE_TOO_BIG_FIX)
    with path.open("rb") as stream:  # stat() can lie (FIFOs, /proc, /dev/zero): never read past the cap
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise YamlProblem(M.FILE_TOO_BIG.format(size=len(data), limit=limit), hint=M.FILE_TOO_BIG_FIX)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem(M.NOT_UTF8, line, hint=M.NOT_UTF8_FIX) from exc


# libyaml (C) when PyYAML was built with it: ~20x faster than the pure-Python parser.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _guard(event: Any) -> None:
    """Refuse anchors, aliases and explicit tags at the first sight (before anything is built)."""
    line = event.start_mark.line + 1 if event.start_mark else 0
    if isinstance(event, AliasEvent):
        raise YamlProblem(M.YAML_ALIAS.format(name=event.anchor), line, hint=M.YAML_ANCHOR_FIX)
    if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
        if event.anchor is not None:
            raise YamlProblem(M.YAML_ANCHOR.format(name=event.anchor), line, hint=M.YAML_ANCHOR_FIX)
        if event.tag is not None and event.tag != "!":
            raise YamlProblem(M.YAML_TAG.format(tag=event.tag), line, hint=M.YAML_TAG_FIX)


_constructor = SafeConstructor()


_resolver = yaml.resolver.Resolver()


# First characters that may start a YAML 1.1 int, float, bool, null or timestamp (as the resolver sees them).
_TYPED_STARTS = frozenset(key for key in _resolver.yaml_implicit_resolvers if key is not None)


def _scalar(event: ScalarEvent) -> Scalar:
    """A scalar as the author wrote it, with the type YAML 1.1 gives it and the value it builds."""
    raw = event.value
    quoted = event.style in ("'", '"')
    mark = event.start_mark
    line = mark.line + 1 if mark is not None else 0
    if quoted or (raw and raw[0] not in _TYPED_STARTS):  # fast path: plainly text
        return Scalar(raw, raw, "str", quoted, line)
    tag = _resolver.resolve(ScalarNode, raw, event.implicit)
    kind = _KIND_BY_TAG.get(tag, "str")
    value: Any = raw
    if kind != "str":
        node = ScalarNode(tag, raw, style=event.style)
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, TypeError, yaml.YAMLError):
            kind = "str"
    return Scalar(value, raw, kind, quoted, line)


class _Builder:
    """Builds Mapping / Sequence / Scalar values straight from the parser's events (one pass, no nodes)."""

    def __init__(self) -> None:
        self.root: Any = None
        self.documents = 0
        # open containers; for a mapping, the pending key (raw text, line) or None
        self.stack: list[list[Any]] = []

    def add(self, value: Any, line: int) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, Sequence):
            container.append(value)
        elif frame[1] is None:
            if not isinstance(value, Scalar):
                raise YamlProblem(M.YAML_KEY_NOT_TEXT, line)
            if value.raw == "<<" and not value.quoted:
                raise YamlProblem(M.YAML_MERGE_KEY, line, hint=M.YAML_MERGE_KEY_FIX)
            frame[1] = (value.raw, line)
        else:
            key, key_line = frame[1]
            frame[1] = None
            if key in container:
                container.duplicates.append((key, key_line))
            else:
                container[key] = value
                container.key_lines[key] = key_line

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _guard(event)
            self.add(_scalar(event), event.start_mark.line + 1)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            _guard(event)
            line = event.start_mark.line + 1
            if len(self.stack) >= MAX_DEPTH:  # libyaml is quadratic in nesting: stop a nesting bomb early
                raise YamlProblem(M.YAML_TOO_DEEP.format(depth=MAX_DEPTH), line)
            if self.stack and isinstance(self.stack[-1][0], Mapping) and self.stack[-1][1] is None:
                raise YamlProblem(M.YAML_KEY_NOT_TEXT, line)
            container = Mapping(line) if kind is MappingStartEvent else Sequence(line)
            self.add(container, line)
            self.stack.append([container, None])
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self.stack.pop()
        elif kind is AliasEvent:
            _guard(event)
        elif kind is DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise YamlProblem(
                    M.YAML_ONE_DOCUMENT, event.start_mark.line + 1, hint=M.YAML_ONE_DOCUMENT_FIX
                )


# What the YAML reader itself refuses: reported with its line before parsing.
_UNREADABLE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


# The parser's own English problems (PyYAML's pure-Python wording and libyaml's, of any version),
# each mapped to the project's message: first match wins, so the specific patterns come first.
_LIBRARY_PROBLEMS: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(pattern), message, hint)
    for pattern, message, hint in (
        (r"nesting depth|too deep|recursion", M.YAML_TOO_DEEP.format(depth=MAX_DEPTH), None),
        (r"\btab\b|'\\t'", M.YAML_TAB, M.YAML_TAB_FIX),
        (r"mapping values are not allowed", M.YAML_MAPPING_VALUE, M.YAML_MAPPING_VALUE_FIX),
        (r"escape", M.YAML_BAD_ESCAPE, M.YAML_BAD_ESCAPE_FIX),
        (r"quoted scalar", M.YAML_UNCLOSED_QUOTE, M.YAML_UNCLOSED_QUOTE_FIX),
        (r"expected ':'", M.YAML_MISSING_COLON, M.YAML_MISSING_COLON_FIX),
        (
            r"flow (sequence|mapping)|',' or '[\]}]'|unclosed '\['",
            M.YAML_UNCLOSED_BRACKET,
            M.YAML_UNCLOSED_BRACKET_FIX,
        ),
        (
            r"document (separator|indicator|start)|<document start>",
            M.YAML_DOCUMENT_MARKER,
            M.YAML_DOCUMENT_MARKER_FIX,
        ),
        (r"cannot start any token", M.YAML_BAD_START, M.YAML_BAD_START_FIX),
        (
            r"block end|expected key|'-' indicator|not allowed (here|in this context)"
            r"|block (mapping|collection)|simple key|indentation",
            M.YAML_BAD_INDENT,
            M.YAML_BAD_INDENT_FIX,
        ),
    )
)


def _indent_has_tab(text: str, line: int) -> bool:
    """Whether line `line` (1-based) of `text` is indented with a tab (libyaml's words for it vary)."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return False
    end = text.find("\n", start)
    row = text[start : end if end >= 0 else len(text)]
    return "\t" in row[: len(row) - len(row.lstrip(" \t"))]


def _in_our_words(problem: str, context: str, line: int) -> YamlProblem:
    """A YAML library error as the project's own one-line problem (never the library's English)."""
    said = f"{problem} {context}"
    for pattern, message, hint in _LIBRARY_PROBLEMS:
        if pattern.search(said):
            return YamlProblem(message, line, hint=hint)
    return YamlProblem(M.YAML_SYNTAX, line, hint=M.YAML_INVALID_FIX)


def parse(text: str) -> Any:
    """Parse one YAML document into Mapping / Sequence / Scalar values; raise YamlProblem."""
    if type(text) is not str:  # libyaml takes exact `str` only (a catalogue `Text` is a subclass)
        text = str.__str__(text)
    bad = _UNREADABLE_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise YamlProblem(
            M.CONTROL_IN_FILE.format(char=describe_control(bad.group())),
            line,
            hint=M.CONTROL_CHAR_FIX,
        )
    try:
        # One streaming pass over the parser's events: a billion-laughs file stops at its first anchor.
        builder = _Builder()
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            builder.feed(event)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        if line and _indent_has_tab(text, line):
            raise YamlProblem(M.YAML_TAB, line, hint=M.YAML_TAB_FIX) from exc
        raise _in_our_words(exc.problem or "", exc.context or "", line) from exc
    except yaml.YAMLError as exc:
        raise _in_our_words(str(exc), "", 0) from exc
    if builder.root is None:
        raise YamlProblem(M.YAML_EMPTY, 1, hint=M.YAML_EMPTY_FIX)
    return builder.root


def plain(value: Any) -> Any:
    """Strip line information: Mapping/Sequence/Scalar → dict/list/value."""
    if isinstance(value, Scalar):
        return value.value
    if isinstance(value, Sequence):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value
