"""Typed datasets: zoned dates and their filters, run ids on every row, offsets that match text,
the stored clean text, a catalog that survives moving its folder, and the schema-version rebuild."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.store.schemas import DOC_TABLES, SCHEMA_VERSION, TABLES

WIB = timezone(timedelta(hours=7))


def test_dates_are_zoned_timestamps_and_raw_text_is_kept(news_data):
    docs = pipeline.load_dataset("documents", data_dir=news_data).set_index("title")
    assert str(docs["date"].dtype) == "datetime64[us, UTC+07:00]"
    assert docs.loc["Halte baru", "date"] == pd.Timestamp("2025-12-01 10:15", tz="+07:00")
    # 09:30 WITA is 08:30 WIB: the instant is kept, shown in WIB
    assert docs.loc["Sampah Makassar", "date"] == pd.Timestamp("2025-12-02 01:30", tz="UTC")
    assert docs.loc["Sampah Makassar", "date"].hour == 8
    assert docs.loc["Layanan JAKI", "date_precision"] == "day"
    assert docs.loc["Layanan JAKI", "date"] == pd.Timestamp("2025-11-15", tz="+07:00")
    assert docs.loc["Halte baru", "date_raw"] == "Senin, 01 Des 2025 | 10:15 WIB"
    assert pd.isna(docs.loc["Tanpa tanggal", "date"]) and pd.isna(docs.loc["Tanpa tanggal", "date_raw"])


def test_since_until_on_load_dataset(news_data):
    december = pipeline.load_dataset("documents", data_dir=news_data, since="2025-12-01")
    assert sorted(december.title) == ["Halte baru", "Sampah Makassar"]
    first = pipeline.load_dataset("documents", data_dir=news_data, since="2025-12-01", until="2025-12-01")
    assert list(first.title) == ["Halte baru"]  # until a day keeps that whole day, in WIB
    # an instant in another zone: 08:30 WIB is 09:30 WITA
    assert list(pipeline.load_dataset("documents", data_dir=news_data, since="2025-12-02T09:30+08:00").title) == ["Sampah Makassar"]
    assert pipeline.load_dataset("documents", data_dir=news_data, since="2025-12-02T09:31+08:00").empty
    summary = pipeline.load_dataset("pillar_summary", data_dir=news_data, until="2025-11-30")
    docs = pipeline.load_dataset("documents", data_dir=news_data)
    assert set(summary.doc_id) == set(docs.loc[docs.title == "Layanan JAKI", "doc_id"]) and len(summary) == 6
    with pytest.raises(ValueError, match="not a date"):
        pipeline.load_dataset("documents", data_dir=news_data, since="kemarin")
    with pytest.raises(ValueError, match="publication date"):
        pipeline.load_dataset("runs", data_dir=news_data, since="2025-12-01")


def test_duckdb_filters_dates_without_casts(news_data):
    con = pipeline.connect(news_data)
    titles = con.execute("SELECT title FROM documents WHERE date >= TIMESTAMPTZ '2025-12-02 00:00+07' ORDER BY date").fetchall()
    assert titles == [("Sampah Makassar",)]


def test_run_id_on_every_row_and_offsets_match_text(news_data):
    (run_id,) = pipeline.load_dataset("runs", data_dir=news_data).run_id
    texts = pipeline.load_dataset("texts", data_dir=news_data).set_index("doc_id").text
    docs = pipeline.load_dataset("documents", data_dir=news_data)
    assert set(texts.index) == set(docs.doc_id)
    for name in ("documents", *DOC_TABLES, "rejects"):
        frame = pipeline.load_dataset(name, data_dir=news_data)
        assert "run_id" in frame and (frame.run_id == run_id).all(), name
    for name in ("sentences", "mentions", "programs"):
        frame = pipeline.load_dataset(name, data_dir=news_data)
        assert len(frame), name
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text, (name, row)


def test_model_made_mentions_span_their_sentence():
    """The learned tagger's own mention (method model: sentence offsets, its n-gram as text) is
    stored with text = the slice its offsets give, the n-gram kept as term."""
    import dataclasses

    from pipeline.corpora.rows import document_rows
    from pipeline.ingest import document_from_text
    from pipeline.nlp import analyze_document
    from pipeline.schema import Mention
    from pipeline.summarize import summarize_document

    doc = document_from_text("Warga kini naik bus listrik setiap hari. Pemprov DKI telah merevitalisasi trotoar.",
                             source="t.txt")
    analysis = analyze_document(doc)
    sent = analysis.sentences[0]
    made = Mention(pillar="smart_living", driver=None, term="setiap hari", text="setiap hari", start=sent.start,
                   end=sent.end, sentence=0, method="model", score=0.7, rule="model")  # as the tagger makes it
    analysis = dataclasses.replace(analysis, mentions=[*analysis.mentions, made])
    rows = document_rows(doc, analysis, summarize_document(doc, analysis, relevant=True), origin="t.txt",
                         kind="file", source_hash="h", analysis_version="v", lexicon_version="l", run_id="r",
                         now=datetime.now(timezone.utc))
    (model,) = [r for r in rows["mentions"] if r["method"] == "model"]
    assert (model["start"], model["end"], model["text"], model["term"]) == (sent.start, sent.end, sent.text, "setiap hari")
    for table in ("mentions", "programs", "sentences"):
        for row in rows[table]:
            assert doc.text[row["start"]:row["end"]] == row["text"], (table, row)


def test_catalog_paths_are_relative_and_survive_a_move(news_data, tmp_path):
    moved = tmp_path / "elsewhere" / "renamed"
    moved.parent.mkdir()
    shutil.move(str(news_data), str(moved))
    (tmp_path / "new-data").mkdir()  # a stranger's folder of the same shape must not be read
    con = pipeline.connect(moved)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    sql = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'mentions'").fetchone()[0]
    assert str(tmp_path) not in sql and "mentions/part-0.parquet" in sql
    # from another working directory, by hand, as the README shows
    code = (f"import duckdb; con = duckdb.connect({str(moved / 'pilar.duckdb')!r}, read_only=True, "
            f"config={{'file_search_path': {str(moved)!r}}}); "
            "print(con.execute('SELECT count(*) FROM pillar_summary').fetchone()[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=60)
    assert out.stdout.strip() == "24", out.stderr
    # and from inside the folder, with no settings at all
    code = "import duckdb; print(duckdb.connect('pilar.duckdb', read_only=True).execute('SELECT count(*) FROM texts').fetchone()[0])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=moved, timeout=60)
    assert out.stdout.strip() == "4", out.stderr


def _write_v2_folder(data):
    """A data folder as schema version 2 wrote it: string dates, no run_id, no texts, no versions."""
    data.mkdir(parents=True)
    old = {
        "documents": pa.table({"source_key": ["x"], "doc_id": ["d"], "date": ["2025-10-21T20:43"]}),
        "runs": pa.table({
            "run_id": ["old"], "corpus": ["news"], "flow_run_id": [None], "task_runner": ["direct"], "full": [False],
            "started_at": pa.array([datetime(2025, 1, 1, tzinfo=timezone.utc)], pa.timestamp("us", tz="UTC")),
            "finished_at": pa.array([datetime(2025, 1, 1, tzinfo=timezone.utc)], pa.timestamp("us", tz="UTC")),
            **{k: [1.0] for k in ("duration_s", "discover_s", "analyze_s", "write_s")},
            "code_version": ["0.1.0"], "lexicon_version": ["x"], "schema_version": ["2"],
            **{k: pa.array([1], pa.int32()) for k in ("documents_seen", "documents_analyzed", "documents_skipped",
                                                      "documents_rejected", "documents_deleted")},
        }),
    }
    for name, table in old.items():
        (data / name).mkdir()
        pq.write_table(table.replace_schema_metadata({"pilar.table": name, "pilar.schema_version": "2"}),
                       data / name / "part-0.parquet")


def test_an_older_schema_version_is_rebuilt_keeping_the_run_history(news, tmp_path):
    from pipeline.corpora.run import run_corpus_direct
    from pipeline.store.tables import stored_schema_version

    data = tmp_path / "old"
    _write_v2_folder(data)
    report = run_corpus_direct(str(news), data_dir=data)
    assert any("rebuilding in full" in n for n in report.notes) and report.documents_analyzed == 4
    assert stored_schema_version(data) == SCHEMA_VERSION
    runs = pipeline.load_dataset("runs", data_dir=data)
    assert list(runs.run_id[:1]) == ["old"] and pd.isna(runs.version[0]) and runs.version.iloc[-1] == 1
    docs = pipeline.load_dataset("documents", data_dir=data)
    assert "x" not in set(docs.source_key) and str(docs.date.dtype).startswith("datetime64")
    for name in TABLES:
        assert pq.read_schema(data / name / "part-0.parquet").metadata[b"pilar.schema_version"] == SCHEMA_VERSION.encode()
