"""DOCX: paragraphs and tables in document order; heading styles become sections.

The archive passes :mod:`pipeline.ingest.zipguard` (entry count, total size, compression
ratio) before python-docx touches it, so a zip bomb named ``.docx`` is refused without being
inflated. python-docx parses the XML with entity resolution off, so an XML entity bomb does
not expand either.

A paragraph is a heading when its style is a built-in heading ("Heading 1"…"Heading 9", or
"Title"; Indonesian Word names them "Judul 1"…) or when it carries an outline level (set
directly or by its style) — how Word marks custom heading styles for the navigation pane.
A table becomes one item per row, cells joined by " | ", so its words are analysed too.
"""

from __future__ import annotations

import io
import re

from pipeline.ingest.blocks import Block, build_document
from pipeline.ingest.clean import clean_blocks
from pipeline.ingest.errors import IngestError
from pipeline.ingest.zipguard import open_zip
from pipeline.schema import Document

_HEADING_STYLE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _outline_level(element) -> int | None:
    """The ``w:outlineLvl`` of a paragraph or style element (0-based), if any."""
    if element is None:
        return None
    node = element.find(f"{_W}pPr/{_W}outlineLvl")
    if node is None:
        return None
    try:
        level = int(node.get(f"{_W}val"))
    except (TypeError, ValueError):
        return None
    return level if 0 <= level < 9 else None  # 9 means "body text"


def _heading_level(paragraph) -> int | None:
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    if name.lower() == "title":
        return 1
    m = _HEADING_STYLE.match(name.strip())
    if m:
        return int(m.group(1))
    level = _outline_level(paragraph._p)
    while level is None and style is not None:  # inherited through based-on styles
        level = _outline_level(style.element)
        style = style.base_style
    return level + 1 if level is not None else None


def _table_rows(table) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell repeats itself
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def _blocks(document) -> list[Block]:
    from docx.table import Table

    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(Block("item", row) for row in _table_rows(item))
            continue
        text = item.text
        if not text.strip():
            continue
        level = _heading_level(item)
        if level is not None and len(text) <= 200:
            blocks.append(Block("heading", text, level))
        else:
            blocks.append(Block("para", text))
    return blocks


def read_docx(data: bytes, *, source: str) -> Document:
    """Read a DOCX file's bytes into a :class:`Document`.

    Raises:
        IngestError: not a zip, a zip bomb, not a Word document, or no text.
    """
    archive = open_zip(data, kind="DOCX")
    if "word/document.xml" not in archive.namelist() and "[Content_Types].xml" not in archive.namelist():
        raise IngestError("not a DOCX: zip archive without a Word document inside")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        core_title = (document.core_properties.title or "").strip()
    except IngestError:
        raise
    except Exception as exc:  # python-docx/lxml raise many kinds on a damaged package
        raise IngestError(f"corrupt DOCX ({type(exc).__name__})") from None
    blocks, counts = clean_blocks(blocks)
    if not any(b.kind != "heading" for b in blocks):
        raise IngestError("DOCX has no body text")
    has_heading = any(b.kind == "heading" for b in blocks)
    return build_document(
        blocks, source=source, fmt="docx", title=core_title if core_title and not has_heading else None,
        metadata={"cleaning": counts},
    )
