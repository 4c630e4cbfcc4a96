"""Plain text and Markdown files.

Bytes are decoded by evidence, not by hope: a BOM decides first (UTF-8, UTF-16, UTF-32),
then strict UTF-8, then charset-normalizer's detection among the encodings Indonesian text
really comes in (CP1252/Latin-1 and friends). Binary junk is refused, not decoded.
"""

from __future__ import annotations

import codecs
import re

from pipeline.ingest.blocks import Block, build_document
from pipeline.ingest.clean import clean_text
from pipeline.ingest.dates import parse_date
from pipeline.ingest.errors import IngestError
from pipeline.ingest.markdown import parse_markdown
from pipeline.schema import Document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`IngestError` if binary."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {enc} text after its byte-order mark ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        # UTF-16 without BOM shows as every other byte NUL in ASCII-heavy text.
        sample = data[:8192]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if len(sample) >= 4 and max(even, odd) > 0.3 * len(sample) / 2 and min(even, odd) == 0:
            enc = "utf-16-le" if odd > even else "utf-16-be"
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise IngestError("binary content (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise IngestError("binary or undecodable content: no text encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise IngestError(f"undecodable text (guessed {best.encoding})") from None
    return text, best.encoding


#: Control characters (but tab, newline, form feed, carriage return), private use, U+FFFD.
#: a press release's or news story's dateline opening its first paragraph: "Semarang, 12 Maret
#: 2024 — …", "JAKARTA, Senin, 3 Agustus 2023 - …"
_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40},\s+(?:[A-Za-z]+,\s+)?(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*[—–-]")


def dateline_date(blocks: list[Block]) -> str | None:
    """The date of the dateline opening the first paragraph, if any (ISO ``YYYY-MM-DD``)."""
    first = next((b.text for b in blocks if b.kind == "para" and b.text.strip()), "")
    m = _DATELINE.match(first)
    return parse_date(m.group(1)) if m else None


_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")


def looks_binary(text: str) -> bool:
    """True when too many characters are control or private-use: decoded junk."""
    sample = text[:20000]
    if not sample:
        return False
    return len(_JUNK.findall(sample)) / len(sample) > 0.05


def document_from_text(
    text: str,
    *,
    source: str,
    source_key: str | None = None,
    fmt: str = "txt",
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    metadata: dict | None = None,
) -> Document:
    """Turn already-decoded text (plain or Markdown) into a :class:`Document`.

    The text is cleaned first (:func:`~pipeline.ingest.clean.clean_text`); what the cleaning
    removed is counted in ``metadata["cleaning"]``.
    """
    if looks_binary(text):
        raise IngestError("binary content, not text")
    if not text.strip():
        raise IngestError("empty document: no text")
    clean, counts = clean_text(text)
    if not clean.strip():
        if len(text.split()) < 5:
            raise IngestError("no text left after removing scraping debris")
        # a text that is nothing but what a page's cleaning drops (a photo caption given on
        # its own: "Foto: Bupati meninjau kolam retensi yang ditargetkan rampung 2026") is
        # what the user asked about: it is kept as written
        clean, counts = text.strip(), {**counts, "kept_as_written": 1}
    blocks = parse_markdown(clean)
    date = date or dateline_date(blocks)
    doc = build_document(
        blocks, source=source, source_key=source_key, fmt=fmt, title=title, date=date, url=url,
        metadata={**(metadata or {}), "cleaning": counts},
    )
    if not doc.text.strip():
        # only headings (a headline alone, a text in capitals): they are the text to analyse
        doc = build_document(
            [Block("para", b.text) for b in blocks], source=source, source_key=source_key, fmt=fmt,
            title=title or next((b.text.strip() for b in blocks if b.text.strip()), None), date=date, url=url,
            metadata={**(metadata or {}), "cleaning": counts},
        )
    if not doc.text.strip():
        raise IngestError("no body text")
    return doc


def read_text(data: bytes, *, source: str, fmt: str = "txt") -> Document:
    """Read a ``.txt``/``.md`` file's bytes."""
    if not data.strip():
        raise IngestError("empty file" if not data else "whitespace only, no text")
    text, encoding = decode_bytes(data)
    doc = document_from_text(text, source=source, fmt=fmt)
    doc.metadata["encoding"] = encoding
    return doc
