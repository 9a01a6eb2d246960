"""Writing banks: starter banks, appending a question, fmt, drafting from an article."""
