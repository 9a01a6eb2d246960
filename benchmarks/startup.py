"""Startup cost of the command line against the framework's own floor (issue 3, issue 11).

Prints the median wall time of 10 runs of each command and the ratios, in one run:

    python benchmarks/startup.py

* `quiz --help` against `python -c "import typer"` (aim ≤ 1.2);
* `quiz study --help`, `quiz bank list` and `quiz report` on an empty store, each against a
  one-command Typer app with one option (aim ≤ 1.3): Typer builds its parameter machinery for
  every option, a cost no command of ours can avoid.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_APP = """
import typer

app = typer.Typer()


@app.command()
def main(name: str = typer.Option("x", help="A name.")) -> None:
    typer.echo(name)


app()
"""


def median_seconds(argv: list[str], env: dict[str, str], runs: int = 10) -> float:
    subprocess.run(argv, capture_output=True, check=True, env=env)  # warm the file cache (and the bank cache)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR_APP, encoding="utf-8")
        env = {
            **os.environ,
            "QUIZ_PROGRESS": str(Path(tmp) / "empty.db"),
            "QUIZ_CACHE": str(Path(tmp) / "cache"),
        }
        quiz = [sys.executable, "-m", "quiz"]
        rows = {
            "python -c 'import typer'": [sys.executable, "-c", "import typer"],
            "one-option Typer app": [sys.executable, str(floor_script), "--name", "y"],
            "quiz --help": [*quiz, "--help"],
            "quiz bank --help": [*quiz, "bank", "--help"],
            "quiz study --help": [*quiz, "study", "--help"],
            "quiz bank list": [*quiz, "bank", "list"],
            "quiz report (empty store)": [*quiz, "report"],
        }
        times = {name: median_seconds(argv, env) for name, argv in rows.items()}
    for name, seconds in times.items():
        print(f"{name:<28} median {seconds * 1000:7.1f} ms")
    typer_only, floor = times["python -c 'import typer'"], times["one-option Typer app"]
    print(f"ratio quiz --help / import typer:            {times['quiz --help'] / typer_only:.2f} (aim ≤ 1.2)")
    for name in ("quiz study --help", "quiz bank list", "quiz report (empty store)"):
        print(f"ratio {name + ' / one-option app:':<38} {times[name] / floor:.2f} (aim ≤ 1.3)")


if __name__ == "__main__":
    main()
