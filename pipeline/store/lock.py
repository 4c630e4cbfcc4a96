"""One writer per data folder: an advisory lock file, refused clearly (or waited for).

``fcntl.flock`` is released by the kernel when the holder dies, even by SIGKILL, so a crashed
run never leaves a stale lock behind. The file's content (pid, host, start time) is only
there to make the refusal message useful.

``pilar run`` takes the lock before it starts anything (Prefect's server keeps its database in
the data folder, so two runs started at the same moment must not both get that far); the flow
it then calls, in the same thread, re-enters it (``reentrant=True``). A folder that
cannot be written (read-only, permission denied, full) is refused with
:class:`DataDirUnwritable`, one line.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import threading
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


class DataDirUnwritable(RuntimeError):
    """The data folder cannot be created or written (read-only, permission denied, disk full)."""


#: Folders this process holds the lock of: resolved path → [holding thread, depth].
_HELD: dict[str, list[int]] = {}
_HELD_LOCK = threading.Lock()


def unwritable(data_dir: Path, exc: OSError) -> DataDirUnwritable:
    """The one-line refusal for an ``OSError`` met while writing to ``data_dir``."""
    what = exc.strerror or " ".join(str(exc).split())[:160] or type(exc).__name__
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(data_dir) else ""
    full = exc.errno == errno.ENOSPC or "No space left" in str(exc)
    hint = "free some space, or pass another --data-dir" if full else "pass another --data-dir, or make it writable"
    return DataDirUnwritable(f"data folder {data_dir} cannot be written: {what}{where}; {hint}")


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another process"
    return f"pid {info.get('pid', '?')} on {info.get('host', '?')}, started {info.get('started', '?')}"


@contextmanager
def data_dir_lock(data_dir: Path, *, wait: float = 0.0, reentrant: bool = False) -> Iterator[None]:
    """Hold the data folder's lock for the duration of the block.

    Args:
        data_dir: The data folder (created if missing).
        wait: Seconds to wait for another run to finish; 0 refuses at once.
        reentrant: Enter at once when this thread already holds the lock (a flow called by
            ``pilar run``, which took it before starting Prefect).

    Raises:
        DataDirLocked: The folder is still locked after ``wait`` seconds.
        DataDirUnwritable: The folder cannot be created or written.
    """
    data_dir = Path(data_dir)
    key = str(data_dir.resolve())
    me = threading.get_ident()
    with _HELD_LOCK:
        held = _HELD.get(key)
        reentered = bool(reentrant and held and held[0] == me)
        if reentered:
            held[1] += 1  # type: ignore[index]
    if reentered:
        try:
            yield
        finally:
            with _HELD_LOCK:
                _HELD[key][1] -= 1
        return
    path = data_dir / LOCK_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise unwritable(data_dir, exc) from None
    probe = data_dir / f".pilar-write-test-{os.getpid()}"
    try:  # the lock file may already exist and open where nothing new can be written
        with open(probe, "wb") as handle:
            handle.write(b"x")
        probe.unlink()
    except OSError as exc:
        os.close(fd)
        try:
            probe.unlink(missing_ok=True)
        except OSError:
            pass
        raise unwritable(data_dir, exc) from None
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
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps(info).encode(), 0)
        except OSError as exc:
            raise unwritable(data_dir, exc) from None
        with _HELD_LOCK:
            _HELD[key] = [me, 1]
        try:
            yield
        finally:
            with _HELD_LOCK:
                _HELD.pop(key, None)
    finally:
        os.close(fd)  # closing releases the flock
