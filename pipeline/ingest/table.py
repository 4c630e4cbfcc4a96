"""Tabular sources — CSV, JSONL, Parquet — where each row is a document.

A :class:`ColumnMap` says which column holds the text, title, id, date and URL. Unset fields
are found among common names, English and Indonesian (``text``/``isi_berita``/``konten``,
``title``/``judul``, ``date``/``tanggal``, ``url``/``tautan``, ``id``). The Detik dump maps
itself: ``id``, ``judul``, ``isi_berita``, ``tanggal`` (M/D/YYYY H:MM), ``tautan``.

Each row becomes a document whose ``source_key`` is ``path#<id>`` (the id column, else the
1-based row number) and whose title is its title column. A row that cannot be a document (empty
text, a JSON line that does not parse) becomes an :class:`IngestError` with that
``path#<id>`` as its ``source``; the other rows go on. Numeric dates are read day-first or
month-first as the column's unambiguous values show (:func:`~pipeline.ingest.dates.infer_dayfirst`).

Inside a row, every line break separates paragraphs: scraped text has no hard wraps.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

from pipeline.ingest.dates import infer_dayfirst, parse_date
from pipeline.ingest.errors import IngestError
from pipeline.ingest.text import decode_bytes, document_from_text
from pipeline.schema import Document

_CANDIDATES = {
    "text": ("text", "isi_berita", "isi", "body", "content", "konten", "teks", "article", "artikel", "berita", "full_text", "fulltext"),
    "title": ("title", "judul", "headline", "judul_berita", "heading", "name"),
    "id": ("id", "doc_id", "uid", "uuid", "article_id", "no", "nomor"),
    "date": ("date", "tanggal", "published", "published_at", "publish_date", "datetime", "waktu", "tgl", "created_at", "time"),
    "url": ("url", "tautan", "link", "href", "source_url", "permalink"),
}
_MAX_FIELD_CHARS = 200  # other columns up to this length are kept in metadata["fields"]


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds what; ``None`` means "find it by its name"."""

    text: str | None = None
    title: str | None = None
    id: str | None = None
    date: str | None = None
    url: str | None = None

    @classmethod
    def parse(cls, specs: list[str] | None) -> ColumnMap:
        """Build from ``["text=isi_berita", "title=judul"]`` (CLI ``--column``).

        Raises:
            ValueError: an unknown field or a malformed spec.
        """
        known = {f.name for f in fields(cls)}
        values: dict[str, str] = {}
        for spec in specs or []:
            for part in spec.split(","):
                key, sep, value = part.partition("=")
                key, value = key.strip().lower(), value.strip()
                if not sep or key not in known or not value:
                    raise ValueError(f"bad column mapping '{part}': use FIELD=COLUMN with FIELD one of {sorted(known)}")
                values[key] = value
        return cls(**values)

    def resolve(self, columns: list[str]) -> dict[str, str | None]:
        """Map each field to an existing column (explicit first, then common names).

        Raises:
            IngestError: an explicit column is missing, or no text column can be found.
        """
        lower = {c.strip().lower(): c for c in columns}
        out: dict[str, str | None] = {}
        for f in fields(self):
            explicit = getattr(self, f.name)
            if explicit is not None:
                if explicit not in columns and explicit.lower() not in lower:
                    raise IngestError(f"no column '{explicit}' for {f.name}; columns are {columns[:20]}")
                out[f.name] = explicit if explicit in columns else lower[explicit.lower()]
            else:
                out[f.name] = next((lower[c] for c in _CANDIDATES[f.name] if c in lower), None)
        if out["text"] is None:
            raise IngestError(
                f"no text column found among {columns[:20]}; name it with --column text=COLUMN"
            )
        return out


#: A NUL byte in a table is replaced by this noncharacter before decoding, so the one row that
#: holds it is rejected ("NUL byte in row N"), not the whole file. A file that is mostly NULs
#: is binary and refused whole.
_NUL_MARK = "\uffff"
_MAX_NUL_FRACTION = 0.01
#: A JSON line nested deeper than this is rejected on its own (deeper nesting than any record
#: needs; Python's parser and encoder recurse per level).
MAX_JSON_DEPTH = 64


def _decode_table(data: bytes) -> str:
    """Decode a CSV/JSONL file; NUL bytes mark their rows as bad instead of failing the file."""
    if b"\x00" not in data or data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return decode_bytes(data)[0]
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) >= 4 and max(even, odd) > 0.3 * len(sample) / 2 and min(even, odd) == 0:
        return decode_bytes(data)[0]  # UTF-16 without a byte-order mark
    if data.count(0) > max(64, _MAX_NUL_FRACTION * len(data)):
        raise IngestError("binary content (NUL bytes), not text")
    return decode_bytes(data.replace(b"\x00", _NUL_MARK.encode("utf-8")))[0]


def _depth(obj: Any, limit: int) -> int:
    """Nesting depth of a parsed JSON value, counted without recursion (stops past ``limit``)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        value, d = stack.pop()
        if d > deepest:
            deepest = d
            if deepest > limit:
                break
        if isinstance(value, dict):
            stack.extend((v, d + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, d + 1) for v in value if isinstance(v, (dict, list)))
    return deepest


def _csv_rows(data: bytes) -> tuple[list[str], Iterator[dict[str, Any]]]:
    text = _decode_table(data)
    # The header line decides the delimiter: csv.Sniffer misreads long multi-line quoted fields.
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t|", key=first.count)
    csv.field_size_limit(1 << 30)  # articles are long; the file-size limit already bounds this
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise IngestError("empty CSV: no header row") from None
    except csv.Error as exc:
        raise IngestError(f"malformed CSV header ({exc})") from None
    header = [h.strip() for h in header]
    if len(header) < 1 or not any(header):
        raise IngestError("CSV header row is empty")

    def rows() -> Iterator[dict[str, Any]]:
        errors = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # this row is bad; the reader goes on with the next line
                errors += 1
                yield {"__error__": f"malformed CSV row near line {reader.line_num} ({exc})"}
                if errors > 1000:
                    return
                continue
            if not any(v.strip() for v in values):
                continue
            if any(_NUL_MARK in v for v in values):
                yield {"__error__": f"NUL byte in the row ending at line {reader.line_num} (binary junk)"}
                continue
            yield dict(zip(header, values, strict=False))  # short rows: missing cells are absent

    return header, rows()


def _jsonl_rows(data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    text = _decode_table(data)
    rows: list[dict[str, Any]] = []
    columns: dict[str, None] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if _NUL_MARK in line:
            rows.append({"__error__": f"line {n}: NUL byte (binary junk)"})
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            rows.append({"__error__": f"line {n} is not JSON ({exc.args[0][:60] if exc.args else exc})"})
            continue
        except RecursionError:
            rows.append({"__error__": f"line {n}: JSON nested too deeply (limit {MAX_JSON_DEPTH} levels)"})
            continue
        if not isinstance(obj, dict):
            rows.append({"__error__": f"line {n} is not a JSON object"})
            continue
        if _depth(obj, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
            rows.append({"__error__": f"line {n}: JSON nested too deeply (limit {MAX_JSON_DEPTH} levels)"})
            continue
        columns.update(dict.fromkeys(obj))
        rows.append(obj)
    if not rows:
        raise IngestError("empty JSONL: no records")
    return list(columns), rows


def _parquet_rows(data: bytes) -> tuple[list[str], list[dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, … on damaged files
        raise IngestError(f"corrupt Parquet file ({type(exc).__name__})") from None
    return list(table.column_names), table.to_pylist()


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas-written files
        return ""
    return value if isinstance(value, str) else str(value)


def table_rows(data: bytes, *, fmt: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The header and the rows (as dicts) of a CSV, JSONL or Parquet file.

    A row that cannot be read carries ``"__error__"`` with the reason.

    Raises:
        IngestError: the file as a whole is unreadable.
    """
    if not data.strip():
        raise IngestError("empty file")
    if fmt == "csv":
        header, rows = _csv_rows(data)
        return header, list(rows)
    if fmt == "jsonl":
        return _jsonl_rows(data)
    if fmt == "parquet":
        return _parquet_rows(data)
    raise IngestError(f"not a table format: {fmt}")


def row_document(
    row: dict[str, Any], cols: dict[str, str | None], *, source: str, key: str, fmt: str,
    n: int, dayfirst: bool | None = None,
) -> Document:
    """One row as a document (``cols`` from :meth:`ColumnMap.resolve`).

    Raises:
        IngestError: the row has no text or cannot be read (``source`` is the row's key).
    """
    if "__error__" in row:
        raise IngestError(row["__error__"], source=key)
    text = _as_text(row.get(cols["text"]))
    if not text.strip():
        raise IngestError(f"empty text in column '{cols['text']}'", source=key)
    mapped = {c for c in cols.values() if c}
    extra = {
        k: v for k, v in row.items()
        if k not in mapped and isinstance(v, (str, int, float, bool)) and len(str(v)) <= _MAX_FIELD_CHARS
    }
    row_id = _as_text(row.get(cols["id"])).strip() if cols.get("id") else ""
    title = " ".join(_as_text(row.get(cols["title"])).split()) if cols.get("title") else ""
    raw_date = row.get(cols["date"]) if cols.get("date") else None
    url = _as_text(row.get(cols["url"])).strip() if cols.get("url") else ""
    metadata: dict[str, Any] = {"row": n, "format": fmt}
    if row_id:
        metadata["row_id"] = row_id
    if extra:
        metadata["fields"] = extra
    date = parse_date(raw_date, dayfirst=dayfirst)
    if raw_date not in (None, ""):  # kept as written, parsed or not (documents.date_raw)
        metadata["date_raw"] = raw_date.isoformat() if hasattr(raw_date, "isoformat") else _as_text(raw_date)
    try:
        doc = document_from_text(
            re.sub(r"\n+", "\n\n", text.replace("\r\n", "\n")),
            source=source, source_key=key, fmt=fmt, title=title or None,
            date=date, url=url or None, metadata=metadata,
        )
    except IngestError as exc:
        raise IngestError(exc.reason, source=key) from None
    if not title:
        doc.title = key
    return doc


def read_table(
    data: bytes, *, source: str, fmt: str, columns: ColumnMap | None = None
) -> list[Document | IngestError]:
    """Read a tabular file: one document per row, or an error for a row that cannot be one.

    Args:
        data: the file's bytes.
        source: the path as given.
        fmt: ``csv``, ``jsonl`` or ``parquet``.
        columns: which column holds what (default: find by name).

    Raises:
        IngestError: the file as a whole is unreadable or has no text column.
    """
    header, rows = table_rows(data, fmt=fmt)
    cols = (columns or ColumnMap()).resolve(header)
    dayfirst = infer_dayfirst(r.get(cols["date"]) for r in rows) if cols["date"] else None
    out: list[Document | IngestError] = []
    for n, row in enumerate(rows, 1):
        row_id = _as_text(row.get(cols["id"])).strip() if cols["id"] else ""
        key = f"{source}#{row_id or n}"
        try:
            out.append(row_document(row, cols, source=source, key=key, fmt=fmt, n=n, dayfirst=dayfirst))
        except IngestError as exc:
            out.append(exc)
    if not out:
        raise IngestError("table has no rows")
    return out
