"""Atomic, all-or-nothing writes of the dataset tables, and reading them back.

Layout of a data folder::

    DIR/<table>/part-0.parquet     one file per table; ``pandas.read_parquet(DIR/<table>)``
    DIR/.staging/<txn>/            a commit in progress (hidden: readers never look here)
    DIR/pilar.duckdb               views over the tables (see :mod:`pipeline.store.catalog`)

A commit writes every changed table into a staging folder, then writes a ``COMMIT`` marker
(itself atomically), then moves each file into place with ``os.replace``. A crash before the
marker leaves the visible tables untouched (the staging folder is discarded on the next
open); a crash after it is rolled forward on the next open. Each table file is swapped in
one ``os.replace``, so a reader never sees a half-written table, and a rerun after a crash
neither loses nor duplicates rows.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.store.schemas import SCHEMA_VERSION, SORT_KEYS, TABLES, schema_for, validate_table

PART = "part-0.parquet"
STAGING = ".staging"
COMMIT = "COMMIT"

#: Test hook: seconds to sleep between swapping tables in, to make a crash mid-commit easy
#: to provoke (tests/flows/test_crash.py). Never set in normal use.
COMMIT_DELAY_ENV = "PILAR_STORE_COMMIT_DELAY"

#: ``documents`` is the incremental state: swap it in last.
_COMMIT_ORDER = ("rejects", "texts", "sentences", "mentions", "programs", "pillar_summary", "runs", "documents")


def table_path(data_dir: Path, name: str) -> Path:
    """The folder of table ``name`` (what ``pandas.read_parquet`` is given)."""
    return Path(data_dir) / name


def read_table(data_dir: Path, name: str) -> pa.Table:
    """Table ``name`` as Arrow; an empty table of the declared schema when not written yet."""
    path = table_path(data_dir, name) / PART
    if not path.exists():
        return schema_for(name).empty_table()
    try:
        return pq.read_table(path)
    except (OSError, pa.ArrowException, ValueError) as exc:  # a damaged file: one line, how to repair
        from pipeline.store.integrity import DatasetError, repair_hint

        raise DatasetError(f"dataset {name!r} in {data_dir} is unreadable ({type(exc).__name__}); "
                           f"{repair_hint(data_dir)}") from None


def stored_schema_version(data_dir: Path) -> str | None:
    """The schema version of the stored ``documents`` table (``None`` when there is none)."""
    path = table_path(data_dir, "documents") / PART
    if not path.exists():
        return None
    meta = pq.read_schema(path).metadata or {}
    return meta.get(b"pilar.schema_version", b"").decode() or "unknown"


def sort_table(name: str, table: pa.Table) -> pa.Table:
    """Rows in the table's canonical order (so equal content gives equal files)."""
    return table.sort_by([(k, "ascending") for k in SORT_KEYS[name]])


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_tables(data_dir: Path, tables: dict[str, pa.Table]) -> None:
    """Replace the given tables all together, or (after a crash) not at all until recovery.

    Args:
        data_dir: The data folder.
        tables: Table name to its complete new content (validated here).
    """
    data_dir = Path(data_dir)
    txn = data_dir / STAGING / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    try:
        txn.mkdir(parents=True)
        for name, table in tables.items():
            table = sort_table(name, table.cast(schema_for(name)))
            validate_table(name, table)
            target = txn / f"{name}.parquet"
            pq.write_table(table, target)
            _fsync(target)
        marker_tmp = txn / f".{COMMIT}.tmp"
        marker_tmp.write_text(json.dumps({"tables": sorted(tables), "schema_version": SCHEMA_VERSION}))
        _fsync(marker_tmp)
        os.replace(marker_tmp, txn / COMMIT)
        _fsync(txn)
    except BaseException as exc:  # nothing committed: the visible tables are untouched
        shutil.rmtree(txn, ignore_errors=True)
        if isinstance(exc, OSError):
            from pipeline.store.lock import unwritable

            raise unwritable(data_dir, exc) from None
        raise
    _apply(data_dir, txn)


def _apply(data_dir: Path, txn: Path) -> None:
    """Move a committed staging folder's files into place (idempotent: resumes after a crash)."""
    names = json.loads((txn / COMMIT).read_text())["tables"]
    delay = float(os.environ.get(COMMIT_DELAY_ENV) or 0)
    for name in sorted(names, key=lambda n: _COMMIT_ORDER.index(n) if n in _COMMIT_ORDER else -1):
        src = txn / f"{name}.parquet"
        if not src.exists():  # already moved before a crash
            continue
        dest = table_path(data_dir, name)
        dest.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest / PART)
        if delay:
            time.sleep(delay)
    _fsync(data_dir)
    shutil.rmtree(txn)


def recover(data_dir: Path) -> list[str]:
    """Finish or discard commits a crash interrupted; return what was done, for the log."""
    staging = Path(data_dir) / STAGING
    done: list[str] = []
    if not staging.is_dir():
        return done
    for txn in sorted(p for p in staging.iterdir() if p.is_dir()):
        if (txn / COMMIT).exists():
            _apply(Path(data_dir), txn)
            done.append(f"rolled forward {txn.name}")
        else:
            shutil.rmtree(txn)
            done.append(f"discarded {txn.name}")
    return done


def ensure_tables(data_dir: Path) -> None:
    """Write empty tables for any not yet present, so every folder reads (and views resolve)."""
    missing = {n: schema_for(n).empty_table() for n in TABLES if not (table_path(data_dir, n) / PART).exists()}
    if missing:
        commit_tables(data_dir, missing)
