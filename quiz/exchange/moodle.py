"""Moodle XML: every question type, for a teacher's question bank (Site/Course → Question bank → Import).

- choice → `multichoice`, one answer (100 %), options shuffled when the bank lets them be
- multi → `multichoice`, several answers: each right option 100/k %, each wrong one −100/(n−k) %
- text → `shortanswer`: the answer and each `accept` form at 100 % (whole strings, case aside)
- number → `numerical` with our tolerance; the unit in the question text and as Moodle's (ungraded) unit
- date → `shortanswer` accepting the usual writings (18/2/2019, 18/02/2019, 2019-02-18, ngày 18 tháng 2…)
- truefalse → `truefalse`
- cloze → `cloze` (embedded answers): one `{1:SHORTANSWER:=a~=b}` per blank
- order → `ordering` (shipped with Moodle 4.4+; each answer's fraction is its position), or with
  `order_as="matching"` a `matching` of "Vị trí 1…n" to the items

Each bank becomes a category `quiz/<bank title>`; the question's name is its id and its `idnumber` is
`bank/id`. The explanation, source and quote become the general feedback. Lost: our judge's forgiving
comparison (diacritics, tone placement, typos, document codes, Roman numerals), `unordered` blanks, tags.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from quiz import messages as M
from quiz.bank.model import CLOZE_BLANK, Bank, Question
from quiz.exchange.common import Exported, date_forms, esc, feedback_text, number_text, write_bytes_atomic

ORDER_AS = ("ordering", "matching")


def _text(parent: ET.Element, tag: str, value: str, *, html: bool = False) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = value
    return element


def _fraction(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text or "0"


def _answer(parent: ET.Element, fraction: float, text: str, *, html: bool = False) -> ET.Element:
    element = ET.SubElement(
        parent,
        "answer",
        {"fraction": _fraction(fraction), "format": "html" if html else "moodle_auto_format"},
    )
    ET.SubElement(element, "text").text = text
    ET.SubElement(ET.SubElement(element, "feedback", {"format": "html"}), "text").text = ""
    return element


def embedded_escape(text: str) -> str:
    """A value inside a Moodle embedded answer, as HTML, its syntax characters (`} # ~ / " \\`) escaped."""
    out = html.escape(text, quote=False).replace("\\", "\\\\")
    for char in '}#~/"':
        out = out.replace(char, "\\" + char)
    return out


def cloze_questiontext(question: Question) -> str:
    text = question.text or ""
    out: list[str] = []
    last = 0
    for match, alternatives in zip(CLOZE_BLANK.finditer(text), question.blanks, strict=True):
        out.append(esc(text[last : match.start()]))
        out.append("{1:SHORTANSWER:" + "~".join("=" + embedded_escape(a) for a in alternatives) + "}")
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def _question(quiz: ET.Element, bank: Bank, question: Question, order_as: str) -> str:
    kind = {
        "choice": "multichoice",
        "multi": "multichoice",
        "text": "shortanswer",
        "date": "shortanswer",
        "number": "numerical",
        "truefalse": "truefalse",
        "cloze": "cloze",
        "order": order_as,
    }[question.type]
    element = ET.SubElement(quiz, "question", {"type": kind})
    _text(element, "name", question.id)
    if question.type == "cloze":
        body = cloze_questiontext(question)
    else:
        body = esc(question.prompt)
        if question.type == "number" and question.unit:
            body += f" ({M.UNIT_LABEL}: {esc(question.unit)})"
        if question.type == "order" and order_as == "matching":
            body += f"<br>{M.ORDER_MATCH_HINT}"
    _text(element, "questiontext", body, html=True)
    _text(element, "generalfeedback", esc(feedback_text(bank, question)), html=True)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = f"{bank.id}/{question.id}"
    if question.type in ("choice", "multi"):
        single = question.type == "choice"
        ET.SubElement(element, "single").text = "true" if single else "false"
        ET.SubElement(element, "shuffleanswers").text = "true" if question.shuffle else "false"
        ET.SubElement(element, "answernumbering").text = "ABCD"
        right = {question.answer} if single else set(question.answer)
        wrong = len(question.choices) - len(right)
        for choice in question.choices:
            if choice in right:
                fraction = 100.0 / len(right)
            else:
                fraction = 0.0 if single or not wrong else -100.0 / wrong
            _answer(element, fraction, esc(choice), html=True)
    elif question.type in ("text", "date"):
        ET.SubElement(element, "usecase").text = "0"
        forms = (
            [question.answer, *question.accept] if question.type == "text" else date_forms(question.answer)
        )
        for form in dict.fromkeys(forms):
            _answer(element, 100, form)
    elif question.type == "number":
        answer = _answer(element, 100, number_text(question))
        ET.SubElement(answer, "tolerance").text = format(Decimal(question.tolerance).normalize(), "f")
        if question.unit:
            units = ET.SubElement(element, "units")
            unit = ET.SubElement(units, "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = question.unit
            ET.SubElement(element, "unitgradingtype").text = "0"  # the unit is optional: not graded
            ET.SubElement(element, "unitpenalty").text = "0"
            ET.SubElement(element, "showunits").text = "3"  # units not shown as input: the number alone
            ET.SubElement(element, "unitsleft").text = "0"
    elif question.type == "truefalse":
        _answer(element, 100 if question.answer else 0, "true")
        _answer(element, 0 if question.answer else 100, "false")
    elif question.type == "order" and order_as == "ordering":
        ET.SubElement(element, "layouttype").text = "VERTICAL"
        ET.SubElement(element, "selecttype").text = "ALL"
        ET.SubElement(element, "selectcount").text = str(len(question.items))
        ET.SubElement(element, "gradingtype").text = "ABSOLUTE_POSITION"
        ET.SubElement(element, "showgrading").text = "SHOW"
        ET.SubElement(element, "numberingstyle").text = "none"
        for position, item in enumerate(question.items, start=1):
            _answer(element, position, esc(item), html=True)
    elif question.type == "order":
        ET.SubElement(element, "shuffleanswers").text = "true"
        for position, item in enumerate(question.items, start=1):
            sub = _text(element, "subquestion", M.EXPORT_ORDER_POSITION.format(n=position), html=True)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = item
    return kind


def moodle_xml(banks: Sequence[Bank], *, order_as: str = "ordering") -> tuple[bytes, Exported]:
    """The Moodle XML document of `banks` (UTF-8 bytes) and its counts (path left empty)."""
    if order_as not in ORDER_AS:
        raise ValueError(f"order_as must be one of {ORDER_AS}")
    quiz = ET.Element("quiz")
    result = Exported(path=Path(), format="moodle-xml")
    for bank in banks:
        category = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category, "category", f"$course$/top/quiz/{bank.title.replace('/', '-')}")
        _text(category, "info", esc(bank.description or ""), html=True)
        for question in bank.questions:
            _question(quiz, bank, question, order_as)
            result.questions += 1
            result.notes += 1
    ET.indent(quiz)
    data = ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
    return data, result


def export_moodle_xml(banks: Sequence[Bank], path: Path, *, order_as: str = "ordering") -> Exported:
    data, result = moodle_xml(banks, order_as=order_as)
    write_bytes_atomic(Path(path), data)
    result.path = Path(path)
    return result
