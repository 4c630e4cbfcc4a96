"""Analysis in worker processes: the same tables as in one process, whatever finishes first."""

from __future__ import annotations

import pytest

from pipeline.analyzer import Settings
from pipeline.corpora.run import run_corpus_direct
from pipeline.corpora.workers import AnalysisPool, WorkerError

from .helpers import assert_same, flip_byte, models_copy, snapshot, text, write_corpus


def test_two_workers_give_the_tables_one_process_gives(tmp_path):
    docs = {f"d{i:02d}.txt": text(i) for i in range(14)}
    docs["dup.txt"] = docs["d03.txt"]  # an exact duplicate in another batch
    toml = write_corpus(tmp_path / "c", docs)
    one = run_corpus_direct(str(toml), data_dir=tmp_path / "one", workers=1, batch_size=3)
    two = run_corpus_direct(str(toml), data_dir=tmp_path / "two", workers=2, batch_size=1)
    assert one.documents_analyzed == two.documents_analyzed == 15
    assert_same(snapshot(tmp_path / "one"), snapshot(tmp_path / "two"))
    runs = snapshot(tmp_path / "two", drop_run_columns=False)["documents"]
    assert runs.duplicate_of.notna().sum() == 1


def test_a_worker_that_cannot_build_its_analyzer_stops_with_the_reason(tmp_path):
    models = models_copy(tmp_path / "models")
    flip_byte(models / "classifier" / "weights.npz")
    with AnalysisPool(2, Settings(models_dir=str(models))) as pool:
        with pytest.raises(WorkerError, match=r"weights\.npz failed its SHA-256 check"):
            pool.start()
