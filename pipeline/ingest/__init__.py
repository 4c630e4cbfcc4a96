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
import stat
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.sniff import detect_format
from pipeline.ingest.table import ColumnMap
from pipeline.ingest.text import document_from_text, read_text
from pipeline.schema import Document

__all__ = [
    "IngestError", "read_path", "read_source", "read_bytes", "document_from_text", "ColumnMap",
    "DEFAULT_MAX_BYTES", "max_file_bytes",
]

DEFAULT_MAX_BYTES = int(os.environ.get("PILAR_MAX_FILE_BYTES", str(50 * 1024 * 1024)))


def max_file_bytes() -> int:
    """The size limit now: ``PILAR_MAX_FILE_BYTES`` as set at call time, else 50 MiB."""
    try:
        return int(os.environ.get("PILAR_MAX_FILE_BYTES", str(50 * 1024 * 1024)))
    except ValueError:
        return DEFAULT_MAX_BYTES


def _read_file(path: Path, max_bytes: int) -> bytes:
    if path.is_symlink() and not path.exists():
        raise IngestError("broken symbolic link")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except PermissionError:
        raise IngestError("permission denied") from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError("not a regular file (device, pipe or socket)")
    if info.st_size > max_bytes:
        raise IngestError(f"file too large: {info.st_size} bytes > limit {max_bytes} (set PILAR_MAX_FILE_BYTES or --max-bytes)")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except PermissionError:
        raise IngestError("permission denied") from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise IngestError(f"file too large: over limit {max_bytes} bytes (set PILAR_MAX_FILE_BYTES or --max-bytes)")
    return data


def read_bytes(
    data: bytes, *, source: str, suffix: str = "", columns: ColumnMap | None = None
) -> list[Document | IngestError]:
    """Read in-memory ``data`` as the file ``source`` would be read (format by content).

    Args:
        data: the bytes.
        source: the name to record (path or URL).
        suffix: the name's suffix with its dot; decides only among text formats.
        columns: column mapping for tabular files.

    Raises:
        IngestError: the whole source is rejected. Per-row errors come back as items.
    """
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
    path: str | os.PathLike[str], *, max_bytes: int | None = None, columns: ColumnMap | None = None
) -> list[Document | IngestError]:
    """Read one file into documents, keeping per-row errors of tables as items.

    Raises:
        IngestError: the file as a whole is rejected (with a one-line reason).
    """
    p = Path(path)
    data = _read_file(p, max_file_bytes() if max_bytes is None else max_bytes)
    items = read_bytes(data, source=str(path), suffix=p.suffix, columns=columns)
    if len(items) == 1 and isinstance(items[0], Document) and "row" not in items[0].metadata:
        items[0].metadata.setdefault("bytes", len(data))
    return items


def read_path(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, columns: ColumnMap | None = None
) -> list[Document]:
    """Read one file into documents (one for a document file, one per good row for a table).

    Raises:
        IngestError: the file is rejected, or none of its rows is a document.
    """
    items = read_source(path, max_bytes=max_bytes, columns=columns)
    docs = [item for item in items if isinstance(item, Document)]
    if not docs:
        raise next(item for item in items if isinstance(item, IngestError))
    return docs
