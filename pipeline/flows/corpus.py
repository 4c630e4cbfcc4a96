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
    batches,
    reject_row,
)
from pipeline.corpora.sources import (
    FetchError,
    SourceItem,
    discover_local,
    feed_items,
    fetch_url,
    page_item,
)
from pipeline.corpora.spec import CorpusSpec, SourceSpec, load_corpus
from pipeline.flows.report import write_report
from pipeline.store.lock import data_dir_lock

#: Analysis is CPU-bound and holds the GIL: more threads than cores only contend (fetches are
#: few). Pass --dask to spread batches over processes or machines.
DEFAULT_WORKERS = max(2, min(os.cpu_count() or 2, 8))

# No caching anywhere: inputs are big (hashing them costs time) and our own fingerprints
# already decide what to redo.


@task(name="discover", cache_policy=NO_CACHE)
def discover(corpus: CorpusSpec) -> tuple[list[SourceItem], list[dict[str, str]]]:
    """List the local items of the corpus with their fingerprints."""
    return discover_local(corpus)


@task(name="fetch", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def fetch(source: SourceSpec) -> list[SourceItem]:
    """Fetch a page or a feed (retried by Prefect on any failure)."""
    body, ctype = fetch_url(source.location, timeout=source.timeout)
    return feed_items(source.location, body) if source.kind == "feed" else [page_item(source.location, body, ctype)]


@task(name="analyze-batch", cache_policy=NO_CACHE)
def analyze(items: list[SourceItem], settings: Settings, run_id: str, analysis_version: str,
            lexicon_version: str, keep_records: bool = False) -> BatchResult:
    """Read, tag and summarise a batch; failures become rejects, not task failures."""
    return analyze_batch(items, settings=settings, run_id=run_id, analysis_version=analysis_version,
                         lexicon_version=lexicon_version, keep_records=keep_records)


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
            items.extend(fut.result())
        except Exception as exc:  # after the last retry
            reason = str(exc) if isinstance(exc, FetchError) else f"{type(exc).__name__}: {exc}"
            unavailable.add(spec.location)
            rejects.append(reject_row(spec.location, spec.location, stage="fetch", reason=reason, run_id=run_id))
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
               batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = False, wait: float = 0.0,
               tagger: str = DEFAULT_TAGGER, models_dir: str | None = None,
               report_lang: str = "id") -> dict[str, Any]:
    """Bring a corpus's datasets up to date: analyse new and changed sources, drop deleted ones.

    Args:
        corpus: Corpus name (``corpora/NAME.toml``), TOML path or folder.
        data_dir: The data folder (default: ``PILAR_DATA_DIR``, the corpus's output, ``./data``).
        full: Re-analyse every source.
        batch_size: Items per analysis task.
        progress: Show a progress bar (interactive runs).
        wait: Seconds to wait if another run holds the data folder.
        tagger: ``combined``, ``model`` or ``lexicon`` (the Analyzer's settings).
        models_dir: Taxonomy, lexicons and trained models (default: the packaged ones).
        report_lang: Language of the report written into the data folder (``id`` or ``en``).

    Returns:
        The run report (counts, timings, tables written) plus ``summary_markdown`` and
        ``report_html`` (the report's path, linked as an artifact; ``None`` if not written).
    """
    logger = get_run_logger()
    spec = load_corpus(corpus)
    target = config.data_dir(data_dir, corpus_output=spec.output)
    with data_dir_lock(target, wait=wait):
        run = CorpusRun(spec, target, full=full, flow_run_id=str(get_run_context().flow_run.id),
                        task_runner=_task_runner_name(), settings=Settings(tagger=tagger, models_dir=models_dir))
        run.open()
        for note in run.notes:
            logger.warning(note)
        local, discover_rejects = discover.with_options(task_run_name=f"discover {spec.name}")(spec)
        fetched, unavailable, fetch_rejects = _fetch_all(spec, run.run_id)
        rejects = [reject_row(**r, run_id=run.run_id) for r in discover_rejects] + fetch_rejects
        run.timings["discover_s"] = run.elapsed()
        plan = run.plan(local + fetched, unavailable=unavailable)
        logger.info("%s: %d to analyse, %d unchanged, %d deleted", spec.name, len(plan.analyse), len(plan.skipped), len(plan.deleted))
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
    items, discover_rejects = discover(spec)
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
        with data_dir_lock(target):
            run = CorpusRun(spec, target, full=True, task_runner=_task_runner_name(), delete_missing=False,
                            flow_run_id=str(get_run_context().flow_run.id), settings=settings)
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
