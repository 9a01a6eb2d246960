"""Exchange with other tools: Anki, Quizlet/CSV, Moodle XML, GIFT, Aiken, Azota, and progress across devices.

This package sits above `quiz.bank` and `quiz.progress` (it reads banks and stores) and below `quiz.ui` /
`quiz.cli`: it never prints, never imports typer, rich or questionary. Each writer returns an `Exported`
(what was written, what was skipped and why); each reader returns the YAML text of a draft bank.
Heavy libraries (genanki) are imported only by the function that needs them.
"""
