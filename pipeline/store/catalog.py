"""The DuckDB catalog: ``DIR/pilar.duckdb`` with one view per table over its Parquet file.

Views hold paths **relative to the data folder** (``documents/part-0.parquet``), so the folder
can be moved or copied whole. DuckDB resolves a relative path against its ``file_search_path``
setting, else the working directory (never against the database file), so a reader opens the
catalog either from inside the folder or with the folder as search path, which is what
:func:`connect` does::

    con = pipeline.store.catalog.connect("data")            # read-only, from any directory
    duckdb.connect("data/pilar.duckdb", read_only=True,      # the same, by hand
                   config={"file_search_path": "data"})

Every view and column carries the data dictionary's text as a DuckDB ``COMMENT``
(``SELECT comment FROM duckdb_columns() WHERE table_name = 'documents'``). The file is built
beside its target and swapped in with ``os.replace``, like the tables.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipeline.store.tables import PART, table_path

CATALOG = "pilar.duckdb"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_catalog(data_dir: Path, tables: list[str]) -> Path:
    """(Re)write ``DIR/pilar.duckdb`` with a commented view per table; return its path."""
    import duckdb

    from pipeline.store.descriptions import COLUMNS, TABLES

    data_dir = Path(data_dir).resolve()
    target = data_dir / CATALOG
    tmp = data_dir / f".{CATALOG}.tmp"
    tmp.unlink(missing_ok=True)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    con = duckdb.connect(str(tmp), config={"file_search_path": str(data_dir)})
    try:
        for name in tables:
            if not (table_path(data_dir, name) / PART).exists():
                continue
            rel = f"{name}/{PART}"
            con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM read_parquet({_quote(rel)})')
            if TABLES.get(name):
                con.execute(f'COMMENT ON VIEW "{name}" IS {_quote(TABLES[name])}')
            for column, text in COLUMNS.get(name, {}).items():
                con.execute(f'COMMENT ON COLUMN "{name}"."{column}" IS {_quote(text)}')
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, target)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target


def connect(data_dir: str | os.PathLike[str] | None = None, **kwargs: Any) -> Any:
    """A read-only DuckDB connection to the data folder's catalog, from any working directory.

    Args:
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, else ``./data``).
        **kwargs: More ``duckdb.connect`` arguments.

    Raises:
        FileNotFoundError: No catalog there (run ``pilar run`` first).
    """
    import duckdb

    from pipeline import config

    folder = Path(config.data_dir(data_dir)).resolve()
    path = folder / CATALOG
    if not path.exists():
        raise FileNotFoundError(f"no catalog {path} (run `pilar run` first)")
    settings = {"file_search_path": str(folder), **kwargs.pop("config", {})}
    return duckdb.connect(str(path), read_only=kwargs.pop("read_only", True), config=settings, **kwargs)
