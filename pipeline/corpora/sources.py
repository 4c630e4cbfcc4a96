"""From a corpus's source specs to :class:`SourceItem` units, and from an item to documents.

An item is the unit of incremental work: a file, a table row, a fetched page or a feed
entry, with a fingerprint (SHA-256 of its raw content). An item whose fingerprint did not
change since the last run is not read again.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.corpora.spec import CorpusSpec, SourceSpec
from pipeline.ingest import IngestError, document_from_text, read_path
from pipeline.schema import Document

USER_AGENT = "pilar/0.1 (+https://github.com/; smart-city policy text mining)"
#: Formats a folder source picks up when it gives no glob (what `pilar analyze` expands to).
DEFAULT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}


@dataclass
class SourceItem:
    """One unit of input: where it is, what it is, and a fingerprint of its raw content."""

    source_key: str
    source: str
    kind: str  # file | row | page | entry
    fingerprint: str
    path: str | None = None
    payload: bytes | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class FetchError(RuntimeError):
    """A URL could not be fetched (transport error, timeout or HTTP error status)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key_for(path: Path, root: Path) -> str:
    """A stable, readable key: the path relative to the corpus definition when possible."""
    return os.path.relpath(path.resolve(), root)


# --- local sources ---------------------------------------------------------------------------


def discover_local(corpus: CorpusSpec) -> tuple[list[SourceItem], list[dict[str, str]]]:
    """Items of every local source (folders, files, tables), and rejects for missing ones."""
    items: list[SourceItem] = []
    rejects: list[dict[str, str]] = []
    for spec in corpus.sources:
        if spec.remote:
            continue
        p = Path(spec.location)
        if not p.exists():
            rejects.append({"source_key": _key_for(p, corpus.root), "source": str(p), "stage": "discover", "reason": "no such path"})
            continue
        if spec.kind == "folder":
            items.extend(_folder_items(p, spec, corpus.root))
        elif spec.kind == "file":
            items.append(_file_item(p, corpus.root))
        else:
            try:
                items.extend(_table_items(p, spec, corpus.root))
            except (OSError, ValueError, KeyError, IngestError) as exc:
                reason = exc.reason if isinstance(exc, IngestError) else str(exc)
                rejects.append({"source_key": _key_for(p, corpus.root), "source": str(p), "stage": "discover", "reason": f"cannot read table: {reason}"})
    return items, rejects


def _folder_items(folder: Path, spec: SourceSpec, root: Path) -> list[SourceItem]:
    files = folder.glob(spec.glob) if spec.glob else folder.rglob("*")
    keep = sorted(
        f for f in files
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
        and (spec.glob or f.suffix.lower() in DEFAULT_SUFFIXES)
    )
    return [_file_item(f, root) for f in keep]


def _file_item(path: Path, root: Path) -> SourceItem:
    try:
        fingerprint = sha256(path.read_bytes())
    except OSError as exc:  # read errors surface as a reject when the item is read
        fingerprint = f"unreadable:{exc.errno}"
    key = _key_for(path, root)  # also the `source`: relative paths keep a data folder portable
    return SourceItem(source_key=key, source=key, kind="file", fingerprint=fingerprint, path=str(path))


_TABLE_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def _table_items(path: Path, spec: SourceSpec, root: Path) -> list[SourceItem]:
    """One item per row, fingerprinted by the row's mapped fields (so a changed row is seen).

    Rows are parsed by the readers' table module (:mod:`pipeline.ingest.table`); the document
    is built from the item when it is read, with the same column mapping and date order.
    """
    from pipeline.ingest import ColumnMap
    from pipeline.ingest.dates import infer_dayfirst
    from pipeline.ingest.table import table_rows

    fmt = _TABLE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(f"unknown table format {path.suffix!r} (csv, jsonl, parquet)")
    header, rows = table_rows(path.read_bytes(), fmt=fmt)
    cols = ColumnMap(**{k: v for k, v in spec.columns.items() if k in ("text", "title", "id", "date", "url")}).resolve(header)
    if spec.key and not cols.get("id"):
        cols["id"] = spec.key
    dayfirst = infer_dayfirst(r.get(cols["date"]) for r in rows) if cols.get("date") else None
    base = _key_for(path, root)
    items = []
    for n, row in enumerate(rows, 1):
        key = str(row.get(spec.key, n)) if spec.key else str(n)
        fields = {c: row.get(c) for c in dict.fromkeys(v for v in cols.values() if v) if c in row}
        if "__error__" in row:
            fields["__error__"] = row["__error__"]
        payload = json.dumps(
            {"row": fields, "cols": cols, "fmt": fmt, "n": n, "dayfirst": dayfirst, "source": str(path)},
            ensure_ascii=False, sort_keys=True, default=str,
        ).encode("utf-8")
        label = f"{base}#{spec.key or 'row'}={key}"
        items.append(SourceItem(source_key=label, source=label, kind="row", fingerprint=sha256(payload), path=str(path), payload=payload))
    return items


# --- remote sources --------------------------------------------------------------------------


def fetch_url(url: str, *, timeout: float) -> tuple[bytes, str]:
    """GET ``url``; return ``(body, content type)``. Raise :class:`FetchError` on any failure."""
    import httpx

    try:
        resp = httpx.get(url, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None
    if resp.status_code >= 400:
        raise FetchError(f"HTTP {resp.status_code}")
    return resp.content, resp.headers.get("content-type", "")


def page_item(url: str, body: bytes, content_type: str) -> SourceItem:
    return SourceItem(source_key=url, source=url, kind="page", fingerprint=sha256(body), payload=body, meta={"content_type": content_type, "url": url})


def _text(el: ET.Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def feed_items(url: str, body: bytes) -> list[SourceItem]:
    """Entries of an RSS 2.0 or Atom feed, each an item keyed on its guid/id (else its link)."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FetchError(f"not a feed: {exc}") from None
    atom = "{http://www.w3.org/2005/Atom}"
    content_ns = "{http://purl.org/rss/1.0/modules/content/}encoded"
    entries: list[dict[str, str]] = []
    for item in root.iter("item"):  # RSS 2.0 (and RSS 1.0 without namespaces)
        entries.append({
            "id": _text(item.find("guid")) or _text(item.find("link")),
            "title": _text(item.find("title")),
            "url": _text(item.find("link")),
            "date": _text(item.find("pubDate")),
            "body": _text(item.find(content_ns)) or _text(item.find("description")),
        })
    for entry in root.iter(f"{atom}entry"):
        link = entry.find(f"{atom}link")
        entries.append({
            "id": _text(entry.find(f"{atom}id")) or (link.get("href", "") if link is not None else ""),
            "title": _text(entry.find(f"{atom}title")),
            "url": link.get("href", "") if link is not None else "",
            "date": _text(entry.find(f"{atom}updated")) or _text(entry.find(f"{atom}published")),
            "body": _text(entry.find(f"{atom}content")) or _text(entry.find(f"{atom}summary")),
        })
    if not entries and root.tag not in ("rss", f"{atom}feed") and not root.tag.endswith("RDF"):
        raise FetchError(f"not an RSS or Atom feed (root element <{root.tag}>)")
    items = []
    for e in entries:
        payload = json.dumps(e, ensure_ascii=False, sort_keys=True).encode("utf-8")
        # Keyed under the feed, so a feed that fails to fetch keeps its entries' rows.
        key = f"{url}#{e['id'] or sha256(payload)[:12]}"
        items.append(SourceItem(source_key=key, source=e["url"] or key, kind="entry", fingerprint=sha256(payload), payload=payload, meta={"feed": url}))
    return items


# --- reading an item -------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|tr|section|article)\b[^>]*>", re.I)


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed description), paragraphs kept."""
    text = _BLOCK.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _page_document(item: SourceItem) -> list[Document]:
    ctype = item.meta.get("content_type", "").lower()
    body = item.payload or b""
    if "html" in ctype or body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        docs = _via_reader(body, ".html", item)
        if docs is not None:
            return docs
        import trafilatura

        page = body.decode("utf-8", errors="replace")
        text = trafilatura.extract(page, include_comments=False) or html_fragment_text(page)
        meta = trafilatura.extract_metadata(page)
        title = meta.title if meta is not None and meta.title else None
        return [document_from_text(text, source=item.source, source_key=item.source_key, title=title, url=item.source, fmt="html")]
    docs = _via_reader(body, Path(item.source.split("?")[0]).suffix or ".txt", item)
    if docs is not None:
        return docs
    raise IngestError(f"unsupported content type {ctype or '(none)'}")


def _via_reader(body: bytes, suffix: str, item: SourceItem) -> list[Document] | None:
    """Read fetched bytes with the project's own reader for ``suffix``; ``None`` if it has none."""
    with tempfile.TemporaryDirectory(prefix="pilar-fetch-") as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_bytes(body)
        try:
            docs = read_path(path)
        except IngestError as exc:
            if exc.reason.startswith("unknown format"):
                return None
            raise
    for doc in docs:
        doc.source, doc.url = item.source, item.source
    return docs


def read_item(item: SourceItem) -> list[Document]:
    """Documents of one item (a table file read by ``read_path`` may give several).

    Raises:
        IngestError: The item cannot be read (the reason goes to ``rejects``).
    """
    if item.kind == "file":
        docs = read_path(item.path or item.source)
    elif item.kind == "row":
        from pipeline.ingest.table import row_document

        f = json.loads(item.payload or b"{}")
        docs = [row_document(f["row"], f["cols"], source=item.source, key=item.source_key, fmt=f["fmt"],
                             n=f["n"], dayfirst=f["dayfirst"])]
    elif item.kind == "entry":
        e = json.loads(item.payload or b"{}")
        docs = [document_from_text(html_fragment_text(e.get("body", "")), source=item.source, source_key=item.source_key,
                                   title=e.get("title") or None, date=e.get("date") or None, url=e.get("url") or None, fmt="html")]
    elif item.kind == "page":
        docs = _page_document(item)
    else:  # pragma: no cover
        raise IngestError(f"unknown item kind {item.kind}")
    for i, doc in enumerate(docs):
        doc.source_key = item.source_key if len(docs) == 1 else f"{item.source_key}#{i}"
        if item.kind == "file" and len(docs) == 1:
            doc.source = item.source
    return docs
