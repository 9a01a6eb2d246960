"""The cloze key `unordered`: `true` or groups of 1-based blank positions; faults name file:line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_text
from quiz.study.judge import judge

HEAD = """bank: thu
title: Thử
questions:
  - id: cloze
    type: cloze
    text: "{{A}}, {{bao vây}}, {{cô lập}} và {{cấm vận}}"
"""


def load(extra: str):
    return load_text(HEAD + extra, "thu.yaml")


def test_true_and_groups_load_into_the_model_and_the_judge_uses_them() -> None:
    bank, problems = load("    unordered: true\n")
    assert problems == [] and bank is not None and bank.questions[0].unordered == ((1, 2, 3, 4),)
    bank, problems = load("    unordered: [[2, 3, 4]]\n")
    assert problems == [] and bank is not None
    q = bank.questions[0]
    assert q.unordered == ((2, 3, 4),)
    assert judge(q, ["A", "cấm vận", "bao vây", "cô lập"]).outcome == "correct"
    assert judge(q, ["bao vây", "A", "cô lập", "cấm vận"]).outcome == "wrong"
    bank, problems = load("    unordered:\n      - [2, 3]\n")
    assert problems == [] and bank is not None and bank.questions[0].unordered == ((2, 3),)


def test_unordered_changes_the_fingerprint_only_where_it_is_set() -> None:
    plain, _ = load("")
    free, _ = load("    unordered: true\n")
    assert plain is not None and free is not None
    assert plain.questions[0].fingerprint() != free.questions[0].fingerprint()
    assert "unordered" not in plain.questions[0].content()  # other questions keep their fingerprint


@pytest.mark.parametrize(
    ("extra", "line", "code"),  # one error, at the `unordered` line
    [
        ("    unordered: [[2, 5]]\n", 7, "unordered_bad"),
        ("    unordered: [[0, 2]]\n", 7, "unordered_bad"),
        ("    unordered: [[2, 3], [3, 4]]\n", 7, "unordered_bad"),
        ("    unordered: [[2, 2]]\n", 7, "unordered_bad"),
        ("    unordered: [[2]]\n", 7, "unordered_bad"),
        ("    unordered: [2, 3]\n", 7, "unordered_bad"),
        ("    unordered: [[2, hai]]\n", 7, "unordered_bad"),
        ("    unordered: yes please\n", 7, "unordered_bad"),
        ("    unordered: []\n", 7, "unordered_bad"),
        ("    unordered:\n      - [2, 3]\n      - [4, 9]\n", 7, "unordered_bad"),
    ],
)
def test_bad_unordered_names_file_line_and_fault(extra: str, line: int, code: str) -> None:
    bank, problems = load(extra)
    assert bank is None
    assert [(p.file, p.line, p.code) for p in problems] == [("thu.yaml", line, code)]
    assert "unordered" in str(problems[0]) and "thu.yaml:" in str(problems[0])


def test_unordered_is_only_for_cloze() -> None:
    text = """bank: thu
title: Thử
questions:
  - id: t
    type: text
    prompt: "?"
    answer: x
    unordered: true
"""
    bank, problems = load_text(text, "thu.yaml")
    assert bank is None and [p.code for p in problems] == ["key_not_for_type"]


def test_bank_fmt_keeps_unordered() -> None:
    from quiz.authoring.fmt import format_bank

    for extra in ("    unordered: true\n", "    unordered: [[2, 3], [1, 4]]\n"):
        formatted = format_bank(HEAD + extra, "thu.yaml")
        again, problems = load_text(formatted, "thu.yaml")
        original, _ = load(extra)
        assert problems == [] and again is not None and original is not None
        assert again.questions[0].unordered == original.questions[0].unordered


positions = st.one_of(st.integers(-3, 8), st.text(max_size=3), st.booleans(), st.none())
values = st.one_of(
    st.booleans(),
    st.lists(positions, max_size=5),
    st.lists(st.lists(positions, max_size=5), max_size=4),
    st.text(max_size=5),
)


@settings(max_examples=150, deadline=None)
@given(values)
def test_any_unordered_value_loads_valid_groups_or_names_its_line(value: object) -> None:
    bank, problems = load("    unordered: " + json.dumps(value) + "\n")
    if bank is None:
        assert problems and all(p.line >= 7 and p.file == "thu.yaml" for p in problems)
        return
    groups = bank.questions[0].unordered
    if isinstance(groups, tuple):
        flat = [p for g in groups for p in g]
        assert all(1 <= p <= 4 for p in flat) and len(flat) == len(set(flat))
        assert all(len(g) >= 2 for g in groups)
