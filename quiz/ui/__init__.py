"""The terminal: rendering, prompts, the session runner, report text and HTML."""
