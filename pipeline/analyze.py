"""Analyse a list of inputs: read, detect language, tag, summarise, deduplicate, in order.

Shared by ``pilar analyze`` and the Prefect flows. An input that cannot be read becomes an
error record ``{"source", "error"}``; everything else goes on. :func:`iter_results` yields each
result as soon as its document is analysed (input order kept), so the CLI streams JSONL.

Inputs: files, folders (expanded to their supported files, sorted), and ``-`` for standard
input (read whole, its format found by content, its source named ``<stdin>``). A path that does
not exist, or a folder with no supported file, is an error record too: the other inputs are
still analysed (exit 1, not 2).
"""

from __future__ import annotations

import copy
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.analyzer import Settings
from pipeline.ingest import ColumnMap, IngestError, read_source
from pipeline.schema import Document

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".csv", ".tsv",
                      ".jsonl", ".ndjson", ".parquet"}
STDIN = "-"
STDIN_SOURCE = "<stdin>"


@dataclass(frozen=True)
class Missing:
    """An input that names nothing to read (no such path, a folder of no supported file)."""

    source: str
    reason: str


def expand_inputs(paths: Iterable[str]) -> list[str | Missing]:
    """Files in the given order; a folder expands to its supported files, sorted.

    A missing path, or a folder holding no supported file, becomes a :class:`Missing` in its
    place (reported, not fatal); ``-`` (standard input) is kept as is.
    """
    out: list[str | Missing] = []
    for raw in paths:
        if raw == STDIN:
            out.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            files = [f for f in sorted(p.rglob("*"))
                     if (f.is_file() or f.is_symlink()) and not any(part.startswith(".") for part in f.relative_to(p).parts)]
            found = [str(f) for f in files if f.suffix.lower() in SUPPORTED_SUFFIXES]
            if found:
                out.extend(found)
            else:
                kinds = sorted({f.suffix.lower() or "(no suffix)" for f in files})
                what = f"{len(files)} file(s) of other kinds: {', '.join(kinds[:8])}" if files else "it is empty"
                out.append(Missing(raw, f"no supported files in folder ({what}); "
                                        f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"))
        elif p.exists() or p.is_symlink():
            out.append(raw)
        else:
            out.append(Missing(raw, "no such file or folder"))
    return out


def _read(path: str, *, max_bytes: int | None, columns: ColumnMap | None) -> list[Document | IngestError]:
    if path != STDIN:
        return read_source(path, max_bytes=max_bytes, columns=columns)
    from pipeline.ingest import max_file_bytes, read_bytes

    limit = max_file_bytes() if max_bytes is None else max_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise IngestError(f"standard input too large: over limit {limit} bytes (set PILAR_MAX_FILE_BYTES or --max-bytes)")
    items = read_bytes(data, source=STDIN_SOURCE, suffix=_stdin_suffix(data, columns), columns=columns)
    for item in items:
        if isinstance(item, Document) and item.title == "<stdin>":
            item.title = "stdin"
    return items


_HEADER_CELL = re.compile(r"^[\w .-]{1,40}$")


def _stdin_suffix(data: bytes, columns: ColumnMap | None) -> str:
    """What standard input holds, where content alone cannot tell (binary formats and HTML
    are still found by their bytes): JSONL when its first line is a JSON object, CSV when its
    first line is a header naming the text column (``isi_berita``, ``text``… or ``-c text=``),
    else plain text/Markdown."""
    import json

    from pipeline.ingest.table import _CANDIDATES

    first = data.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    if first.startswith("{"):
        try:
            if isinstance(json.loads(first), dict):
                return ".jsonl"
        except ValueError:
            pass
    delimiter = max(",;\t|", key=first.count)
    cells = [c.strip().strip('"').lower() for c in first.split(delimiter)]
    wanted = {(columns.text or "").lower()} if columns and columns.text else set(_CANDIDATES["text"])
    if len(cells) > 1 and all(_HEADER_CELL.match(c) for c in cells) and wanted & set(cells):
        return ".csv"
    return ".md"


def iter_documents(
    files: Iterable[str | Missing], *, debug: bool = False, max_bytes: int | None = None,
    columns: ColumnMap | None = None, on_file: Callable[[int], None] | None = None,
) -> Iterator[Document | dict[str, Any]]:
    """Yield documents, or error records for inputs (and table rows) that were rejected.

    Args:
        on_file: Called with the number of items each input gave (progress totals).
    """
    for path in files:
        if isinstance(path, Missing):
            if on_file:
                on_file(1)
            yield {"source": path.source, "error": path.reason}
            continue
        try:
            items = _read(path, max_bytes=max_bytes, columns=columns)
        except IngestError as exc:
            items = [IngestError(exc.reason, source=STDIN_SOURCE if path == STDIN else path)]
        except Exception as exc:  # a reader bug must not stop the run
            if debug:
                raise
            log.debug("unexpected error reading %s", path, exc_info=True)  # no traceback without --debug
            items = [IngestError(f"unexpected error: {type(exc).__name__}: {exc} (rerun with --debug)", source=path)]
        if on_file:
            on_file(len(items))
        for item in items:  # a table row that is not a document is rejected on its own
            yield {"source": item.source or path, "error": item.reason} if isinstance(item, IngestError) else item


def in_range(doc: Document, since: datetime | None, until: datetime | None) -> bool:
    """Whether ``doc`` was published in ``[since, until)`` (an undated document never is)."""
    from pipeline.ingest.dates import parse_datetime

    when = parse_datetime(doc.date) if doc.date else None
    if when is None:
        return False
    return (since is None or when.value >= since) and (until is None or when.value < until)


@dataclass
class Counts:
    """What :func:`iter_results` did, for the CLI's last word."""

    rejected: int = 0
    out_of_range: int = 0


def iter_results(
    files: Iterable[str | Missing], *, debug: bool = False, max_bytes: int | None = None,
    columns: ColumnMap | None = None, settings: Settings | None = None,
    since: datetime | None = None, until: datetime | None = None,
    counts: Counts | None = None, on_file: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """One result per document, in input order, each as soon as it is analysed.

    Args:
        since: Only documents published at or after this instant (undated ones are left out).
        until: Only documents published before this instant (exclusive: see ``parse_bound``).
        counts: Filled in as results go (rejected inputs, documents left out by the dates).
        on_file: See :func:`iter_documents`; one call per input (also for a document left out).
    """
    from pipeline.analyzer import get_analyzer, metadata_fields

    analyzer = get_analyzer(settings)
    counts = counts if counts is not None else Counts()
    seen: dict[str, dict[str, Any]] = {}
    for item in iter_documents(files, debug=debug, max_bytes=max_bytes, columns=columns, on_file=on_file):
        if isinstance(item, dict):
            counts.rejected += 1
            yield item
            continue
        if (since is not None or until is not None) and not in_range(item, since, until):
            counts.out_of_range += 1
            continue
        if item.doc_id in seen:
            dup = copy.deepcopy(seen[item.doc_id])
            dup["source"] = item.source
            dup["title"] = item.title
            for key in ("source_key", "date", "date_raw", "url"):
                dup.pop(key, None)
            dup.update(metadata_fields(item))  # where this copy came from, not the first one
            dup["duplicate_of"] = item.doc_id
            yield dup
            continue
        try:
            res = analyzer.record(item)
        except Exception as exc:
            if debug:
                raise
            log.debug("unexpected error analysing %s", item.source, exc_info=True)
            counts.rejected += 1
            yield {"source": item.source, "error": f"analysis failed: {type(exc).__name__}: {exc}"}
            continue
        seen[item.doc_id] = res
        yield res


def analyze_paths(
    files: list[str], *, debug: bool = False, max_bytes: int | None = None,
    columns: ColumnMap | None = None, settings: Settings | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """Analyse ``files`` in order; return ``(results, number rejected)``."""
    counts = Counts()
    results = list(iter_results(expand_inputs(files), debug=debug, max_bytes=max_bytes, columns=columns,
                                settings=settings, counts=counts))
    return results, counts.rejected
