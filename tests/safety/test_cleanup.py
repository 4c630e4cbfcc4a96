"""No child outlives `pilar run`: its temporary Prefect server and analysis workers go with it.

Real runs without ``PREFECT_API_URL`` (so the run starts its own server), stopped with
SIGTERM, SIGINT or SIGKILL while their workers analyse; every descendant seen before the
signal must be gone shortly after, and a rerun must complete the datasets.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.corpora.run import run_corpus_direct

from .helpers import assert_same, child_env, snapshot, text, write_corpus

pytestmark = pytest.mark.slow


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _descendants(pid: int) -> set[int]:
    seen: set[int] = set()
    todo = [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _cmd(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.fixture
def busy_corpus(tmp_path):
    """Enough documents to keep two workers busy for a while."""
    return write_corpus(tmp_path / "c", {f"d{i:04d}.txt": "\n\n".join(text(i + k) for k in range(12)) for i in range(1500)})


def _start(toml: Path, data: Path) -> subprocess.Popen[str]:
    env = child_env(PILAR_TAGGER="combined")
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_HOME", None)  # the run's own server, PREFECT_HOME in the data folder
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--corpus", str(toml), "--data-dir", str(data),
                             "--workers", "2", "--batch-size", "16"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_workers(proc: subprocess.Popen[str], timeout: float = 240) -> set[int]:
    """Descendants once the server and two analysis workers are up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-3000:]
        kids = _descendants(proc.pid)
        workers = [k for k in kids if "forkserver" in _cmd(k)]
        if any("uvicorn" in _cmd(k) for k in kids) and len(workers) >= 3:  # the forkserver and two workers
            time.sleep(2)  # into the analysis
            return _descendants(proc.pid)
        time.sleep(0.2)
    raise AssertionError("the run never got to its workers")


def _assert_all_gone(pids: set[int], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    left = {p: _cmd(p)[:100] for p in pids if _alive(p)}
    for p in left:  # do not leave them to the next test either
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    assert not left, f"still running: {left}"


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_run_exits_in_one_line_and_leaves_no_process(busy_corpus, tmp_path, sig, code):
    proc = _start(busy_corpus, tmp_path / "data")
    kids = _wait_for_workers(proc)
    assert any("uvicorn" in _cmd(k) for k in kids)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err[-3000:]
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(("pilar: terminated", "pilar: interrupted"))
    _assert_all_gone(kids)


def test_a_killed_run_leaves_no_process_and_a_rerun_completes(busy_corpus, tmp_path):
    data = tmp_path / "data"
    proc = _start(busy_corpus, data)
    kids = _wait_for_workers(proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    _assert_all_gone(kids)
    report = run_corpus_direct(str(busy_corpus), data_dir=data, workers=2)
    assert report.documents_analyzed == 1500
    clean = tmp_path / "clean"
    run_corpus_direct(str(busy_corpus), data_dir=clean, workers=2)
    assert_same(snapshot(data), snapshot(clean))


def test_the_resource_tracker_says_nothing_after_pilars_last_line():
    """The forkserver and the resource tracker start with the interpreter's -W options: the
    filter pilar adds there keeps the tracker's report of the semaphores it unlinks (after a
    stopped run) off the run's stderr, so "pilar: terminated" stays the last line."""
    from multiprocessing import util

    from pipeline.corpora import workers

    workers._context()
    assert f"-W{workers._QUIET_TRACKER}" in util._args_from_interpreter_flags()
    done = subprocess.run(
        [sys.executable, f"-W{workers._QUIET_TRACKER}", "-c",
         "import warnings; warnings.warn('resource_tracker: There appear to be 6 leaked semaphore objects', UserWarning)"],
        capture_output=True, text=True, check=True)
    assert done.stderr == ""
