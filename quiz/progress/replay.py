"""Replaying FSRS's step machine over a question's recorded ratings, for answers logged before the
store recorded each card's state (schema v3): which answers were reviews, which were right."""

from __future__ import annotations

import re

# --- replaying FSRS's step machine --------------------------------------------------------------------
#
# fsrs 6 with learning steps (1 min, 10 min) and one relearning step (10 min), by rating
# 1 Again, 2 Hard, 3 Good, 4 Easy:
#   learning step 0: 1, 2 -> step 0; 3 -> step 1; 4 -> review
#   learning step 1: 1 -> step 0; 2 -> step 1; 3, 4 -> review
#   review:          1 -> relearning (a lapse); 2, 3, 4 -> review
#   relearning:      1, 2 -> relearning; 3, 4 -> review
# `_GRADUATION` matches exactly the answers up to and including the one that leaves the learning
# steps (loops that stay in learning, then the graduating answer). After it, a card is relearning
# before an answer exactly when, in the run of Again/Hard answers just before it, there is an Again.
_GRADUATION = re.compile(r"(?:[12]|32*1)*(?:4|32*[34])")
_T_AGAIN = str.maketrans("1234", "1000")
_T_AGAIN_OR_HARD = str.maketrans("1234", "1100")


def review_mask(ratings: str) -> int:
    """Which answers were given while the card was in FSRS's `review` state.

    `ratings` is a question's ratings in the order they were given, one digit 1-4 each, from a new
    card on. Bit i of the result (least significant bit = first answer) is set when the card was in
    the `review` state just before answer i. Pure bit arithmetic, so a long history costs microseconds.
    """
    graduation = _GRADUATION.match(ratings)
    if graduation is None:
        return 0  # never left the learning steps
    after = ((1 << len(ratings)) - 1) >> graduation.end() << graduation.end()
    backwards = ratings[::-1]  # so that bit i is answer i
    again = int(backwards.translate(_T_AGAIN), 2) & after
    low = int(backwards.translate(_T_AGAIN_OR_HARD), 2) & after  # runs of Again/Hard
    hard = low & ~again
    run_starts = low & ~(low << 1)
    # Adding a run's first bit to a run of Hard clears it: the Hard answers before a run's first Again.
    hard_first = hard & ~(hard + (run_starts & hard))
    relearning_after = low & ~hard_first  # from each run's first Again to the end of the run
    return after & ~(relearning_after << 1)


def review_states(ratings: str) -> str:
    """`review_mask` as text: one character per answer, "1" when given in the `review` state, else "0"."""
    mask = review_mask(ratings)
    return "".join("1" if mask >> i & 1 else "0" for i in range(len(ratings)))


# One character per answer in the SQL history string: 48 + (rating - 1) + 4·exam + 8·wrong + 16·window,
# window 0 (older than 30 days), 1 (last 30 days), 2 (last 7 days). Decoded with str.translate.
_CODES = [
    (chr(48 + r + 4 * exam + 8 * wrong + 16 * w), r + 1, exam, wrong, w)
    for r in range(4)
    for exam in (0, 1)
    for wrong in (0, 1)
    for w in (0, 1, 2)
]
_T_RATING = str.maketrans({c: str(r) for c, r, _e, _x, _w in _CODES})
_T_RIGHT = str.maketrans({c: "0" if x else "1" for c, _r, _e, x, _w in _CODES})
_T_WIN30 = str.maketrans({c: "1" if w >= 1 else "0" for c, _r, _e, _x, w in _CODES})
_T_WIN7 = str.maketrans({c: "1" if w == 2 else "0" for c, _r, _e, _x, w in _CODES})
_T_STUDY_ONLY = str.maketrans({c: None for c, _r, e, _x, _w in _CODES if e})
_HISTORY_SQL = (
    "group_concat(char(47 + rating + 4 * (mode = 'exam') + 8 * (verdict = 'wrong')"
    " + 16 * ((at >= ?) + (at >= ?))), '')"
)


def _bits(text: str) -> int:
    """A string of "0"/"1", one per answer, as an int whose bit i is answer i."""
    return int(text[::-1], 2) if text else 0
