"""``pilar run``, ``pilar schedule`` and ``pilar server``: corpus runs through Prefect.

Registered on the main Typer app by :func:`register`. Prefect is imported only inside the
commands, after :func:`pipeline.flows.settings.configure_prefect` has set its environment.

Exit codes: 0 the run completed (rejected sources are listed in the summary and the
``rejects`` table); 1 the run failed or was refused (folder locked or not writable, models
damaged, a commit that would lose rows, no server for a schedule); 2 usage error (unknown
corpus, a bad corpus definition, bad option); 130/143 interrupted (SIGINT/SIGTERM).

Every failure a user can cause is one line on stderr, never a traceback (``--debug`` shows
it). ``pilar run`` holds the data folder's lock from before Prefect starts until the end, and
owns the temporary Prefect server it needs (:mod:`pipeline.flows.server`): neither it nor the
analysis workers outlive the run, however it ends.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

CorpusOpt = Annotated[str | None, typer.Option("--corpus", "-c", metavar="NAME", help="Corpus name (corpora/NAME.toml), TOML path or folder. Default: thesis.")]
DataDirOpt = Annotated[str | None, typer.Option("--data-dir", metavar="DIR", help="Data folder (else PILAR_DATA_DIR, the corpus's output, ./data).")]
DaskOpt = Annotated[str | None, typer.Option("--dask", metavar="ADDRESS", help="Run batches on Dask: a scheduler address (tcp://host:8786) or local:N.")]


def _err(msg: str, code: int) -> typer.Exit:
    typer.echo(msg, err=True)
    return typer.Exit(code)


def _resolve(corpus: str | None, data_dir: str | None):
    from pipeline import config
    from pipeline.corpora.spec import CorpusError, load_corpus

    try:
        spec = load_corpus(corpus)
    except CorpusError as exc:
        raise _err(f"pilar: {exc}", 2) from None
    return spec, config.data_dir(data_dir, corpus_output=spec.output)


def _corpus_ref(corpus: str | None, spec) -> str:
    """What the flow is given: the TOML path when there is one (works from any directory)."""
    return str(spec.path) if spec.path else str(Path(corpus or spec.root).resolve())


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so every ``finally`` runs (workers, server, lock)."""


#: seconds the orderly stop after SIGINT or SIGTERM may take before the run exits at once
STOP_GRACE = 20.0
INTERRUPTED = "pilar: interrupted; the datasets are as the last completed run left them"
TERMINATED = "pilar: terminated; the datasets are as the last completed run left them"


_WATCHDOG_STARTED = False


def _exit_after_grace(message: str, code: int) -> None:
    """Bound the orderly stop: if the process still runs ``STOP_GRACE`` seconds after the
    signal (a thread of a library waiting on work that will never come; seen about once in
    twenty SIGINTs in the cleanup tests), say the one line and exit at once. Nothing is lost
    that a SIGKILL would not lose: the data folder's commit is atomic, the analysis workers
    watch this process and the temporary server dies with it (PR_SET_PDEATHSIG)."""
    import threading

    global _WATCHDOG_STARTED
    if _WATCHDOG_STARTED:  # Prefect's handler and then ours may both see the one signal
        return
    _WATCHDOG_STARTED = True

    def watchdog() -> None:
        time.sleep(STOP_GRACE)
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
        os._exit(code)

    threading.Thread(target=watchdog, name="pilar-stop-watchdog", daemon=True).start()


def _bound_prefect_stop() -> None:
    """Start the stop's watchdog whichever handler takes SIGTERM. During a flow run Prefect
    swaps in its own SIGTERM handler and hands the signal back to ours only once its graceful
    shutdown has finished; a shutdown that hangs (waiting on workers that will never answer)
    was then never bounded (seen once in three fresh-clone CI runs at stop 25). Prefect's
    handler is looked up by name each time it is installed, so it is wrapped there."""
    try:
        from prefect.utilities import engine
    except ImportError:  # pragma: no cover - Prefect is a dependency
        return
    original = getattr(engine, "_prefect_sigterm_handler", None)
    if original is None or getattr(original, "_pilar_bounded", False):
        return

    def bounded(sig_num: int, *args: object) -> None:
        _exit_after_grace(TERMINATED, 143)
        original(sig_num, *args)

    bounded._pilar_bounded = True  # type: ignore[attr-defined]
    engine._prefect_sigterm_handler = bounded


def _on_sigterm(signum: int, frame: object) -> None:
    _exit_after_grace(TERMINATED, 143)
    raise _Terminated()


class _Interrupted(BaseException):
    """SIGINT (Ctrl-C) as our own exception: a library on the way up may treat a bare
    ``KeyboardInterrupt`` as its own cancellation and carry on (seen once in CI: a run stopped
    with SIGINT exited 0); ``_Terminated`` for SIGTERM never was."""


def _on_sigint(signum: int, frame: object) -> None:
    _exit_after_grace(INTERRUPTED, 130)
    raise _Interrupted()


def _expected_errors() -> tuple[type[BaseException], ...]:
    """Failures a user can cause, each reported as its one-line message."""
    from pipeline.corpora.preflight import PreflightError
    from pipeline.corpora.run import RunRefused
    from pipeline.corpora.spec import CorpusError
    from pipeline.corpora.workers import WorkerError
    from pipeline.flows.server import ServerError
    from pipeline.store.integrity import DatasetError
    from pipeline.store.lock import DataDirLocked, DataDirUnwritable
    from pipeline.store.schemas import SchemaError

    return (DataDirLocked, DataDirUnwritable, PreflightError, RunRefused, WorkerError, ServerError, DatasetError,
            CorpusError, SchemaError)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def run(
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Re-analyse every source, not only new and changed ones.")] = False,
    dask: DaskOpt = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, metavar="N", help="Documents per analysis task (default: 64, "
                                                   "more for big corpora: about 32 tasks per worker).")] = None,
    wait: Annotated[float, typer.Option("--wait", min=0, metavar="SECONDS", help="Seconds to wait if another run holds the data folder.")] = 0.0,
    tagger: Annotated[str, typer.Option("--tagger", envvar="PILAR_TAGGER", metavar="[combined|model|lexicon]",
                                        help="combined (default), model or lexicon.")] = "combined",
    always_flow: Annotated[bool, typer.Option("--flow", help="Run the Prefect flow even when no source "
                                              "changed (by default such a run is recorded without it).")] = False,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, metavar="N",
                                                help="Worker processes for the analysis (default: one per core).")] = None,
    allow_shrink: Annotated[bool, typer.Option("--allow-shrink", help="Commit even when the run would lose rows: "
                                               "every source it analysed failed, most stored documents would be "
                                               "deleted, or rows of unchanged sources are missing.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks (and Prefect's logs) for failures.")] = False,
) -> None:
    """Bring a corpus's datasets up to date through a Prefect flow run, and print its summary.

    An unchanged corpus needs no flow: the run is recorded (runs table, snapshot) in about a
    second, without Prefect; --flow runs the flow anyway.
    """
    import signal

    from pipeline.analyzer import TAGGERS

    if tagger not in TAGGERS:
        raise typer.BadParameter(f"use {', '.join(TAGGERS)}", param_hint="--tagger")
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    previous_int = signal.signal(signal.SIGINT, _on_sigint)
    try:
        _run(corpus=corpus, data_dir=data_dir, full=full, dask=dask, batch_size=batch_size, wait=wait, tagger=tagger,
             workers=workers, allow_shrink=allow_shrink, debug=debug, always_flow=always_flow)
    except (typer.Exit, typer.BadParameter):
        raise
    except (KeyboardInterrupt, _Interrupted):
        raise _err(INTERRUPTED, 130) from None
    except _Terminated:
        raise _err(TERMINATED, 143) from None
    except Exception as exc:
        if debug:
            raise
        from pipeline.corpora.spec import CorpusError

        if isinstance(exc, _expected_errors()):
            raise _err(f"pilar: {_one_line(exc)}", 2 if type(exc) is CorpusError else 1) from None
        if isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            raise _err(f"pilar: {exc.strerror or _one_line(exc)}{where}", 1) from None
        raise _err(f"pilar: unexpected error: {type(exc).__name__}: {_one_line(exc)} (rerun with --debug for "
                   "the traceback)", 1) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def _run(*, corpus: str | None, data_dir: str | None, full: bool, dask: str | None, batch_size: int | None, wait: float,
         tagger: str, workers: int | None, allow_shrink: bool, debug: bool, always_flow: bool = False) -> None:
    from contextlib import ExitStack

    from pipeline.analyzer import Settings
    from pipeline.corpora.preflight import check_inputs
    from pipeline.flows.settings import configure_prefect, no_heartbeats
    from pipeline.store.lock import data_dir_lock

    spec, target = _resolve(corpus, data_dir)
    if not (full or dask or always_flow):  # plan without Prefect: an unchanged corpus needs no flow
        from pipeline.corpora.unchanged import run_if_unchanged

        quick = run_if_unchanged(spec, target, settings=Settings(tagger=tagger), wait=wait)
        if quick is not None:
            _print_report(quick, target, startup=0.0, note="unchanged: no flow run (--flow runs one)")
            return
    startup = 0.0
    with ExitStack() as stack:
        # Held until the end: two runs started at once must not both start a Prefect server
        # on the folder's database (the flow re-enters the lock in this thread).
        stack.enter_context(data_dir_lock(target, wait=wait))
        check_inputs(Settings(tagger=tagger))  # a damaged models folder stops here, in one line
        if not debug:  # a failed flow is logged with its traceback; our one line says it instead
            os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
        try:
            configure_prefect(target, quiet_logs=not debug)
        except OSError as exc:
            from pipeline.store.lock import unwritable

            raise unwritable(target, exc) from None
        try:
            from pipeline.flows.runners import dask_task_runner

            runner = dask_task_runner(dask) if dask else None
        except ValueError as exc:
            raise _err(f"pilar: {exc}", 2) from None
        if os.environ.get("PREFECT_API_URL"):
            from pipeline.flows.settings import server_is_up

            if not server_is_up(os.environ["PREFECT_API_URL"]):
                raise _err(f"pilar: no Prefect server answers at PREFECT_API_URL={os.environ['PREFECT_API_URL']}; "
                           "start one (`pilar server`) or unset PREFECT_API_URL for a temporary one", 1)
        else:
            from pipeline.flows.server import temporary_server

            home = Path(os.environ["PREFECT_HOME"])
            first = not (home / "prefect.db").exists()
            typer.echo("starting Prefect's temporary server" + (" (first start here: 20–40 s)" if first else "")
                       + f"… (PREFECT_HOME={home})", err=True)
            t0 = time.perf_counter()
            os.environ["PREFECT_API_URL"] = stack.enter_context(temporary_server(home))
            stack.callback(os.environ.pop, "PREFECT_API_URL", None)
            startup = time.perf_counter() - t0
            typer.echo(f"Prefect's temporary server ready in {startup:.1f} s (not counted in the run's time)", err=True)
        from pipeline.flows.corpus import run_corpus  # imports Prefect, which sets up its logging

        _bound_prefect_stop()

        if not debug:
            _quiet_prefect_console()

        flow = run_corpus.with_options(task_runner=runner) if runner else run_corpus
        with no_heartbeats():
            report = flow(corpus=_corpus_ref(corpus, spec), data_dir=str(target), full=full,
                          batch_size=batch_size, progress=sys.stderr.isatty(), wait=wait, tagger=tagger,
                          workers=workers, allow_shrink=allow_shrink)
    _print_report(report, target, startup=startup)


def _print_report(report: dict, target: Path, *, startup: float, note: str = "") -> None:
    """The summary (markdown) and the last line: counts, time, snapshot, where the data is."""
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(report["summary_markdown"]))
    else:  # logs and pipes get the markdown itself: full-width tables, greppable
        typer.echo(report["summary_markdown"])
    for note_line in report.get("notes") or []:
        typer.echo(f"pilar: note: {note_line}", err=True)
    if report.get("report_html"):
        typer.echo(f"\nreport: {report['report_html']} (and report.md; `pilar report --lang en` for English)")
    repaired = f", {report['documents_repaired']} repaired" if report.get("documents_repaired") else ""
    typer.echo(
        f"\n{report['documents_analyzed']} analysed, {report['documents_skipped']} unchanged, "
        f"{report['documents_rejected']} rejected, {report['documents_deleted']} deleted{repaired} "
        f"in {report['duration_s']:.1f} s" + (f" (+ {startup:.1f} s Prefect start-up)" if startup else "")
        + (f" ({note})" if note else "")
        + f" · snapshot version {report.get('version')} · datasets in {target}/ (DuckDB: {target}/pilar.duckdb)"
    )


def _quiet_prefect_console() -> None:
    """Prefect logs a failed flow or task with its traceback: the CLI's one line says it instead."""
    import logging

    # Prefect's queue services log under their class names, outside the "prefect" tree (an
    # exit with events still queued says "Still processing items" on the console).
    for name in ("prefect", "prefect.flow_runs", "prefect.task_runs", "prefect.engine", "EventsWorker",
                 "APILogWorker", "QueueService"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def schedule(
    cron: Annotated[str | None, typer.Option("--cron", metavar="EXPR", help='Cron schedule, e.g. "0 6 * * *" (06:00 daily).')] = None,
    interval: Annotated[float | None, typer.Option("--interval", metavar="SECONDS", help="Or: run every N seconds.")] = None,
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Every scheduled run re-analyses everything.")] = False,
    name: Annotated[str | None, typer.Option("--name", metavar="NAME", help="Deployment name (default: pilar-CORPUS).")] = None,
    tagger: Annotated[str, typer.Option("--tagger", envvar="PILAR_TAGGER", metavar="[combined|model|lexicon]",
                                        help="combined (default), model or lexicon.")] = "combined",
) -> None:
    """Serve a scheduled deployment of run-corpus on this machine (needs `pilar server`)."""
    from pipeline.flows.settings import configure_prefect, server_is_up

    if (cron is None) == (interval is None):
        raise _err("pilar schedule: give exactly one of --cron or --interval", 2)
    spec, target = _resolve(corpus, data_dir)
    configure_prefect(target)
    from pipeline.flows.settings import server_api_url

    url = server_api_url()
    how = ("  1. start a server (another terminal):  pilar server\n"
           "  2. point pilar at it:                  export PREFECT_API_URL=http://127.0.0.1:4200/api\n"
           f"  3. then again:                         pilar schedule --corpus {spec.name} "
           + (f'--cron "{cron}"' if cron else f"--interval {interval:g}"))
    if not url:
        raise _err("pilar schedule: schedules need a running Prefect server; Prefect's temporary "
                   "server cannot schedule flows, and PREFECT_API_URL is not set.\n" + how, 1)
    if not server_is_up(url):
        raise _err(f"pilar schedule: no Prefect server answers at {url}.\n" + how, 1)

    from pipeline.flows.corpus import run_corpus

    deployment = name or f"pilar-{spec.name}"
    typer.echo(f"serving deployment run-corpus/{deployment} ({'cron ' + cron if cron else f'every {interval:g} s'}) "
               f"against {url}; datasets in {target}/. Ctrl-C stops.", err=True)
    kwargs = {"cron": cron} if cron else {"interval": interval}
    run_corpus.serve(name=deployment, parameters={"corpus": _corpus_ref(corpus, spec), "data_dir": str(target),
                                                  "full": full, "wait": 600.0, "tagger": tagger}, **kwargs)


def server(
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="Port on 127.0.0.1.")] = 4200,
    data_dir: DataDirOpt = None,
) -> None:
    """Start a Prefect server on loopback with pilar's settings (PREFECT_HOME under the data folder)."""
    from pipeline import config
    from pipeline.flows.settings import configure_prefect

    target = config.data_dir(data_dir)
    os.environ.setdefault("PREFECT_SERVER_UI_ENABLED", "true")  # the UI shows runs and artifacts
    os.environ.pop("PREFECT_API_URL", None)  # the server itself is not a client of another
    os.environ.setdefault("PREFECT_HOME", str(Path(target).resolve() / ".prefect"))
    try:  # a new folder: its database needs somewhere to live (issue 11: SQLAlchemy crashed)
        Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _err(f"pilar server: cannot create {os.environ['PREFECT_HOME']}: {exc.strerror or exc}", 1) from None
    configure_prefect(target)
    typer.echo(f"Prefect server on http://127.0.0.1:{port} (PREFECT_HOME={os.environ['PREFECT_HOME']}).\n"
               f"In another shell:  export PREFECT_API_URL=http://127.0.0.1:{port}/api", err=True)
    args = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    os.execv(sys.executable, args)


def register(app: typer.Typer) -> None:
    """Add ``run``, ``schedule`` and ``server`` to the ``pilar`` app."""
    app.command(short_help="Bring a corpus's datasets up to date (a Prefect flow run).")(run)
    app.command(short_help="Serve a scheduled corpus run (needs `pilar server`).")(schedule)
    app.command(short_help="Start a Prefect server on 127.0.0.1 for pilar.")(server)
