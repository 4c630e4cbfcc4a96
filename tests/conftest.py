"""Shared fixtures: one spaCy pipeline per test session, the thesis text, the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
THESIS = ROOT / "corpora" / "thesis" / "bab6-penutup.txt"
SHARED = Path(os.environ.get("PILAR_SHARED_DIR", ROOT.parent / "shared"))
DETIK_CSV = SHARED / "corpora" / "detik-2025" / "data_berita.csv"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def thesis_text() -> str:
    return THESIS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def detik_csv() -> Path:
    if not DETIK_CSV.exists():
        pytest.skip("shared Detik corpus not present (../shared/corpora/detik-2025)")
    return DETIK_CSV


def analyze(text: str) -> dict:
    from pipeline import analyze_text

    return analyze_text(text)


def mentions(text: str) -> list:
    """Pillar mentions of ``text`` (ignores relevance gating)."""
    from pipeline.ingest import document_from_text
    from pipeline.nlp import analyze_document

    return analyze_document(document_from_text(text, source="t")).mentions
