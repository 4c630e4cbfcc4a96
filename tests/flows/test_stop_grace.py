"""A stopped run that hangs in its orderly stop still ends: after ``STOP_GRACE`` seconds it
says its one line and exits with the signal's code (pipeline.flows.cli._exit_after_grace)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest


def _hanging(setup: str) -> str:
    """A process that installs ``setup``'s handlers, then swallows the stop and waits for ever
    (a library that never finishes its shutdown)."""
    return f"""
import signal, threading, time
import pipeline.flows.cli as cli
cli.STOP_GRACE = 0.5
{setup}
try:
    # ("ready" inside the try: a signal sent the moment it is read must find the handler of
    # the hang, or the process dies of the uncaught stop with code 1; seen under load)
    print("ready", flush=True)
    while True:
        time.sleep(0.05)
except BaseException:
    threading.Event().wait()
"""


HANGING = _hanging("signal.signal(signal.SIGINT, cli._on_sigint)\nsignal.signal(signal.SIGTERM, cli._on_sigterm)")
# what a flow run does: Prefect's own SIGTERM handler replaces ours for the run's length, and
# ours is called back only after a graceful shutdown that here never ends
PREFECT_HANGING = _hanging("signal.signal(signal.SIGTERM, cli._on_sigterm)\ncli._bound_prefect_stop()\n"
                           "from prefect.utilities import engine\n"
                           "signal.signal(signal.SIGTERM, engine._prefect_sigterm_handler)")


def _stop(script: str, sig: int, timeout: float) -> tuple[int, str, float]:
    """Start ``script``, send ``sig`` once it is ready: its exit code, stderr and seconds to exit."""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    start = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err, time.monotonic() - start


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"),
                                                   (signal.SIGTERM, 143, "terminated")])
def test_a_hanging_stop_still_exits_with_its_line(sig, code, word):
    returncode, err, elapsed = _stop(HANGING, sig, timeout=30)
    assert returncode == code
    assert err.strip().splitlines()[-1].startswith(f"pilar: {word}")
    assert elapsed < 10


def test_a_hang_under_prefects_own_handler_is_bounded_too():
    returncode, err, elapsed = _stop(PREFECT_HANGING, signal.SIGTERM, timeout=60)
    assert returncode == 143
    assert err.strip().splitlines()[-1].startswith("pilar: terminated")
    assert elapsed < 20
