"""Ingestion: any supported source in, :class:`~pipeline.schema.Document` out.

``read_path`` picks the reader and turns every failure into :class:`IngestError` with a
one-line reason. Readers never raise anything else.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.text import document_from_text, read_text
from pipeline.schema import Document

__all__ = ["IngestError", "read_path", "document_from_text", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = int(os.environ.get("PILAR_MAX_FILE_BYTES", str(50 * 1024 * 1024)))

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if path.is_symlink() and not path.exists():
        raise IngestError("broken symbolic link")
    if not path.exists():
        raise IngestError("no such file")
    if path.is_dir():
        raise IngestError("is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"file too large: {size} bytes > limit {max_bytes} (set PILAR_MAX_FILE_BYTES)")
    try:
        return path.read_bytes()
    except PermissionError:
        raise IngestError("permission denied") from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Read one file into documents (one for a document file, one per row for a table)."""
    p = Path(path)
    source = str(path)
    data = _read_bytes(p, max_bytes)
    fmt = TEXT_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise IngestError(f"unknown format '{p.suffix or '(no suffix)'}': expected .txt or .md")
    return [read_text(data, source=source, fmt=fmt)]
