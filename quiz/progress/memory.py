"""FSRS-6 in closed form: the forgetting curve and a card's stability after one more answer.

The `fsrs` package schedules the learner's cards (`quiz.progress.scheduler`); planning for an exam needs
the same model many times a second without building `fsrs.Card` objects: what will this card's recall
be on the exam day if it is not asked again, and if it is asked now and answered right or wrong?
These are FSRS-6's published formulas (py-fsrs 6 / fsrs-rs), with its 21 parameters `w`:

- R(t, S) = (1 + F·t/S)^(−w20), F = 0.9^(−1/w20) − 1 (R(S) = 0.9);
- first answer: S0 = w[G−1], D0 = w4 − e^(w5·(G−1)) + 1;
- recalled (G ≥ 2): S' = S·(1 + e^w8·(11 − D)·S^(−w9)·(e^(w10·(1−R)) − 1)·(w15 if Hard)·(w16 if Easy));
- forgotten (G = 1): S' = min(S, w11·D^(−w12)·((S + 1)^w13 − 1)·e^(w14·(1−R)));
- same-day answer (elapsed < 1 day): S' = S·e^(w17·(G − 3 + w18))·S^(−w19) (not below S when G ≥ 3);
- difficulty: D' = w7·D0(Easy) + (1 − w7)·(D − w6·(G − 3)·(10 − D)/9), within 1..10.

`DEFAULT_PARAMETERS` are fsrs 6's defaults (tests check them against the installed package); a learner's
fitted parameters (`quiz.progress.fit`) replace them when they predict that learner's answers better.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

DEFAULT_PARAMETERS: tuple[float, ...] = (
    0.212,
    1.2931,
    2.3065,
    8.2956,
    6.4133,
    0.8334,
    3.0194,
    0.001,
    1.8722,
    0.1666,
    0.796,
    1.4835,
    0.0614,
    0.2629,
    1.6483,
    0.6014,
    1.8729,
    0.5425,
    0.0912,
    0.0658,
    0.1542,
)
S_MIN = 0.001
S_MAX = 36500.0
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


class Model:
    """FSRS-6 with one parameter set `w` (21 floats)."""

    def __init__(self, parameters: Sequence[float] = DEFAULT_PARAMETERS) -> None:
        w = tuple(float(x) for x in parameters)
        if len(w) != 21:
            raise ValueError(f"FSRS-6 needs 21 parameters, not {len(w)}")
        self.w = w
        self.decay = w[20]
        self.factor = 0.9 ** (-1.0 / self.decay) - 1.0

    def recall(self, stability: float | None, elapsed_days: float) -> float:
        """Probability of recall `elapsed_days` after the last answer (0 for a card never learnt)."""
        if not stability or stability <= 0:
            return 0.0
        return (1.0 + self.factor * max(0.0, elapsed_days) / stability) ** -self.decay

    def interval(self, stability: float, retention: float) -> float:
        """Days until recall falls to `retention`."""
        return stability / self.factor * (retention ** (-1.0 / self.decay) - 1.0)

    def initial(self, rating: int) -> tuple[float, float]:
        """(stability, difficulty) after the first answer."""
        w = self.w
        return max(S_MIN, w[rating - 1]), _clamp(self._d0(rating), 1.0, 10.0)

    def _d0(self, rating: int) -> float:
        return self.w[4] - math.exp(self.w[5] * (rating - 1)) + 1.0

    def next_difficulty(self, difficulty: float, rating: int) -> float:
        w = self.w
        delta = -w[6] * (rating - 3)
        damped = difficulty + delta * (10.0 - difficulty) / 9.0
        return _clamp(w[7] * self._d0(EASY) + (1.0 - w[7]) * damped, 1.0, 10.0)

    def next_stability(self, stability: float, difficulty: float, elapsed_days: float, rating: int) -> float:
        """Stability after an answer rated `rating`, `elapsed_days` after the previous one."""
        w = self.w
        if elapsed_days < 1.0:
            grown = stability * math.exp(w[17] * (rating - 3 + w[18])) * stability ** -w[19]
            if rating >= GOOD:
                grown = max(grown, stability)
            return _clamp(grown, S_MIN, S_MAX)
        r = self.recall(stability, elapsed_days)
        if rating == AGAIN:
            forgot = (
                w[11]
                * difficulty ** -w[12]
                * ((stability + 1.0) ** w[13] - 1.0)
                * math.exp(w[14] * (1.0 - r))
            )
            return _clamp(min(forgot, stability), S_MIN, S_MAX)
        bonus = (w[15] if rating == HARD else 1.0) * (w[16] if rating == EASY else 1.0)
        grown = stability * (
            1.0
            + math.exp(w[8])
            * (11.0 - difficulty)
            * stability ** -w[9]
            * (math.exp(w[10] * (1.0 - r)) - 1.0)
            * bonus
        )
        return _clamp(grown, S_MIN, S_MAX)


def _clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


DEFAULT = Model()
