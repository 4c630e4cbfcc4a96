"""HTML: the main text of a page, without navigation, ads and other boilerplate.

trafilatura finds the main content (it scores the DOM and falls back to readability/jusText),
and its XML output keeps the structure we need: ``<head rend="h2">`` for headings, ``<p>``,
list items, table rows. When it finds nothing (a tiny page, an odd layout) we walk the body
ourselves after dropping script, style, nav, header, footer, aside and form elements.

Title: ``<title>``, else the first ``<h1>``, else the first heading. Date: only what the page
states in its metadata (``article:published_time``, ``<time datetime>``, …) — trafilatura's
own date guessing also reads copyright years in footers, which is not a publication date.

Bounded work. trafilatura scores the whole DOM several times: ~0.4–3.5 s and ~40 MB per MB of
markup (a 30 MB page took 107 s and 1.25 GB before spaCy refused its text). So a page over
:data:`MAX_HTML_BYTES` is rejected before parsing; above :data:`MAX_SCORED_BYTES` the page is
read by the DOM walk alone (~0.03 s per MB). lxml stops nesting at 256 levels and silently
drops what is deeper, so a page nested :data:`MAX_DEPTH` levels or more is rejected with that
reason rather than read as an empty page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.ingest.blocks import Block, build_document
from pipeline.ingest.clean import clean_blocks
from pipeline.ingest.dates import parse_date
from pipeline.ingest.errors import IngestError
from pipeline.ingest.text import decode_bytes
from pipeline.schema import Document

_BOILERPLATE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "iframe")
_BLOCK_TAGS = {"p", "li", "td", "th", "blockquote", "pre", "dd", "dt", "figcaption", "div", "section", "article", "main"}
#: Pages larger than this are rejected before parsing (PILAR_MAX_HTML_BYTES).
MAX_HTML_BYTES = 16 * 1024 * 1024
#: Pages larger than this skip trafilatura's scoring (the DOM walk reads them).
MAX_SCORED_BYTES = 2 * 1024 * 1024
#: Element nesting at which a page is rejected (lxml truncates at 256).
MAX_DEPTH = 200
_DATE_META = (
    "article:published_time", "og:published_time", "datePublished", "date", "dc.date", "dcterms.date",
    "publishdate", "pubdate",
)


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """trafilatura logs WARNING/ERROR lines for pages it cannot use; the reason is ours to give."""
    logger = logging.getLogger("trafilatura")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _tree(text: str):
    import lxml.html

    # lxml refuses str input carrying an XML encoding declaration; drop it (already decoded).
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        return lxml.html.fromstring(text)
    except Exception:  # lxml raises ParserError/ValueError on empty or odd documents
        return None


def max_html_bytes() -> int:
    import os

    try:
        return int(os.environ.get("PILAR_MAX_HTML_BYTES", str(MAX_HTML_BYTES)))
    except ValueError:
        return MAX_HTML_BYTES


def _depth(tree, limit: int) -> int:
    """Deepest element nesting of the parsed page (stops counting at ``limit``)."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > deepest:
            deepest = depth
            if deepest >= limit:
                break
    return deepest


def _meta(tree) -> tuple[str | None, str | None, str | None]:
    """Title, date and canonical URL from the page's head."""
    if tree is None:
        return None, None, None
    title = " ".join(" ".join(tree.xpath("//title//text()")).split()) or None
    if not title:
        h1 = tree.xpath("//h1")
        title = " ".join(h1[0].text_content().split()) if h1 else None
    date = None
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        if key in _DATE_META or key.lower() in _DATE_META:
            if parse_date(meta.get("content")):  # the raw text: build_document parses and keeps it
                date = meta.get("content")
                break
    if date is None:
        for node in tree.xpath("//time[@datetime]"):
            if parse_date(node.get("datetime")):
                date = node.get("datetime")
                break
    url = None
    for link in tree.xpath("//link[@rel='canonical'][@href]"):
        url = link.get("href")
    return title or None, date, url


def _from_trafilatura(text: str) -> list[Block]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        text, output_format="xml", include_comments=False, include_tables=True,
        include_formatting=False, include_links=False, include_images=False, favor_recall=True,
        with_metadata=False,
    )
    if not xml:
        return []
    root = etree.fromstring(xml.encode("utf-8"))
    blocks: list[Block] = []
    for node in root.iter("head", "p", "item", "row", "quote", "code"):
        if node.tag in ("p", "quote") and node.xpath("ancestor::item|ancestor::row|ancestor::quote"):
            continue  # counted with its container
        words = " ".join("".join(node.itertext()).split())
        if not words:
            continue
        if node.tag == "head":
            m = re.match(r"h(\d)", node.get("rend") or "")
            blocks.append(Block("heading", words, int(m.group(1)) if m else 2))
        elif node.tag == "row":
            cells = [" ".join("".join(c.itertext()).split()) for c in node.iter("cell")]
            blocks.append(Block("item", " | ".join(c for c in cells if c)))
        else:
            blocks.append(Block("item" if node.tag == "item" else "para", words))
    return blocks


def _from_dom(tree) -> list[Block]:
    """Fallback: block-level text of the body, boilerplate elements removed."""
    if tree is None:
        return []
    for bad in tree.xpath("|".join(f"//{t}" for t in _BOILERPLATE_TAGS)):
        bad.drop_tree()
    blocks: list[Block] = []
    for node in tree.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if re.fullmatch(r"h[1-6]", tag):
            words = " ".join(node.text_content().split())
            if words:
                blocks.append(Block("heading", words, int(tag[1])))
        elif tag in _BLOCK_TAGS:
            # Only the text directly in this block, not in nested blocks (those come later).
            own = [node.text or ""]
            for child in node:
                inline = isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and not re.fullmatch(r"h[1-6]", child.tag)
                own.append((child.text_content() if inline else "") + (child.tail or ""))  # comments: tail only
            words = " ".join(" ".join(own).split())
            if words:
                blocks.append(Block("item" if tag in ("li", "td", "th") else "para", words))
    return blocks


def read_html(data: bytes, *, source: str) -> Document:
    """Read an HTML page's bytes into a :class:`Document` of its main text.

    Raises:
        IngestError: undecodable, or no main text (only scripts/markup).
    """
    if not data.strip():
        raise IngestError("empty file")
    limit = max_html_bytes()
    if len(data) > limit:
        raise IngestError(f"HTML page too large: {len(data):,} bytes > limit {limit:,} "
                          "(PILAR_MAX_HTML_BYTES; parsing markup costs ~40 MB per MB)")
    text, encoding = decode_bytes(data)
    with _quiet_logs():
        tree = _tree(text)
        if tree is not None and _depth(tree, MAX_DEPTH) >= MAX_DEPTH:
            raise IngestError(f"HTML nested too deeply: {MAX_DEPTH} or more levels of elements "
                              f"(limit {MAX_DEPTH - 1}; the parser drops what is deeper)")
        try:
            title, date, url = _meta(tree)
        except Exception:  # odd markup in the head costs the metadata, not the document
            title = date = url = None
        try:
            blocks = _from_trafilatura(text) if len(data) <= MAX_SCORED_BYTES else []
        except Exception:  # trafilatura/lxml on hostile markup: fall back to the DOM walk
            blocks = []
        if not any(b.kind != "heading" for b in blocks):
            try:
                blocks = _from_dom(tree)
            except Exception as exc:
                raise IngestError(f"unreadable HTML ({type(exc).__name__})") from None
    blocks, counts = clean_blocks(blocks)
    if not any(b.kind != "heading" for b in blocks):
        raise IngestError("no main text in HTML (only scripts, navigation or markup)")
    if title is None:
        title = next((b.text for b in blocks if b.kind == "heading"), None)
    return build_document(
        blocks, source=source, fmt="html", title=title, date=date, url=url,
        metadata={"encoding": encoding, "cleaning": counts},
    )
