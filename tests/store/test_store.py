"""pipeline.store without Prefect: schemas, atomic commits and recovery, lock, corpora, feeds."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

import pipeline
from pipeline.corpora.run import run_corpus_direct
from pipeline.corpora.sources import feed_items, html_fragment_text
from pipeline.corpora.spec import CorpusError, load_corpus, parse_corpus
from pipeline.store.lock import DataDirLocked, data_dir_lock
from pipeline.store.schemas import SCHEMA_VERSION, SchemaError, build_table, schema_for
from pipeline.store.tables import COMMIT, STAGING, commit_tables, read_table, recover


def test_schema_validation_refuses_bad_rows():
    row = {"doc_id": "x", "pillar": "smart_city", "status": "planned", "mentions": 1, "run_id": "r",
           "mentions_per_1k_words": 1.0, "relevant": True}
    with pytest.raises(SchemaError, match="unexpected value"):
        build_table("pillar_summary", [row])
    with pytest.raises(SchemaError, match="null"):
        build_table("pillar_summary", [{**row, "pillar": "smart_people", "doc_id": None}])
    assert schema_for("mentions").metadata[b"pilar.schema_version"] == SCHEMA_VERSION.encode()


def _docs_table(n: int) -> pa.Table:
    return pa.table({"doc_id": [f"d{i}" for i in range(n)], "pillar": ["smart_people"] * n, "status": ["planned"] * n,
                     "mentions": [1] * n, "mentions_per_1k_words": [1.0] * n, "relevant": [True] * n,
                     "run_id": ["r"] * n},
                    schema=schema_for("pillar_summary"))


def test_commit_is_all_or_nothing_and_recovery_rolls_forward(tmp_path):
    commit_tables(tmp_path, {"pillar_summary": _docs_table(2)})
    assert len(pd.read_parquet(tmp_path / "pillar_summary")) == 2
    # A commit whose marker was written but whose swap was cut short is finished on recovery.
    txn = tmp_path / STAGING / "t1"
    txn.mkdir(parents=True)
    import pyarrow.parquet as pq

    pq.write_table(_docs_table(5), txn / "pillar_summary.parquet")
    (txn / COMMIT).write_text('{"tables": ["pillar_summary"]}')
    assert read_table(tmp_path, "pillar_summary").num_rows == 2
    assert recover(tmp_path) == ["rolled forward t1"]
    assert read_table(tmp_path, "pillar_summary").num_rows == 5
    # Without a marker the staged files are discarded.
    (tmp_path / STAGING / "t2").mkdir()
    assert recover(tmp_path) == ["discarded t2"] and read_table(tmp_path, "pillar_summary").num_rows == 5


def test_lock_refuses_a_second_holder(tmp_path):
    with data_dir_lock(tmp_path):
        with pytest.raises(DataDirLocked, match="another --data-dir"):
            with data_dir_lock(tmp_path, wait=0.3):
                pass
    with data_dir_lock(tmp_path):  # released
        pass


def test_corpus_definitions(tmp_path, monkeypatch):
    thesis = load_corpus()
    assert thesis.name == "thesis" and thesis.sources[0].kind == "folder"
    monkeypatch.setenv("PILAR_SHARED_DIR", "/somewhere")
    detik = load_corpus("detik")
    assert detik.baseline == "thesis" and detik.sources[0].location == "/somewhere/corpora/detik-2025/data_berita.csv"
    with pytest.raises(CorpusError, match="columns.text"):
        parse_corpus({"sources": [{"table": "x.csv"}]}, root=tmp_path, name="x")
    with pytest.raises(CorpusError, match="exactly one"):
        parse_corpus({"sources": [{"url": "http://a", "file": "b"}]}, root=tmp_path, name="x")
    with pytest.raises(CorpusError, match="no corpus"):
        load_corpus("nope")


def test_feeds_rss_and_atom():
    rss = b"""<rss><channel><item><title>T</title><link>http://x/1</link><guid>g1</guid>
    <description>&lt;p&gt;Satu&lt;/p&gt;&lt;p&gt;Dua&lt;/p&gt;</description></item></channel></rss>"""
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><title>A</title>
    <link href="http://x/a"/><updated>2025-01-01</updated><summary>Isi</summary></entry></feed>"""
    (r,) = feed_items("http://f/rss", rss)
    (a,) = feed_items("http://f/atom", atom)
    assert (r.source_key, r.source, a.source_key, a.source) == ("http://f/rss#g1", "http://x/1", "http://f/atom#e1", "http://x/a")
    assert html_fragment_text("<p>Satu</p><p>Dua &amp; tiga</p>") == "Satu\n\nDua & tiga"


def test_direct_run_and_load_dataset(tmp_path, monkeypatch):
    report = run_corpus_direct("thesis", data_dir=tmp_path)
    assert report.documents_analyzed == 1
    mentions = pipeline.load_dataset("mentions", data_dir=tmp_path)
    assert len(mentions) > 10 and mentions.lexicon_version.nunique() == 1
    monkeypatch.setenv("PILAR_DATA_DIR", str(tmp_path))
    assert len(pipeline.load_dataset("documents")) == 1
    with pytest.raises(KeyError):
        pipeline.load_dataset("nope")
    with pytest.raises(FileNotFoundError, match="pilar run"):
        pipeline.load_dataset("mentions", data_dir=tmp_path / "empty")
    assert run_corpus_direct("thesis", data_dir=tmp_path).documents_analyzed == 0


def test_a_folder_holding_another_corpus_is_refused(tmp_path):
    run_corpus_direct("thesis", data_dir=tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Trotoar telah direvitalisasi.", encoding="utf-8")
    with pytest.raises(CorpusError, match="holds corpus 'thesis'"):
        run_corpus_direct(str(other), data_dir=tmp_path)


@pytest.mark.shared
def test_detik_definition_discovers_every_row(detik_csv, monkeypatch):
    from pipeline.corpora.sources import discover_local

    monkeypatch.setenv("PILAR_SHARED_DIR", str(detik_csv.parents[2]))
    items, rejects = discover_local(load_corpus("detik"))
    assert len(items) == 967 and not rejects
    assert items[0].source_key.endswith("data_berita.csv#id=1")
