"""The flow with its batches in worker processes: same datasets as the thread runner alone."""

from __future__ import annotations

import pandas as pd

from flows.helpers import snapshot
from pipeline.flows.corpus import run_corpus


def test_flow_in_worker_processes_matches_one_process(corpus, tmp_path):
    folder = corpus.parent / "mini"
    for i in range(5):
        (folder / f"e{i}.txt").write_text(f"Dinas Perhubungan akan mengintegrasikan tarif transportasi publik di koridor {i}.",
                                          encoding="utf-8")
    many = run_corpus(corpus=str(corpus), data_dir=str(tmp_path / "many"), batch_size=1, workers=2)
    one = run_corpus(corpus=str(corpus), data_dir=str(tmp_path / "one"), workers=1)
    assert many["documents_analyzed"] == one["documents_analyzed"] == 8
    runs = pd.read_parquet(tmp_path / "many" / "runs")
    assert runs.task_runner.iloc[-1] == "ThreadPoolTaskRunner+2 processes"
    a, b = snapshot(tmp_path / "many", drop_run_columns=True), snapshot(tmp_path / "one", drop_run_columns=True)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
