"""Check a leftover `-wal` file before SQLite reads it: a damaged log must not silently lose answers.

When a process is killed between a commit and the next checkpoint, the answers it committed live only
in the write-ahead log (`progress.db-wal`). SQLite replays the log up to the first frame whose salt or
checksum does not match and silently ignores the rest, so one flipped byte in an early frame (or in
the log's header) makes every later answer vanish without a word. This module reads the log as SQLite
would (https://www.sqlite.org/fileformat.html#the_write_ahead_log) and says when that would happen.

A log is *damaged* when a frame that SQLite would drop lies at or before the log's last commit frame
(a committed, acknowledged answer would be lost), or when the header itself is unreadable while frames
follow it. Frames after the last commit are a transaction the crash interrupted: never acknowledged,
dropped by SQLite, and no damage. Frames of an older generation (another salt) after the current ones
are the log being reused: no damage either.

Standard library only; the cost is one pass over the log (a few MB at most: SQLite checkpoints every
1000 pages), paid only when a log was left behind.
"""

from __future__ import annotations

import struct
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums in little-endian / big-endian words
HEADER = 32
FRAME_HEADER = 24


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    """SQLite's WAL checksum of `data` (a multiple of 8 bytes), continuing from (s0, s1)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    it = iter(words)
    for a, b in zip(it, it, strict=False):
        s0 = (s0 + a + s1) & mask
        s1 = (s1 + b + s0) & mask
    return s0, s1


def wal_problem(db: Path) -> str | None:
    """Why replaying `db`'s leftover -wal would lose committed answers, or None (no log, or a sound one).

    The reason is a short English tag for logs and tests ("header", "frame N"); callers show their own
    Vietnamese line.
    """
    wal = db.with_name(db.name + "-wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if len(data) < HEADER + FRAME_HEADER:
        return None  # empty or a header only: nothing committed lives there
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:HEADER])
    frames = (len(data) - HEADER) // (FRAME_HEADER + page_size) if 512 <= page_size <= 65536 else 0
    if magic not in WAL_MAGIC or page_size & (page_size - 1) or not frames:
        return "header"
    big = magic & 1 == 1
    if _checksum(data[:24], big, 0, 0) != (c0, c1):
        return "header"
    # Walk the frames as SQLite does, but keep going past the first bad one to see what it would drop.
    s0, s1 = c0, c1
    first_bad: int | None = None
    last_commit = -1
    size = FRAME_HEADER + page_size
    for n in range(frames):
        at = HEADER + n * size
        _page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", data[at : at + FRAME_HEADER])
        if (f_salt1, f_salt2) != (salt1, salt2):
            if first_bad is None:
                first_bad = n
            # another generation, or damage: keep chaining from what the frame claims
            s0, s1 = f0, f1
            continue
        got = _checksum(data[at : at + 8] + data[at + FRAME_HEADER : at + size], big, s0, s1)
        if got != (f0, f1) and first_bad is None:
            first_bad = n
        if commit:
            last_commit = n
        s0, s1 = f0, f1  # the next frame chains from this one's stored sums, as it was written
    if first_bad is not None and first_bad <= last_commit:
        return f"frame {first_bad + 1}"
    return None
