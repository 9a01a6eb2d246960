"""The judge's verdict (codes) in the learner's words: why an answer was almost or wrong.

`headline(question, verdict)` is the ✓/≈/✗ line itself (a true/false verdict says what the statement
is: "✓ Đúng — mệnh đề đúng"). `verdict_lines(verdict)` gives the lines shown under it: the reason
with the right spelling, the multi options missed and chosen in excess, each cloze blank not right
with its right word. Plain strings from quiz/messages.py; the caller escapes and prints them.
"""

from __future__ import annotations

from typing import Any

from quiz import messages as M

_REASONS = {
    "diacritics": M.DETAIL_DIACRITICS,
    "marks": M.DETAIL_MARKS,
    "typo": M.DETAIL_TYPO,
    "tone": M.DETAIL_TONE,
}
_NOTES = {
    "not_a_number": M.DETAIL_NOT_A_NUMBER,
    "not_a_date": M.DETAIL_NOT_A_DATE,
    "need_day": M.DETAIL_NEED_DAY,
    "need_month": M.DETAIL_NEED_MONTH,
}


def headline(question: Any, verdict: Any) -> str:
    """The verdict line: `✓ Đúng: …`, `≈ Gần đúng: …`, `✗ Sai. Đáp án: …`; true/false in words."""
    if getattr(question, "type", None) == "truefalse" and verdict.outcome in M.VERDICT_TRUEFALSE:
        truth = M.TRUTH_WORDS[bool(question.answer)]
        return M.VERDICT_TRUEFALSE[verdict.outcome].format(truth=truth)
    return M.VERDICT_LINE[verdict.outcome].format(expected=verdict.expected)


def _reason_line(outcome: str, reason: str | None, expected: str) -> str | None:
    if reason is None:
        return None
    if reason == "diacritics" and outcome == "correct":
        return M.DETAIL_DIACRITICS_ACCEPTED.format(expected=expected)
    template = _REASONS.get(reason)
    return template.format(expected=expected) if template else None


def verdict_lines(verdict: Any) -> list[str]:
    """The explanation lines of a verdict (may be empty)."""
    lines: list[str] = []
    note = getattr(verdict, "note", None)
    if note == "blank_count":
        lines.append(M.DETAIL_BLANK_COUNT.format(count=getattr(verdict, "count", 0)))
    elif note in _NOTES:
        lines.append(_NOTES[note])
    blanks = getattr(verdict, "blanks", ())
    if blanks:
        for n, expected, reason in blanks:
            if reason == "wrong":
                lines.append(M.DETAIL_BLANK_WRONG.format(n=n, expected=expected))
            else:
                detail = _reason_line(verdict.outcome, reason, expected)
                if detail:
                    lines.append(M.DETAIL_BLANK.format(n=n, detail=detail))
    else:
        line = _reason_line(verdict.outcome, verdict.reason, verdict.expected)
        if line:
            lines.append(line)
    missed = getattr(verdict, "missed", ())
    extra = getattr(verdict, "extra", ())
    if missed:
        lines.append(M.DETAIL_MISSED.format(options="; ".join(missed)))
    if extra:
        lines.append(M.DETAIL_EXTRA.format(options="; ".join(extra)))
    return lines
