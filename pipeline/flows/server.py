"""The temporary Prefect server of a `pilar run`, owned by the run and gone when it is.

Without ``PREFECT_API_URL`` Prefect starts a temporary server itself: a child process it
stops from an ``atexit`` hook. A run ended by SIGTERM (the default handler skips ``atexit``)
or SIGKILL left it running, ~260 MB each, one more per killed run. So ``pilar run`` starts
that server itself, the same way Prefect does (uvicorn over ``prefect.server.api.server:
create_app``, in ephemeral mode, UI off), but:

- in its own session (Ctrl-C in the terminal reaches the run, which stops the server in
  order, not the server mid-write);
- with ``PR_SET_PDEATHSIG`` (Linux): the kernel sends the server SIGTERM the moment the run's
  process dies, whatever killed it;
- stopped on every exit of the run (``finally``; the CLI turns SIGTERM into an ordinary exit);
- its output in ``PREFECT_HOME/server.log``, not on the user's terminal.

Then ``PREFECT_API_URL`` points the run at it, as it would at a ``pilar server``.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STARTUP_TIMEOUT = 90.0


class ServerError(RuntimeError):
    """The temporary server did not start (the message says where its log is)."""


def _die_with_parent() -> None:  # runs in the child, between fork and exec
    os.setsid()
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prefect_dir() -> str:
    spec = importlib.util.find_spec("prefect")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise ServerError("Prefect is not installed")
    return str(Path(next(iter(spec.submodule_search_locations))).parent)


def _healthy(url: str) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:  # noqa: S310 - loopback only
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


@contextmanager
def temporary_server(home: Path, *, timeout: float = STARTUP_TIMEOUT) -> Iterator[str]:
    """Run a Prefect API server on loopback for the block; yield its API URL.

    Args:
        home: ``PREFECT_HOME`` (its SQLite database and ``server.log`` go there).
        timeout: Seconds to wait for its health check.

    Raises:
        ServerError: It exited or did not answer in time.
    """
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    log_path = home / "server.log"
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_UI_ENABLED": "0", "PREFECT_SERVER_UI_ENABLED": "false",
           "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    env.pop("PREFECT_API_URL", None)
    args = [sys.executable, "-m", "uvicorn", "--app-dir", _prefect_dir(), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                preexec_fn=_die_with_parent)  # noqa: PLW1509 - nothing else runs between fork and exec
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if proc.poll() is not None:
                raise ServerError(f"Prefect's temporary server exited with code {proc.returncode} while starting "
                                  f"(its log: {log_path})")
            if time.monotonic() > deadline:
                raise ServerError(f"Prefect's temporary server did not answer within {timeout:g} s (its log: {log_path})")
            time.sleep(0.1)
        yield url
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[bytes], *, grace: float = 5.0) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds; always reaped."""
    if proc.poll() is None:
        try:
            proc.terminate()
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        except OSError:  # pragma: no cover - already gone
            pass
