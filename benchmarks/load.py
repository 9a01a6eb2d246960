"""Load and validate a generated 10,000-question bank (issue 3: aim < 1 s), and load it from the cache.

python benchmarks/load.py [QUESTIONS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from quiz.bank.loader import load_file

TEMPLATES = [
    "  - id: so-{n}\n    type: number\n    prompt: Câu số {n}, bao nhiêu chính đảng?\n    answer: {n}\n"
    "    unit: chính đảng\n    quote: quan hệ với {n} chính đảng\n    tags: [số-liệu]\n",
    "  - id: chon-{n}\n    type: choice\n    prompt: Câu {n}, ai là Trưởng Ban?\n"
    "    choices: [Hoàng Bình Quân, Lê Hoài Trung, Nguyễn Huy Tăng]\n    answer: Lê Hoài Trung\n",
    "  - id: ngay-{n}\n    type: date\n    prompt: Câu {n}, Chỉ thị 32-CT/TW ban hành ngày nào?\n"
    "    answer: 2019-02-18\n",
    "  - id: tre-{n}\n    type: cloze\n"
    "    text: 'Câu {n} - \"{{{{gốc vững}}}}, {{{{thân chắc}}}}, {{{{cành uyển chuyển}}}}\"'\n",
    "  - id: chu-{n}\n    type: text\n    prompt: Câu {n}, chỉ thị nào?\n    answer: Chỉ thị 32-CT/TW\n"
    '    accept: ["32-CT/TW"]\n    explanation: Chỉ thị của Bộ Chính trị năm 2019.\n',
]


def generate(count: int) -> str:
    head = "bank: lon\ntitle: Ngân hàng lớn\nquestions:\n"
    return head + "".join(TEMPLATES[n % len(TEMPLATES)].format(n=n) for n in range(count))


def best_of(path: Path, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        bank, problems = load_file(path)
        best = min(best, time.perf_counter() - start)
        assert not problems and bank is not None, problems[:3]
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lon.yaml"
        path.write_text(generate(count), encoding="utf-8")
        size = path.stat().st_size
        os.environ["QUIZ_CACHE"] = "0"
        validate = best_of(path)
        os.environ["QUIZ_CACHE"] = str(Path(tmp) / "cache")
        load_file(path)  # fill the cache
        cached = best_of(path)
    print(f"{count:,} questions, {size / 1e6:.1f} MB:")
    print(f"  parse + validate, best of 3: {validate:.3f} s (aim < 1 s)")
    print(f"  from the bank cache, best of 3: {cached:.3f} s")


if __name__ == "__main__":
    main()
