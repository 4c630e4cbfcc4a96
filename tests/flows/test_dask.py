"""The same flow on a real Dask LocalCluster (2 worker processes) through prefect-dask."""

from __future__ import annotations

import pandas as pd

from flows.helpers import snapshot
from pipeline.flows.corpus import run_corpus
from pipeline.flows.runners import dask_task_runner, parse_dask


def test_parse_dask_specs():
    assert parse_dask("tcp://10.0.0.5:8786") == {"address": "tcp://10.0.0.5:8786"}
    assert parse_dask("local:2")["cluster_kwargs"]["n_workers"] == 2
    assert parse_dask("local:3:threads")["cluster_kwargs"]["processes"] is False


def test_run_corpus_on_a_local_cluster_matches_the_default_runner(corpus, tmp_path):
    flow = run_corpus.with_options(task_runner=dask_task_runner("local:2"))
    report = flow(corpus=str(corpus), data_dir=str(tmp_path / "dask"), batch_size=1)
    assert report["documents_analyzed"] == 3
    runs = pd.read_parquet(tmp_path / "dask" / "runs")
    assert runs.task_runner.iloc[-1] == "DaskTaskRunner"
    run_corpus(corpus=str(corpus), data_dir=str(tmp_path / "plain"))
    a, b = snapshot(tmp_path / "dask", drop_run_columns=True), snapshot(tmp_path / "plain", drop_run_columns=True)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
