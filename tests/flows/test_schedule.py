"""A schedule that really fires: `prefect server start` on loopback, `pilar schedule`, a run lands."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pandas as pd
import pytest

from pipeline.flows.settings import server_is_up


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_served_schedule_fires_and_writes_a_run(corpus, tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), DO_NOT_TRACK="1",
               PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2",  # default 60: too slow for a test
               PREFECT_RUNNER_POLL_FREQUENCY="2")
    server = subprocess.Popen([sys.executable, "-m", "pipeline", "server", "--port", str(port), "--data-dir", str(tmp_path)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    served = None
    try:
        deadline = time.monotonic() + 120
        while not server_is_up(api, timeout=1):
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()[-2000:]
            time.sleep(0.5)
        data = tmp_path / "data"
        served = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "schedule", "--corpus", str(corpus), "--interval", "5", "--data-dir", str(data)],
            env={**env, "PREFECT_API_URL": api}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 150
        while not (data / "runs" / "part-0.parquet").exists():
            assert served.poll() is None, served.stderr.read().decode()[-3000:]
            assert time.monotonic() < deadline, "no scheduled run completed"
            time.sleep(1)
        runs = pd.read_parquet(data / "runs")
        assert runs.documents_analyzed.iloc[0] == 3 and runs.flow_run_id.notna().all()
    finally:
        if served is not None:
            _stop(served)
        _stop(server)
