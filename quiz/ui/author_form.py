"""The questionary form of `quiz bank add` (imported lazily: only a terminal needs it).

Asks the type, then each field that type needs. Every answer is judged at once by the same
loader (and grounding check) as `quiz bank check`, through `authoring.check_fields`. A field that
makes the question invalid is asked again with what was typed still in it, the message printed
above it (wrapped to the terminal, never cut off). Typing `<` goes back to the field before (every
field keeps what was typed); in a list (choices, items), `<` edits the entry before. At the end it
shows the question as the learner will see it: add it, go back to change it, or cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import questionary

from quiz import messages as M
from quiz.authoring import add as authoring
from quiz.bank.model import QUESTION_TYPES, Bank
from quiz.errors import QuizError
from quiz.text.escape import escape
from quiz.ui.render import answer_lines, question_lines

BACK = "<"  # typed alone in a field: go back to the field before
Step = Callable[[], bool]  # True: go on; False: go back


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
        self.typed: dict[str, Any] = {}  # what the author typed last in each field, kept on the way back
        self.tags = sorted({t for q in bank.questions for t in q.tags})

    # -- judging -----------------------------------------------------------------------
    def problems(self, fields: dict[str, Any]) -> list[str]:
        return authoring.check_fields(
            self.text, fields, filename=self.filename, path=self.path, sources_dir=self.sources_dir
        )

    def judge(self, key: str, value: Any, required: bool) -> str | None:
        if required and not (value.strip() if isinstance(value, str) else value):
            return M.EMPTY_TEXT.format(key=key)
        found = self.problems({**self.fields, key: value})
        return found[0] if found else None

    def retry(self, message: str) -> None:
        self.show(M.FORM_RETRY.format(message=message))

    # -- asking ------------------------------------------------------------------------
    @staticmethod
    def _ask(question: questionary.Question) -> Any:
        answer = question.ask()
        if answer is None:
            raise Cancelled
        return answer

    def text_field(
        self,
        key: str,
        message: str,
        *,
        required: bool = False,
        default: str = "",
        convert: Callable[[str], Any] | None = None,
    ) -> bool:
        value = str(self.typed.get(key, default))
        while True:
            value = self._ask(questionary.text(message, default=value))
            if value.strip() == BACK:
                return False
            self.typed[key] = value
            stored = convert(value) if convert else value.strip()
            problem = self.judge(key, stored, required)
            if problem is None:
                self.fields[key] = stored
                return True
            self.retry(problem)

    def list_field(self, key: str, message: str, *, required: bool = False) -> bool:
        """One value per prompt until an empty line; each checked against those before it, then the
        whole list judged. `<` edits the entry before (or, on the first, goes back a field)."""
        kept: list[str] = list(self.typed.get(key, []))
        values: list[str] = []
        while True:
            index = len(values)
            default = kept[index] if index < len(kept) else ""
            value = self._ask(questionary.text(message.format(n=index + 1), default=default)).strip()
            if value == BACK:
                if not values:
                    self.typed[key] = kept
                    return False
                values.pop()
                continue
            if value:
                same = [
                    n
                    for n, v in enumerate(values, 1)
                    if " ".join(v.split()).casefold() == " ".join(value.split()).casefold()
                ]
                if same:
                    self.retry(M.FORM_DUPLICATE.format(value=value, n=same[0]))
                    kept = [*values, value, *kept[index + 1 :]]
                    continue
                values.append(value)
                kept = [*values, *kept[index + 1 :]]
                continue
            kept = list(values)
            self.typed[key] = kept
            if required and not values:
                self.retry(M.EMPTY_TEXT.format(key=key))
                continue
            found = self.problems({**self.fields, key: values})
            if not found:
                self.fields[key] = values
                return True
            self.retry(found[0])
            values = []  # asked again from the first entry, each one still filled in

    def select_field(
        self, key: str, message: str, choices: list[questionary.Choice], *, back: bool = True
    ) -> bool:
        options = list(choices)
        if back:
            options.append(questionary.Choice(M.FORM_BACK_CHOICE, value=BACK))
        values = [c.value if isinstance(c, questionary.Choice) else c for c in options]
        current = self.fields.get(key)
        default = current if current in values else None
        value = self._ask(
            questionary.select(message, choices=options, default=default, instruction=M.FORM_SELECT_HINT)
        )
        if value == BACK:
            return False
        self.fields[key] = value
        return True

    # -- the form ----------------------------------------------------------------------
    def steps(self) -> list[Step]:
        """The fields to ask, in order, for the type chosen so far."""
        qtype = self.fields.get("type")
        steps: list[Step] = [self.ask_type]
        if qtype is None:
            return steps
        if qtype == "cloze":
            steps += [
                lambda: self.text_field("text", M.FORM_CLOZE_TEXT, required=True),
                lambda: self.text_field("prompt", M.FORM_CLOZE_PROMPT),
            ]
        else:
            steps.append(lambda: self.text_field("prompt", M.FORM_PROMPT, required=True))
        steps += getattr(self, f"steps_{qtype}")()
        if self.bank.sources:
            steps.append(self.ask_source)
        steps += [
            lambda: self.text_field("quote", M.FORM_QUOTE),
            lambda: self.text_field("explanation", M.FORM_EXPLANATION),
            self.ask_tags,
            self.ask_id,
        ]
        return steps

    def run(self) -> dict[str, Any]:
        self.show(M.FORM_INTRO)
        at = 0
        while True:
            steps = self.steps()
            if at >= len(steps):
                question = self.confirm()
                if question is not None:
                    return question
                at = len(self.steps()) - 1  # "change something": back to the last field
                continue
            at = at + 1 if steps[at]() else max(0, at - 1)

    def confirm(self) -> dict[str, Any] | None:
        question = authoring.build_question(self.fields)
        try:
            result = authoring.append_question(
                self.text, question, filename=self.filename, path=self.path, sources_dir=self.sources_dir
            )
        except QuizError as exc:
            self.retry(str(exc))
            return None
        self.show("")
        self.show(M.FORM_PREVIEW)
        for line in question_lines(result.question):
            self.show(line)
        for line in answer_lines(result.bank, result.question):
            self.show(line)
        self.show("")
        choices = [
            questionary.Choice(M.FORM_CONFIRM_ADD, value="add"),
            questionary.Choice(M.FORM_CONFIRM_BACK, value="back"),
            questionary.Choice(M.FORM_CONFIRM_CANCEL, value="cancel"),
        ]
        picked = self._ask(
            questionary.select(
                M.FORM_CONFIRM.format(path=self.filename), choices=choices, instruction=M.FORM_SELECT_HINT
            )
        )
        if picked == "cancel":
            raise Cancelled
        return question if picked == "add" else None

    def ask_type(self) -> bool:
        types = [questionary.Choice(f"{M.TYPE_LABELS.get(t, t)} ({t})", value=t) for t in QUESTION_TYPES]
        before = self.fields.get("type")
        self.select_field("type", M.FORM_TYPE, types, back=False)
        if before is not None and self.fields["type"] != before:  # keys of the old type no longer fit
            for key in ("choices", "answer", "accept", "tolerance", "unit", "items", "text"):
                self.fields.pop(key, None)
        return True

    def ask_source(self) -> bool:
        sources = [
            questionary.Choice(escape(f"{s.id} — {s.title}", newlines=False), value=s.id)
            for s in self.bank.sources
        ]
        sources.append(questionary.Choice(M.FORM_NO_SOURCE, value=""))
        return self.select_field("source", M.FORM_SOURCE, sources)

    def ask_tags(self) -> bool:
        hint = M.FORM_TAGS_KNOWN.format(tags=", ".join(self.tags)) if self.tags else ""
        if hint and "tags" not in self.typed:
            self.show(hint)
        value = ", ".join(self.fields.get("tags", [])) or str(self.typed.get("tags", ""))
        while True:
            value = self._ask(questionary.text(M.FORM_TAGS, default=value))
            if value.strip() == BACK:
                return False
            self.typed["tags"] = value
            tags = [t.strip() for t in value.split(",") if t.strip()]
            changed = [(t, authoring.known_tag(t, self.tags)) for t in tags]
            changed = [(t, b) for t, b in changed if t != b]
            insisted = value == self.typed.get("_tags_suggested")  # typed again after the offer: as typed
            if changed and not insisted:
                self.typed["_tags_suggested"] = value
                typed = ", ".join(t for t, _ in changed)
                self.show(M.FORM_TAG_SUGGEST.format(typed=typed, known=", ".join(b for _, b in changed)))
                value = ", ".join(authoring.known_tag(t, self.tags) for t in tags)
                continue
            problem = self.judge("tags", tags, False)
            if problem is None:
                self.fields["tags"] = tags
                return True
            self.retry(problem)

    def ask_id(self) -> bool:
        seed = self.fields.get("prompt") or self.fields.get("text") or ""
        proposed = authoring.propose_id(
            seed, {q.id for q in self.bank.questions}, answer=self.fields.get("answer")
        )
        if self.typed.get("id") in (None, self.typed.get("_proposed")):
            self.typed["id"] = proposed
        self.typed["_proposed"] = proposed
        return self.text_field("id", M.FORM_ID, required=True)

    def steps_choice(self) -> list[Step]:
        return [
            lambda: self.list_field("choices", M.FORM_CHOICE, required=True),
            lambda: self.select_field("answer", M.FORM_CHOICE_ANSWER, list(self.fields["choices"])),
        ]

    def steps_multi(self) -> list[Step]:
        return [lambda: self.list_field("choices", M.FORM_CHOICE, required=True), self.ask_multi_answer]

    def ask_multi_answer(self) -> bool:
        chosen = self.fields.get("answer") or []
        options = [questionary.Choice(c, checked=c in chosen) for c in self.fields["choices"]]
        options.append(questionary.Choice(M.FORM_BACK_CHOICE, value=BACK))
        picked = self._ask(
            questionary.checkbox(
                M.FORM_MULTI_ANSWER,
                choices=options,
                instruction=M.FORM_CHECKBOX_HINT,
                validate=lambda v: True if v else M.FORM_MULTI_NONE,
            )
        )
        if BACK in picked:
            return False
        self.fields["answer"] = picked
        return True

    def steps_text(self) -> list[Step]:
        return [
            lambda: self.text_field("answer", M.FORM_ANSWER, required=True),
            lambda: self.list_field("accept", M.FORM_ACCEPT),
        ]

    def steps_number(self) -> list[Step]:
        return [
            lambda: self.text_field("answer", M.FORM_NUMBER_ANSWER, required=True),
            lambda: self.text_field("tolerance", M.FORM_TOLERANCE),
            lambda: self.text_field("unit", M.FORM_UNIT),
        ]

    def steps_date(self) -> list[Step]:
        return [lambda: self.text_field("answer", M.FORM_DATE_ANSWER, required=True)]

    def steps_truefalse(self) -> list[Step]:
        choices = [questionary.Choice(M.TRUE, value="true"), questionary.Choice(M.FALSE, value="false")]
        return [lambda: self.select_field("answer", M.FORM_TRUEFALSE, choices)]

    def steps_cloze(self) -> list[Step]:
        return []  # the text, asked first, holds the blanks and their answers

    def steps_order(self) -> list[Step]:
        return [lambda: self.list_field("items", M.FORM_ITEM, required=True)]


def ask_question(
    bank: Bank,
    text: str,
    *,
    filename: str,
    path: Path | None = None,
    sources_dir: Path | None = None,
    show: Callable[[str], None] | None = None,
) -> dict[str, Any] | None:
    """Ask the author for one question of `bank` (whose file text is `text`).

    Returns the question dict, already proven to append cleanly, or None if the author cancelled.
    """
    if show is None:  # the one escaping console; its lines wrap at words to the terminal's width
        from quiz.ui.console import make_console

        show = make_console(soft_wrap=False).print
    form = Form(bank, text, filename=filename, path=path, sources_dir=sources_dir, show=show)
    try:
        return form.run()
    except (Cancelled, KeyboardInterrupt):
        return None
