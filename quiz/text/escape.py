"""The one escaping of text printed to a terminal, whatever its origin (a bank, an article, a file
name, an id read from a shared progress file, an answer the learner typed).

Every character that can drive a terminal or hide what a line says is shown as `<U+XXXX>`, never sent
raw: C0 controls (ESC starts ANSI sequences; NUL, BEL, backspace, CR, which can overwrite a line), DEL,
C1 controls (U+009B is an 8-bit CSI, U+009D an 8-bit OSC), the bidirectional overrides, embeddings,
isolates and marks that make a line read differently from what it is ("Trojan source": U+202A–U+202E,
U+2066–U+2069, U+200E, U+200F, U+061C), the invisible characters that make two texts look the same
(U+200B–U+200D zero-width space and joiners, U+2060–U+2064, U+FEFF, U+FFF9–U+FFFB), the line and
paragraph separators U+2028/U+2029, and lone surrogates (undecodable bytes of a file name). Tabs stay;
newlines stay unless `newlines=False` (a file name, an id or a typed answer is part of one line).

`FORBIDDEN_CHARS` is the same set less the newline: what a bank's text may not contain at all.
"""

from __future__ import annotations

import re

from quiz import messages as M

_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline (CR included), DEL, C1
    "\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
)
FORBIDDEN_CHARS = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_A_LINE = re.compile(f"[{_UNSAFE}\n]")
_INVISIBLE = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")

LONG_RUN = 100  # a word longer than this (a path, an id) is shortened in the middle in one-line messages
_LONG_WORD = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _shown(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def escape(text: str, *, newlines: bool = True, shorten: bool = False) -> str:
    """`text` safe for a terminal: every character above shown as `<U+XXXX>`.

    `newlines=False`: the newline too (one line must stay one line). `shorten`: a run of more than
    `LONG_RUN` non-space characters keeps its two ends around `…` (a 5,000-character path in a message).
    """
    if shorten:
        text = _LONG_WORD.sub(lambda m: m.group()[:60] + "…" + m.group()[-30:], text)
    return (FORBIDDEN_CHARS if newlines else _UNSAFE_IN_A_LINE).sub(_shown, text)


def escape_json(text: str) -> str:
    """JSON text with the same characters as `\\uXXXX` escapes (still valid JSON, the same values)."""
    return FORBIDDEN_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# The former name, for modules written before (other branches): the very same function.
printable = escape


def find_control(text: str) -> re.Match[str] | None:
    """The first character of `text` a bank may not contain (see the module docstring), if any."""
    return FORBIDDEN_CHARS.search(text)


def describe_control(char: str) -> str:
    note = M.ESC_NOTE if char == "\x1b" else M.INVISIBLE_NOTE if char in _INVISIBLE else ""
    return f"U+{ord(char):04X}" + note
