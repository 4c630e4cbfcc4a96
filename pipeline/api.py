"""The one-line entry points: ``analyze_text``, ``analyze_file``."""

from __future__ import annotations

import os
from typing import Any

from pipeline.ingest import document_from_text, read_path
from pipeline.nlp import analyze_document
from pipeline.schema import Analysis, DocSummary, Document
from pipeline.summarize import summarize_document


def analyse(document: Document, *, tagger: str = "combined") -> tuple[Analysis, DocSummary]:
    """Tag and summarise one ingested document: the records and the resolved summary.

    ``tagger``: "lexicon" (rules only), "model" or "combined" (the learned models of
    ``models/classifier`` on top of the rules; see ``pipeline/learn/tagger.py``). Used by
    ``pilar analyze`` and by corpus runs alike, so both give the same result.
    """
    analysis = analyze_document(document)
    if tagger != "lexicon":
        from pipeline.learn.tagger import apply_tagger

        analysis = apply_tagger(document, analysis, tagger=tagger)
    return analysis, summarize_document(document, analysis)


def summarize(document: Document, *, tagger: str = "combined") -> DocSummary:
    """Analyse and summarise one ingested document (see :func:`analyse`)."""
    return analyse(document, tagger=tagger)[1]


def analyze_text(text: str, *, source: str = "<text>", tagger: str = "combined") -> dict[str, Any]:
    """Analyse a string (plain text or Markdown) and return the contract's JSON object."""
    return summarize(document_from_text(text, source=source), tagger=tagger).to_dict()


def analyze_file(path: str | os.PathLike[str], *, tagger: str = "combined") -> list[dict[str, Any]]:
    """Analyse a file; one object per document (a table gives one per row)."""
    return [summarize(doc, tagger=tagger).to_dict() for doc in read_path(path)]
