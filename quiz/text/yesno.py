"""True/false typed in words: `đúng`, `có`, `chính xác`, `sai rồi`, `không đúng`, `không` …

Standard library only.
"""

from __future__ import annotations

import re

from quiz.text.vietnamese import fold, norm_key

# Folded, lower case, punctuation removed.
TRUE_PHRASES = frozenset(
    {"d", "dung", "dung roi", "dung vay", "dung the", "dung a", "co", "co a", "phai", "phai roi",
     "chinh xac", "chinh xac roi", "true", "t", "y", "yes", "1", "right", "ok"}
)  # fmt: skip
FALSE_PHRASES = frozenset(
    {"s", "sai", "sai roi", "sai a", "khong", "khong dung", "khong phai", "khong chinh xac",
     "chua dung", "chua chinh xac", "false", "f", "n", "no", "0", "wrong"}
)  # fmt: skip


def truth_value(text: object) -> bool | None:
    """True, False, or None when `text` says neither (`có lẽ`, `không biết`)."""
    if not isinstance(text, str) or len(text) > 60:
        return None
    words = " ".join(re.findall(r"\w+", fold(norm_key(text).replace("ð", "đ"))))
    if words in TRUE_PHRASES:
        return True
    if words in FALSE_PHRASES:
        return False
    return None
