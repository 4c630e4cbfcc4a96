"""Settings and paths. Environment variables ``PILAR_*`` override the defaults."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def models_dir() -> Path:
    """Where taxonomy, lexicons and trained models live (``PILAR_MODELS_DIR``)."""
    return Path(os.environ.get("PILAR_MODELS_DIR", PROJECT_DIR / "models"))


def corpora_dir() -> Path:
    """Where corpus definitions live (``PILAR_CORPORA_DIR``)."""
    return Path(os.environ.get("PILAR_CORPORA_DIR", PROJECT_DIR / "corpora"))


def shared_dir() -> Path:
    """The read-only shared material beside the checkout (``PILAR_SHARED_DIR``)."""
    return Path(os.environ.get("PILAR_SHARED_DIR", PROJECT_DIR.parent / "shared"))


def data_dir(explicit: str | os.PathLike[str] | None = None, *, corpus_output: str | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``PILAR_DATA_DIR``, else the corpus's output, else ``./data``."""
    if explicit:
        return Path(explicit)
    if os.environ.get("PILAR_DATA_DIR"):
        return Path(os.environ["PILAR_DATA_DIR"])
    if corpus_output:
        return Path(corpus_output)
    return Path("data")


def default_tagger() -> str:
    """The tagger corpus runs use (``PILAR_TAGGER``: combined, model or lexicon)."""
    return os.environ.get("PILAR_TAGGER", "combined")
