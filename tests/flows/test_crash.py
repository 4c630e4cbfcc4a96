"""A run killed with SIGKILL mid-commit, then rerun: tables complete, nothing lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from flows.helpers import assert_same, snapshot, subprocess_env, write_corpus
from pipeline.flows.corpus import run_corpus
from pipeline.store.tables import COMMIT, COMMIT_DELAY_ENV, STAGING

INITIAL = {
    "a.txt": "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta.",
    "b.txt": "Pemerintah kota akan membangun fasilitas pengolahan sampah pada 2026.",
    "c.txt": "Pelayanan publik online melalui aplikasi JAKI sudah diterapkan.",
}


def _evolve(folder):
    """Add one, change one, delete one: a commit that touches every table."""
    (folder / "d.txt").write_text("Sekolah Rakyat akan dibuka untuk anak dari keluarga miskin.", encoding="utf-8")
    (folder / "b.txt").write_text("Bank sampah digital telah berjalan di Surabaya.", encoding="utf-8")
    (folder / "c.txt").unlink()


def test_sigkill_mid_commit_then_rerun_matches_a_clean_run(tmp_path, prefect_server):
    toml = write_corpus(tmp_path / "crash", INITIAL)
    data = tmp_path / "crash-data"
    run_corpus(corpus=str(toml), data_dir=str(data))
    _evolve(toml.parent / "mini")

    # Slow commit (1 s between table swaps) in a child `pilar run`, killed once the commit
    # marker exists and at least one table was swapped in.
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--corpus", str(toml), "--data-dir", str(data)],
        env=subprocess_env(prefect_server, **{COMMIT_DELAY_ENV: "1"}),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    killed = False
    while time.monotonic() < deadline and proc.poll() is None:
        if any((d / COMMIT).exists() for d in (data / STAGING).glob("*")):
            time.sleep(1.5)  # into the swaps, before `documents` (swapped last)
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.05)
    proc.wait(timeout=30)
    assert killed, proc.stderr.read().decode()[-2000:]
    pending = [d for d in (data / STAGING).glob("*") if (d / COMMIT).exists()]
    assert pending, "the kill should land mid-commit"

    rerun = run_corpus(corpus=str(toml), data_dir=str(data))
    assert not any((data / STAGING).glob("*"))
    assert any("rolled forward" in n for n in rerun["notes"])

    clean_toml = write_corpus(tmp_path / "clean", INITIAL)
    _evolve(clean_toml.parent / "mini")
    clean = tmp_path / "clean-data"
    run_corpus(corpus=str(clean_toml), data_dir=str(clean))
    assert_same(snapshot(data, drop_run_columns=True), snapshot(clean, drop_run_columns=True))


def test_sigkill_before_commit_leaves_tables_untouched_and_rerun_completes(tmp_path):
    """Staged files without a commit marker are discarded; the rerun redoes the work."""
    from pipeline.store.tables import read_table

    toml = write_corpus(tmp_path / "c2", INITIAL)
    data = tmp_path / "d2"
    run_corpus(corpus=str(toml), data_dir=str(data))
    before = snapshot(data)
    # What a kill during staging leaves: a staging folder with some tables and no marker.
    half = data / STAGING / "20990101T000000-deadbeef"
    half.mkdir(parents=True)
    (half / "documents.parquet").write_bytes(b"PAR1 half-written")
    assert_same(before, snapshot(data))  # readers never see staged files
    _evolve(toml.parent / "mini")
    rerun = run_corpus(corpus=str(toml), data_dir=str(data))
    assert any("discarded" in n for n in rerun["notes"])
    assert rerun["documents_analyzed"] == 2 and rerun["documents_deleted"] == 1
    assert read_table(data, "documents").num_rows == 3
