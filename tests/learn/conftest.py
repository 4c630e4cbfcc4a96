"""Small, fast training data for the learn tests: the thesis and the written sentences only.

(No Detik text needed, so these tests run without ../shared; the full corpus is exercised
by ``pilar evaluate``.)
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def small_data():
    from pipeline.learn.dataset import build_dataset

    return build_dataset(use_shared=False)


@pytest.fixture(scope="session")
def small_bundle(small_data):
    from pipeline.learn.fit import fit_bundle

    return fit_bundle(small_data, seed=7)
