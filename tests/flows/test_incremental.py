"""run_corpus is incremental: unchanged → nothing analysed; add, change, delete → exactly that."""

from __future__ import annotations

import pandas as pd

import pipeline
from flows.helpers import snapshot
from pipeline.flows.corpus import run_corpus


def _rows_of(data_dir, source_key: str) -> dict[str, int]:
    docs = pd.read_parquet(data_dir / "documents")
    ids = set(docs.loc[docs.source_key == source_key, "doc_id"])
    return {t: int(pd.read_parquet(data_dir / t).doc_id.isin(ids).sum()) for t in ("sentences", "pillar_summary")}


def test_incremental_runs(corpus, tmp_path):
    data = tmp_path / "data"
    first = run_corpus(corpus=str(corpus), data_dir=str(data))
    assert (first["documents_seen"], first["documents_analyzed"], first["documents_rejected"]) == (3, 3, 0)
    before = snapshot(data)

    again = run_corpus(corpus=str(corpus), data_dir=str(data))
    assert (again["documents_analyzed"], again["documents_skipped"]) == (0, 3)
    assert again["tables_written"] == ["runs"]
    after = snapshot(data)
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)

    folder = corpus.parent / "mini"
    (folder / "d_baru.txt").write_text("Dinas Perhubungan akan mengintegrasikan tarif transportasi publik.", encoding="utf-8")
    added = run_corpus(corpus=str(corpus), data_dir=str(data))
    assert (added["documents_analyzed"], added["documents_skipped"]) == (1, 3)

    key = "mini/b_sampah.txt"
    old_id = pd.read_parquet(data / "documents").set_index("source_key").doc_id[key]
    (folder / "b_sampah.txt").write_text("Pengelolaan sampah berbasis aplikasi telah berjalan di Surabaya sejak 2019.", encoding="utf-8")
    changed = run_corpus(corpus=str(corpus), data_dir=str(data))
    assert changed["documents_analyzed"] == 1
    docs = pd.read_parquet(data / "documents")
    assert (docs.source_key == key).sum() == 1 and old_id not in set(docs.doc_id)
    for table in ("sentences", "mentions", "programs", "pillar_summary"):
        assert old_id not in set(pd.read_parquet(data / table).doc_id), table
    assert _rows_of(data, key)["pillar_summary"] == 6

    (folder / "a_trotoar.md").unlink()
    gone_id = docs.set_index("source_key").doc_id["mini/a_trotoar.md"]
    deleted = run_corpus(corpus=str(corpus), data_dir=str(data))
    assert (deleted["documents_analyzed"], deleted["documents_deleted"]) == (0, 1)
    docs = pd.read_parquet(data / "documents")
    assert sorted(docs.source_key) == ["mini/b_sampah.txt", "mini/c_layanan.txt", "mini/d_baru.txt"]
    for table in ("sentences", "mentions", "programs", "pillar_summary"):
        assert gone_id not in set(pd.read_parquet(data / table).doc_id), table

    runs = pipeline.load_dataset("runs", data_dir=data)
    assert list(runs.documents_analyzed) == [3, 0, 1, 1, 0]
    assert runs.run_id.is_unique and (runs.code_version == pipeline.__version__).all()
    assert runs.flow_run_id.notna().all() and (runs.finished_at >= runs.started_at).all()
    con = pipeline.connect(data)  # relative views: the folder is the search path
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    assert con.execute("SELECT count(*) FROM pillar_summary").fetchone()[0] == 18


def test_full_reanalyses_everything_with_the_same_result(corpus, tmp_path):
    data = tmp_path / "data"
    run_corpus(corpus=str(corpus), data_dir=str(data))
    before = snapshot(data, drop_run_columns=True)
    full = run_corpus(corpus=str(corpus), data_dir=str(data), full=True)
    assert full["documents_analyzed"] == 3
    after = snapshot(data, drop_run_columns=True)
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)


def test_run_publishes_summary_artifact(corpus, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    report = run_corpus(corpus=str(corpus), data_dir=str(tmp_path / "data"))
    assert "## Pillars: documents per status" in report["summary_markdown"]
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["pilar-mini-summary"])))
    assert arts and "smart_mobility" in arts[-1].data


def test_rejected_document_does_not_fail_the_flow(tmp_path):
    from flows.helpers import write_corpus

    toml = write_corpus(tmp_path, {"ok.txt": "Trotoar Jakarta telah direvitalisasi.", "empty.txt": "   "})
    report = run_corpus(corpus=str(toml), data_dir=str(tmp_path / "data"))
    assert (report["documents_analyzed"], report["documents_rejected"]) == (1, 1)
    assert "## Rejected sources" in report["summary_markdown"]
    rejects = pipeline.load_dataset("rejects", data_dir=tmp_path / "data")
    assert list(rejects.source_key) == ["mini/empty.txt"] and rejects.reason[0]
    # An unchanged unreadable file is not read again, and stays in rejects.
    again = run_corpus(corpus=str(toml), data_dir=str(tmp_path / "data"))
    assert (again["documents_analyzed"], again["documents_skipped"]) == (0, 2)
    assert len(pipeline.load_dataset("rejects", data_dir=tmp_path / "data")) == 1
