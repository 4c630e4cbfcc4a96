"""Analyse a list of files: read, detect language, tag, summarise, deduplicate.

Shared by ``pilar analyze`` and the Prefect flows. A file that cannot be read becomes an
error record ``{"source", "error"}``; everything else goes on.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.analyzer import Settings
from pipeline.ingest import ColumnMap, IngestError, read_source
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


def analyze_paths(
    files: list[str], *, debug: bool = False, progress: bool = False,
    max_bytes: int | None = None, columns: ColumnMap | None = None, settings: Settings | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Analyse ``files`` in order; return ``(results, number rejected)``."""
    from pipeline.analyzer import get_analyzer, metadata_fields

    analyzer = get_analyzer(settings)
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
            dup.update(metadata_fields(item))  # where this copy came from, not the first one
            dup["duplicate_of"] = item.doc_id
            results.append(dup)
            continue
        try:
            res = analyzer.record(item)
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
