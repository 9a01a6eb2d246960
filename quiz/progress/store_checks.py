"""What the progress store checks before and while it opens a file, and the one-line errors it
raises: not SQLite, someone else's database, corrupt, newer schema, locked, unopenable, disk full."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from pathlib import Path

from quiz import messages as M
from quiz.errors import StoreError
from quiz.progress.schema import SCHEMA_VERSION

# --- errors ---------------------------------------------------------------------------------------------

APPLICATION_ID = 0x5155495A  # "QUIZ"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _not_sqlite(path: Path) -> StoreError:
    return StoreError(
        f"{path}: không phải tệp tiến độ của quiz (không phải cơ sở dữ liệu SQLite); "
        "tệp được giữ nguyên, hãy chọn tệp khác bằng --progress hoặc QUIZ_PROGRESS."
    )


def _foreign(path: Path) -> StoreError:
    return StoreError(
        f"{path}: là cơ sở dữ liệu SQLite của chương trình khác, không phải tệp tiến độ của quiz; "
        "tệp được giữ nguyên, hãy chọn tệp khác bằng --progress hoặc QUIZ_PROGRESS."
    )


def _corrupt(path: Path) -> StoreError:
    return StoreError(
        f"{path}: tệp tiến độ bị hỏng, không đọc được; tệp được giữ nguyên, "
        f"hãy chạy `quiz progress repair --progress {path} -o TỆP_MỚI` để cứu phần đọc được, "
        "khôi phục từ bản sao lưu, hoặc chọn tệp khác bằng --progress."
    )


def _newer(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path}: tệp tiến độ do phiên bản quiz mới hơn tạo ra (lược đồ v{version}, "
        f"bản này chỉ hiểu tới v{SCHEMA_VERSION}); hãy cập nhật quiz. Tệp được giữ nguyên."
    )


def _locked(path: Path, busy_timeout_ms: int) -> StoreError:
    return StoreError(
        f"{path}: tệp tiến độ đang bị một chương trình khác khoá quá {busy_timeout_ms / 1000:g} giây; "
        "hãy thử lại sau."
    )


LOW_SPACE_BYTES = 1024 * 1024  # below this, SQLite's "I/O error" or "cannot open" is a full disk


def _disk_state(path: Path) -> int | None:
    """ENOSPC or EROFS when the disk holding `path` is full or read-only, else None: SQLite reports
    both as an I/O error or "unable to open" (it cannot grow the -wal or create the -shm)."""
    try:
        info = os.statvfs(path.parent)
    except (OSError, AttributeError):  # no statvfs (Windows), or the folder is gone
        return None
    if info.f_flag & getattr(os, "ST_RDONLY", 1):
        return errno.EROFS
    return errno.ENOSPC if info.f_bavail * info.f_frsize < LOW_SPACE_BYTES else None


def _unopenable(path: Path, err: BaseException) -> StoreError:
    number = getattr(err, "errno", None)
    if number is None:
        number = _disk_state(path)
        err = OSError(number, "") if number else err
    if number in (errno.ENOSPC, errno.EDQUOT):
        return _disk_full(path)  # "đĩa đầy", not a vague "I/O error" or "no permission"
    reason = M.os_reason(err) if isinstance(err, OSError) else M.OS_ERROR_UNKNOWN
    return StoreError(f"{path}: không mở hoặc tạo được tệp tiến độ ({reason}).")


def _disk_full(path: Path) -> StoreError:
    return StoreError(
        f"{path}: không ghi được tệp tiến độ vì đĩa đã đầy; hãy giải phóng dung lượng rồi thử lại."
    )


# SQLite primary result codes (err.sqlite_errorcode & 0xFF on Python 3.11+) and, for 3.10, message fragments.
_BUSY, _LOCKED, _PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 3, 8, 10, 11, 13, 14, 26
_FRAGMENTS = (
    ("locked", _BUSY),
    ("busy", _BUSY),
    ("not a database", _NOTADB),
    ("malformed", _CORRUPT),
    ("disk is full", _FULL),
    ("unable to open", _CANTOPEN),
    ("readonly", _READONLY),
    ("disk i/o", _IOERR),
    ("could not decode", _CORRUPT),  # Python's own: text in a row that is not UTF-8
)


def _error_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    text = str(err).lower()
    return next((code for fragment, code in _FRAGMENTS if fragment in text), None)


def _is_locked(err: sqlite3.Error) -> bool:
    return _error_code(err) in (_BUSY, _LOCKED)


# --- file checks before SQLite touches the file -------------------------------------------------------


def _check_header(path: Path) -> bool:
    """Raise unless `path` is empty or looks like a whole SQLite file; True when it is empty (new)."""
    try:
        size = path.stat().st_size
        if size == 0:
            return True
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as err:
        raise _unopenable(path, err) from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise _not_sqlite(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _corrupt(path)
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False  # the WAL may legitimately hold pages the main file lacks
    if size % page_size:
        raise _corrupt(path)
    pages = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    if pages and change_counter == valid_for and size < pages * page_size:
        raise _corrupt(path)  # truncated
    return False


def _inspect(conn: sqlite3.Connection) -> tuple[int, int, list[str]]:
    """(application_id, user_version, names of schema objects), read in one consistent snapshot."""
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")  # another process may be creating the schema right now
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        ]
    finally:
        if own_transaction and conn.in_transaction:
            conn.execute("COMMIT")
    return app_id, version, names


def _classify(path: Path, app_id: int, version: int, names: list[str]) -> int:
    """The version to migrate from (0 for a blank database); raise if the file is not ours."""
    if app_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise _newer(path, version)
        return version
    if app_id == 0 and version == 0 and not names:
        return 0
    raise _foreign(path)


# --- damage checks before the first write of a session (issue 15) -------------------------------------

# The schema objects each version has (later versions keep the earlier ones): a store missing one of
# them is damaged, not merely old. Versions past 3 add their own objects; these stay required.
REQUIRED_OBJECTS: dict[int, frozenset[str]] = {
    1: frozenset(
        {
            "reviews",
            "cards",
            "reviews_at",
            "reviews_bank_question",
            "cards_due",
            "cards_first_review",
            "reviews_no_update",
            "reviews_no_delete",
        }
    ),
    2: frozenset({"reviews_card"}),
    3: frozenset({"tallies", "reviews_tally"}),
    4: frozenset(
        {"reviews_correction", "reviews_corrects", "bank_paths", "plans", "fsrs_parameters", "store_info"}
    ),
}
# Up to this size `integrity_check` (indexes too, ~0.05 s); past it `quick_check` (pages only).
FULL_CHECK_BYTES = 4 * 1024 * 1024


def missing_objects(version: int, names: list[str]) -> list[str]:
    """The schema objects a store of `version` must have and does not (a dropped table, a lost index)."""
    present = set(names)
    required: set[str] = set()
    for step, objects in REQUIRED_OBJECTS.items():
        if step <= version:
            required |= objects
    return sorted(required - present)


def check_pages(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's own consistency check of every page (and, on a small file, of every index entry)."""
    wal = path.with_name(path.name + "-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    pragma = "integrity_check" if size <= FULL_CHECK_BYTES else "quick_check"
    rows = conn.execute(f"PRAGMA {pragma}(1)").fetchall()  # the first fault is enough to refuse
    if rows != [("ok",)]:
        raise _corrupt(path)


def check_rows(conn: sqlite3.Connection, path: Path) -> None:
    """Values SQLite cannot see are wrong: every card's times and state, and the first and last answer
    time (both ends of the `reviews_at` index, so a million answers cost two lookups)."""
    bad_card = conn.execute(
        "SELECT 1 FROM cards WHERE julianday(due) IS NULL OR julianday(first_review) IS NULL"
        " OR julianday(last_review) IS NULL OR state NOT IN ('learning', 'review', 'relearning') LIMIT 1"
    ).fetchone()
    first, last = conn.execute("SELECT min(at), max(at) FROM reviews").fetchone()
    ends = [value for value in (first, last) if value is not None]
    parses = [conn.execute("SELECT julianday(?) IS NOT NULL", (value,)).fetchone()[0] for value in ends]
    if bad_card or not all(parses):
        raise _corrupt(path)


def check_wal(path: Path, attempts: int = 3) -> None:
    """Refuse a leftover `-wal` whose replay would lose committed answers (quiz/progress/wal.py).

    Another process may be writing to the log as it is read (a frame half written looks damaged), so a
    fault counts only when it is there twice over an unchanged file.
    """
    from quiz.progress.wal import wal_problem

    wal = path.with_name(path.name + "-wal")
    seen: tuple[str, int, int] | None = None
    for _ in range(attempts):
        try:
            before = wal.stat()
            problem = wal_problem(path)
            after = wal.stat()
        except FileNotFoundError:
            return  # the last connection closed meanwhile: checkpointed and gone
        except OSError as err:
            raise _unopenable(path, err) from None
        if problem is None:
            return
        stamp = (problem, after.st_size, after.st_mtime_ns)
        if (before.st_size, before.st_mtime_ns) == stamp[1:] and stamp == seen:
            where = (
                M.STORE_WAL_HEADER
                if problem == "header"
                else M.STORE_WAL_FRAME.format(n=problem.removeprefix("frame "))
            )
            raise StoreError(M.STORE_WAL_DAMAGED.format(path=path, wal=wal.name, where=where))
        seen = stamp
        time.sleep(0.02)
