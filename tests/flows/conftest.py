"""One Prefect test harness for the whole session (~11 s to start), and small corpora.

Prefect's environment is set before Prefect is imported (pipeline.flows.settings), with a
private PREFECT_HOME so tests never touch ~/.prefect.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from flows.helpers import DOCS, write_corpus
from pipeline.flows.settings import configure_prefect

_HOME = Path(tempfile.mkdtemp(prefix="pilar-prefect-test-"))
os.environ.pop("PREFECT_API_URL", None)
configure_prefect(_HOME)


@pytest.fixture(scope="session", autouse=True)
def prefect_server():
    """The session's Prefect API (a harness server); yields its URL for subprocesses."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    from pipeline.flows.settings import no_heartbeats

    with prefect_test_harness(server_startup_timeout=90), no_heartbeats():
        yield PREFECT_API_URL.value()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The three-document corpus of :data:`flows.helpers.DOCS` in a fresh folder."""
    return write_corpus(tmp_path, DOCS)
