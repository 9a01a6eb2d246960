"""Anki: export banks as an `.apkg` deck (genanki), with their review history on request; read Anki decks.

Export (`export_apkg`)
----------------------
One note per question, three note types (their ids are fixed, so Anki recognises them on every export):

| question type                      | Anki note type          | card                                        |
|------------------------------------|-------------------------|---------------------------------------------|
| cloze                              | `quiz · điền chỗ trống` | Anki cloze: one `{{cN::…}}` per blank |
| text, number, date                 | `quiz · gõ đáp án`      | type-in (`{{type:Answer}}`)                 |
| choice, multi, order, truefalse    | `quiz · lựa chọn`       | the options listed on the front             |

The back carries the answer, the explanation, the source and the quote. The note GUID is derived from the
bank id and the question id, so importing a newer export updates the notes instead of adding copies
(Anki updates a note only when its modification time is newer: notes are stamped with `timestamp`,
the current time by default). Note, card and deck ids are derived the same way.

With a progress store (`--with-progress`), each question's study answers become Anki review-log rows
(ease = our FSRS rating; the interval after each answer from replaying the answers through FSRS) and the
card gets our current FSRS state (due, interval, stability and difficulty), so Anki's FSRS can train on the
history. Anki takes history and scheduling only for cards it does not have yet: re-importing updates the
notes' text but leaves the scheduling of cards already in the collection alone (rslib's importer).

The blanks of an `unordered` group share one N, so they make one card.

Import (`read_apkg`, `read_anki_text`) gives plain `Draft` questions: see `quiz.exchange.draftbank`.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.bank.model import Bank, Question, cloze_blanks, format_decimal
from quiz.errors import QuizError
from quiz.exchange.common import (
    Exported,
    back_html,
    esc,
    iter_questions,
    stable_int,
    write_bytes_atomic,
)
from quiz.exchange.draftbank import Draft, html_to_text

CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left; }
.quiz-options li { margin: .2em 0; }
.quiz-answer { margin-top: .6em; }
.quiz-explanation, .quiz-source { margin-top: .4em; font-size: 16px; }
blockquote.quiz-quote { margin: .6em 0; padding-left: .8em; border-left: 3px solid #999; font-size: 16px; }
.quiz-id { color: #999; font-size: 12px; }
"""

MODEL_TYPEIN_ID = 1766180001
MODEL_CHOICE_ID = 1766180002
MODEL_CLOZE_ID = 1766180003
DECK_ROOT = "quiz"
ID_FIELD = "QuizId"

_CHOICE_TYPES = ("choice", "multi", "order", "truefalse")
_TYPEIN_TYPES = ("text", "number", "date")
_SECONDS_PER_DAY = 86400
# genanki's collection template is created at this instant; review due days count from it.
_GENANKI_CRT = 1411124400


def _models() -> dict[str, Any]:
    import genanki

    typein = genanki.Model(
        MODEL_TYPEIN_ID,
        M.ANKI_MODEL_TYPEIN,
        fields=[{"name": "Prompt"}, {"name": "Answer"}, {"name": "Back"}, {"name": ID_FIELD}],
        templates=[
            {
                "name": M.ANKI_CARD,
                "qfmt": "{{Prompt}}<br><br>{{type:Answer}}",
                "afmt": "{{Prompt}}<hr id=answer>{{type:Answer}}<br>{{Back}}"
                "<div class=quiz-id>{{QuizId}}</div>",
            }
        ],
        css=CSS,
    )
    choice = genanki.Model(
        MODEL_CHOICE_ID,
        M.ANKI_MODEL_CHOICE,
        fields=[
            {"name": "Prompt"},
            {"name": "Options"},
            {"name": "Answer"},
            {"name": "Back"},
            {"name": ID_FIELD},
        ],
        templates=[
            {
                "name": M.ANKI_CARD,
                "qfmt": "{{Prompt}}{{Options}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<br>{{Back}}"
                "<div class=quiz-id>{{QuizId}}</div>",
            }
        ],
        css=CSS,
    )
    cloze = genanki.Model(
        MODEL_CLOZE_ID,
        M.ANKI_MODEL_CLOZE,
        fields=[{"name": "Text"}, {"name": "Back"}, {"name": ID_FIELD}],
        templates=[
            {
                "name": M.ANKI_CLOZE_CARD,
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br>{{Back}}<div class=quiz-id>{{QuizId}}</div>",
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )
    return {"typein": typein, "choice": choice, "cloze": cloze}


def note_guid(bank_id: str, question_id: str) -> str:
    """The note's GUID: the same for the same bank and question on every machine and every export."""
    import genanki

    return str(genanki.guid_for("quiz", bank_id, question_id))


def cloze_groups(question: Question) -> list[int]:
    """The Anki cloze number (1-based) of each blank: blanks of one unordered group share a number."""
    count = len(question.blanks)
    unordered = getattr(question, "unordered", None)
    group_of: dict[int, int] = {}
    if unordered is True:
        group_of = {i: 0 for i in range(count)}
    elif unordered:
        for g, group in enumerate(unordered):
            for position in group:
                group_of[int(position) - 1] = -(g + 1)
    numbers: list[int] = []
    seen: dict[Any, int] = {}
    for i in range(count):
        key = ("group", group_of[i]) if i in group_of else ("blank", i)
        if key not in seen:
            seen[key] = len(seen) + 1
        numbers.append(seen[key])
    return numbers


def cloze_text(question: Question) -> str:
    """Our `{{a|b}}` blanks as Anki `{{cN::a}}` (HTML-escaped around them)."""
    from quiz.bank.model import CLOZE_BLANK

    text = question.text or ""
    numbers = iter(cloze_groups(question))
    alts = iter(question.blanks)
    out: list[str] = []
    last = 0
    for match in CLOZE_BLANK.finditer(text):
        out.append(esc(text[last : match.start()]))
        first = next(alts)[0]
        safe = esc(first).replace("::", ": :").replace("}}", "} }")
        out.append(f"{{{{c{next(numbers)}::{safe}}}}}")
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def typein_answer(question: Question) -> str:
    """What the learner types on an Anki type-in card (the unit, if any, is on the front)."""
    if question.type == "number":
        return format_decimal(question.answer)
    return question.canonical_answer()


def _shuffled(items: Sequence[str], seed: str) -> list[str]:
    """The items in a fixed pseudo-random order (never the right order when that can be avoided)."""
    ordered = sorted(items, key=lambda item: stable_int(seed, item))
    if list(ordered) == list(items) and len(items) > 1:
        ordered = ordered[1:] + ordered[:1]
    return ordered


def options_html(question: Question) -> str:
    if question.type == "truefalse":
        return f"<ul class=quiz-options><li>{M.TRUE}</li><li>{M.FALSE}</li></ul>"
    if question.type == "order":
        items = _shuffled(question.items, question.id)
        lis = "".join(f"<li>{esc(i)}</li>" for i in items)
        return f"<div>{M.ORDER_HINT}</div><ul class=quiz-options>{lis}</ul>"
    hint = f"<div>{M.MULTI_HINT}</div>" if question.type == "multi" else ""
    lis = "".join(f"<li>{esc(c)}</li>" for c in question.choices)
    return f"{hint}<ol type=A class=quiz-options>{lis}</ol>"


def prompt_html(question: Question) -> str:
    prompt = esc(question.prompt)
    if question.type == "number" and question.unit:
        prompt += f" <i>({M.UNIT_LABEL}: {esc(question.unit)})</i>"
    return prompt


def _tags(bank: Bank, question: Question) -> list[str]:
    tags = [DECK_ROOT, bank.id]
    for tag in question.tags:
        clean = re.sub(r"\s+", "_", tag.strip())
        if clean:
            tags.append(clean)
    return list(dict.fromkeys(tags))


def _note(models: dict[str, Any], bank: Bank, question: Question, timestamp: float) -> Any:
    import genanki

    qid = f"{bank.id}/{question.id}"
    answer_html = f"<b>{M.ANSWER_LABEL}:</b> {esc(question.canonical_answer())}"
    if question.type == "cloze":
        model, fields = models["cloze"], [cloze_text(question), back_html(bank, question, answer=False), qid]
    elif question.type in _TYPEIN_TYPES:
        model = models["typein"]
        fields = [
            prompt_html(question),
            esc(typein_answer(question)),
            back_html(bank, question, answer=False),
            qid,
        ]
    else:
        model = models["choice"]
        fields = [
            prompt_html(question),
            options_html(question),
            answer_html,
            back_html(bank, question, answer=False),
            qid,
        ]
    return genanki.Note(
        model=model, fields=fields, guid=note_guid(bank.id, question.id), tags=_tags(bank, question)
    )


def card_ordinals(question: Question) -> list[int]:
    """The 0-based ordinals of the cards Anki makes for this question's note."""
    if question.type == "cloze":
        return sorted({n - 1 for n in cloze_groups(question)})
    return [0]


def export_apkg(
    banks: Sequence[Bank],
    path: Path,
    *,
    timestamp: datetime,
    store: Any | None = None,
) -> Exported:
    """Write `banks` as one Anki package at `path`; with `store`, carry the review history and card states."""
    import genanki

    models = _models()
    decks = []
    result = Exported(path=Path(path), format="anki")
    stamp = timestamp.timestamp()
    for bank in banks:
        deck = genanki.Deck(stable_int("deck", bank.id, bits=40), f"{DECK_ROOT}::{bank.title}")
        for question in bank.questions:
            deck.add_note(_note(models, bank, question, stamp))
            result.questions += 1
            result.notes += 1
            result.cards += len(card_ordinals(question))
        decks.append(deck)
    with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as tmp:
        db = os.path.join(tmp, "collection.anki2")
        conn = sqlite3.connect(db)
        try:
            cursor = conn.cursor()
            genanki.Package(decks).write_to_db(cursor, stamp, itertools.count(int(stamp * 1000)))
            _stabilise_ids(cursor, banks)
            # genanki's template is a v1-scheduler collection; Anki would convert learning eases from it.
            cursor.execute("UPDATE col SET conf = json_set(conf, '$.schedVer', 2)")
            if store is not None:
                result.reviews = _write_progress(cursor, banks, store, int(stamp))
            conn.commit()
        finally:
            conn.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            out.write(db, "collection.anki2")
            out.writestr("media", "{}")
    write_bytes_atomic(Path(path), buffer.getvalue())
    return result


def _stabilise_ids(cursor: sqlite3.Cursor, banks: Sequence[Bank]) -> None:
    """Note and card ids from bank id + question id (genanki numbers them from the clock)."""
    for bank, question in iter_questions(banks):
        guid = note_guid(bank.id, question.id)
        row = cursor.execute("SELECT id FROM notes WHERE guid = ?", (guid,)).fetchone()
        nid = stable_int("note", bank.id, question.id, bits=42)
        cursor.execute("UPDATE cards SET nid = ? WHERE nid = ?", (nid, row[0]))
        cursor.execute("UPDATE notes SET id = ? WHERE id = ?", (nid, row[0]))
        for cid, ordinal in cursor.execute("SELECT id, ord FROM cards WHERE nid = ?", (nid,)).fetchall():
            cursor.execute(
                "UPDATE cards SET id = ? WHERE id = ?",
                (stable_int("card", bank.id, question.id, str(ordinal), bits=42), cid),
            )


_TYPE_OF_STATE = {"new": 0, "learning": 0, "review": 1, "relearning": 2}


def _write_progress(cursor: sqlite3.Cursor, banks: Sequence[Bank], store: Any, stamp: int) -> int:
    """Revlog rows and card states from the store; the number of revlog rows written."""
    from quiz.exchange.progress_sync import replay_card_states

    ids = [b.id for b in banks]
    marks = ", ".join("?" * len(ids))
    # answers as corrected (schema v4): an undone one is left out, an overruled one is Good and correct
    fixed = "SELECT corrects FROM reviews WHERE corrects IS NOT NULL AND correction = '{}'"
    rows = store.query(
        "SELECT bank, question, at,"
        f" CASE WHEN id IN ({fixed.format('overrule')}) THEN 3 ELSE rating END, duration_ms, mode, scheduled,"
        f" CASE WHEN id IN ({fixed.format('overrule')}) THEN 'correct' ELSE verdict END FROM reviews"
        f" WHERE bank IN ({marks}) AND corrects IS NULL AND id NOT IN ({fixed.format('undo')})"
        " ORDER BY at, id",
        ids,
    )
    by_question: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        by_question.setdefault((row[0], row[1]), []).append(row)
    cards = store.cards(ids)
    used: set[int] = set()
    written = 0
    questions = {(b.id, q.id): q for b, q in iter_questions(banks)}
    for key, answers in by_question.items():
        question = questions.get(key)
        if question is None:
            continue  # an answer to a question no longer in the bank
        scheduled = [a for a in answers if (a[6] if a[6] is not None else a[5] == "study")]
        if not scheduled:
            continue
        steps = replay_card_states(key[0], key[1], [(a[2], a[3]) for a in scheduled])
        for ordinal in card_ordinals(question):
            cid = stable_int("card", key[0], key[1], str(ordinal), bits=42)
            last_ivl = 0
            for answer, (before, after) in zip(scheduled, steps, strict=True):
                at = datetime.fromisoformat(answer[2]).astimezone(timezone.utc)
                rid = int(at.timestamp() * 1000)
                while rid in used:
                    rid += 1
                used.add(rid)
                ivl = _interval(after, at)
                cursor.execute(
                    "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
                    " VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        cid,
                        int(answer[3]),
                        ivl,
                        last_ivl,
                        2500 if after.state == "review" else 0,
                        min(int(answer[4] or 0), 60000),
                        _TYPE_OF_STATE[before],
                    ),
                )
                last_ivl = ivl
                written += 1
            card = cards.get(key)
            if card is not None:
                _set_card(cursor, cid, card)
    return written


def _interval(card: Any, at: datetime) -> int:
    """Anki's revlog interval: days when the card is in review, else minus the seconds to the next step."""
    seconds = (card.due - at).total_seconds()
    if card.state == "review":
        return max(1, round(seconds / _SECONDS_PER_DAY))
    return -max(1, int(seconds))


def _set_card(cursor: sqlite3.Cursor, cid: int, card: Any) -> None:
    due_ts = int(card.due.timestamp())
    data = json.dumps(
        {"s": round(card.stability or 0.0, 4), "d": round(card.difficulty or 5.0, 4)}, separators=(",", ":")
    )
    if card.state == "review":
        kind, queue = 2, 2
        due = (due_ts - _GENANKI_CRT) // _SECONDS_PER_DAY
        ivl = max(1, round((card.due - card.last_review).total_seconds() / _SECONDS_PER_DAY))
    else:
        kind, queue = (1 if card.state == "learning" else 3), 1
        due, ivl = due_ts, 0
    cursor.execute(
        "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = 2500, reps = ?, lapses = ?,"
        " left = 0, data = ? WHERE id = ?",
        (kind, queue, due, ivl, card.reps, card.lapses, data, cid),
    )


# --- reading Anki decks ------------------------------------------------------------------------------------

_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
MAX_NOTES = 50_000


def _cloze_to_ours(text: str) -> str:
    """`{{c1::answer::hint}}` → `{{answer}}` (the hint is dropped)."""
    return _CLOZE.sub(lambda m: "{{" + html_to_text(m.group(2)).replace("|", "/") + "}}", text)


def note_to_draft(fields: list[str], names: list[str], is_cloze: bool, tags: Iterable[str]) -> Draft | None:
    """One Anki note as a draft question (None when it has nothing to ask)."""
    values = dict(zip(names, fields, strict=False))
    tag_list = [t for t in tags if t and t not in (DECK_ROOT,)]
    if is_cloze:
        text = html_to_text(_cloze_to_ours(fields[0] if fields else ""))
        extra = html_to_text(fields[1]) if len(fields) > 1 else ""
        if not cloze_blanks(text):
            return None
        return Draft(type="cloze", text=text, explanation=extra or None, tags=tag_list)
    if ID_FIELD in values and "Prompt" in values:  # our own note type: read it back as a text question
        prompt = html_to_text(values["Prompt"])
        answer = html_to_text(values.get("Answer", "")).removeprefix(M.ANSWER_LABEL + ":").strip()
        return Draft(type="text", prompt=prompt, answer=answer, tags=tag_list) if prompt and answer else None
    if len(fields) < 2:
        return None
    prompt, answer = html_to_text(fields[0]), html_to_text(fields[1])
    if not prompt or not answer:
        return None
    more = " ".join(html_to_text(f) for f in fields[2:] if html_to_text(f)) or None
    return Draft(type="text", prompt=prompt, answer=answer, explanation=more, tags=tag_list)


def read_apkg(path: Path) -> tuple[str, list[Draft]]:
    """The deck name and draft questions of an Anki package (`.apkg` / `.colpkg`)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise QuizError(
            M.ANKI_NOT_APKG.format(
                path=path, error=M.os_reason(err) if isinstance(err, OSError) else M.ANKI_NOT_ZIP
            )
        ) from None
    with archive, tempfile.TemporaryDirectory(prefix="quiz-apkg-") as tmp:
        names = archive.namelist()
        if "collection.anki21b" in names and "collection.anki21" not in names:
            # Anki 23.10+ by default: the notes are zstd-compressed, and collection.anki2 only holds a
            # note asking to update Anki.
            raise QuizError(M.ANKI_NEW_FORMAT.format(path=path))
        member = next((n for n in ("collection.anki21", "collection.anki2") if n in names), None)
        if member is None:
            raise QuizError(M.ANKI_NOT_APKG.format(path=path, error=M.ANKI_NO_COLLECTION))
        info = archive.getinfo(member)
        if info.file_size > 512 * 1024 * 1024:
            raise QuizError(M.IMPORT_TOO_BIG.format(path=path))
        db = Path(archive.extract(member, tmp))
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                return _read_collection(conn, path)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            raise QuizError(M.ANKI_NOT_APKG.format(path=path, error=M.ANKI_BAD_COLLECTION)) from None


def _read_collection(conn: sqlite3.Connection, path: Path) -> tuple[str, list[Draft]]:
    models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
    models = {int(k): v for k, v in json.loads(models_json or "{}").items()}
    decks = json.loads(decks_json or "{}")
    deck_names = [d.get("name", "") for d in decks.values() if d.get("name") and d.get("name") != "Default"]
    if not models:  # Anki 2.1.28+ keeps note types in their own table
        try:
            for mid, name in conn.execute("SELECT id, name FROM notetypes"):
                fields = [
                    r[0] for r in conn.execute("SELECT name FROM fields WHERE ntid = ? ORDER BY ord", (mid,))
                ]
                models[int(mid)] = {"name": name, "flds": [{"name": f} for f in fields], "type": 0}
        except sqlite3.DatabaseError:
            pass
    drafts: list[Draft] = []
    for count, (mid, flds, tags) in enumerate(conn.execute("SELECT mid, flds, tags FROM notes ORDER BY id")):
        if count >= MAX_NOTES:
            raise QuizError(M.IMPORT_TOO_MANY.format(path=path, limit=MAX_NOTES))
        model = models.get(int(mid), {})
        names = [f.get("name", "") for f in model.get("flds", [])]
        fields = flds.split("\x1f")
        is_cloze = model.get("type") == 1 or bool(_CLOZE.search(fields[0] if fields else ""))
        draft = note_to_draft(fields, names, is_cloze, tags.split())
        if draft is not None:
            drafts.append(draft)
    title = deck_names[0].split("::")[-1] if len(deck_names) == 1 else Path(path).stem
    return title, drafts


def read_anki_text(text: str, path: Path) -> tuple[str, list[Draft]]:
    """Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note per line."""
    import csv

    separator, html_on = "\t", True
    tags_col = guid_col = type_col = deck_col = None
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") and not body and ":" in line:
            key, _, value = line[1:].partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "separator":
                separator = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|"}.get(
                    value.lower(), value[:1] or "\t"
                )
            elif key == "html":
                html_on = value.lower() == "true"
            elif key.endswith("column") and value.isdigit():
                col = int(value) - 1
                if key.startswith("tags"):
                    tags_col = col
                elif key.startswith("guid"):
                    guid_col = col
                elif key.startswith("notetype"):
                    type_col = col
                elif key.startswith("deck"):
                    deck_col = col
            continue
        body.append(line)
    drafts: list[Draft] = []
    skip = {c for c in (guid_col, type_col, deck_col, tags_col) if c is not None}
    deck = None
    for count, row in enumerate(csv.reader(body, delimiter=separator)):
        if count >= MAX_NOTES:
            raise QuizError(M.IMPORT_TOO_MANY.format(path=path, limit=MAX_NOTES))
        if not any(cell.strip() for cell in row):
            continue
        tags = row[tags_col].split() if tags_col is not None and tags_col < len(row) else []
        if deck_col is not None and deck_col < len(row):
            deck = deck or row[deck_col]
        fields = [cell if html_on else esc(cell) for i, cell in enumerate(row) if i not in skip]
        is_cloze = bool(_CLOZE.search(fields[0] if fields else ""))
        draft = note_to_draft(fields, [], is_cloze, tags)
        if draft is not None:
            drafts.append(draft)
    title = deck.split("::")[-1] if deck else Path(path).stem
    assert title is not None
    return title, drafts
