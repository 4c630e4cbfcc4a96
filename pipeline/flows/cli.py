"""``pilar run``, ``pilar schedule`` and ``pilar server``: corpus runs through Prefect.

Registered on the main Typer app by :func:`register`. Prefect is imported only inside the
commands, after :func:`pipeline.flows.settings.configure_prefect` has set its environment.

Exit codes: 0 the run completed (rejected sources are listed in the summary and the
``rejects`` table); 1 the run failed or was refused (folder locked, no server for a
schedule); 2 usage error (unknown corpus, bad option).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

CorpusOpt = Annotated[str | None, typer.Option("--corpus", "-c", help="Corpus name (corpora/NAME.toml), TOML path or folder. Default: thesis.")]
DataDirOpt = Annotated[str | None, typer.Option("--data-dir", help="Data folder (else PILAR_DATA_DIR, the corpus's output, ./data).")]
DaskOpt = Annotated[str | None, typer.Option("--dask", help="Run batches on Dask: a scheduler address (tcp://host:8786) or local:N.")]


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


def run(
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Re-analyse every source, not only new and changed ones.")] = False,
    dask: DaskOpt = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per analysis task.")] = 64,
    wait: Annotated[float, typer.Option("--wait", help="Seconds to wait if another run holds the data folder.")] = 0.0,
    tagger: Annotated[str, typer.Option("--tagger", envvar="PILAR_TAGGER",
                                        help="combined (default), model or lexicon.")] = "combined",
    always_flow: Annotated[bool, typer.Option("--flow", help="Run the Prefect flow even when no source "
                                              "changed (by default such a run is recorded without it).")] = False,
) -> None:
    """Bring a corpus's datasets up to date through a Prefect flow run, and print its summary.

    An unchanged corpus needs no flow: the run is recorded (runs table, snapshot) in about a
    second, without Prefect; --flow runs the flow anyway.
    """
    from pipeline.analyzer import TAGGERS

    if tagger not in TAGGERS:
        raise typer.BadParameter(f"use {', '.join(TAGGERS)}", param_hint="--tagger")
    from rich.console import Console

    from pipeline.flows.settings import configure_prefect, no_heartbeats
    from pipeline.store.lock import DataDirLocked, data_dir_lock

    spec, target = _resolve(corpus, data_dir)
    if not (full or dask or always_flow):  # plan without Prefect: an unchanged corpus needs no flow
        from pipeline.analyzer import Settings
        from pipeline.corpora.spec import CorpusError
        from pipeline.corpora.unchanged import run_if_unchanged

        try:
            quick = run_if_unchanged(spec, target, settings=Settings(tagger=tagger), wait=wait)
        except (DataDirLocked, CorpusError) as exc:
            raise _err(f"pilar: {exc}", 1) from None
        if quick is not None:
            _print_report(quick, target, startup=0.0, note="unchanged: no flow run (--flow runs one)")
            return
    try:  # refuse before paying for Prefect's start-up (the flow holds the lock for real)
        with data_dir_lock(target, wait=wait):
            pass
    except DataDirLocked as exc:
        raise _err(f"pilar: {exc}", 1) from None
    configure_prefect(target, quiet_logs=True)
    err = Console(stderr=True, soft_wrap=True)
    try:
        from pipeline.flows.runners import dask_task_runner

        runner = dask_task_runner(dask) if dask else None
    except ValueError as exc:
        raise _err(f"pilar: {exc}", 2) from None
    from pipeline.corpora.spec import CorpusError
    from pipeline.flows.corpus import run_corpus
    from pipeline.flows.settings import temporary_server

    flow = run_corpus.with_options(task_runner=runner) if runner else run_corpus
    try:
        with temporary_server(err) as startup, no_heartbeats():
            report = flow(corpus=_corpus_ref(corpus, spec), data_dir=str(target), full=full,
                          batch_size=batch_size, progress=sys.stderr.isatty(), wait=wait, tagger=tagger)
    except (DataDirLocked, CorpusError) as exc:
        raise _err(f"pilar: {exc}", 1) from None
    except RuntimeError as exc:  # the temporary server did not come up
        raise _err(f"pilar: {exc}", 1) from None
    _print_report(report, target, startup=startup.seconds)


def _print_report(report: dict, target: Path, *, startup: float, note: str = "") -> None:
    """The summary (markdown) and the last line: counts, time, snapshot, where the data is."""
    from rich.console import Console
    from rich.markdown import Markdown

    if sys.stdout.isatty():
        Console().print(Markdown(report["summary_markdown"]))
    else:  # logs and pipes get the markdown itself: full-width tables, greppable
        typer.echo(report["summary_markdown"])
    if report.get("report_html"):
        typer.echo(f"\nreport: {report['report_html']} (and report.md; `pilar report --lang en` for English)")
    typer.echo(
        f"\n{report['documents_analyzed']} analysed, {report['documents_skipped']} unchanged, "
        f"{report['documents_rejected']} rejected, {report['documents_deleted']} deleted "
        f"in {report['duration_s']:.1f} s" + (f" (+ {startup:.1f} s Prefect start-up)" if startup else "")
        + (f" ({note})" if note else "")
        + f" · snapshot version {report.get('version')} · datasets in {target}/ (DuckDB: {target}/pilar.duckdb)"
    )


def schedule(
    cron: Annotated[str | None, typer.Option("--cron", help='Cron schedule, e.g. "0 6 * * *" (06:00 daily).')] = None,
    interval: Annotated[float | None, typer.Option("--interval", help="Or: run every N seconds.")] = None,
    corpus: CorpusOpt = None,
    data_dir: DataDirOpt = None,
    full: Annotated[bool, typer.Option("--full", help="Every scheduled run re-analyses everything.")] = False,
    name: Annotated[str | None, typer.Option("--name", help="Deployment name (default: pilar-CORPUS).")] = None,
    tagger: Annotated[str, typer.Option("--tagger", envvar="PILAR_TAGGER",
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
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 4200,
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
