"""Datasets, persisted: atomic Parquet tables, a DuckDB catalog, the folder lock.

Only persistence: nothing here analyses a document or knows a corpus (that is
:mod:`pipeline.corpora`, one layer up).

| module | what |
|---|---|
| ``schemas`` | the versioned Arrow schema of every table, validation on write |
| ``tables`` | atomic multi-table commits (staging + ``os.replace``), crash recovery |
| ``catalog`` | ``pilar.duckdb`` with a view per table |
| ``lock`` | one writer per data folder |
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.store.integrity import DatasetError
from pipeline.store.schemas import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["load_dataset", "DatasetError", "TABLES", "SCHEMA_VERSION"]


def load_dataset(name: str, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Table ``name`` of the data folder as a pandas DataFrame.

    Args:
        name: One of ``documents``, ``sentences``, ``mentions``, ``programs``,
            ``pillar_summary``, ``rejects``, ``runs``.
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, else ``./data``).

    Raises:
        KeyError: Unknown table.
        FileNotFoundError: The table was never written (run ``pilar run`` first).
        DatasetError: The table was written but is now missing or unreadable; the one-line
            message says how to repair it (``pilar run`` re-analyses the affected sources).
    """
    from pipeline import config
    from pipeline.store.integrity import is_committed, read_checked, repair_hint
    from pipeline.store.tables import table_path

    if name not in TABLES:
        raise KeyError(f"unknown dataset {name!r}; datasets: {', '.join(TABLES)}")
    root = Path(config.data_dir(data_dir))
    folder = table_path(root, name)
    try:
        table = read_checked(root, name)
    except FileNotFoundError:
        if is_committed(root):
            raise DatasetError(f"dataset {name!r} is missing from {root} (deleted?); {repair_hint(root)}") from None
        raise FileNotFoundError(f"no dataset {name!r} in {folder.parent} (run `pilar run` first)") from None
    except DatasetError as exc:
        raise DatasetError(f"dataset {name!r}: {exc}; {repair_hint(root)}") from None
    return table.to_pandas()
