"""Fixtures of the report tests: the small corpora of :mod:`report.samples`, run once."""

from __future__ import annotations

import pytest

from report.samples import Corpora, build


@pytest.fixture(scope="session")
def corpora(tmp_path_factory) -> Corpora:
    return build(tmp_path_factory.mktemp("report-corpora"))
