"""Keep the test run hermetic: the bank cache lives in a temporary folder, not in the user's."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _bank_cache(tmp_path_factory):
    os.environ["QUIZ_CACHE"] = str(tmp_path_factory.mktemp("bank-cache"))
    yield
