"""Snapshots: each run's datasets stay readable after a rerun changed them."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import pipeline
from datasets.conftest import ROWS, _lexicon, write_news
from pipeline.corpora.run import run_corpus_direct
from pipeline.store import snapshots


def test_an_earlier_snapshot_reads_back_after_a_rerun_changed_the_data(news, news_data):
    before = {n: pipeline.load_dataset(n, data_dir=news_data) for n in ("documents", "pillar_summary", "mentions")}
    first = pipeline.load_dataset("runs", data_dir=news_data).run_id[0]
    # the news changes: one article rewritten, one gone
    rows = [dict(r) for r in ROWS if r["id"] != "n4"]
    rows[0]["isi_berita"] = "Pemprov DKI akan membangun jalur sepeda baru pada 2027."
    write_news(news.parent, rows)
    report = run_corpus_direct(str(news), data_dir=news_data, settings=_lexicon())
    assert (report.documents_analyzed, report.documents_deleted, report.version) == (1, 1, 2)
    now = pipeline.load_dataset("documents", data_dir=news_data)
    assert len(now) == 3 and not now.equals(before["documents"])
    for name, frame in before.items():
        for ref in (1, -2, first, first[:8]):
            pd.testing.assert_frame_equal(pipeline.load_dataset(name, data_dir=news_data, version=ref), frame, obj=name)
    pd.testing.assert_frame_equal(pipeline.load_dataset("documents", data_dir=news_data, version=2), now)
    pd.testing.assert_frame_equal(pipeline.load_dataset("documents", data_dir=news_data, version=-1), now)
    # date filters apply to a snapshot as to the live tables
    old_dec = pipeline.load_dataset("documents", data_dir=news_data, version=1, since="2025-12-01")
    assert sorted(old_dec.title) == ["Halte baru", "Sampah Makassar"]
    runs = pipeline.load_dataset("runs", data_dir=news_data)
    assert list(runs.version) == [1, 2] and runs.run_id.iloc[1] == report.run_id
    # the rewritten article's rows carry the new run, the kept ones the first
    summary = pipeline.load_dataset("pillar_summary", data_dir=news_data)
    assert set(summary.run_id) == {first, report.run_id}


def test_unchanged_rerun_costs_a_manifest_and_live_files_are_not_copied(news, news_data):
    report = run_corpus_direct(str(news), data_dir=news_data, settings=_lexicon())
    assert report.documents_analyzed == 0 and report.version == 2
    v1, v2 = snapshots.list_versions(news_data)
    changed = [t for t in v2["tables"] if v2["tables"][t]["sha256"] != v1["tables"][t]["sha256"]]
    assert changed == ["runs"]
    cost = snapshots.storage(news_data)
    runs_v1 = v1["tables"]["runs"]["bytes"]
    # only the superseded runs file costs bytes; every live file is its object (a hard link)
    assert cost["extra_bytes"] == runs_v1 + cost["manifest_bytes"]
    for name, entry in v2["tables"].items():
        assert os.path.samefile(news_data / name / "part-0.parquet", news_data / ".versions" / entry["object"])


def test_unknown_versions_say_what_exists(news_data):
    with pytest.raises(LookupError, match="no version 7 .* versions: 1–1"):
        pipeline.load_dataset("documents", data_dir=news_data, version=7)
    with pytest.raises(LookupError, match="holds only 1"):
        pipeline.load_dataset("documents", data_dir=news_data, version=-2)
    with pytest.raises(LookupError, match="no single version for run 'zzz'"):
        pipeline.load_dataset("documents", data_dir=news_data, version="zzz")


def test_a_crash_between_commit_and_snapshot_is_repaired(news, news_data):
    manifest = news_data / ".versions" / "000001.json"
    manifest.unlink()  # as if the process died right after the commit
    report = run_corpus_direct(str(news), data_dir=news_data, settings=_lexicon())
    assert any("recorded snapshot version 1" in n for n in report.notes)
    assert [v["version"] for v in snapshots.list_versions(news_data)] == [1, 2]
    assert len(pipeline.load_dataset("documents", data_dir=news_data, version=1)) == 4


def test_prune_keeps_the_newest_and_frees_unused_objects(news, news_data):
    rows = [dict(r) for r in ROWS]
    rows[1]["isi_berita"] = "Pemkot Makassar telah membuka bank sampah digital di tiap kecamatan."
    write_news(news.parent, rows)
    run_corpus_direct(str(news), data_dir=news_data, settings=_lexicon())
    out = snapshots.prune(news_data, keep=1)
    assert out["versions"] == 1 and out["objects"] > 0 and out["bytes"] > 0
    assert [v["version"] for v in snapshots.list_versions(news_data)] == [2]
    assert len(pipeline.load_dataset("documents", data_dir=news_data, version=2)) == 4
    with pytest.raises(LookupError):
        pipeline.load_dataset("documents", data_dir=news_data, version=1)


def test_version_numbers_never_repeat_even_without_manifests(news, news_data):
    import shutil

    shutil.rmtree(news_data / ".versions")  # lost (or deleted by hand)
    report = run_corpus_direct(str(news), data_dir=news_data, settings=_lexicon())
    assert report.version == 2
    assert list(pipeline.load_dataset("runs", data_dir=news_data).version) == [1, 2]
    assert len(pipeline.load_dataset("documents", data_dir=news_data, version=2)) == 4


def test_a_run_id_that_begins_with_digits_still_resolves_by_its_prefix(news_data):
    # hex run ids begin with eight digits about once in 40 runs; CI once drew one
    number = snapshots.record_version(news_data, run_id="26502671" + "ab" * 12, tables=["documents"])
    assert snapshots.resolve(news_data, "26502671")["version"] == number
    assert snapshots.resolve(news_data, str(number))["version"] == number   # numbers come first
    with pytest.raises(snapshots.VersionError, match="no version 99999999"):
        snapshots.resolve(news_data, "99999999")
