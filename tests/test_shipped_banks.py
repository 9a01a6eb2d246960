"""The banks we ship: they load, every quote is verbatim in its article, every answer is in its quote,
and the quality check (`quiz bank check --strict`) has nothing to say about them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quiz.bank.grounding import check_bank
from quiz.bank.library import load_paths
from quiz.bank.lint import lint_bank
from quiz.bank.model import QUESTION_TYPES

BANKS = Path(__file__).parent.parent / "banks"
SOURCES = BANKS / "sources"
THEMES = {"số-liệu", "mốc-thời-gian", "chỉ-thị-nghị-quyết", "nhân-vật-tổ-chức", "đường-lối"}

RESULT = load_paths([BANKS])


def test_every_shipped_bank_loads_without_problems():
    assert [str(p) for p in RESULT.problems] == []
    assert 4 <= len(RESULT.banks) <= 6


@pytest.mark.parametrize("bank", RESULT.banks, ids=lambda b: b.id)
def test_every_quote_is_in_its_article_and_every_answer_in_its_quote(bank):
    report = check_bank(bank, SOURCES, required=True)
    assert [str(p) for p in report.problems] == []
    assert report.quotes_checked == len(bank.questions)


@pytest.mark.parametrize("bank", RESULT.banks, ids=lambda b: b.id)
def test_the_quality_check_reports_nothing(bank):
    assert [str(w) for w in lint_bank(bank)] == []


@pytest.mark.parametrize("bank", RESULT.banks, ids=lambda b: b.id)
def test_every_question_is_grounded_explained_and_tagged_by_theme(bank):
    for question in bank.questions:
        assert question.source and question.quote, question.id
        assert question.explanation, question.id
        assert set(question.tags) & THEMES, question.id


def test_ids_are_unique_and_every_type_is_used():
    ids = [b.id for b in RESULT.banks]
    assert len(ids) == len(set(ids))
    for bank in RESULT.banks:
        qids = [q.id for q in bank.questions]
        assert len(qids) == len(set(qids)), bank.id
    types = Counter(q.type for b in RESULT.banks for q in b.questions)
    assert set(types) == set(QUESTION_TYPES)
    assert sum(types.values()) >= 140  # the five rewritten banks (issue 14): 149 questions


def test_each_article_is_a_bank_source_and_copied_into_the_project():
    files = {s.file for b in RESULT.banks for s in b.sources}
    assert files == {p.name for p in SOURCES.glob("*.txt")}


def test_coverage_names_every_question_and_only_real_ones():
    import re

    text = (BANKS / "COVERAGE.md").read_text(encoding="utf-8")
    ids = {q.id for b in RESULT.banks for q in b.questions}
    named = set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and not set(cells[-1]) <= set("-: "):
            last = re.sub(r"`[^`]*`", "", cells[-1])  # `old-id` marks a removed question
            named |= set(re.findall(r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w/.-])", last))
    assert sorted(ids - named) == []  # every shipped question covers a listed fact
    assert sorted(named - ids) == []  # every question the checklist names exists
