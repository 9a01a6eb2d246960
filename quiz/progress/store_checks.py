"""What the progress store checks before and while it opens a file, and the one-line errors it
raises: not SQLite, someone else's database, corrupt, newer schema, locked, unopenable, disk full."""

from __future__ import annotations

import sqlite3
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
        "hãy khôi phục từ bản sao lưu hoặc chọn tệp khác bằng --progress."
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


def _unopenable(path: Path, err: BaseException) -> StoreError:
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
