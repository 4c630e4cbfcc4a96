"""The one-line entry points: ``analyze_text``, ``analyze_file``."""

from __future__ import annotations

import os
from typing import Any

from pipeline.ingest import document_from_text, read_path
from pipeline.nlp import analyze_document
from pipeline.schema import DocSummary, Document
from pipeline.summarize import summarize_document


def summarize(document: Document) -> DocSummary:
    """Analyse and summarise one ingested document."""
    return summarize_document(document, analyze_document(document))


def analyze_text(text: str, *, source: str = "<text>") -> dict[str, Any]:
    """Analyse a string (plain text or Markdown) and return the contract's JSON object."""
    return summarize(document_from_text(text, source=source)).to_dict()


def analyze_file(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Analyse a file; one object per document (a table gives one per row)."""
    return [summarize(doc).to_dict() for doc in read_path(path)]
