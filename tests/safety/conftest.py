"""A Prefect API for the CLI runs of these tests: pilar's own temporary server, started once.

It is the server `pilar run` starts when ``PREFECT_API_URL`` is unset
(:mod:`pipeline.flows.server`), shared here so each CLI run skips the start-up.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def prefect_api():
    from pipeline.flows.server import temporary_server

    home = Path(tempfile.mkdtemp(prefix="pilar-safety-prefect-"))
    with temporary_server(home) as url:
        yield url
