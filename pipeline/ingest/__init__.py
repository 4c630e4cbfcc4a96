"""Ingestion: any supported source in, :class:`~pipeline.schema.Document` out.

``read_path`` picks the reader by content (:mod:`pipeline.ingest.sniff`: magic bytes first,
the suffix only among text formats) and turns every failure into :class:`IngestError` with a
one-line reason. Readers never raise anything else.

``read_source`` is the same for callers that want per-row errors of tabular files: it returns
documents and :class:`IngestError` items (with ``source`` = ``path#<row id>``) in row order.

Readers: :mod:`~pipeline.ingest.text` (plain text, Markdown), :mod:`~pipeline.ingest.pdf`,
:mod:`~pipeline.ingest.docx`, :mod:`~pipeline.ingest.html`, :mod:`~pipeline.ingest.table`
(CSV, JSONL, Parquet). Cleaning: :mod:`~pipeline.ingest.clean`. Dates:
:mod:`~pipeline.ingest.dates`. Language: :mod:`~pipeline.ingest.language`.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.guards import (
    DEFAULT_MAX_FILE_BYTES,
    max_doc_chars,
    max_file_bytes,
    read_regular_file,
    split_document,
    too_long,
)
from pipeline.ingest.sniff import detect_format
from pipeline.ingest.table import ColumnMap
from pipeline.ingest.text import document_from_text, read_text
from pipeline.schema import Document

__all__ = [
    "IngestError", "read_path", "read_source", "read_bytes", "document_from_text", "ColumnMap",
    "DEFAULT_MAX_BYTES", "max_file_bytes", "max_doc_chars",
]

DEFAULT_MAX_BYTES = int(os.environ.get("PILAR_MAX_FILE_BYTES", str(DEFAULT_MAX_FILE_BYTES)))


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The guards every local input passes (:mod:`pipeline.ingest.guards`)."""
    return read_regular_file(path, max_bytes=max_bytes)


def _limit_length(items: list[Document | IngestError], how: str) -> list[Document | IngestError]:
    """Documents over the character limit: rejected with the reason, or split into parts."""
    limit = max_doc_chars()
    out: list[Document | IngestError] = []
    for item in items:
        if isinstance(item, Document) and len(item.text) > limit:
            if how == "split":
                out.extend(split_document(item, limit))
                continue
            err = too_long(len(item.text), limit)
            err.source = item.source_key if item.source_key != item.source else None
            out.append(err)
            continue
        out.append(item)
    return out


def read_bytes(
    data: bytes, *, source: str, suffix: str = "", columns: ColumnMap | None = None,
    long_documents: str = "reject",
) -> list[Document | IngestError]:
    """Read in-memory ``data`` as the file ``source`` would be read (format by content).

    Args:
        data: the bytes.
        source: the name to record (path or URL).
        suffix: the name's suffix with its dot; decides only among text formats.
        columns: column mapping for tabular files.
        long_documents: a document over the character limit (:func:`~pipeline.ingest.guards.max_doc_chars`)
            is ``"reject"``-ed with the reason, or ``"split"`` into parts (corpus runs).

    Raises:
        IngestError: the whole source is rejected. Per-row errors come back as items.
    """
    items = _read_formats(data, source=source, suffix=suffix, columns=columns)
    one = items[0] if len(items) == 1 else None
    if isinstance(one, Document) and "row" not in one.metadata and long_documents != "split" \
            and len(one.text) > max_doc_chars():
        raise too_long(len(one.text))  # a document file: the file is what is rejected
    return _limit_length(items, long_documents)


def _read_formats(data: bytes, *, source: str, suffix: str, columns: ColumnMap | None) -> list[Document | IngestError]:
    if not data:
        raise IngestError("empty file")
    fmt = detect_format(data, suffix=suffix.lower())
    if fmt in ("txt", "md"):
        return [read_text(data, source=source, fmt=fmt)]
    if fmt == "pdf":
        from pipeline.ingest.pdf import read_pdf

        return [read_pdf(data, source=source)]
    if fmt == "docx":
        from pipeline.ingest.docx import read_docx

        return [read_docx(data, source=source)]
    if fmt == "html":
        from pipeline.ingest.html import read_html

        return [read_html(data, source=source)]
    from pipeline.ingest.table import read_table

    return read_table(data, source=source, fmt=fmt, columns=columns)


def read_source(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, columns: ColumnMap | None = None,
    long_documents: str = "reject",
) -> list[Document | IngestError]:
    """Read one file into documents, keeping per-row errors of tables as items.

    Raises:
        IngestError: the file as a whole is rejected (with a one-line reason).
    """
    p = Path(path)
    data = _read_file(p, max_file_bytes() if max_bytes is None else max_bytes)
    items = read_bytes(data, source=str(path), suffix=p.suffix, columns=columns, long_documents=long_documents)
    if len(items) == 1 and isinstance(items[0], Document) and "row" not in items[0].metadata:
        items[0].metadata.setdefault("bytes", len(data))
    return items


def read_path(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, columns: ColumnMap | None = None,
    long_documents: str = "reject",
) -> list[Document]:
    """Read one file into documents (one for a document file, one per good row for a table).

    Raises:
        IngestError: the file is rejected, or none of its rows is a document.
    """
    items = read_source(path, max_bytes=max_bytes, columns=columns, long_documents=long_documents)
    docs = [item for item in items if isinstance(item, Document)]
    if not docs:
        raise next(item for item in items if isinstance(item, IngestError))
    return docs
