"""`quiz import`: another tool's file → a draft bank (YAML) that passes `quiz bank check`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quiz import messages as M
from quiz.errors import QuizError
from quiz.exchange.common import write_bytes_atomic
from quiz.exchange.draftbank import Draft, Imported, bank_id_for, bank_text

IMPORT_FORMATS = ("anki", "anki-text", "quizlet", "csv")
MAX_TEXT_BYTES = 32 * 1024 * 1024

_BY_SUFFIX = {".apkg": "anki", ".colpkg": "anki", ".csv": "csv", ".tsv": "quizlet"}


def guess_format(path: Path, head: str = "") -> str | None:
    """The import format a file name (and, for `.txt`, its first line) suggests; None if unknown."""
    suffix = Path(path).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix == ".txt":
        return "anki-text" if head.startswith("#") and ":" in head.split("\n", 1)[0] else "quizlet"
    return None


def _read_text(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as err:
        raise QuizError(M.READ_FAILED.format(path=path, error=M.os_reason(err))) from None
    if len(data) > MAX_TEXT_BYTES:
        raise QuizError(M.IMPORT_TOO_BIG.format(path=path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizError(M.NOT_TEXT.format(path=path)) from None


def read_drafts(path: Path, fmt: str | None = None) -> tuple[str, list[Draft], str]:
    """(title, drafts, format) read from `path`; the format from `fmt` or the file's name."""
    from quiz.exchange import anki, tabular

    path = Path(path)
    text = ""
    if fmt is None and path.suffix.lower() == ".txt":
        text = _read_text(path)
    fmt = fmt or guess_format(path, text)
    if fmt is None or fmt not in IMPORT_FORMATS:
        raise QuizError(M.UNKNOWN_FORMAT.format(path=path, formats=", ".join(IMPORT_FORMATS)))
    if fmt == "anki":
        title, drafts = anki.read_apkg(path)
        return title, drafts, fmt
    text = text or _read_text(path)
    if fmt == "anki-text":
        title, drafts = anki.read_anki_text(text, path)
        return title, drafts, fmt
    drafts = tabular.read_quizlet(text, path) if fmt == "quizlet" else tabular.read_csv(text, path)
    return path.stem, drafts, fmt


def import_file(source: Path, out: Path, fmt: str | None = None, *, overwrite: bool = False) -> Imported:
    """Read `source`, write the draft bank to `out` (never over an existing file unless `overwrite`)."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise QuizError(M.IMPORT_EXISTS.format(path=out))
    title, drafts, _fmt = read_drafts(Path(source), fmt)
    bank_id = bank_id_for(out)
    text, without_quote = bank_text(drafts, bank_id=bank_id, title=title, origin=str(source))
    write_bytes_atomic(out, text.encode("utf-8"))
    return Imported(
        path=out,
        bank_id=bank_id,
        questions=len(drafts),
        without_quote=without_quote,
        skipped=0,
        by_type=dict(Counter(d.type for d in drafts)),
    )
