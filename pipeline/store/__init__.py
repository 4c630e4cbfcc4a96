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

from pipeline.store.schemas import SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["load_dataset", "TABLES", "SCHEMA_VERSION"]


def load_dataset(name: str, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Table ``name`` of the data folder as a pandas DataFrame.

    Args:
        name: One of ``documents``, ``sentences``, ``mentions``, ``programs``,
            ``pillar_summary``, ``rejects``, ``runs``.
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, else ``./data``).

    Raises:
        KeyError: Unknown table.
        FileNotFoundError: The table was never written (run ``pilar run`` first).
    """
    import pandas as pd

    from pipeline import config
    from pipeline.store.tables import table_path

    if name not in TABLES:
        raise KeyError(f"unknown dataset {name!r}; datasets: {', '.join(TABLES)}")
    folder = table_path(Path(config.data_dir(data_dir)), name)
    if not folder.is_dir():
        raise FileNotFoundError(f"no dataset {name!r} in {folder.parent} (run `pilar run` first)")
    return pd.read_parquet(folder)
