"""Edit distances over plain strings (Levenshtein, and Damerau in its optimal-string-alignment form),
banded by a limit so that "is it within 2?" costs O(len × limit). Standard library only.
"""

from __future__ import annotations


def levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance (insertions, deletions, substitutions).

    With `limit`, any distance above it is reported as `limit + 1` and computed in O(len·limit).
    """
    return _edit_distance(a, b, limit, transpositions=False)


def damerau_levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance where swapping two adjacent characters also costs 1 (optimal string alignment).

    With `limit`, any distance above it is reported as `limit + 1` and computed in O(len·limit).
    """
    return _edit_distance(a, b, limit, transpositions=True)


def _edit_distance(a: str, b: str, limit: int | None, transpositions: bool) -> int:
    n, m = len(a), len(b)
    big = n + m + 1 if limit is None else limit + 1
    if limit is not None:
        if limit < 0:
            return 0 if a == b else big
        if abs(n - m) > limit:
            return big
    band = max(n, m) if limit is None else limit
    inf = n + m + 1
    prev2: list[int] = []
    prev = [j if j <= band else inf for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [inf] * (m + 1)
        if i <= band:
            cur[0] = i
        lo, hi = max(1, i - band), min(m, i + band)
        ai = a[i - 1]
        for j in range(lo, hi + 1):
            bj = b[j - 1]
            best = prev[j - 1] + (ai != bj)
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if transpositions and i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and ai != bj:
                if prev2[j - 2] + 1 < best:
                    best = prev2[j - 2] + 1
            cur[j] = best
        prev2, prev = prev, cur
    return min(prev[m], big)
