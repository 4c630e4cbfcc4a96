"""Which reader a file needs, decided by its first bytes before its name.

A PDF renamed ``.txt`` is still a PDF; a ``.docx`` that is not a zip is not a DOCX. The suffix
only decides among text formats (plain, Markdown, HTML, CSV, JSONL), which share no magic
bytes, and even there HTML is recognised by its markup.
"""

from __future__ import annotations

import re

from pipeline.ingest.errors import IngestError

#: Suffix → format for text-based files (content cannot tell these apart reliably).
TEXT_SUFFIXES = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".csv": "csv", ".tsv": "csv",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
BINARY_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".parquet": "parquet"}
SUPPORTED = "txt, md, html, pdf, docx, csv, jsonl, parquet"

# Formats we recognise but do not read: a clear reason beats "binary content".
_FOREIGN_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file (.doc/.xls/.ppt, OLE2): save it as DOCX or PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"{\\rtf", "RTF document: save it as DOCX"),
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def detect_format(data: bytes, *, suffix: str) -> str:
    """Return the reader name for ``data`` (``pdf``, ``docx``, ``html``, ``txt``, …).

    Args:
        data: the file's bytes (at least its first few kilobytes).
        suffix: the file name's suffix, lower-case, with the dot (``""`` if none).

    Raises:
        IngestError: the content contradicts the suffix, or the format is not supported.
    """
    head = data[:1024]
    if b"%PDF-" in head:  # the spec allows junk before the header
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if suffix == ".docx" or b"word/" in data[:65536]:
            return "docx"
        raise IngestError(f"unsupported format: zip archive named '{suffix or '(no suffix)'}'")
    if head.startswith(b"PAR1"):
        return "parquet"
    for magic, what in _FOREIGN_MAGIC:
        if head.startswith(magic):
            raise IngestError(f"unsupported format: {what}")
    expected = BINARY_SUFFIXES.get(suffix)
    if expected == "pdf":
        raise IngestError("not a PDF: no %PDF header (corrupt or mislabelled file)")
    if expected == "docx":
        raise IngestError("not a DOCX: not a zip archive (corrupt or mislabelled file)")
    if expected == "parquet":
        raise IngestError("not a Parquet file: no PAR1 header")
    fmt = TEXT_SUFFIXES.get(suffix)
    if fmt in (None, "txt", "md") and _HTML_START.match(head):
        return "html"
    if fmt is None:
        raise IngestError(f"unknown format '{suffix or '(no suffix)'}': expected one of {SUPPORTED}")
    return fmt
