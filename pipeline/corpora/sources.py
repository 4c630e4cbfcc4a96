"""From a corpus's source specs to :class:`SourceItem` units, and from an item to documents.

An item is the unit of incremental work: a file, a table row, a fetched page or a feed
entry, with a fingerprint (SHA-256 of its raw content). An item whose fingerprint did not
change since the last run is not read again.

Every local input passes the same guards as `pilar analyze` (:mod:`pipeline.ingest.guards`):
regular files only (a FIFO or ``/dev/zero`` named as a ``file`` source is rejected, not read),
the size limit (``PILAR_MAX_FILE_BYTES`` or the source's ``max_bytes``), tables included. A
source that is missing or unreadable this time is *unavailable*: it is listed in ``rejects``
and the rows it gave before are kept (as for a URL that could not be fetched), so an unmounted
folder or a half-copied table never erases a corpus.

Table rows are keyed by what identifies them, never by their position: the ``key`` column,
else an id column found by name (``id``, ``doc_id``, ``uuid``, …), else a key made from the
row's content (``#sha=<16 hex>``; identical rows ``~2``, ``~3``). A row is fingerprinted by
its mapped fields only, so deleting a row re-analyses nothing else. A row whose id repeats an
earlier row's is rejected with that reason (the first one is kept).
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
from pipeline.fetch import USER_AGENT, FetchError, fetch_url
from pipeline.ingest import IngestError, document_from_text, read_path
from pipeline.ingest.guards import file_digest, read_regular_file, split_document
from pipeline.schema import Document

__all__ = ["SourceItem", "Discovery", "FetchError", "USER_AGENT", "fetch_url", "discover", "discover_local",
           "feed_items", "page_item", "read_item", "html_fragment_text", "sha256"]

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


@dataclass
class Discovery:
    """What discovery found: items, rejects, and the keys whose earlier rows must stay.

    Attributes:
        items: Every item found.
        rejects: ``{source_key, source, stage, reason}`` for what could not be listed or read.
        unavailable: Keys (exact, or prefixes ending in ``/`` or ``#``) of sources missing or
            unreadable this time: their earlier rows are kept, not deleted.
    """

    items: list[SourceItem] = field(default_factory=list)
    rejects: list[dict[str, str]] = field(default_factory=list)
    unavailable: set[str] = field(default_factory=set)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _key_for(path: Path, root: Path) -> str:
    """A stable, readable key: the path relative to the corpus definition when possible."""
    return os.path.relpath(path.resolve(), root)


# --- local sources ---------------------------------------------------------------------------


def _reject(out: Discovery, key: str, source: str, reason: str, *, protect: list[str]) -> None:
    out.rejects.append({"source_key": key, "source": source, "stage": "discover", "reason": reason})
    out.unavailable.update(protect)


def discover(corpus: CorpusSpec) -> Discovery:
    """Items of every local source (folders, files, tables), and rejects for what cannot be read."""
    out = Discovery()
    for spec in corpus.sources:
        if spec.remote:
            continue
        p = Path(spec.location)
        key = _key_for(p, corpus.root)
        # What this source's items are keyed under: kept when the source is unavailable.
        protect = ([""] if key == "." else [f"{key}/"]) if spec.kind == "folder" else [key, f"{key}#"]
        if not p.exists():
            _reject(out, key, str(p), "no such path", protect=protect)
            continue
        if spec.kind == "folder":
            if not p.is_dir():
                _reject(out, key, str(p), "not a folder", protect=protect)
                continue
            for f in _folder_files(p, spec):
                try:
                    out.items.append(_file_item(f, corpus.root, max_bytes=spec.max_bytes))
                except IngestError as exc:
                    fkey = _key_for(f, corpus.root)
                    _reject(out, fkey, fkey, exc.reason, protect=[fkey, f"{fkey}#"])
        elif spec.kind == "file":
            try:
                out.items.append(_file_item(p, corpus.root, max_bytes=spec.max_bytes))
            except IngestError as exc:
                _reject(out, key, key, exc.reason, protect=protect)
        else:
            try:
                items, rejects = _table_items(p, spec, corpus.root)
            except IngestError as exc:
                _reject(out, key, str(p), f"cannot read table: {exc.reason}", protect=protect)
                continue
            except (OSError, ValueError, KeyError) as exc:
                _reject(out, key, str(p), f"cannot read table: {type(exc).__name__}: {exc}", protect=protect)
                continue
            out.items.extend(items)
            out.rejects.extend(rejects)
    return out


def discover_local(corpus: CorpusSpec) -> tuple[list[SourceItem], list[dict[str, str]]]:
    """Items of every local source and the rejects (see :func:`discover`)."""
    found = discover(corpus)
    return found.items, found.rejects


def _folder_files(folder: Path, spec: SourceSpec) -> list[Path]:
    """The folder's files, sorted; FIFOs, devices and hidden paths are never listed."""
    files = folder.glob(spec.glob) if spec.glob else folder.rglob("*")
    return sorted(
        f for f in files
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
        and (spec.glob or f.suffix.lower() in DEFAULT_SUFFIXES)
    )


def _file_item(path: Path, root: Path, *, max_bytes: int | None = None) -> SourceItem:
    """A file item, fingerprinted through the readers' guards (regular file, size limit).

    Raises:
        IngestError: Not a regular file, too large, unreadable.
    """
    fingerprint = file_digest(path, max_bytes=max_bytes)
    key = _key_for(path, root)  # also the `source`: relative paths keep a data folder portable
    meta = {"max_bytes": max_bytes} if max_bytes else {}
    return SourceItem(source_key=key, source=key, kind="file", fingerprint=fingerprint, path=str(path), meta=meta)


_TABLE_FORMATS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def _table_items(path: Path, spec: SourceSpec, root: Path) -> tuple[list[SourceItem], list[dict[str, str]]]:
    """One item per row, keyed by its id (else its content) and fingerprinted by its mapped fields.

    Rows are parsed by the readers' table module (:mod:`pipeline.ingest.table`); the document
    is built from the item when it is read, with the same column mapping and date order.
    Returns the items and the rejects of rows whose id repeats an earlier row's.
    """
    from pipeline.ingest import ColumnMap
    from pipeline.ingest.dates import infer_dayfirst
    from pipeline.ingest.table import table_rows

    fmt = _TABLE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(f"unknown table format {path.suffix!r} (csv, jsonl, parquet)")
    header, rows = table_rows(read_regular_file(path, max_bytes=spec.max_bytes), fmt=fmt)
    cols = ColumnMap(**{k: v for k, v in spec.columns.items() if k in ("text", "title", "id", "date", "url")}).resolve(header)
    if spec.key:
        if spec.key not in header:
            raise IngestError(f"no key column {spec.key!r}; columns are {header[:20]}")
        cols["id"] = spec.key
    id_col = cols.get("id")
    dayfirst = infer_dayfirst(r.get(cols["date"]) for r in rows) if cols.get("date") else None
    base = _key_for(path, root)
    items: list[SourceItem] = []
    rejects: list[dict[str, str]] = []
    first_row: dict[str, int] = {}
    copies: dict[str, int] = {}
    for n, row in enumerate(rows, 1):
        fields = {c: row.get(c) for c in dict.fromkeys(v for v in cols.values() if v) if c in row}
        if "__error__" in row:
            fields["__error__"] = row["__error__"]
        content = {"row": fields, "cols": cols, "fmt": fmt, "dayfirst": dayfirst}
        fingerprint = sha256(json.dumps(content, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        row_id = "" if "__error__" in row or not id_col else _id_text(row.get(id_col))
        if row_id:
            label = f"{base}#{id_col}={row_id}"
            if label in first_row:
                rejects.append({
                    "source_key": f"{label}@row{n}", "source": f"{label}@row{n}", "stage": "discover",
                    "reason": f"duplicate id: row {n} has {id_col} = {row_id!r}, as row {first_row[label]} "
                              "does (the first is kept; give every row its own id)",
                })
                continue
        else:
            label = f"{base}#sha={fingerprint[:16]}"
            copies[label] = copies.get(label, 0) + 1
            if copies[label] > 1:  # identical rows: numbered by occurrence, stable when other rows go
                label = f"{label}~{copies[label]}"
        first_row[label] = n
        payload = json.dumps({**content, "n": n, "source": str(path)}, ensure_ascii=False, sort_keys=True,
                             default=str).encode("utf-8")
        items.append(SourceItem(source_key=label, source=label, kind="row", fingerprint=fingerprint, path=str(path),
                                payload=payload))
    return items, rejects


def _id_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 7.0 from a pandas-written column is id 7
    return " ".join(str(value).split())


# --- remote sources --------------------------------------------------------------------------


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
            docs = read_path(path, max_bytes=max(len(body), 1), long_documents="split")
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
        docs = read_path(item.path or item.source, max_bytes=item.meta.get("max_bytes"), long_documents="split")
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
    if item.kind != "file":  # files were split by the reader; rows, entries and pages here
        docs = [part for doc in docs for part in split_document(doc)]
    parts = len(docs) > 1 and all("part" in d.metadata for d in docs)
    for i, doc in enumerate(docs):
        if len(docs) == 1:
            doc.source_key = item.source_key
        else:  # one long document in parts, or a table read as a file
            doc.source_key = f"{item.source_key}#part-{doc.metadata['part']}" if parts else f"{item.source_key}#{i}"
        if item.kind == "file" and (len(docs) == 1 or parts):
            doc.source = item.source
    return docs
