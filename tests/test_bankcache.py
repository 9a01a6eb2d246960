"""The bank cache: a validated bank comes back identical, and any edit of its file is seen."""

from __future__ import annotations

import os
from pathlib import Path

from quiz.bank import cache as bankcache
from quiz.bank.loader import load_file

GOOD = (Path(__file__).parent / "data" / "banks" / "good.yaml").read_text(encoding="utf-8")


def test_a_cached_bank_is_the_same_bank(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    fresh, problems = load_file(path)
    assert problems == [] and len(list((tmp_path / "cache").glob("*.json"))) == 1
    cached = bankcache.get(path, bankcache.entry(path))
    assert cached is not None and cached is not fresh
    assert cached == fresh  # every field of every question and source
    assert [q.fingerprint() for q in cached.questions] == [q.fingerprint() for q in fresh.questions]
    assert [q.key_lines for q in cached.questions] == [q.key_lines for q in fresh.questions]
    assert cached.question("chi-thi-32-ngay") == fresh.question("chi-thi-32-ngay")


def test_an_edited_file_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    load_file(path)
    path.write_text(GOOD.replace("answer: 245", "answer: 0245"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even with an old time: the size changed
    bank, problems = load_file(path)
    assert bank is None and "số 0 ở đầu" in str(problems[0])


def test_a_damaged_cache_is_ignored_and_off_means_off(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    load_file(path)
    for cached in (tmp_path / "cache").glob("*.json"):
        cached.write_text("{not json", encoding="utf-8")
    bank, problems = load_file(path)
    assert problems == [] and bank.id == "mau-day-du"
    monkeypatch.setenv("QUIZ_CACHE", "0")
    other = tmp_path / "other.yaml"
    other.write_text(GOOD.replace("bank: mau-day-du", "bank: khac"), encoding="utf-8")
    assert load_file(other)[0].id == "khac" and len(list((tmp_path / "cache").glob("*.json"))) == 1
