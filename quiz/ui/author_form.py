"""The questionary form of `quiz bank add` (imported lazily: only a terminal needs it).

Asks the type, then each field that type needs. Every answer is judged at once by the same
loader (and grounding check) as `quiz bank check`, through `authoring.check_fields`: a field
that makes the question invalid is asked again with the loader's message. Then it proposes a
unique id, shows the question as the learner will see it and asks to confirm.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import questionary

from quiz import messages as M
from quiz.authoring import add as authoring
from quiz.bank.model import QUESTION_TYPES, Bank
from quiz.ui.render import answer_lines, question_lines


class Cancelled(Exception):
    """The author pressed Ctrl-C or declined to add the question."""


class Form:
    def __init__(
        self,
        bank: Bank,
        text: str,
        *,
        filename: str,
        path: Path | None,
        sources_dir: Path | None,
        show: Callable[[str], None],
    ):
        self.bank = bank
        self.text = text
        self.filename = filename
        self.path = path
        self.sources_dir = sources_dir
        self.show = show
        self.fields: dict[str, Any] = {}

    # -- judging -----------------------------------------------------------------------
    def problems(self, fields: dict[str, Any]) -> list[str]:
        return authoring.check_fields(
            self.text, fields, filename=self.filename, path=self.path, sources_dir=self.sources_dir
        )

    def judge(self, key: str, value: Any, required: bool) -> bool | str:
        if required and not (value.strip() if isinstance(value, str) else value):
            return M.EMPTY_TEXT.format(key=key)
        found = self.problems({**self.fields, key: value})
        return True if not found else found[0]

    # -- asking ------------------------------------------------------------------------
    @staticmethod
    def _ask(question: questionary.Question) -> Any:
        answer = question.ask()
        if answer is None:
            raise Cancelled
        return answer

    def text_field(self, key: str, message: str, *, required: bool = False, default: str = "") -> None:
        value = self._ask(
            questionary.text(
                message,
                default=default,
                validate=lambda v: self.judge(key, v, required),
                validate_while_typing=False,
            )
        )
        self.fields[key] = value.strip()

    def list_field(self, key: str, message: str, *, required: bool = False) -> None:
        """One value per prompt until an empty line; the whole list is then judged."""
        while True:
            values: list[str] = []
            while True:
                value = self._ask(questionary.text(message.format(n=len(values) + 1))).strip()
                if not value:
                    break
                values.append(value)
            if required and not values:
                self.show(M.FORM_RETRY.format(message=M.EMPTY_TEXT.format(key=key)))
                continue
            found = self.problems({**self.fields, key: values})
            if not found:
                self.fields[key] = values
                return
            self.show(M.FORM_RETRY.format(message=found[0]))

    def select_field(self, key: str, message: str, choices: list[questionary.Choice]) -> None:
        self.fields[key] = self._ask(
            questionary.select(message, choices=choices, instruction=M.FORM_SELECT_HINT)
        )

    # -- the form ----------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        types = [questionary.Choice(f"{M.TYPE_LABELS.get(t, t)} ({t})", value=t) for t in QUESTION_TYPES]
        self.select_field("type", M.FORM_TYPE, types)
        qtype = self.fields["type"]
        if qtype == "cloze":
            self.text_field("text", M.FORM_CLOZE_TEXT, required=True)
            self.text_field("prompt", M.FORM_CLOZE_PROMPT)
        else:
            self.text_field("prompt", M.FORM_PROMPT, required=True)
        getattr(self, f"ask_{qtype}")()
        if self.bank.sources:
            sources = [questionary.Choice(f"{s.id} — {s.title}", value=s.id) for s in self.bank.sources]
            sources.append(questionary.Choice(M.FORM_NO_SOURCE, value=""))
            self.select_field("source", M.FORM_SOURCE, sources)
        self.text_field("quote", M.FORM_QUOTE)
        self.text_field("explanation", M.FORM_EXPLANATION)
        self.text_field("tags", M.FORM_TAGS)
        self.fields["tags"] = [t.strip() for t in self.fields["tags"].split(",") if t.strip()]
        seed = self.fields.get("prompt") or self.fields.get("text") or ""
        proposed = authoring.propose_id(seed, {q.id for q in self.bank.questions})
        self.text_field("id", M.FORM_ID, required=True, default=proposed)

        question = authoring.build_question(self.fields)
        result = authoring.append_question(
            self.text, question, filename=self.filename, path=self.path, sources_dir=self.sources_dir
        )
        self.show("")
        self.show(M.FORM_PREVIEW)
        for line in question_lines(result.question):
            self.show(line)
        for line in answer_lines(result.bank, result.question):
            self.show(line)
        self.show("")
        if not self._ask(questionary.confirm(M.FORM_CONFIRM.format(path=self.filename), default=True)):
            raise Cancelled
        return question

    def ask_choice(self) -> None:
        self.list_field("choices", M.FORM_CHOICE, required=True)
        self.select_field("answer", M.FORM_CHOICE_ANSWER, list(self.fields["choices"]))

    def ask_multi(self) -> None:
        self.list_field("choices", M.FORM_CHOICE, required=True)
        self.fields["answer"] = self._ask(
            questionary.checkbox(
                M.FORM_MULTI_ANSWER,
                choices=list(self.fields["choices"]),
                instruction=M.FORM_CHECKBOX_HINT,
                validate=lambda v: True if v else M.MULTI_EMPTY,
            )
        )

    def ask_text(self) -> None:
        self.text_field("answer", M.FORM_ANSWER, required=True)
        self.list_field("accept", M.FORM_ACCEPT)

    def ask_number(self) -> None:
        self.text_field("answer", M.FORM_NUMBER_ANSWER, required=True)
        self.text_field("tolerance", M.FORM_TOLERANCE)
        self.text_field("unit", M.FORM_UNIT)

    def ask_date(self) -> None:
        self.text_field("answer", M.FORM_DATE_ANSWER, required=True)

    def ask_truefalse(self) -> None:
        choices = [questionary.Choice(M.TRUE, value="true"), questionary.Choice(M.FALSE, value="false")]
        self.select_field("answer", M.FORM_TRUEFALSE, choices)

    def ask_cloze(self) -> None:
        pass  # the text, asked first, holds the blanks and their answers

    def ask_order(self) -> None:
        self.list_field("items", M.FORM_ITEM, required=True)


def ask_question(
    bank: Bank,
    text: str,
    *,
    filename: str,
    path: Path | None = None,
    sources_dir: Path | None = None,
    show: Callable[[str], None] = print,
) -> dict[str, Any] | None:
    """Ask the author for one question of `bank` (whose file text is `text`).

    Returns the question dict, already proven to append cleanly, or None if the author cancelled.
    """
    form = Form(bank, text, filename=filename, path=path, sources_dir=sources_dir, show=show)
    try:
        return form.run()
    except (Cancelled, KeyboardInterrupt):
        return None
