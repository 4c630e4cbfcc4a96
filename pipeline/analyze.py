"""Analyse a list of files: read, detect language, tag, summarise, deduplicate.

Shared by ``pilar analyze`` and the Prefect flows. A file that cannot be read becomes an
error record ``{"source", "error"}``; everything else goes on.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.ingest import ColumnMap, IngestError, read_source
from pipeline.ingest.language import detect_language
from pipeline.schema import Document

log = logging.getLogger(__name__)


def iter_documents(
    files: Iterable[str], *, debug: bool = False, max_bytes: int | None = None, columns: ColumnMap | None = None
) -> Iterator[Document | dict[str, Any]]:
    """Yield documents, or error records for files (and table rows) that were rejected."""
    for path in files:
        try:
            items = read_source(path, max_bytes=max_bytes, columns=columns)
        except IngestError as exc:
            yield {"source": path, "error": exc.reason}
            continue
        except Exception as exc:  # a reader bug must not stop the run
            if debug:
                raise
            log.debug("unexpected error reading %s", path, exc_info=True)  # no traceback without --debug
            yield {"source": path, "error": f"unexpected error: {type(exc).__name__}: {exc} (rerun with --debug)"}
            continue
        for item in items:  # a table row that is not a document is rejected on its own
            yield {"source": item.source or path, "error": item.reason} if isinstance(item, IngestError) else item


def annotate_language(doc: Document) -> None:
    if doc.language is None:
        res = detect_language(doc.text)
        doc.language = res.language
        doc.metadata["language_confidence"] = res.confidence
        doc.metadata["language_mixed"] = res.mixed


def analyze_paths(
    files: list[str], *, debug: bool = False, progress: bool = False,
    max_bytes: int | None = None, columns: ColumnMap | None = None, tagger: str = "combined",
) -> tuple[list[dict[str, Any]], int]:
    """Analyse ``files`` in order; return ``(results, number rejected)``."""
    from pipeline.api import summarize

    results: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    rejected = 0
    items = iter_documents(files, debug=debug, max_bytes=max_bytes, columns=columns)
    if progress:
        from rich.progress import track

        items = track(list(items), description="analysing", transient=True)
    for item in items:
        if isinstance(item, dict):
            results.append(item)
            rejected += 1
            continue
        if item.doc_id in seen:
            dup = copy.deepcopy(seen[item.doc_id])
            dup["source"] = item.source
            dup["title"] = item.title
            dup.update(_metadata_fields(item))  # where this copy came from, not the first one
            dup["duplicate_of"] = item.doc_id
            results.append(dup)
            continue
        try:
            annotate_language(item)
            res = summarize(item, tagger=tagger).to_dict()
            res.update(_metadata_fields(item))
        except Exception as exc:
            if debug:
                raise
            log.debug("unexpected error analysing %s", item.source, exc_info=True)
            results.append({"source": item.source, "error": f"analysis failed: {type(exc).__name__}: {exc}"})
            rejected += 1
            continue
        seen[item.doc_id] = res
        results.append(res)
    return results, rejected


def _metadata_fields(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if doc.source_key != doc.source:  # a table row: path#<row id>
        out["source_key"] = doc.source_key
    out["format"] = doc.format
    if doc.date:
        out["date"] = doc.date
    if doc.url:
        out["url"] = doc.url
    if doc.metadata.get("language_mixed"):
        out["language_mixed"] = True
    out["sections"] = [s.title for s in doc.sections]
    if doc.metadata.get("cleaning"):
        out["cleaning"] = doc.metadata["cleaning"]
    return out
