"""Settings and paths. Environment variables ``PILAR_*`` override the defaults."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def models_dir() -> Path:
    """Where taxonomy, lexicons and trained models live.

    ``PILAR_MODELS_DIR``, else the checkout's ``models/`` (a source tree or an editable
    install), else the copy a wheel installs under ``<prefix>/share/pilar/models``.
    """
    if os.environ.get("PILAR_MODELS_DIR"):
        return Path(os.environ["PILAR_MODELS_DIR"])
    checkout = PROJECT_DIR / "models"
    if (checkout / "lexicon").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "pilar" / "models"


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
