"""Open a zip container (DOCX) without letting it decompress into a bomb.

The checks run on the central directory, before anything is inflated:

- at most ``max_members`` entries;
- the declared uncompressed sizes sum to at most ``max_total`` bytes;
- no entry inflates more than ``max_ratio`` times its compressed size (Office XML compresses
  10–30×; a bomb compresses 1,000× and more).

Declared sizes can lie, so only *stored* and *deflated* entries are allowed: for those,
:mod:`zipfile` stops inflating at the declared size (``ZipExtFile`` truncates its output to
``file_size`` and then fails the CRC check), so a lying header cannot make it allocate more
than the size we already accepted. bzip2/LZMA entries have no such bound in :mod:`zipfile` and
no Office writer produces them.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.ingest.errors import IngestError

MAX_MEMBERS = 2000
MAX_TOTAL = 200 * 1024 * 1024
MAX_RATIO = 200
_SAFE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def open_zip(
    data: bytes,
    *,
    kind: str = "zip",
    max_members: int = MAX_MEMBERS,
    max_total: int = MAX_TOTAL,
    max_ratio: int = MAX_RATIO,
) -> zipfile.ZipFile:
    """Return a :class:`zipfile.ZipFile` over ``data`` after the bomb checks.

    Args:
        data: the archive's bytes.
        kind: what the archive should be, for the error messages ("DOCX").
        max_members: most entries allowed.
        max_total: most uncompressed bytes allowed, all entries together.
        max_ratio: largest uncompressed/compressed ratio allowed for any entry over 1 MiB.

    Raises:
        IngestError: not a zip, or the archive would decompress beyond the limits.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise IngestError(f"not a {kind}: not a valid zip archive (corrupt or truncated)") from None
    except Exception as exc:  # zipfile raises assorted errors on hostile headers
        raise IngestError(f"not a {kind}: unreadable zip archive ({type(exc).__name__})") from None
    if len(infos) > max_members:
        raise IngestError(f"{kind} rejected: {len(infos)} zip entries (limit {max_members})")
    total = 0
    for info in infos:
        if info.compress_type not in _SAFE_METHODS:
            raise IngestError(f"{kind} rejected: zip entry '{info.filename}' uses an unsupported compression method")
        total += info.file_size
        if total > max_total:
            raise IngestError(
                f"{kind} rejected as a possible zip bomb: would decompress to more than {max_total} bytes"
            )
        if info.file_size > 1024 * 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise IngestError(
                f"{kind} rejected as a possible zip bomb: '{info.filename}' inflates {ratio}x (limit {max_ratio}x)"
            )
    return archive
