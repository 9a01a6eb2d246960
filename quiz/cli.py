"""The command line: a thin Typer layer over the core (placeholder, being built)."""

import typer

app = typer.Typer()


def main() -> None:
    app()
