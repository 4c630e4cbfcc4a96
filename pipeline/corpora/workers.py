"""Analysis in worker processes: the cores used, results merged in batch order.

Tagging holds the GIL, so threads share one core; a run analyses its batches in a pool of
worker processes instead (default: one per core, ``--workers``). Each worker builds its
Analyzer once, in its initializer, and proves it on a canary text
(:func:`pipeline.corpora.preflight.canary`); a worker that cannot fails the run with that one
reason, not every document with it. Results come back as Arrow tables (compact to send, and
what the commit concatenates); the caller collects them in batch order, so the merged tables
never depend on which worker finished first.

Start method ``forkserver`` (Linux): never ``fork`` from a process that runs Prefect's threads
and event loops, and the forkserver preloads spaCy once so workers start in ~1 s. Workers
never outlive the run:

- they ignore SIGINT (Ctrl-C reaches the whole process group; the parent decides);
- each watches the run's process (a ``pidfd`` where Linux has one, else a poll every half
  second) and exits the moment it is gone, so even a SIGKILLed run leaves none behind. (Their
  own parent is the forkserver, which by design outlives its creator while any worker lives,
  so ``PR_SET_PDEATHSIG`` would not do; once the workers go, the forkserver and the resource
  tracker see their pipes close and go too.)
- :meth:`AnalysisPool.close` ends them, and is called on every exit path.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from pipeline.analyzer import Settings

#: Worker-side state: the init failure, if any.
_STATE: dict[str, str] = {}
#: Pools by run id, so a Prefect task running in this process finds its run's pool.
_POOLS: dict[str, AnalysisPool] = {}
_POOLS_LOCK = threading.Lock()


class WorkerError(RuntimeError):
    """The analysis workers could not start or died (the run stops; nothing is committed)."""


def default_workers() -> int:
    """One worker per core (``os.sched_getaffinity`` where it exists)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - exists, not ours
        return True
    return True


def _watch(pid: int) -> None:
    """Exit this worker as soon as process ``pid`` (the run) is gone."""
    import select

    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is None:
        while _alive(pid):
            threading.Event().wait(0.5)
    else:
        select.select([fd], [], [])  # readable when the process exits
    os._exit(70)


def _init_worker(settings: Settings, run_pid: int) -> None:
    if not _alive(run_pid):
        os._exit(70)
    threading.Thread(target=_watch, args=(run_pid,), name="pilar-watch-run", daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from pipeline.corpora.preflight import PreflightError, canary

    try:
        canary(settings)
    except PreflightError as exc:
        _STATE["error"] = str(exc)
    except BaseException as exc:  # never let the pool break without a reason
        _STATE["error"] = f"{type(exc).__name__}: {exc}"


def _ready() -> int:
    if "error" in _STATE:
        raise WorkerError(_STATE["error"])
    return os.getpid()


def _analyze(kwargs: dict[str, Any]) -> Any:
    if "error" in _STATE:
        raise WorkerError(_STATE["error"])
    from pipeline.corpora.run import analyze_batch

    return analyze_batch(**kwargs)


#: The resource tracker outlives a run stopped by a signal by a moment and then reports the
#: pool's semaphores it unlinks ("resource_tracker: There appear to be 6 leaked semaphore
#: objects …") on the run's stderr, after pilar's own last line ("pilar: terminated"). It
#: cleans them either way; the report says nothing a user can act on. The tracker and the
#: forkserver take the interpreter's -W options, so the filter reaches them from here.
_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def _context() -> multiprocessing.context.BaseContext:
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.corpora.run", "pipeline.nlp", "pipeline.classify.tagger"])
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover


class AnalysisPool:
    """``workers`` processes, each with its own Analyzer for ``settings``.

    Use as a context manager (closing ends the workers, whatever happened), or call
    :meth:`close`. ``workers < 2`` analyses in the calling process instead.
    """

    def __init__(self, workers: int, settings: Settings, *, run_id: str | None = None) -> None:
        self.workers = workers
        self.settings = settings
        self.run_id = run_id
        self._executor: concurrent.futures.ProcessPoolExecutor | None = None
        if workers >= 2:
            self._executor = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, mp_context=_context(), initializer=_init_worker,
                initargs=(settings, os.getpid()))
        if run_id is not None:
            with _POOLS_LOCK:
                _POOLS[run_id] = self

    @property
    def in_process(self) -> bool:
        return self._executor is None

    def start(self) -> None:
        """Start every worker and wait until each has built its Analyzer.

        Raises:
            WorkerError: A worker could not build it (the reason of the first).
        """
        if self._executor is None:
            from pipeline.corpora.preflight import canary

            canary(self.settings)
            return
        futures = [self._executor.submit(_ready) for _ in range(self.workers)]
        for fut in futures:
            try:
                fut.result()
            except WorkerError:
                raise
            except concurrent.futures.process.BrokenProcessPool:
                raise WorkerError("an analysis worker died while starting (out of memory? a script that starts "
                                  "runs with workers needs `if __name__ == \"__main__\":`)") from None

    def submit(self, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Analyse one batch (keyword arguments of :func:`pipeline.corpora.run.analyze_batch`)."""
        if self._executor is None:
            from pipeline.corpora.run import analyze_batch

            fut: concurrent.futures.Future[Any] = concurrent.futures.Future()
            try:
                fut.set_result(analyze_batch(**kwargs))
            except BaseException as exc:
                fut.set_exception(exc)
            return fut
        try:
            return self._executor.submit(_analyze, kwargs)
        except concurrent.futures.process.BrokenProcessPool:
            raise WorkerError("an analysis worker died (out of memory, or killed)") from None

    def run(self, **kwargs: Any) -> Any:
        """Analyse one batch and wait for it."""
        try:
            return self.submit(**kwargs).result()
        except concurrent.futures.process.BrokenProcessPool:
            raise WorkerError("an analysis worker died (out of memory, or killed)") from None

    def close(self, *, kill: bool = False) -> None:
        """End the workers (``kill``: at once, without waiting for running batches)."""
        if self.run_id is not None:
            with _POOLS_LOCK:
                if _POOLS.get(self.run_id) is self:
                    del _POOLS[self.run_id]
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list(getattr(executor, "_processes", {}).values())
        if kill:
            for proc in processes:
                try:
                    proc.kill()
                except (OSError, ValueError, AttributeError):
                    pass
        executor.shutdown(wait=not kill, cancel_futures=True)

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(kill=exc_type is not None)


def pool_for(run_id: str) -> AnalysisPool | None:
    """The pool of run ``run_id`` in this process, if there is one."""
    with _POOLS_LOCK:
        return _POOLS.get(run_id)


def map_batches(pool: AnalysisPool, batches: list[Any], make_kwargs: Callable[[Any], dict[str, Any]]) -> list[Any]:
    """Analyse every batch in the pool; results in batch order."""
    futures = [pool.submit(**make_kwargs(b)) for b in batches]
    try:
        return [f.result() for f in futures]
    except concurrent.futures.process.BrokenProcessPool:
        raise WorkerError("an analysis worker died (out of memory, or killed)") from None
