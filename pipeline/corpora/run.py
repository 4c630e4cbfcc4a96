"""An incremental corpus run, in plain Python: plan what changed, analyse it, commit.

The Prefect flow (:mod:`pipeline.flows.corpus`) and :func:`run_corpus_direct` (notebooks,
benchmarks) share these steps; Prefect only decides where batches run and records them.

Incrementality is keyed on the source item (``origin``: a file, a table row, a page, a feed
entry) and its fingerprint, plus the analysis version (code + lexicon): an item whose three
are unchanged keeps its rows and is not read. A changed item's rows are replaced; an item no
longer in the corpus loses its rows; an item that could not be fetched this time keeps its
earlier rows (a flaky server should not erase data) and is listed in ``rejects``.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.analyzer import Settings
from pipeline.corpora.sources import SourceItem, read_item
from pipeline.corpora.spec import CorpusError, CorpusSpec
from pipeline.ingest import IngestError
from pipeline.store import snapshots
from pipeline.store.catalog import write_catalog
from pipeline.store.schemas import (
    DOC_TABLES,
    SCHEMA_VERSION,
    TABLES,
    build_table,
    schema_for,
    upgrade_table,
)
from pipeline.store.tables import PART, commit_tables, read_table, recover, stored_schema_version

log = logging.getLogger(__name__)

#: Rows per analysis batch: big enough that a task's overhead (~40 ms) is noise, small enough
#: to spread over a few workers and show progress.
DEFAULT_BATCH_SIZE = 64


def versions(settings: Settings | None = None) -> tuple[str, str, str]:
    """``(code version, lexicon version, analysis version)``; the last keys incrementality.

    The analysis version covers everything a record depends on: code, lexicon, tagger, the
    trained models' digest and the relevance thresholds.
    """
    from pipeline import __version__
    from pipeline.lexicon import load_lexicon

    settings = settings or Settings()
    lex = load_lexicon(settings.models_dir)
    lexicon = lex.version
    analysis = f"{__version__}+{lexicon}" + (f"+{lex.digest[:12]}" if lex.digest else "")
    if settings.tagger != "lexicon":  # new models re-analyse, as a new lexicon does
        analysis += f"+{settings.tagger}+{_model_digest(settings.models_dir)}"
    if settings != Settings(tagger=settings.tagger, models_dir=settings.models_dir):
        analysis += f"+rel{settings.relevance_threshold}/{settings.short_text_threshold}@{settings.short_text_words}"
    return __version__, lexicon, analysis


def _model_digest(models_dir: str | None = None) -> str:
    from pipeline.classify.persist import classifier_dir

    folder = Path(models_dir) / "classifier" if models_dir else classifier_dir()
    manifest = folder / "manifest.json"
    if not manifest.exists():
        return "none"
    import hashlib

    return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class BatchResult:
    """Rows of the documents a batch analysed, and the items it rejected."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in ("documents", *DOC_TABLES)})
    rejects: list[dict[str, Any]] = field(default_factory=list)
    analyzed: int = 0
    seconds: float = 0.0
    #: ``(origin, record)`` per analysed document, when asked for (ad hoc analysis)
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def analyze_batch(items: list[SourceItem], *, settings: Settings, run_id: str, analysis_version: str,
                  lexicon_version: str, keep_records: bool = False) -> BatchResult:
    """Read, tag and summarise a batch of items; a failing item becomes a reject row.

    Uses the process's one spaCy pipeline (:func:`pipeline.nlp.get_nlp`), built on first use.

    Args:
        items: The batch.
        settings: The Analyzer's settings (tagger, models, thresholds): a flow parameter.
        run_id: The run the rows belong to.
        analysis_version: Code + lexicon version stamped on the rows.
        lexicon_version: Lexicon version stamped on mentions.
        keep_records: Also return each document's contract object (ad hoc analysis).
    """
    from pipeline.analyzer import get_analyzer
    from pipeline.corpora.rows import document_rows

    analyzer = get_analyzer(settings)
    t0 = time.perf_counter()
    out = BatchResult()
    now = _now()
    emitted: set[str] = set()
    for item in items:
        stage = "read"
        try:
            docs = read_item(item)
            stage = "analyze"
            made = []
            for doc in docs:
                result = analyzer.analyze(doc)  # as `pilar analyze` does
                if keep_records:
                    out.records.append((item.source_key, result.record()))
                made.append(document_rows(
                    result.document, result.analysis, result.summary, origin=item.source_key, kind=item.kind,
                    source_hash=item.fingerprint, analysis_version=analysis_version,
                    lexicon_version=lexicon_version, run_id=run_id, now=now,
                ))
        except Exception as exc:  # one bad document must not fail the batch
            reason = exc.reason if isinstance(exc, IngestError) else f"{type(exc).__name__}: {exc}"
            if not isinstance(exc, IngestError):
                log.warning("analysis of %s failed: %s", item.source, reason)
            out.rejects.append(reject_row(item.source_key, item.source, stage=stage, reason=reason, run_id=run_id, source_hash=item.fingerprint))
            continue
        for rows in made:
            doc_id = rows["documents"][0]["doc_id"]
            for table, rs in rows.items():
                if table == "documents" or doc_id not in emitted:  # a text's rows are stored once
                    out.rows[table].extend(rs)
            emitted.add(doc_id)
            out.analyzed += 1
    out.seconds = time.perf_counter() - t0
    return out


def reject_row(source_key: str, source: str, *, stage: str, reason: str, run_id: str, source_hash: str | None = None) -> dict[str, Any]:
    return {"source_key": source_key, "source": source, "source_hash": source_hash, "stage": stage,
            "reason": reason, "run_id": run_id, "rejected_at": _now()}


def batches(items: list[SourceItem], size: int) -> list[list[SourceItem]]:
    return [items[i:i + size] for i in range(0, len(items), max(size, 1))]


@dataclass
class Plan:
    """What a run will do with the items it discovered."""

    analyse: list[SourceItem]
    skipped: list[str]
    keep: set[str]
    deleted: list[str]
    carried_rejects: list[dict[str, Any]]
    seen: int


@dataclass
class RunReport:
    """The outcome of one run (also the ``runs`` row, plus where the data went)."""

    run_id: str
    corpus: str
    data_dir: str
    documents_seen: int
    documents_analyzed: int
    documents_skipped: int
    documents_rejected: int
    documents_deleted: int
    duration_s: float
    tables_written: list[str]
    notes: list[str] = field(default_factory=list)
    #: The snapshot version the run's commit created (``load_dataset(name, version=…)``).
    version: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class CorpusRun:
    """One run of a corpus against a data folder (the caller holds the folder's lock).

    Args:
        corpus: The corpus definition.
        data_dir: The data folder.
        full: Re-analyse everything, ignoring the stored state.
        run_id: Identifier of this run (a new UUID by default).
        flow_run_id: The Prefect flow run, when there is one.
        task_runner: Name of the task runner, for the ``runs`` table.
        delete_missing: Drop rows of items no longer in the corpus (off for ad hoc runs).
        settings: The Analyzer's settings; they key incrementality (a new tagger re-analyses).
    """

    def __init__(self, corpus: CorpusSpec, data_dir: Path, *, full: bool = False, run_id: str | None = None,
                 flow_run_id: str | None = None, task_runner: str | None = None, delete_missing: bool = True,
                 settings: Settings | None = None):
        self.corpus = corpus
        self.data_dir = Path(data_dir)
        self.full = full
        self.run_id = run_id or uuid.uuid4().hex
        self.flow_run_id = flow_run_id
        self.task_runner = task_runner
        self.delete_missing = delete_missing
        self.started_at = _now()
        self._t0 = time.perf_counter()
        self.timings = {"discover_s": 0.0, "analyze_s": 0.0, "write_s": 0.0}
        self.settings = settings or Settings()
        self.code_version, self.lexicon_version, self.analysis_version = versions(self.settings)
        self.notes: list[str] = []
        self.plan_: Plan | None = None

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self._t0

    def open(self) -> None:
        """Finish or discard an interrupted commit, and check the folder holds this corpus."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.notes.extend(recover(self.data_dir))
        version = stored_schema_version(self.data_dir)
        if version not in (None, SCHEMA_VERSION):
            self.notes.append(f"stored schema version {version} != {SCHEMA_VERSION}: rebuilding in full")
            self.full = True
            fresh = {n: schema_for(n).empty_table() for n in TABLES if n != "runs"}
            fresh["runs"] = upgrade_table("runs", read_table(self.data_dir, "runs"))  # the history stays
            commit_tables(self.data_dir, fresh)
        runs = read_table(self.data_dir, "runs")
        if runs.num_rows:  # a crash between a commit and its snapshot: record that version now
            last = runs.slice(runs.num_rows - 1).to_pylist()[0]
            repaired = snapshots.repair(self.data_dir, runs_version=last.get("version"), run_id=last["run_id"],
                                        tables=TABLES, schema_version=SCHEMA_VERSION)
            if repaired:
                self.notes.append(f"recorded snapshot version {repaired} left unrecorded by a crash")
        if runs.num_rows and self.delete_missing:
            last = runs.column("corpus").to_pylist()[-1]
            if last != self.corpus.name:
                raise CorpusError(
                    f"data folder {self.data_dir} holds corpus {last!r}, not {self.corpus.name!r}: "
                    "pass another --data-dir (a run would delete the other corpus's rows)"
                )

    def plan(self, items: list[SourceItem], *, unavailable: set[str] = frozenset()) -> Plan:
        """Decide which items to analyse, skip and delete.

        Args:
            items: Every item discovered (or fetched) this run.
            unavailable: Keys of items that could not be fetched this time (their rows stay).
        """
        docs = read_table(self.data_dir, "documents").select(["origin", "source_hash", "analysis_version"]).to_pylist()
        prev = {d["origin"]: (d["source_hash"], d["analysis_version"]) for d in docs}
        prev_rejects = {
            r["source_key"]: r for r in read_table(self.data_dir, "rejects").to_pylist()
            if r["source_hash"] and r["stage"] in ("read", "analyze", "analyse")
        }
        analyse, skipped, carried = [], [], []
        seen_keys: set[str] = set()
        for item in items:
            if item.source_key in seen_keys:  # the same file listed by two sources
                continue
            seen_keys.add(item.source_key)
            if not self.full and prev.get(item.source_key) == (item.fingerprint, self.analysis_version):
                skipped.append(item.source_key)
            elif not self.full and prev_rejects.get(item.source_key, {}).get("source_hash") == item.fingerprint:
                carried.append(prev_rejects[item.source_key])  # unchanged and still unreadable
            else:
                analyse.append(item)
        current = seen_keys | set(unavailable)
        # Entries of a feed that could not be fetched are keyed "<feed url>#<entry id>": keep them.
        prefixes = tuple(f"{u}#" for u in unavailable)
        gone = [o for o in prev if o not in current and not (prefixes and o.startswith(prefixes))]
        deleted = sorted(gone) if self.delete_missing else []
        keep = set(prev) - {i.source_key for i in analyse} - set(deleted)
        self.plan_ = Plan(analyse=analyse, skipped=skipped, keep=keep, deleted=deleted,
                          carried_rejects=carried, seen=len(seen_keys) + len(unavailable))
        return self.plan_

    def commit(self, results: list[BatchResult], *, rejects: list[dict[str, Any]] = ()) -> RunReport:
        """Merge the batches into the stored tables and commit them atomically.

        Args:
            results: The analysed batches.
            rejects: Rejects from discovery and fetching (batches carry their own).
        """
        assert self.plan_ is not None, "plan() first"
        plan = self.plan_
        t0 = time.perf_counter()
        new_rejects = [*rejects, *(r for b in results for r in b.rejects)]
        analyzed = sum(b.analyzed for b in results)
        tables = self._merge(results, new_rejects)
        finished = _now()
        self.timings["write_s"] += time.perf_counter() - t0
        report = RunReport(
            run_id=self.run_id, corpus=self.corpus.name, data_dir=str(self.data_dir),
            documents_seen=plan.seen, documents_analyzed=analyzed, documents_skipped=len(plan.skipped) + len(plan.carried_rejects),
            documents_rejected=len(new_rejects), documents_deleted=len(plan.deleted),
            duration_s=round(time.perf_counter() - self._t0, 3), tables_written=[], notes=self.notes,
        )
        runs = read_table(self.data_dir, "runs")
        numbered = [v for v in runs.column("version").to_pylist() if v is not None]
        version = max([snapshots.latest_version(self.data_dir), *numbered]) + 1  # never a number twice
        run_row = {
            "run_id": self.run_id, "version": version, "corpus": self.corpus.name, "flow_run_id": self.flow_run_id,
            "task_runner": self.task_runner, "full": self.full, "started_at": self.started_at,
            "finished_at": finished, "duration_s": report.duration_s,
            **{k: round(v, 3) for k, v in self.timings.items()},
            "code_version": self.code_version, "lexicon_version": self.lexicon_version,
            "schema_version": SCHEMA_VERSION,
            **{k: getattr(report, k) for k in ("documents_seen", "documents_analyzed", "documents_skipped",
                                               "documents_rejected", "documents_deleted")},
        }
        tables["runs"] = pa.concat_tables([runs, build_table("runs", [run_row])])
        for name in TABLES:  # every table readable from the first run on, even when empty
            if name not in tables and not (self.data_dir / name / PART).exists():
                tables[name] = schema_for(name).empty_table()
        commit_tables(self.data_dir, tables)
        write_catalog(self.data_dir, list(TABLES))
        snapshots.record_version(self.data_dir, run_id=self.run_id, tables=TABLES, version=version,
                                 schema_version=SCHEMA_VERSION)
        report.tables_written = sorted(tables)
        report.version = version
        return report

    def _merge(self, results: list[BatchResult], new_rejects: list[dict[str, Any]]) -> dict[str, pa.Table]:
        """The tables whose content changes: kept rows plus new rows, nothing twice."""
        plan = self.plan_
        out: dict[str, pa.Table] = {}
        old_docs = read_table(self.data_dir, "documents")
        kept = old_docs.filter(pc.is_in(old_docs["origin"], value_set=pa.array(sorted(plan.keep), pa.string())))
        new_docs = build_table("documents", [r for b in results for r in b.rows["documents"]])
        docs = pa.concat_tables([kept, new_docs]).to_pylist()
        docs.sort(key=lambda r: r["source_key"])
        first: dict[str, str] = {}
        unique: dict[str, dict] = {}
        for row in docs:  # an exact duplicate points at the first source with the same text
            row["duplicate_of"] = row["doc_id"] if row["doc_id"] in first else None
            first.setdefault(row["doc_id"], row["source_key"])
            unique[row["source_key"]] = row
        docs_table = build_table("documents", list(unique.values()))
        if not docs_table.equals(old_docs.select(docs_table.column_names)) or old_docs.num_rows == 0:
            out["documents"] = docs_table
        live = pa.array(sorted(first), pa.string())
        for name in DOC_TABLES:
            new_rows: list[dict] = []
            done: set[str] = set()
            for b in results:  # the first batch to analyse a text provides its rows
                ids = {r["doc_id"] for r in b.rows["documents"]} - done
                new_rows.extend(r for r in b.rows[name] if r["doc_id"] in ids)
                done |= ids
            old = read_table(self.data_dir, name)
            mask = pc.and_(pc.is_in(old["doc_id"], value_set=live),
                           pc.invert(pc.is_in(old["doc_id"], value_set=pa.array(sorted(done), pa.string()))))
            table = pa.concat_tables([old.filter(mask), build_table(name, new_rows)])
            if new_rows or table.num_rows != old.num_rows:
                out[name] = table
        rejects = {(r["source_key"], r["stage"]): r for r in [*plan.carried_rejects, *new_rejects]}
        rej_table = build_table("rejects", list(rejects.values()))
        old_rej = read_table(self.data_dir, "rejects")
        if rej_table.num_rows or old_rej.num_rows:
            out["rejects"] = rej_table
        return out


def run_corpus_direct(corpus: str | Path | None = None, *, data_dir: str | Path | None = None, full: bool = False,
                      batch_size: int = DEFAULT_BATCH_SIZE, wait: float = 0.0,
                      settings: Settings | None = None) -> RunReport:
    """The whole run without Prefect: discover, fetch, plan, analyse, commit (one process).

    Args:
        corpus: Corpus name, TOML path or folder (default: ``thesis``).
        data_dir: The data folder (default: DESIGN.md §3's rules).
        full: Re-analyse everything.
        batch_size: Items per analysis batch.
        wait: Seconds to wait for another run holding the folder's lock.
    """
    from pipeline import config
    from pipeline.corpora.sources import (
        FetchError,
        discover_local,
        feed_items,
        fetch_url,
        page_item,
    )
    from pipeline.corpora.spec import load_corpus
    from pipeline.store.lock import data_dir_lock

    spec = load_corpus(corpus)
    target = config.data_dir(data_dir, corpus_output=spec.output)
    with data_dir_lock(target, wait=wait):
        run = CorpusRun(spec, target, full=full, task_runner="direct", settings=settings)
        run.open()
        items, rejects = discover_local(spec)
        rejects = [reject_row(**r, run_id=run.run_id) for r in rejects]
        unavailable: set[str] = set()
        for src in (s for s in spec.sources if s.remote):
            for attempt in range(src.retries + 1):
                try:
                    body, ctype = fetch_url(src.location, timeout=src.timeout)
                    items.extend(feed_items(src.location, body) if src.kind == "feed" else [page_item(src.location, body, ctype)])
                    break
                except FetchError as exc:
                    if attempt == src.retries:
                        unavailable.add(src.location)
                        rejects.append(reject_row(src.location, src.location, stage="fetch", reason=str(exc), run_id=run.run_id))
                    else:
                        time.sleep(src.retry_delay)
        run.timings["discover_s"] = run.elapsed()
        plan = run.plan(items, unavailable=unavailable)
        results = [analyze_batch(b, settings=run.settings, run_id=run.run_id, analysis_version=run.analysis_version,
                                 lexicon_version=run.lexicon_version) for b in batches(plan.analyse, batch_size)]
        run.timings["analyze_s"] = run.elapsed() - run.timings["discover_s"]
        return run.commit(results, rejects=rejects)
