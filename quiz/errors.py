"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2."""


class QuizError(Exception):
    """A user mistake (bad input, unknown bank, corrupt store): one clear line, exit 2."""

    exit_code = 2


class StoreError(QuizError):
    """The progress store is not ours, corrupt, or from a newer version."""
