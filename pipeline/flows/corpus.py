"""The Prefect flows: ``run_corpus`` (scheduled, incremental) and ``analyze_documents`` (ad hoc).

Thin wrappers over :mod:`pipeline.corpora.run`: the flow reads like the job (discover →
fetch → plan → analyse in batches → write → publish), Prefect adds retries, a record of
every run, artifacts and a choice of task runner. Only fetching and analysis are submitted
to the task runner (they are what a Dask cluster can spread); discovery, planning and the
commit run in the flow's own process, which holds the data folder's lock.

Import :mod:`pipeline.flows.settings` and call ``configure_prefect`` before this module when
running outside the CLI: Prefect reads its settings at import.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline import config
from pipeline.analyzer import DEFAULT_TAGGER, Settings
from pipeline.corpora.report import (
    baseline_summary,
    compare,
    programmes_table,
    render_markdown,
    status_matrix,
    summarize_data_dir,
)
from pipeline.corpora.run import (
    DEFAULT_BATCH_SIZE,
    BatchResult,
    CorpusRun,
    RunReport,
    analyze_batch,
    auto_batch_size,
    batches,
    reject_row,
)
from pipeline.corpora.sources import (
    Discovery,
    FetchError,
    SourceItem,
    feed_items,
    fetch_url,
    page_item,
)
from pipeline.corpora.sources import discover as discover_sources
from pipeline.corpora.spec import CorpusSpec, SourceSpec, load_corpus
from pipeline.corpora.workers import AnalysisPool, default_workers, pool_for
from pipeline.flows.report import write_report
from pipeline.store.lock import data_dir_lock

#: Threads of the flow's task runner: they only wait (fetches, and batches running in the
#: worker processes), so two per core keep every worker fed while a result is recorded.
DEFAULT_WORKERS = max(4, min(2 * (os.cpu_count() or 2), 16))

# No caching anywhere: inputs are big (hashing them costs time) and our own fingerprints
# already decide what to redo.


@task(name="discover", cache_policy=NO_CACHE)
def discover(corpus: CorpusSpec) -> Discovery:
    """List the local items of the corpus with their fingerprints (through the readers' guards)."""
    return discover_sources(corpus)


@task(name="fetch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def fetch(source: SourceSpec) -> list[SourceItem] | FetchError:
    """Fetch a page or a feed within its size cap and deadline.

    A transient failure (timeout, HTTP 5xx) raises, so Prefect retries it; one that cannot
    pass next time (a body over the cap) is returned, not retried.
    """
    try:
        body, ctype = fetch_url(source.location, timeout=source.timeout, deadline=source.deadline,
                                max_bytes=source.max_bytes)
        return feed_items(source.location, body) if source.kind == "feed" else [page_item(source.location, body, ctype)]
    except FetchError as exc:
        if exc.transient:
            raise
        return exc


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze(items: list[SourceItem], settings: Settings, run_id: str, analysis_version: str,
            lexicon_version: str, keep_records: bool = False) -> BatchResult:
    """Read, tag and summarise a batch (in the run's worker processes when it has them).

    Failures of single documents become rejects, not task failures.
    """
    kwargs = {"items": items, "settings": settings, "run_id": run_id, "analysis_version": analysis_version,
              "lexicon_version": lexicon_version, "keep_records": keep_records}
    pool = pool_for(run_id)
    return pool.run(**kwargs) if pool is not None else analyze_batch(**kwargs)


@task(name="write-datasets", cache_policy=NO_CACHE)
def write(run: CorpusRun, results: list[BatchResult], rejects: list[dict[str, Any]]) -> RunReport:
    """Merge into the stored tables and commit them atomically, with the DuckDB catalog."""
    return run.commit(results, rejects=rejects)


@task(name="publish-summary", cache_policy=NO_CACHE)
def publish(corpus: CorpusSpec, data_dir: Path, report: RunReport, settings: Settings | None = None) -> str:
    """The corpus summary as markdown and table artifacts; returns the markdown."""
    summary = summarize_data_dir(data_dir, corpus=corpus.name)
    base = baseline_summary(corpus.baseline, settings=settings, cache_dir=data_dir) if corpus.baseline else None
    comparison = compare(summary, base) if base is not None else None
    md = render_markdown(summary, run=report.to_dict(), comparison=comparison)
    slug = re.sub(r"[^a-z0-9]+", "-", corpus.name.lower()).strip("-") or "corpus"
    create_markdown_artifact(markdown=md, key=f"pilar-{slug}-summary", description=f"pilar corpus summary: {corpus.name}")
    create_table_artifact(table=status_matrix(summary), key=f"pilar-{slug}-pillars",
                          description="documents per pillar and status")
    if summary.programmes:
        create_table_artifact(table=programmes_table(summary), key=f"pilar-{slug}-programmes",
                              description="programmes and initiatives named in the corpus")
    return md


def _fetch_all(corpus: CorpusSpec, run_id: str) -> tuple[list[SourceItem], set[str], list[dict[str, Any]]]:
    """Fetch remote sources concurrently; one that fails after its retries becomes a reject."""
    remote = [s for s in corpus.sources if s.remote]
    futures = [fetch.with_options(retries=s.retries, retry_delay_seconds=s.retry_delay,
                                  task_run_name=f"fetch {s.location}").submit(s) for s in remote]
    items: list[SourceItem] = []
    unavailable: set[str] = set()
    rejects: list[dict[str, Any]] = []
    for spec, fut in zip(remote, futures, strict=True):
        try:
            got = fut.result()
        except Exception as exc:  # after the last retry
            got = exc if isinstance(exc, FetchError) else FetchError(f"{type(exc).__name__}: {exc}")
        if isinstance(got, FetchError):
            unavailable.add(spec.location)
            rejects.append(reject_row(spec.location, spec.location, stage="fetch", reason=str(got), run_id=run_id))
        else:
            items.extend(got)
    return items, unavailable, rejects


def _analyze_all(run: CorpusRun, items: list[SourceItem], *, batch_size: int, progress: bool,
                 keep_records: bool = False) -> list[BatchResult]:
    """Submit the batches, wait for all; results in batch order (deterministic merges)."""
    parts = batches(items, batch_size)
    futures = [analyze.with_options(task_run_name=batch_name(run.corpus.name, i, parts)).submit(
        b, run.settings, run.run_id, run.analysis_version, run.lexicon_version, keep_records)
        for i, b in enumerate(parts)]
    if progress and futures:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        # on stderr, never stdout (the summary goes there)
        with Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                      TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                      redirect_stdout=False, redirect_stderr=False) as bar:
            tid = bar.add_task("analyse", total=len(items))
            index = {id(f): len(b) for f, b in zip(futures, parts, strict=True)}
            for fut in as_completed(futures):
                bar.advance(tid, index[id(fut)])
    return [f.result() for f in futures]


def batch_name(corpus: str, index: int, parts: list[list[SourceItem]]) -> str:
    """A task run's name that says what it holds: ``analyze detik 3/16 (docs 129-192)``."""
    first = sum(len(b) for b in parts[:index]) + 1
    return f"analyze {corpus} {index + 1}/{len(parts)} (docs {first}-{first + len(parts[index]) - 1})"


def _flow_run_name() -> str:
    """``detik 2026-11-30 10:15:02``: the corpus and when, instead of Prefect's random words."""
    from datetime import datetime

    from prefect.runtime import flow_run

    params = flow_run.parameters or {}
    ref = params.get("corpus") or (f"adhoc ({len(params.get('paths') or [])} files)")
    return f"{Path(str(ref)).stem if str(ref).endswith('.toml') else Path(str(ref)).name} {datetime.now():%Y-%m-%d %H:%M:%S}"


def _task_runner_name() -> str:
    ctx = get_run_context()
    return type(ctx.task_runner).__name__


@flow(name="run-corpus", task_runner=ThreadPoolTaskRunner(max_workers=DEFAULT_WORKERS), flow_run_name=_flow_run_name)
def run_corpus(corpus: str = "thesis", data_dir: str | None = None, full: bool = False,
               batch_size: int | None = None, progress: bool = False, wait: float = 0.0,
               tagger: str = DEFAULT_TAGGER, models_dir: str | None = None, workers: int | None = None,
               allow_shrink: bool = False, report_lang: str = "id") -> dict[str, Any]:
    """Bring a corpus's datasets up to date: analyse new and changed sources, drop deleted ones.

    Args:
        corpus: Corpus name (``corpora/NAME.toml``), TOML path or folder.
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, the corpus's output, ``./data``).
        full: Re-analyse every source.
        batch_size: Items per analysis task (default: 64, more for a big corpus: ~32 tasks per worker).
        progress: Show a progress bar (interactive runs).
        wait: Seconds to wait if another run holds the data folder.
        tagger: ``combined``, ``model`` or ``lexicon`` (the Analyzer's settings).
        models_dir: Taxonomy, lexicons and trained models (default: the packaged ones).
        workers: Worker processes analysing batches (default: one per core; 1 analyses in
            the task runner's threads; a Dask runner analyses on its own workers).
        allow_shrink: Commit what the guards refuse (every item failed, most documents
            deleted, rows of unchanged sources missing).
        report_lang: Language of the report written into the data folder (``id`` or ``en``).

    Returns:
        The run report (counts, timings, tables written) plus ``summary_markdown`` and
        ``report_html`` (the report's path, linked as an artifact; ``None`` if not written).
    """
    logger = get_run_logger()
    spec = load_corpus(corpus)
    target = config.data_dir(data_dir, corpus_output=spec.output)
    runner = _task_runner_name()
    n_workers = (default_workers() if workers is None else workers) if runner == "ThreadPoolTaskRunner" else 1
    with data_dir_lock(target, wait=wait, reentrant=True):
        run = CorpusRun(spec, target, full=full, flow_run_id=str(get_run_context().flow_run.id),
                        task_runner=runner, settings=Settings(tagger=tagger, models_dir=models_dir),
                        allow_shrink=allow_shrink)
        run.open()
        for note in run.notes:
            logger.warning(note)
        found = discover.with_options(task_run_name=f"discover {spec.name}")(spec)
        fetched, unavailable, fetch_rejects = _fetch_all(spec, run.run_id)
        rejects = [reject_row(**r, run_id=run.run_id) for r in found.rejects] + fetch_rejects
        run.timings["discover_s"] = run.elapsed()
        plan = run.plan(found.items + fetched, unavailable=found.unavailable | unavailable)
        logger.info("%s: %d to analyse, %d unchanged, %d deleted", spec.name, len(plan.analyse), len(plan.skipped), len(plan.deleted))
        results: list[BatchResult] = []
        if plan.analyse:
            batch_size = batch_size or auto_batch_size(len(plan.analyse), n_workers)
            n_workers = min(n_workers, -(-len(plan.analyse) // batch_size))  # no more workers than batches
            if n_workers > 1:
                run.task_runner = f"{runner}+{n_workers} processes"
            with AnalysisPool(n_workers, run.settings, run_id=run.run_id) as pool:
                if not pool.in_process:
                    pool.start()
                results = _analyze_all(run, plan.analyse, batch_size=batch_size, progress=progress)
        run.timings["analyze_s"] = run.elapsed() - run.timings["discover_s"]
        report = write.with_options(task_run_name=f"write-datasets {spec.name}")(run, results, rejects)
        md = publish.with_options(task_run_name=f"publish-summary {spec.name}")(spec, target, report, run.settings)
        html = write_report.with_options(task_run_name=f"write-report {spec.name}")(spec, target, report_lang)
    return {**report.to_dict(), "summary_markdown": md, "report_html": html}


@flow(name="analyze-documents", task_runner=ThreadPoolTaskRunner(max_workers=DEFAULT_WORKERS),
      flow_run_name=_flow_run_name)
def analyze_documents(paths: list[str], data_dir: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                      tagger: str = DEFAULT_TAGGER, models_dir: str | None = None) -> list[dict[str, Any]]:
    """Analyse an ad hoc list of files; return one contract object per document.

    With ``data_dir`` the rows are also added to (or replace those in) that data folder;
    nothing is deleted there. Unreadable files come back as ``{"source", "error"}``.
    """
    root = Path.cwd()
    spec = CorpusSpec(name="adhoc", root=root, sources=tuple(SourceSpec(kind="file", location=str(Path(p).absolute())) for p in paths))
    found = discover(spec)
    items, discover_rejects = found.items, found.rejects
    settings = Settings(tagger=tagger, models_dir=models_dir)
    if data_dir is None:
        from pipeline.corpora.run import versions

        _, lexicon, version = versions(settings)
        parts = batches(items, batch_size)
        futures = [analyze.with_options(task_run_name=batch_name("adhoc", i, parts)).submit(
            b, settings, "adhoc", version, lexicon, True) for i, b in enumerate(parts)]
        results = [f.result() for f in futures]
    else:
        target = Path(data_dir)
        with data_dir_lock(target, reentrant=True):
            run = CorpusRun(spec, target, full=True, task_runner=_task_runner_name(), delete_missing=False,
                            flow_run_id=str(get_run_context().flow_run.id), settings=settings,
                            allow_shrink=True)  # ad hoc: nothing is deleted, every reject is recorded
            run.open()
            run.plan(items)
            results = _analyze_all(run, items, batch_size=batch_size, progress=False, keep_records=True)
            write(run, results, [reject_row(**r, run_id=run.run_id) for r in discover_rejects])
    by_key: dict[str, list[dict[str, Any]]] = {}
    for b in results:
        for origin, record in b.records:
            by_key.setdefault(origin, []).append(record)
        for r in b.rejects:
            by_key.setdefault(r["source_key"], []).append({"source": r["source"], "error": r["reason"]})
    for r in discover_rejects:
        by_key.setdefault(r["source_key"], []).append({"source": r["source"], "error": r["reason"]})
    out = [res for item in items for res in by_key.get(item.source_key, [])]
    out += [res for r in discover_rejects for res in by_key.get(r["source_key"], [])]
    create_table_artifact(
        table=[{"source": r.get("source"), "relevance": r.get("relevance"), "error": r.get("error"),
                **{p: (r.get("pillars") or {}).get(p, {}).get("status") for p in _pillars()}} for r in out],
        key="pilar-adhoc-analysis", description="pilar: ad hoc analysis")
    return out


def _pillars() -> tuple[str, ...]:
    from pipeline.schema import PILLARS

    return PILLARS
