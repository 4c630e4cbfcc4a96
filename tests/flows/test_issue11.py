"""Issue 11's surprises around corpus runs, each fixed and pinned: where the default corpus
writes, where the baseline comes from, `pilar server` on a new folder, the temporary server's
start-up said once, readable flow and task-run names, the run's own snapshot version."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline
from flows.helpers import subprocess_env, write_corpus
from pipeline.corpora.run import run_corpus_direct
from pipeline.flows.corpus import run_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_flow_and_task_runs_have_readable_names(corpus, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    state = run_corpus(corpus=str(corpus), data_dir=str(tmp_path / "data"), batch_size=2, return_state=True)
    report = state.result()
    assert report["version"] == 1
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(state.state_details.flow_run_id)
        deadline = time.monotonic() + 60
        while True:  # the server records task runs in batches, a moment after they finish
            tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id])))
            if len(tasks) >= 6 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert flow_run.name.startswith("mini 20")
    names = sorted(t.name for t in tasks)
    assert names == ["analyze mini 1/2 (docs 1-2)", "analyze mini 2/2 (docs 3-3)", "discover mini",
                     "publish-summary mini", "write-datasets mini", "write-report mini"]


def test_default_corpus_writes_under_the_current_directory(tmp_path, prefect_server):
    """Decision: ./data relative to where you run (it used to be the checkout's data/)."""
    checkout_data = ROOT / "data"
    before = sorted(p.name for p in checkout_data.iterdir()) if checkout_data.exists() else None
    env = {k: v for k, v in subprocess_env(prefect_server).items() if k != "PILAR_DATA_DIR"}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(pipeline.load_dataset("documents", data_dir=tmp_path / "data")) == 1
    assert f"datasets in {tmp_path / 'data'}/" in proc.stdout
    after = sorted(p.name for p in checkout_data.iterdir()) if checkout_data.exists() else None
    assert after == before  # the checkout's data/ untouched (or still absent)
    assert "starting Prefect's temporary server" not in proc.stderr  # a server was there: nothing said


def test_baseline_comes_from_its_sources_not_another_data_folder(tmp_path):
    """The baseline's own data folder holds a stale reading; the comparison must not use it."""
    base_toml = write_corpus(tmp_path, {"bab.txt": "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta."},
                             name="base", extra="")
    stale = tmp_path / "stale"
    base_toml.write_text(base_toml.read_text(encoding="utf-8").replace(
        'name = "base"', f'name = "base"\noutput = "{stale}"'), encoding="utf-8")
    # the stale folder: the same corpus name, read when the text said mobility was not yet done
    old = write_corpus(tmp_path / "old", {"bab.txt": "Jalur sepeda dan trotoar di Jakarta belum ada sama sekali."},
                       name="base")
    run_corpus_direct(str(old), data_dir=stale)
    news = write_corpus(tmp_path, {"n.txt": "Dinas Perhubungan telah membangun halte TransJakarta baru."},
                        name="news", extra="")
    news.write_text(news.read_text(encoding="utf-8").replace(
        'name = "news"', f'name = "news"\nbaseline = "{base_toml}"'), encoding="utf-8")
    data = tmp_path / "data"
    report = run_corpus(corpus=str(news), data_dir=str(data))
    md = report["summary_markdown"]
    assert "Compared with the baseline `base`" in md
    assert "| smart_mobility | implemented |" in md, md  # the stale folder says not_addressed
    cache = data / ".baseline" / "base.json"
    assert cache.exists()
    stamp = cache.stat().st_mtime_ns
    run_corpus(corpus=str(news), data_dir=str(data))
    assert cache.stat().st_mtime_ns == stamp  # unchanged baseline: not analysed again
    (tmp_path / "base" / "bab.txt").write_text("Pemprov DKI akan membangun trotoar pada 2027.", encoding="utf-8")
    again = run_corpus(corpus=str(news), data_dir=str(data))
    assert "| smart_mobility | planned |" in again["summary_markdown"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_server_on_a_new_data_folder_starts(tmp_path):
    """`pilar server --data-dir NEW` used to crash with a SQLAlchemy traceback."""
    port = _free_port()
    new = tmp_path / "brand" / "new"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "server", "--data-dir", str(new), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        import httpx

        deadline = time.monotonic() + 150
        up = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                up = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                up = False
            if up:
                break
            time.sleep(1)
        assert up, f"server did not come up (exit {proc.poll()})"
        assert (new / ".prefect" / "prefect.db").exists()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        output = proc.stdout.read() if proc.stdout else ""
    assert "Traceback" not in output and "OperationalError" not in output


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_temporary_server_start_up_is_said_once_and_measured_apart(corpus, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--data-dir",
                           str(tmp_path / "data")], env=env, capture_output=True, text=True, timeout=280)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.count("starting Prefect's temporary server (first start here") == 1
    assert proc.stderr.count("Prefect's temporary server ready in") == 1
    last = proc.stdout.strip().splitlines()[-1]
    assert "3 analysed" in last and "s Prefect start-up)" in last
    run_s = float(last.split(" in ")[1].split(" s")[0])
    startup_s = float(last.split("(+ ")[1].split(" s")[0])
    runs = pipeline.load_dataset("runs", data_dir=tmp_path / "data")
    assert abs(runs.duration_s[0] - run_s) < 0.1 and startup_s > 0  # the run's time excludes the start-up


def test_an_unchanged_rerun_needs_no_prefect(corpus, tmp_path, prefect_server):
    data = tmp_path / "data"
    run_corpus(corpus=str(corpus), data_dir=str(data))
    code = ("import sys, time\nfrom pipeline.cli import main\n"
            f"sys.argv = ['pilar', 'run', '--corpus', {str(corpus)!r}, '--data-dir', {str(data)!r}]\n"
            "t0 = time.perf_counter()\ntry:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "print('PREFECT', 'prefect' in sys.modules, round(time.perf_counter() - t0, 2), file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # and no server to reach
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert "PREFECT False" in proc.stderr, proc.stderr[-2000:]
    assert "0 analysed, 3 unchanged" in proc.stdout and "no flow run" in proc.stdout
    assert "# Corpus `mini`" in proc.stdout and "starting Prefect" not in proc.stderr
    runs = pipeline.load_dataset("runs", data_dir=data)
    assert list(runs.task_runner) == ["ThreadPoolTaskRunner", "none (unchanged)"]
    assert runs.flow_run_id.isna().tolist() == [False, True] and list(runs.version) == [1, 2]
    # --flow runs the flow all the same
    forced = subprocess.run([sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--data-dir", str(data),
                             "--flow"], env=subprocess_env(prefect_server), capture_output=True, text=True, timeout=180)
    assert forced.returncode == 0, forced.stderr[-2000:]
    assert pipeline.load_dataset("runs", data_dir=data).task_runner.iloc[-1] == "ThreadPoolTaskRunner"
    # a change goes to the flow
    (corpus.parent / "mini" / "d.txt").write_text("Bank sampah digital telah dibuka di Surabaya.", encoding="utf-8")
    changed = subprocess.run([sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--data-dir", str(data)],
                             env=subprocess_env(prefect_server), capture_output=True, text=True, timeout=180)
    assert "1 analysed, 3 unchanged" in changed.stdout, changed.stderr[-2000:]
    assert pipeline.load_dataset("runs", data_dir=data).flow_run_id.iloc[-1] is not None
