"""No loss nobody meant: damaged models, failed items, mass deletions, lost and corrupt tables.

Real runs (``run_corpus_direct``: discovery, the Analyzer, Parquet commits, the DuckDB
catalog) on small corpora; every repair is compared with a clean run of the same corpus.
"""

from __future__ import annotations

import shutil

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import pipeline
from pipeline.analyzer import Settings
from pipeline.corpora.preflight import PreflightError
from pipeline.corpora.run import RunRefused, run_corpus_direct
from pipeline.store.integrity import QUARANTINE, DatasetError
from pipeline.store.tables import STAGING

from .helpers import (
    DOCS,
    assert_same,
    flip_byte,
    models_copy,
    rehash_manifest,
    snapshot,
    table_file,
    text,
    write_corpus,
)


@pytest.fixture
def mini(tmp_path):
    """A three-document corpus, run once into ``data``; and a clean twin for comparisons."""
    toml = write_corpus(tmp_path / "c", DOCS)
    data = tmp_path / "data"
    first = run_corpus_direct(str(toml), data_dir=data)
    assert first.documents_analyzed == 3
    return toml, data


def _clean(tmp_path, toml):
    clean = tmp_path / "clean"
    run_corpus_direct(str(toml), data_dir=clean)
    return snapshot(clean)


def test_a_model_file_with_one_byte_changed_stops_the_run_before_planning(mini, tmp_path):
    toml, data = mini
    before = snapshot(data, drop_run_columns=False)
    models = models_copy(tmp_path / "models")
    flip_byte(models / "classifier" / "weights.npz")
    with pytest.raises(PreflightError, match=r"weights\.npz failed its SHA-256 check.*pilar train"):
        run_corpus_direct(str(toml), data_dir=data, full=True, settings=Settings(models_dir=str(models)))
    assert_same(before, snapshot(data, drop_run_columns=False))  # nothing committed, not even a run row
    assert len(pipeline.load_dataset("runs", data_dir=data)) == 1


def test_a_model_that_passes_its_checksum_but_does_not_load_stops_the_run(mini, tmp_path):
    toml, data = mini
    models = models_copy(tmp_path / "models")
    weights = models / "classifier" / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:2000])  # truncated, and the manifest made to agree
    rehash_manifest(models / "classifier")
    with pytest.raises(PreflightError, match=r"trained models in .* do not load .*pilar train"):
        run_corpus_direct(str(toml), data_dir=data, settings=Settings(models_dir=str(models)))
    assert len(pipeline.load_dataset("documents", data_dir=data)) == 3


def test_a_broken_lexicon_stops_the_run(mini, tmp_path):
    toml, data = mini
    models = models_copy(tmp_path / "models")
    (models / "lexicon" / "status.yaml").write_text("cues: [unclosed\n", encoding="utf-8")
    with pytest.raises(PreflightError, match="lexicons .* do not load"):
        run_corpus_direct(str(toml), data_dir=data, settings=Settings(tagger="lexicon", models_dir=str(models)))


def test_a_run_where_every_item_fails_is_refused_unless_allowed(tmp_path):
    toml = write_corpus(tmp_path / "c", {"a.txt": "", "b.txt": ""})
    data = tmp_path / "data"
    with pytest.raises(RunRefused, match=r"every one of the 2 source\(s\) this run analysed failed \(2× "):
        run_corpus_direct(str(toml), data_dir=data)
    assert not (data / "documents").exists() and not any((data / STAGING).glob("*"))
    report = run_corpus_direct(str(toml), data_dir=data, allow_shrink=True)
    assert (report.documents_analyzed, report.documents_rejected) == (0, 2)
    assert sorted(pipeline.load_dataset("rejects", data_dir=data).source_key) == ["mini/a.txt", "mini/b.txt"]


def test_a_source_that_fails_after_a_change_keeps_its_earlier_rows(mini):
    toml, data = mini
    before = snapshot(data)
    folder = toml.parent / "mini"
    (folder / "b_sampah.txt").write_text("", encoding="utf-8")  # caught mid-write, say
    (folder / "d_baru.txt").write_text(text(7), encoding="utf-8")
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_rejected, report.documents_deleted) == (1, 1, 0)
    after = snapshot(data)
    old_b = before["documents"].set_index("source_key").loc["mini/b_sampah.txt"]
    new_b = after["documents"].set_index("source_key").loc["mini/b_sampah.txt"]
    assert new_b.equals(old_b)  # its rows are the earlier ones, not gone
    for name in ("sentences", "mentions", "pillar_summary"):
        assert (after[name].doc_id == old_b.doc_id).sum() == (before[name].doc_id == old_b.doc_id).sum() > 0
    rejects = pipeline.load_dataset("rejects", data_dir=data)
    assert list(rejects.source_key) == ["mini/b_sampah.txt"] and "empty" in rejects.reason[0]


def test_deleting_most_of_a_corpus_needs_allow_shrink(tmp_path):
    toml = write_corpus(tmp_path / "c", {f"d{i:02d}.txt": text(i) for i in range(12)})
    data = tmp_path / "data"
    run_corpus_direct(str(toml), data_dir=data)
    before = snapshot(data)
    for f in sorted((toml.parent / "mini").glob("*.txt"))[1:]:
        f.unlink()
    with pytest.raises(RunRefused, match=r"would delete 11 of the 12 stored sources .*--allow-shrink"):
        run_corpus_direct(str(toml), data_dir=data)
    assert_same(before, snapshot(data))
    report = run_corpus_direct(str(toml), data_dir=data, allow_shrink=True)
    assert report.documents_deleted == 11 and len(pipeline.load_dataset("documents", data_dir=data)) == 1


def test_an_unavailable_folder_keeps_its_rows(mini):
    toml, data = mini
    before = snapshot(data)
    (toml.parent / "mini").rename(toml.parent / "elsewhere")  # an unmounted share, say
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_deleted, report.documents_rejected) == (0, 1)
    after = snapshot(data)
    assert_same({k: v for k, v in before.items() if k != "rejects"}, {k: v for k, v in after.items() if k != "rejects"})
    assert after["rejects"].reason.tolist() == ["no such path"]


@pytest.mark.parametrize("table", ["mentions", "sentences", "pillar_summary", "programs"])
def test_a_deleted_table_is_rebuilt_by_the_next_run(mini, tmp_path, table):
    toml, data = mini
    shutil.rmtree(data / table)
    with pytest.raises(DatasetError, match=rf"dataset '{table}' is missing from .*pilar run --data-dir"):
        pipeline.load_dataset(table, data_dir=data)
    report = run_corpus_direct(str(toml), data_dir=data)
    assert report.documents_repaired >= 1 and any("repairing" in n for n in report.notes)
    assert_same(snapshot(data), _clean(tmp_path, toml))


def test_a_corrupt_table_is_kept_aside_and_repaired(mini, tmp_path):
    toml, data = mini
    part = table_file(data, "mentions")
    part.write_bytes(part.read_bytes()[: len(part.read_bytes()) // 2])  # a torn write
    with pytest.raises(DatasetError, match=r"dataset 'mentions': .* is unreadable \(.*\); `pilar run --data-dir"):
        pipeline.load_dataset("mentions", data_dir=data)
    report = run_corpus_direct(str(toml), data_dir=data)
    assert any("kept as .quarantine/mentions-" in n for n in report.notes)
    assert len(list((data / QUARANTINE).glob("mentions-*.parquet"))) == 1
    assert_same(snapshot(data), _clean(tmp_path, toml))


def test_a_corrupt_documents_table_re_analyses_everything(mini, tmp_path):
    toml, data = mini
    table_file(data, "documents").write_bytes(b"PAR1 this is not parquet PAR1")
    report = run_corpus_direct(str(toml), data_dir=data)
    assert report.documents_analyzed == 3
    assert_same(snapshot(data), _clean(tmp_path, toml))


def test_full_run_repairs_a_corrupt_table_too(mini, tmp_path):
    toml, data = mini
    table_file(data, "pillar_summary").write_bytes(b"garbage")
    report = run_corpus_direct(str(toml), data_dir=data, full=True)
    assert report.documents_analyzed == 3
    assert_same(snapshot(data), _clean(tmp_path, toml))


def test_rows_lost_inside_a_table_are_found_and_re_analysed(mini, tmp_path):
    toml, data = mini
    sentences = pq.read_table(table_file(data, "sentences"))
    victim = sentences["doc_id"][0].as_py()
    pq.write_table(sentences.filter(pc.not_equal(sentences["doc_id"], victim)), table_file(data, "sentences"))
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_repaired, report.documents_analyzed) == (1, 1)
    assert_same(snapshot(data), _clean(tmp_path, toml))


def test_an_unchanged_rerun_after_a_repair_does_nothing(mini):
    toml, data = mini
    shutil.rmtree(data / "mentions")
    run_corpus_direct(str(toml), data_dir=data)
    again = run_corpus_direct(str(toml), data_dir=data)
    assert (again.documents_analyzed, again.documents_repaired, again.notes) == (0, 0, [])
