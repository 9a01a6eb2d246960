"""How much `quiz --help` costs on top of importing Typer (issue 3: aim ≤ 1.3).

Prints the median wall time of 10 runs of each command and their ratio:

    python benchmarks/startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def median_seconds(argv: list[str], runs: int = 10) -> float:
    subprocess.run(argv, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    typer_only = median_seconds([sys.executable, "-c", "import typer"])
    help_ = median_seconds([sys.executable, "-m", "quiz", "--help"])
    bank = median_seconds([sys.executable, "-m", "quiz", "bank", "--help"])
    print(f"python -c 'import typer'   median {typer_only * 1000:7.1f} ms")
    print(f"quiz --help                median {help_ * 1000:7.1f} ms")
    print(f"quiz bank --help           median {bank * 1000:7.1f} ms")
    print(f"ratio quiz --help / import typer: {help_ / typer_only:.2f} (aim ≤ 1.3)")


if __name__ == "__main__":
    main()
