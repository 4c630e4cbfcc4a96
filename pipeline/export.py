"""Tables out of pilar, for spreadsheets and other tools: CSV, XLSX and Parquet, written atomically.

Used by ``pilar export`` (a data folder's tables) and ``pilar analyze --format csv|parquet``
(ad hoc results). Every file is written beside its target and moved into place with
``os.replace``: a reader never sees half a file, and a failed export leaves the old one.

What each format does with pilar's types:

- **CSV** (UTF-8, header, ``,``): timestamps as ISO 8601 with their offset
  (``2025-12-01T10:15:00+07:00``), lists (``actors``, ``years``) joined with ``"; "``, nulls empty.
- **XLSX** (openpyxl; one sheet per table): Excel has no time zones, so timestamps are written
  as local clock time, WIB (+07:00) for ``documents.date`` and UTC for run times, and the column
  header says so (``date (WIB)``); lists joined with ``"; "``; a cell holds at most 32,767
  characters (Excel's limit), longer texts (``texts.text``) are cut and the cut is reported.
- **Parquet**: the dataset's own Arrow schema, descriptions included.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "xlsx", "parquet")
#: Excel's limit on the characters of one cell.
XLSX_CELL_LIMIT = 32_767


class ExportError(ValueError):
    """An export cannot be done as asked (one line, for the CLI).

    ``usage`` is true when the request itself is wrong (exit 2), false when the data is
    missing (no such folder or version: exit 1).
    """

    def __init__(self, message: str, *, usage: bool = True) -> None:
        super().__init__(message)
        self.usage = usage


def _join(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def _is_list_column(series: pd.Series) -> bool:
    sample = series.dropna()
    return not sample.empty and not isinstance(sample.iloc[0], str) and hasattr(sample.iloc[0], "__len__")


def for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy fit for CSV: zoned ISO timestamps, lists joined."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[col] = series.map(lambda t: t.isoformat() if pd.notna(t) else None)
        elif series.dtype == object and _is_list_column(series):
            out[col] = series.map(_join)
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    for_csv(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def parquet_bytes(frame: pd.DataFrame, *, table: str | None = None) -> bytes:
    """Parquet of ``frame``; with ``table``, in that dataset's schema (descriptions included)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table is not None:
        from pipeline.store.schemas import schema_for

        full = schema_for(table)
        schema = pa.schema([f for f in full if f.name in frame.columns], metadata=full.metadata)
        arrow = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    else:
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def xlsx_bytes(frames: dict[str, pd.DataFrame]) -> tuple[bytes, list[str]]:
    """One workbook, a sheet per frame; returns its bytes and notes (cut cells)."""
    import pandas as pd

    notes: list[str] = []
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in frames.items():
            out = frame.copy()
            renames = {}
            for col in out.columns:
                series = out[col]
                if isinstance(series.dtype, pd.DatetimeTZDtype):
                    zone = "WIB" if str(series.dt.tz) in ("UTC+07:00", "+07:00") else str(series.dt.tz)
                    out[col] = series.dt.tz_localize(None)
                    renames[col] = f"{col} ({zone})"
                elif series.dtype == object and _is_list_column(series):
                    out[col] = series.map(_join)
                if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
                    lengths = out[col].map(lambda v: len(v) if isinstance(v, str) else 0)
                    cut = int((lengths > XLSX_CELL_LIMIT).sum())
                    if cut:
                        out[col] = out[col].map(lambda v: v[:XLSX_CELL_LIMIT] if isinstance(v, str) else v)
                        notes.append(f"{name}.{col}: {cut} cell(s) cut to Excel's {XLSX_CELL_LIMIT:,} characters")
            out.rename(columns=renames).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue(), notes


def write_frames(frames: dict[str, pd.DataFrame], *, fmt: str, output: str, dataset_tables: bool = True) -> list[str]:
    """Write ``frames`` as ``fmt`` to ``output``; return what was written (and notes).

    ``output``: for xlsx a ``.xlsx`` file (one sheet per table); for csv and parquet, with one
    table, a file (``-`` is stdout for csv) or a folder; with several, a folder that gets
    ``<table>.csv`` / ``<table>.parquet``.

    Raises:
        ExportError: a format or output that does not fit.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
    if fmt == "xlsx":
        if output == "-" or not output.lower().endswith(".xlsx"):
            raise ExportError("xlsx needs --output FILE.xlsx (a workbook is binary)")
        data, notes = xlsx_bytes(frames)
        _write_atomic(Path(output), data)
        return [output, *notes]
    suffix = f".{fmt}"
    single = len(frames) == 1 and (output == "-" or output.lower().endswith(suffix))
    if output == "-" and not single:
        raise ExportError(f"stdout takes one table; name a folder for {len(frames)} tables")
    if output == "-" and fmt == "parquet" and sys.stdout.isatty():
        raise ExportError("parquet is binary: pass --output FILE.parquet, or redirect stdout")
    written = []
    for name, frame in frames.items():
        data = csv_bytes(frame) if fmt == "csv" else parquet_bytes(frame, table=name if dataset_tables else None)
        if output == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            written.append("-")
            continue
        path = Path(output) if single else Path(output) / f"{name}{suffix}"
        if not single and Path(output).exists() and not Path(output).is_dir():
            raise ExportError(f"{output} exists and is not a folder")
        _write_atomic(path, data)
        written.append(str(path))
    return written


def export_data_dir(data_dir: str | os.PathLike[str] | None, *, fmt: str, output: str,
                    tables: Iterable[str] | None = None, version: int | str | None = None,
                    since: str | None = None, until: str | None = None) -> list[str]:
    """Export a data folder's tables (or a snapshot of them), filtered by publication date.

    ``since``/``until`` filter ``documents`` and the per-document tables; ``rejects`` and
    ``runs`` are exported whole.

    Raises:
        ExportError: unknown table, no such data or version, a bad date.
    """
    from pipeline.store import load_dataset
    from pipeline.store.schemas import TABLES

    names = list(tables) if tables else [t for t in TABLES if not (fmt == "xlsx" and t == "texts")]
    unknown = [t for t in names if t not in TABLES]
    if unknown:
        raise ExportError(f"unknown table(s) {', '.join(unknown)}; tables: {', '.join(TABLES)}")
    frames = {}
    for name in names:
        dated = name not in ("rejects", "runs")
        try:
            frames[name] = load_dataset(name, data_dir, version=version,
                                        since=since if dated else None, until=until if dated else None)
        except ValueError as exc:  # a bad date
            raise ExportError(str(exc)) from None
        except (FileNotFoundError, LookupError) as exc:
            raise ExportError(str(exc).strip("'\""), usage=False) from None
    return write_frames(frames, fmt=fmt, output=output)
