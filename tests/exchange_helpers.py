"""Shared by the tests/test_exchange_*.py modules: the reference bank and a store with real answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from quiz.bank.loader import load_file, load_text
from quiz.bank.model import Bank
from quiz.progress.card import Review
from quiz.progress.scheduler import Scheduler, rating_for
from quiz.progress.store import Store

DATA = Path(__file__).parent / "data"
GOOD = DATA / "banks" / "good.yaml"
T0 = datetime(2026, 10, 1, 1, 0, tzinfo=timezone.utc)


def good_bank() -> Bank:
    bank, problems = load_file(GOOD)
    assert bank is not None, problems
    return bank


def bank_from(text: str) -> Bank:
    bank, problems = load_text(text)
    assert bank is not None, [str(p) for p in problems]
    return bank


def answer(store: Store, bank: str, qid: str, outcome: str, at: datetime, *, mode: str = "study") -> None:
    """Record one answer the way a study session does (card moved by the scheduler in study mode)."""
    card = store.card(bank, qid)
    rating = rating_for(outcome)
    new = Scheduler(fuzz=False).review(card, bank, qid, rating, at, "fp") if mode == "study" else None
    store.record(
        Review(
            at=at,
            bank=bank,
            question=qid,
            answer="x",
            verdict=outcome,
            rating=rating,
            mode=mode,
            fingerprint="fp",
            duration_ms=4000,
        ),
        new,
    )


def studied_store(path: Path, bank_id: str = "mau-day-du") -> Store:
    """A store where two questions were studied over a few days, and one answered in an exam."""
    store = Store.open(path)
    answer(store, bank_id, "truong-ban-2018", "correct", T0)
    answer(store, bank_id, "truong-ban-2018", "correct", T0 + timedelta(minutes=11))
    answer(store, bank_id, "truong-ban-2018", "wrong", T0 + timedelta(days=3))
    answer(store, bank_id, "chi-thi-32-ngay", "almost", T0 + timedelta(hours=1))
    answer(store, bank_id, "dung-sai", "correct", T0 + timedelta(hours=2), mode="exam")
    return store
