"""The one escaping of text printed to a terminal: control characters, ANSI escapes and bidi
overrides shown as `<U+XXXX>`, never sent raw (a bank or an article could otherwise move the
cursor, recolour the screen or make a line read differently from what it is).
"""

from __future__ import annotations

import re

from quiz import messages as M

# C0 controls except tab/newline/CR, DEL, C1 controls (ESC starts ANSI sequences), and the
# bidirectional overrides that can make text read differently from what it is ("Trojan source").
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def find_control(text: str) -> re.Match[str] | None:
    """The first control character, ANSI escape or bidi override in `text`, if any."""
    return FORBIDDEN_CHARS.search(text)


def printable(text: str) -> str:
    """`text` with every control character, ANSI escape or bidi override shown as `U+XXXX`."""
    return FORBIDDEN_CHARS.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def describe_control(char: str) -> str:
    return f"U+{ord(char):04X}" + (M.ESC_NOTE if char == "\x1b" else "")
