"""One writer per data folder: an advisory lock file, refused clearly (or waited for).

``fcntl.flock`` is released by the kernel when the holder dies, even by SIGKILL, so a crashed
run never leaves a stale lock behind. The file's content (pid, host, start time) is only
there to make the refusal message useful.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; run one writer at a time
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".pilar.lock"


class DataDirLocked(RuntimeError):
    """Another pilar run is writing to the same data folder."""


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another process"
    return f"pid {info.get('pid', '?')} on {info.get('host', '?')}, started {info.get('started', '?')}"


@contextmanager
def data_dir_lock(data_dir: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the data folder's lock for the duration of the block.

    Args:
        data_dir: The data folder (created if missing).
        wait: Seconds to wait for another run to finish; 0 refuses at once.

    Raises:
        DataDirLocked: The folder is still locked after ``wait`` seconds.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise DataDirLocked(
                            f"data folder {data_dir} is in use by another pilar run ({_holder(path)}); "
                            "wait for it to finish, or pass another --data-dir"
                        ) from None
                    time.sleep(0.2)
        info = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the flock
