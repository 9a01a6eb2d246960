"""Progress across devices: the answer log as JSONL, and merges that are idempotent and order-free."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from datetime import datetime, timedelta, timezone
from itertools import permutations
from pathlib import Path

import pytest
from exchange_helpers import T0, answer, bank_from, studied_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.exchange.progress_sync import export_jsonl, merge, read_jsonl
from quiz.progress.report import compute_report
from quiz.progress.store import Store

BANK = bank_from(
    "bank: mau\ntitle: Mẫu\nquestions:\n"
    + "".join(
        f"  - id: q{i}\n    type: truefalse\n    prompt: Câu {i}?\n    answer: true\n" for i in range(4)
    )
)
NOW = T0 + timedelta(days=20)


def snapshot(path: Path) -> tuple:
    """Everything a learner's progress is: the answers (with recorded states), the cards, the report."""
    conn = sqlite3.connect(path)
    try:
        reviews = sorted(
            conn.execute(
                "SELECT at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint,"
                " state_before, scheduled FROM reviews"
            ).fetchall()
        )
        cards = sorted(conn.execute("SELECT * FROM cards").fetchall())
    finally:
        conn.close()
    with Store.open(path) as store:
        report = compute_report([BANK], store, NOW)
    return reviews, cards, json.dumps(report, sort_keys=True, default=str)


def test_export_is_one_json_object_per_answer_with_stable_ids(tmp_path: Path) -> None:
    store = studied_store(tmp_path / "p.db")
    try:
        count = export_jsonl(store, tmp_path / "a.jsonl")
        export_jsonl(store, tmp_path / "b.jsonl")
    finally:
        store.close()
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 5
    first = json.loads(lines[0])
    assert first["bank"] == "mau-day-du" and first["question"] == "truong-ban-2018"
    assert first["at"] == "2026-10-01T01:00:00.000000+00:00" and first["rating"] == 3
    assert first["id"].startswith("a-") and first["scheduled"] is True
    assert [json.loads(x)["mode"] for x in lines].count("exam") == 1
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert len({json.loads(x)["id"] for x in lines}) == 5


def test_merge_two_machines_either_order_twice(tmp_path: Path) -> None:
    laptop, desktop = tmp_path / "laptop.db", tmp_path / "desktop.db"
    with Store.open(laptop) as store:
        answer(store, "mau", "q0", "correct", T0)
        answer(store, "mau", "q1", "wrong", T0 + timedelta(hours=1))
        answer(store, "mau", "q0", "correct", T0 + timedelta(days=2))
        export_jsonl(store, tmp_path / "laptop.jsonl")
    with Store.open(desktop) as store:
        answer(store, "mau", "q0", "wrong", T0 + timedelta(days=1))  # interleaves with the laptop's answers
        answer(store, "mau", "q2", "correct", T0 + timedelta(days=1, hours=1))
        export_jsonl(store, tmp_path / "desktop.jsonl")
    report = merge(laptop, [tmp_path / "desktop.jsonl"], now=NOW)
    assert (report.before, report.after, report.added) == (3, 5, 2)
    assert report.backup is not None and report.backup.exists()
    with Store.open(report.backup) as copy:
        assert len(copy.reviews()) == 3  # the laptop's store as it was
    merge(desktop, [tmp_path / "laptop.jsonl"], now=NOW)
    assert snapshot(laptop) == snapshot(desktop)
    again = merge(laptop, [tmp_path / "desktop.jsonl", desktop], now=NOW + timedelta(seconds=1))
    assert again.added == 0 and again.sources[0][2] == 0
    assert snapshot(laptop) == snapshot(desktop)
    # q0 was answered Good (laptop), Again (desktop), Good (laptop): replayed in that time order
    with Store.open(laptop) as store:
        q0 = [r.verdict for r in store.reviews("mau", "q0")]
        states = store.query("SELECT state_before FROM reviews WHERE question = 'q0' ORDER BY at")
    assert q0 == ["correct", "wrong", "correct"]
    assert [s[0] for s in states][0] == "new"


def test_merge_refuses_a_bad_line_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "p.db"
    with Store.open(target) as store:
        answer(store, "mau", "q0", "correct", T0)
    before = target.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"at": "2026-10-01T01:00:00Z", "bank": "mau"}\n', encoding="utf-8")
    with pytest.raises(QuizError, match=r"bad\.jsonl:1:"):
        merge(target, [bad])
    assert target.read_bytes() == before
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(QuizError, match="không phải tệp tiến độ"):
        merge(target, [other])
    tampered = tmp_path / "tampered.jsonl"
    line = json.loads(next(iter(_lines(target, tmp_path))))
    line["rating"] = 4  # the id no longer matches the content
    tampered.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"tampered\.jsonl:1:"):
        read_jsonl(tampered)


def _lines(store_path: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "x.jsonl"
    with Store.open(store_path) as store:
        export_jsonl(store, out)
    return out.read_text(encoding="utf-8").splitlines()


# --- properties --------------------------------------------------------------------------------------------

answers_strategy = st.lists(
    st.tuples(
        st.integers(0, 3),  # question
        st.integers(1, 60 * 24 * 14),  # minutes after T0 (distinct times are drawn below)
        st.sampled_from(["correct", "almost", "wrong"]),
        st.sampled_from(["study", "study", "study", "exam"]),
        st.sets(st.integers(0, 2), min_size=1),  # which of three devices logged it
    ),
    min_size=1,
    max_size=14,
    unique_by=lambda a: a[1],
)


def _device_stores(folder: Path, drawn: list) -> tuple[list[Path], Path]:
    """Three devices' stores, each answer recorded on the devices that logged it, and the store of the union
    recorded directly in time order."""
    ordered = sorted(drawn, key=lambda a: a[1])
    paths = [folder / f"device{i}.db" for i in range(3)]
    union = folder / "union.db"
    stores = [Store.open(p) for p in paths]
    whole = Store.open(union)
    try:
        for q, minute, outcome, mode, devices in ordered:
            at = T0 + timedelta(minutes=minute)
            for i in devices:
                answer(stores[i], "mau", f"q{q}", outcome, at, mode=mode)
            answer(whole, "mau", f"q{q}", outcome, at, mode=mode)
    finally:
        for store in [*stores, whole]:
            store.close()
    return paths, union


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy)
def test_merge_is_idempotent_commutative_associative_and_gives_the_union(drawn: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths, union = _device_stores(folder, drawn)
        expected = snapshot(union)
        results = []
        for n, order in enumerate(permutations(range(3))):
            target = _copy(paths[order[0]], folder / f"order{n}.db")
            merge(target, [paths[order[1]]], now=NOW)  # ((a ∪ b) ∪ c): grouping and order vary
            merge(target, [paths[order[2]]], now=NOW)
            results.append(snapshot(target))
            merge(target, [paths[order[1]], paths[order[2]]], now=NOW)  # idempotent
            assert snapshot(target) == results[-1]
        grouped = _copy(paths[0], folder / "grouped.db")
        bc = _copy(paths[1], folder / "bc.db")
        merge(bc, [paths[2]], now=NOW)
        merge(grouped, [bc], now=NOW)  # a ∪ (b ∪ c)
        results.append(snapshot(grouped))
        assert all(r == expected for r in results)


def test_merge_of_an_empty_store_takes_the_other_whole(tmp_path: Path) -> None:
    source = studied_store(tmp_path / "src.db")
    source.close()
    target = tmp_path / "new.db"
    report = merge(target, [tmp_path / "src.db"], now=datetime(2026, 12, 1, tzinfo=timezone.utc))
    assert report.backup is None and report.after == 5
    with Store.open(target) as store:
        assert len(store.reviews()) == 5 and len(store.cards()) == 2


def test_two_merges_in_one_second_keep_both_copies(tmp_path: Path) -> None:
    target = tmp_path / "p.db"
    with Store.open(target) as store:
        answer(store, "mau", "q0", "correct", T0)
    other = tmp_path / "o.db"
    with Store.open(other) as store:
        answer(store, "mau", "q1", "correct", T0)
    first = merge(target, [other], now=NOW)
    second = merge(target, [other], now=NOW)
    assert first.backup != second.backup and first.backup and second.backup
    assert first.backup.exists() and second.backup.exists()
    with Store.open(first.backup) as store:
        assert len(store.reviews()) == 1  # the store as it was before the first merge
