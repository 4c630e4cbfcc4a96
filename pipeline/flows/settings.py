"""Prefect's settings for pilar, applied to the environment *before* Prefect is imported.

Prefect reads its settings once, at import; so :func:`configure_prefect` must run first
(the CLI imports Prefect lazily for that reason). Only defaults are set: a variable the
user exported wins. Measured reasons (DESIGN.md §6):

- ``DO_NOT_TRACK`` / ``PREFECT_SERVER_ANALYTICS_ENABLED=false``: no telemetry, and no ERROR
  line from the server's analytics offline.
- ``PREFECT_HOME`` under the data folder: the temporary server's SQLite database stays with
  the data, not in ``~/.prefect``.
- ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=90``: a first start on a fresh home takes
  ~20 s on 2 cores; the default timeout can fire.
- Task-run recorder batches of 200: a quarter of the server CPU per task run.
- Flow heartbeats cannot be turned off from the environment; :func:`no_heartbeats` does it
  in Python (each costs ~1 s at the end of a flow).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUIET_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "200",
    # The UI is not built offline and is not needed by the temporary server.
    "PREFECT_SERVER_UI_ENABLED": "false",
}


def configure_prefect(data_dir: str | os.PathLike[str] | None = None, *, quiet_logs: bool = False) -> dict[str, str]:
    """Set Prefect's environment defaults; return what was set (for the log).

    Args:
        data_dir: The data folder; ``PREFECT_HOME`` goes to ``DATA_DIR/.prefect`` unless set.
        quiet_logs: Log only warnings (the CLI prints its own progress and summary).
    """
    applied: dict[str, str] = {}
    defaults = dict(QUIET_DEFAULTS)
    if data_dir is not None:  # a server's URL must then come from PREFECT_API_URL, not a profile
        defaults["PREFECT_HOME"] = str(Path(data_dir).resolve() / ".prefect")
    if quiet_logs:
        defaults["PREFECT_LOGGING_LEVEL"] = "WARNING"
        # the temporary server's services log an ERROR with a traceback when they are
        # cancelled at shutdown (task-run recorder flushing); a user's run did not fail
        defaults["PREFECT_SERVER_LOGGING_LEVEL"] = "CRITICAL"
        defaults["PREFECT_LOGGING_LOGGERS_PREFECT_SERVER_LEVEL"] = "CRITICAL"
    for key, value in defaults.items():
        if key not in os.environ:
            os.environ[key] = value
            applied[key] = value
    if "PREFECT_HOME" in applied:
        Path(applied["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    return applied


@contextmanager
def no_heartbeats() -> Iterator[None]:
    """Flow-run heartbeats off for the block (they only add time to a local batch run)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def server_api_url() -> str | None:
    """The configured Prefect server's API URL (env or profile), or ``None`` for the temporary one."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def server_is_up(url: str, *, timeout: float = 3.0) -> bool:
    """True when the Prefect API at ``url`` answers its health check."""
    import httpx

    try:
        return httpx.get(url.rstrip("/") + "/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class StartUp:
    """How long Prefect's temporary server took to start (0 when a server was already there)."""

    seconds: float = 0.0


@contextmanager
def temporary_server(err: Any = None) -> Iterator[StartUp]:
    """Start Prefect's temporary server here, when no ``PREFECT_API_URL`` is set, and stop it after.

    Prefect would start the same server on the flow's first API call, inside the run's time and
    silently; starting it here lets the CLI say so once, measure it and report it apart from
    the run (issue 11). With a server configured (``pilar server`` + ``PREFECT_API_URL``) this
    does nothing.

    Args:
        err: A rich console for the two lines (start, ready); ``None`` says nothing.

    Raises:
        RuntimeError: The server did not answer within the start-up timeout.
    """
    import time

    info = StartUp()
    if server_api_url():
        yield info
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    first = not (home / "prefect.db").exists()
    say = (lambda text: err.print(f"[dim]{text}[/dim]")) if err is not None else (lambda text: None)
    say("starting Prefect's temporary server" + (" (first start here: 20–40 s)" if first else "") + "…")
    t0 = time.perf_counter()
    server = SubprocessASGIServer()
    try:
        server.start()
        info.seconds = time.perf_counter() - t0
        say(f"Prefect's temporary server ready in {info.seconds:.1f} s (not counted in the run's time)")
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield info
    finally:
        server.stop()
