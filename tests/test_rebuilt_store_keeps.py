"""`quiz progress repair` and `quiz progress merge` rebuild the store from its answers; what is not an
answer must survive too: the learner's seed (the order of new questions), the exam plan, the fitted FSRS
parameters that were kept, and where banks were studied from. Real stores, real commands."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from typer.testing import CliRunner

from quiz.cli import app
from quiz.progress.card import Review
from quiz.progress.scheduler import Scheduler
from quiz.progress.store import Store

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
PARAMETERS = [round(0.1 + i / 10, 4) for i in range(21)]


def _learner(path: Path) -> dict:
    """A store with an answer, a plan, kept fitted parameters and a bank studied by path."""
    with Store.open(path) as store:
        card = Scheduler(fuzz=False).review(None, "b", "q", 3, NOW, "f")
        store.record(Review(NOW, "b", "q", "Đại hội XIII", "correct", 3, 900, "study", "f"), card)
        store.save_plan("2026-12-20", 25, ["b"], NOW)
        store.save_parameters(PARAMETERS, 250, 0.5, 0.4, True, NOW)
        store.remember_bank_path("cua-toi", "/home/lan/cua-toi.yaml", NOW)
        return _kept(store)


def _kept(store: Store) -> dict:
    plan = store.active_plan()
    return {
        "seed": store.seed(),
        "plan": plan[1:] if plan else None,
        "parameters": store.fitted_parameters(),
        "paths": {bank: path for bank, (path, _) in store.bank_paths().items()},
    }


def test_repair_keeps_the_seed_the_plan_the_fitted_parameters_and_bank_paths(tmp_path, monkeypatch):
    old = tmp_path / "old.db"
    before = _learner(old)
    assert before["plan"] == ("2026-12-20", 25, ["b"]) and before["parameters"] == PARAMETERS
    new = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["progress", "repair", "--progress", str(old), "-o", str(new)])
    assert result.exit_code == 0, result.output
    with Store.open(new) as store:
        assert _kept(store) == before
    monkeypatch.setenv("QUIZ_PROGRESS", str(new))
    shown = CliRunner().invoke(app, ["plan"])
    assert "20/12/2026" in shown.output and "25 phút" in shown.output


def test_merge_keeps_this_machines_seed_plan_parameters_and_bank_paths(tmp_path, monkeypatch):
    mine = tmp_path / "mine.db"
    before = _learner(mine)
    other = tmp_path / "other.db"
    with Store.open(other) as store:  # another device: its own seed, no plan
        card = Scheduler(fuzz=False).review(None, "b", "q2", 3, NOW, "f")
        store.record(Review(NOW, "b", "q2", "245", "correct", 3, 900, "study", "f"), card)
        assert store.seed() != before["seed"]
    monkeypatch.setenv("QUIZ_PROGRESS", str(mine))
    result = CliRunner().invoke(app, ["progress", "merge", str(other)])
    assert result.exit_code == 0, result.output
    with Store.open(mine) as store:
        assert _kept(store) == before
        assert {r.question for r in store.reviews()} == {"q", "q2"}
    report = json.loads(CliRunner().invoke(app, ["report", "--json"]).output)
    assert report["readiness"]["exam_date"] == "2026-12-20"
