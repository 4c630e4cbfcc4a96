"""The one-line entry points: ``analyze_text``, ``analyze_file`` (through the one Analyzer)."""

from __future__ import annotations

import os
from typing import Any

from pipeline.analyzer import DEFAULT_TAGGER, Settings, get_analyzer
from pipeline.ingest import document_from_text, read_path


def analyze_text(text: str, *, source: str = "<text>", tagger: str = DEFAULT_TAGGER,
                 settings: Settings | None = None) -> dict[str, Any]:
    """Analyse a string (plain text or Markdown) and return the contract's JSON object.

    ``settings`` overrides ``tagger`` when given (see :class:`pipeline.analyzer.Settings`).
    """
    analyzer = get_analyzer(settings or Settings(tagger=tagger))
    return analyzer.record(document_from_text(text, source=source))


def analyze_file(path: str | os.PathLike[str], *, tagger: str = DEFAULT_TAGGER,
                 settings: Settings | None = None) -> list[dict[str, Any]]:
    """Analyse a file; one object per document (a table gives one per row)."""
    analyzer = get_analyzer(settings or Settings(tagger=tagger))
    return [analyzer.record(doc) for doc in read_path(path)]
