"""The DuckDB catalog: ``DIR/pilar.duckdb`` with one view per table over its Parquet folder.

Views hold absolute paths (DuckDB resolves relative paths against the reader's working
directory, not the database file), so the catalog is rebuilt on every commit; moving the
data folder only needs another ``pilar run`` (or :func:`write_catalog`). The file is built
beside its target and swapped in with ``os.replace``, like the tables.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.store.tables import PART, table_path

CATALOG = "pilar.duckdb"


def write_catalog(data_dir: Path, tables: list[str]) -> Path:
    """(Re)write ``DIR/pilar.duckdb`` with a view per table; return its path."""
    import duckdb

    data_dir = Path(data_dir).resolve()
    target = data_dir / CATALOG
    tmp = data_dir / f".{CATALOG}.tmp"
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for name in tables:
            files = str(table_path(data_dir, name) / PART).replace("'", "''")
            con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{files}')")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, target)
    Path(f"{tmp}.wal").unlink(missing_ok=True)
    return target
