"""The guards every local input passes before it is read: `pilar analyze` and `pilar run` alike.

- **Regular files only.** A FIFO, a character device (``/dev/zero``, ``/dev/urandom``) or a
  socket is refused by its type, before any read. The file is opened with ``O_NONBLOCK`` and
  its type checked again on the open descriptor (``fstat``), so a path swapped for a FIFO
  between the two checks cannot make the open or the read block.
- **A size limit** (``PILAR_MAX_FILE_BYTES``, default 50 MiB; a corpus source may set its own
  ``max_bytes``), checked on the size the file states and again while reading (a file that
  grows while read is cut off at the limit, not read to the end).
- **A character limit per document** (:func:`max_doc_chars`, ``PILAR_MAX_DOC_CHARS``, default
  1,000,000: spaCy's own ``max_length``, above which its tokenizer refuses a text with E088 after
  all the reading and cleaning was paid for). Readers stop early on inputs that cannot fit
  (:data:`TEXT_BYTES_PER_CHAR`); what is over the limit is rejected by ``pilar analyze`` with
  the reason and split into parts by a corpus run (:func:`split_document`).

Every refusal is an :class:`~pipeline.ingest.errors.IngestError` with a one-line reason.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.schema import Document, Section

DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_DOC_CHARS = 1_000_000
_CHUNK = 1 << 20


def max_file_bytes() -> int:
    """The file size limit now: ``PILAR_MAX_FILE_BYTES`` as set at call time, else 50 MiB."""
    try:
        return int(os.environ.get("PILAR_MAX_FILE_BYTES", str(DEFAULT_MAX_FILE_BYTES)))
    except ValueError:
        return DEFAULT_MAX_FILE_BYTES


def max_doc_chars() -> int:
    """The per-document character limit now: ``PILAR_MAX_DOC_CHARS``, else 1,000,000."""
    try:
        return max(int(os.environ.get("PILAR_MAX_DOC_CHARS", str(DEFAULT_MAX_DOC_CHARS))), 1000)
    except ValueError:
        return DEFAULT_MAX_DOC_CHARS


def _too_large(size: int | None, max_bytes: int) -> IngestError:
    what = f"{size} bytes > limit {max_bytes}" if size is not None else f"over limit {max_bytes} bytes"
    return IngestError(f"file too large: {what} (set PILAR_MAX_FILE_BYTES or --max-bytes)")


def _open_regular(path: Path, max_bytes: int) -> tuple[int, int]:
    """Open ``path`` for reading after the guards; return ``(fd, size)``."""
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
        raise _too_large(info.st_size, max_bytes)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise IngestError("permission denied") from None
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EAGAIN):
            raise IngestError("not a regular file (device, pipe or socket)") from None
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # swapped since the check above
        os.close(fd)
        raise IngestError("not a regular file (device, pipe or socket)")
    return fd, info.st_size


def read_regular_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (default :func:`max_file_bytes`).

    Raises:
        IngestError: Not a regular file, too large, missing or unreadable.
    """
    limit = max_file_bytes() if max_bytes is None else max_bytes
    fd, _ = _open_regular(Path(path), limit)
    parts: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew since it was measured
                raise _too_large(None, limit)
    except PermissionError:
        raise IngestError("permission denied") from None
    except BlockingIOError:
        raise IngestError("not a regular file (device, pipe or socket)") from None
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return b"".join(parts)


def file_digest(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> str:
    """SHA-256 of a regular file, read in chunks under the same guards (nothing held in memory).

    Raises:
        IngestError: As :func:`read_regular_file`.
    """
    limit = max_file_bytes() if max_bytes is None else max_bytes
    fd, _ = _open_regular(Path(path), limit)
    h = hashlib.sha256()
    total = 0
    try:
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > limit:
                raise _too_large(None, limit)
            h.update(chunk)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return h.hexdigest()


#: Bytes of a text format that can hold at most one character of a document's clean text
#: (UTF-8 needs at least one byte per character). Markup formats cost more per character:
#: their own limits are in their readers (:mod:`pipeline.ingest.html`, :mod:`pipeline.ingest.pdf`).
TEXT_BYTES_PER_CHAR = 1


def too_long(chars: int, limit: int | None = None) -> IngestError:
    """The refusal of a document over the character limit (the reason says what to do)."""
    limit = max_doc_chars() if limit is None else limit
    return IngestError(
        f"document too long: {chars:,} characters > limit {limit:,} per document "
        "(PILAR_MAX_DOC_CHARS; split the file, or run it as a corpus, which splits long documents)"
    )


def check_length(document: Document, limit: int | None = None) -> None:
    """Raise :func:`too_long`'s error when ``document``'s clean text is over the limit."""
    limit = max_doc_chars() if limit is None else limit
    if len(document.text) > limit:
        raise too_long(len(document.text), limit)


_BREAKS = (re.compile(r"\n\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def _cut(text: str, limit: int) -> int:
    """Where to end a part of at most ``limit`` characters: a paragraph, else a sentence, else a space."""
    window = text[:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window)]
        good = [e for e in ends if e >= limit // 2]
        if good:
            return good[-1]
    return limit


def split_document(document: Document, limit: int | None = None) -> list[Document]:
    """``document`` as parts of at most ``limit`` characters, cut at paragraph boundaries.

    A document within the limit comes back alone and unchanged. Each part is a document of
    its own (its own content hash), keyed ``<source_key>#part-N``, titled ``title (N/M)``, with
    the sections that overlap it (offsets shifted into the part) and ``metadata["part"]``.
    """
    from pipeline.ingest.blocks import content_hash

    limit = max_doc_chars() if limit is None else limit
    text = document.text
    if len(text) <= limit:
        return [document]
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = pos + _cut(text[pos:], limit) if len(text) - pos > limit else len(text)
        spans.append((pos, end))
        pos = end
    parts = []
    for n, (start, end) in enumerate(spans, 1):
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        s0 = start + lead
        sections = [
            Section(s.title, s.level, max(s.start, s0) - s0, min(s.end, s0 + len(body)) - s0)
            for s in document.sections if s.start < s0 + len(body) and s.end > s0
        ]
        parts.append(replace(
            document, doc_id=content_hash(body), text=body, sections=sections,
            source_key=f"{document.source_key}#part-{n}", title=f"{document.title} ({n}/{len(spans)})",
            metadata={**document.metadata, "part": n, "parts": len(spans), "part_offset": s0},
        ))
    return parts
