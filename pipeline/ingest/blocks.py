"""From lines of text to blocks (headings and paragraphs) to a :class:`Document`.

Readers of every format produce a list of :class:`Block`; :func:`build_document` joins them
into the stored clean text (paragraphs separated by a blank line, headings *not* in the
text but kept as :class:`~pipeline.schema.Section` spans over it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.dates import parse_date
from pipeline.schema import Document, Section

_TERMINAL = tuple('.!?:;"”’)]…')


@dataclass
class Block:
    kind: str  # "heading" | "para" | "item"
    text: str
    level: int = 0


def content_hash(text: str) -> str:
    """Stable document id: SHA-256 of the whitespace-normalised clean text (16 hex digits)."""
    canon = " ".join(text.split())
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:16]


def rejoin_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Merge a paragraph into the previous one when a blank line split a sentence.

    The previous paragraph ends without terminal punctuation and this one starts with a
    lower-case letter: a conversion artefact, not a new paragraph.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            block.kind == "para"
            and prev is not None
            and prev.kind == "para"
            and prev.text
            and not prev.text.endswith(_TERMINAL)
            and block.text[:1].islower()
        ):
            prev.text = f"{prev.text} {block.text}"
            continue
        out.append(Block(block.kind, block.text, block.level))
    return out


def build_document(
    blocks: list[Block],
    *,
    source: str,
    source_key: str | None = None,
    fmt: str,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    metadata: dict | None = None,
) -> Document:
    """Assemble clean text and section spans from ``blocks``."""
    blocks = rejoin_broken_paragraphs([b for b in blocks if b.text.strip()])
    parts: list[str] = []
    pos = 0
    open_sections: list[tuple[str, int, int]] = []  # (title, level, start)
    sections: list[Section] = []
    first_heading: str | None = None

    def close(level: int, end: int) -> None:
        while open_sections and open_sections[-1][1] >= level:
            t, lv, st = open_sections.pop()
            sections.append(Section(t, lv, st, end))

    for block in blocks:
        text = block.text.strip()
        if block.kind == "heading":
            first_heading = first_heading or text
            close(block.level, max(pos - 2, 0) if parts else 0)
            open_sections.append((text, block.level, pos))
            continue
        if parts:
            pos += 2  # the "\n\n" separator
        parts.append(text)
        pos += len(text)
    close(0, pos)
    clean = "\n\n".join(parts)
    sections.sort(key=lambda s: (s.start, s.level))
    if title is None:
        title = first_heading or Path(source).stem
    metadata = metadata or {}
    if date and "date_raw" not in metadata:  # a reader's raw date: typed here, kept as written
        metadata["date_raw"] = date
        date = parse_date(date)
    return Document(
        doc_id=content_hash(clean),
        source=source,
        source_key=source_key or source,
        text=clean,
        title=title,
        sections=sections,
        format=fmt,
        date=date,
        url=url,
        metadata=metadata,
    )




def squash(text: str) -> str:
    """Collapse all whitespace (including newlines) to single spaces.

    ``str.split()`` splits on exactly the characters ``\\s`` matches (``str.isspace``), and
    is several times faster than the regex.
    """
    return " ".join(text.split())
