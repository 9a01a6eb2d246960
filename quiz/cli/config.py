"""`quiz config`: show or change the learner's preferences (quiz/progress/preferences.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz import messages as M
from quiz.cli.common import echo, user_errors


@user_errors
def config(
    accept_no_diacritics: Annotated[
        bool | None,
        typer.Option(
            "--accept-no-diacritics/--require-diacritics",
            help="Tính câu trả lời gõ không dấu là đúng (vẫn hiện cách viết có dấu), hoặc thôi.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Xem hoặc đổi tuỳ chọn của người học (lưu trong tệp tuỳ chọn, dùng cho mọi phiên sau).

    
    Ví dụ:
      quiz config
      quiz config --accept-no-diacritics
      quiz config --require-diacritics
    """
    from quiz.progress import preferences

    path = preferences.default_path()
    prefs = preferences.load(path)
    if accept_no_diacritics is not None:
        prefs = preferences.Preferences(accept_no_diacritics=accept_no_diacritics)
        preferences.save(prefs, path)
        echo(M.CONFIG_SAVED.format(path=path))
    value = M.CONFIG_ON if prefs.accept_no_diacritics else M.CONFIG_OFF
    echo(M.CONFIG_ACCEPT_NO_DIACRITICS.format(value=value))
    if accept_no_diacritics is None:
        echo(M.CONFIG_FILE.format(path=path), style="dim")
