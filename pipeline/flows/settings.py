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
from pathlib import Path

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
