"""A stopped run that hangs in its orderly stop still ends: after ``STOP_GRACE`` seconds it
says its one line and exits with the signal's code (pipeline.flows.cli._exit_after_grace)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

HANGING = """
import signal, sys, threading, time
import pipeline.flows.cli as cli
cli.STOP_GRACE = 0.5
signal.signal(signal.SIGINT, cli._on_sigint)
signal.signal(signal.SIGTERM, cli._on_sigterm)
print("ready", flush=True)
try:
    while True:
        time.sleep(0.05)
except BaseException:
    threading.Event().wait()  # a library that swallows the stop and waits for ever
"""


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                   (signal.SIGTERM, 143, "terminated")])
def test_a_hanging_stop_still_exits_with_its_line(sig, code, word):
    proc = subprocess.Popen([sys.executable, "-c", HANGING], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    start = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert err.strip().splitlines()[-1].startswith(f"pilar: {word}")
    assert time.monotonic() - start < 10


PREFECT_HANGING = """
import signal, threading, time
import pipeline.flows.cli as cli
cli.STOP_GRACE = 0.5
signal.signal(signal.SIGTERM, cli._on_sigterm)
cli._bound_prefect_stop()
from prefect.utilities import engine
# what a flow run does: Prefect's own SIGTERM handler replaces ours for the run's length
signal.signal(signal.SIGTERM, engine._prefect_sigterm_handler)
print("ready", flush=True)
try:
    while True:
        time.sleep(0.05)
except BaseException:
    threading.Event().wait()  # a graceful shutdown that never ends: ours is never called back
"""


def test_a_hang_under_prefects_own_handler_is_bounded_too():
    proc = subprocess.Popen([sys.executable, "-c", PREFECT_HANGING], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "ready"
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert err.strip().splitlines()[-1].startswith("pilar: terminated")
    assert time.monotonic() - start < 20
