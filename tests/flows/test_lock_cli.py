"""Two runs on one data folder: the second is refused clearly (or waits); the CLI end to end."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from flows.helpers import subprocess_env
from pipeline.flows.corpus import run_corpus
from pipeline.store.lock import DataDirLocked


def _hold_lock(data_dir, seconds: float) -> subprocess.Popen:
    """Another process holding the folder's lock (as a running `pilar run` does)."""
    code = textwrap.dedent(f"""
        import sys, time
        from pipeline.store.lock import data_dir_lock
        with data_dir_lock({str(data_dir)!r}):
            print("locked", flush=True)
            time.sleep({seconds})
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_concurrent_run_is_refused_then_waits(corpus, tmp_path):
    data = tmp_path / "data"
    holder = _hold_lock(data, 4)
    try:
        with pytest.raises(DataDirLocked, match=r"in use by another pilar run \(pid \d+"):
            run_corpus(corpus=str(corpus), data_dir=str(data))
        assert not (data / "documents").exists()
        t0 = time.monotonic()
        report = run_corpus(corpus=str(corpus), data_dir=str(data), wait=60)
        assert report["documents_analyzed"] == 3 and time.monotonic() - t0 > 1
    finally:
        holder.wait(timeout=30)


def test_cli_run_prints_summary_and_refuses_a_locked_folder(corpus, tmp_path, prefect_server):
    data = tmp_path / "data"
    cmd = [sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--data-dir", str(data)]
    env = subprocess_env(prefect_server)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "# Corpus `mini`" in proc.stdout and "| smart_mobility |" in proc.stdout
    assert "3 analysed" in proc.stdout
    assert "ERROR" not in proc.stderr
    assert (data / "pilar.duckdb").exists()

    holder = _hold_lock(data, 20)
    try:
        locked = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
    finally:
        holder.kill()
        holder.wait()
    assert locked.returncode == 1
    assert "is in use by another pilar run" in locked.stderr and "Traceback" not in locked.stderr


def test_cli_unknown_corpus_is_a_usage_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "--corpus", "no-such-corpus"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2 and "no corpus 'no-such-corpus'" in proc.stderr


def test_schedule_without_a_server_says_what_to_do(tmp_path):
    env = {k: v for k, v in subprocess_env("").items() if k != "PREFECT_API_URL"}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "schedule", "--cron", "0 6 * * *", "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 1
    assert "pilar server" in proc.stderr and "PREFECT_API_URL" in proc.stderr
