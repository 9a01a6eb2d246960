"""Studying: answer parsing, judging, the session queue, exam scoring."""
