"""The data dictionary: generated from the schemas, complete, up to date, inside the data too."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pyarrow.parquet as pq

from pipeline.store import dictionary
from pipeline.store.descriptions import COLUMNS
from pipeline.store.descriptions import TABLES as TABLE_DOCS
from pipeline.store.schemas import SCHEMA_VERSION, TABLES


def test_every_table_and_column_is_described():
    assert set(TABLE_DOCS) == set(TABLES)
    for name, schema in TABLES.items():
        assert set(COLUMNS[name]) == set(schema.names), name
        assert all(len(text) > 10 for text in COLUMNS[name].values()), name


def test_docs_datasets_md_is_up_to_date():
    text = dictionary.DEFAULT_PATH.read_text(encoding="utf-8")
    assert text == dictionary.render(), "run `python -m pipeline.store.dictionary`"
    for name, schema in TABLES.items():
        assert f"## {name}" in text
        for field in schema:
            assert f"| `{field.name}` | `{field.type}` |" in text
    proc = subprocess.run([sys.executable, "-m", "pipeline.store.dictionary", "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_check_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "datasets.md"
    stale.write_text("# old\n", encoding="utf-8")
    assert dictionary.main(["--check", str(stale)]) == 1
    assert dictionary.main([str(stale)]) == 0 and dictionary.main(["--check", str(stale)]) == 0


def test_descriptions_travel_in_parquet_and_duckdb(news_data):
    schema = pq.read_schema(news_data / "documents" / "part-0.parquet")
    assert b"WIB" in schema.field("date").metadata[b"description"]
    assert schema.metadata[b"pilar.description"].startswith(b"One row per source item")
    assert schema.metadata[b"pilar.schema_version"] == SCHEMA_VERSION.encode()
    con = duckdb.connect(str(news_data / "pilar.duckdb"), read_only=True, config={"file_search_path": str(news_data)})
    comments = dict(con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'mentions'").fetchall())
    assert comments == COLUMNS["mentions"]
    (view,) = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'texts'").fetchone()
    assert view == TABLE_DOCS["texts"]
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'documents'").fetchall())
    assert types["date"] == "TIMESTAMP WITH TIME ZONE" and types["actors"] == "VARCHAR[]"
    for field in TABLES["documents"]:
        assert types[field.name] == dictionary.duckdb_type(field.type), field.name
