"""Datasets, persisted: atomic Parquet tables, a DuckDB catalog, the folder lock.

Only persistence: nothing here analyses a document or knows a corpus (that is
:mod:`pipeline.corpora`, one layer up).

| module | what |
|---|---|
| ``schemas`` | the versioned Arrow schema of every table, validation on write |
| ``tables`` | atomic multi-table commits (staging + ``os.replace``), crash recovery |
| ``catalog`` | ``pilar.duckdb`` with a commented view per table (relative paths), ``connect()`` |
| ``snapshots`` | every run's commit a numbered version, readable later |
| ``descriptions`` | what every table and column means (Arrow metadata, DuckDB comments, docs) |
| ``dictionary`` | ``docs/datasets.md``, generated from the schemas |
| ``lock`` | one writer per data folder |
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.store.integrity import DatasetError
from pipeline.store.schemas import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["load_dataset", "date_mask", "DatasetError", "TABLES", "SCHEMA_VERSION"]


def load_dataset(name: str, data_dir: str | os.PathLike[str] | None = None, *,
                 version: int | str | None = None, since: str | datetime | None = None,
                 until: str | datetime | None = None) -> pd.DataFrame:
    """Table ``name`` of the data folder as a pandas DataFrame.

    Args:
        name: One of ``documents``, ``sentences``, ``mentions``, ``programs``,
            ``pillar_summary``, ``texts``, ``rejects``, ``runs``.
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, else ``./data``).
        version: A snapshot: its number (``runs.version``; ``-1`` the newest, ``-2`` the one
            before), or a run id. Default: the live table.
        since: Only documents published at or after this (``"2025-10-01"`` is midnight WIB, or
            a zoned ``"2025-10-01T08:00+08:00"``); per-document tables follow their documents.
        until: Only documents published before the end of this day (or at/before this time).

    Raises:
        KeyError: Unknown table.
        FileNotFoundError: The table was never written (run ``pilar run`` first).
        LookupError: No such snapshot version.
        ValueError: A bad date, or a date filter on ``rejects``/``runs``.
        DatasetError: The table was written but is now missing or unreadable; the one-line
            message says how to repair it (``pilar run`` re-analyses the affected sources).
    """
    import pyarrow.parquet as pq

    from pipeline import config
    from pipeline.store import snapshots
    from pipeline.store.integrity import is_committed, read_checked, repair_hint

    if name not in TABLES:
        raise KeyError(f"unknown dataset {name!r}; datasets: {', '.join(TABLES)}")
    folder = Path(config.data_dir(data_dir))
    if version is None:
        try:
            frame = read_checked(folder, name).to_pandas()
        except FileNotFoundError:
            if is_committed(folder):
                raise DatasetError(f"dataset {name!r} is missing from {folder} (deleted?); {repair_hint(folder)}") from None
            raise FileNotFoundError(f"no dataset {name!r} in {folder} (run `pilar run` first)") from None
        except DatasetError as exc:
            raise DatasetError(f"dataset {name!r}: {exc}; {repair_hint(folder)}") from None
    else:
        manifest = snapshots.resolve(folder, version)
        frame = pq.read_table(snapshots.object_path(folder, manifest, name)).to_pandas()
    if since is None and until is None:
        return frame
    if name in ("rejects", "runs"):
        raise ValueError("since/until filter by publication date: use them with documents or a per-document table")
    docs = frame if name == "documents" else load_dataset("documents", folder, version=version)
    keep = date_mask(docs["date"], since=since, until=until)
    if name == "documents":
        return frame[keep].reset_index(drop=True)
    return frame[frame["doc_id"].isin(set(docs.loc[keep, "doc_id"]))].reset_index(drop=True)


def date_mask(dates: pd.Series, *, since: str | datetime | None = None,
              until: str | datetime | None = None) -> pd.Series:
    """Which of ``dates`` (zoned timestamps) fall in ``[since, until]``; undated rows never do.

    ``until`` given as a date alone includes that whole day (WIB).
    """
    import pandas as pd

    from pipeline.ingest.dates import parse_bound

    mask = dates.notna()
    if since is not None:
        low = since if isinstance(since, datetime) else parse_bound(since)
        mask &= dates >= pd.Timestamp(low)
    if until is not None:
        if isinstance(until, datetime):
            mask &= dates <= pd.Timestamp(until)
        else:
            mask &= dates < pd.Timestamp(parse_bound(until, end=True))  # an exclusive bound
    return mask
