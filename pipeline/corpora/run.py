"""An incremental corpus run, in plain Python: plan what changed, analyse it, commit.

The Prefect flow (:mod:`pipeline.flows.corpus`) and :func:`run_corpus_direct` (notebooks,
benchmarks) share these steps; Prefect only decides where batches run and records them.

Incrementality is keyed on the source item (``origin``: a file, a table row, a page, a feed
entry) and its fingerprint, plus the analysis version (code + lexicon): an item whose three
are unchanged keeps its rows and is not read. A changed item's rows are replaced; an item no
longer in the corpus loses its rows; an item that could not be fetched, listed or read this
time keeps its earlier rows (a flaky server, an unmounted folder or a file caught mid-write
should not erase data) and is listed in ``rejects``.

Never a loss nobody meant:

- **before planning**, every input the analysis needs is checked (:mod:`pipeline.corpora.preflight`);
- **on open**, the data folder is checked whole (:mod:`pipeline.store.integrity`): a table that
  is missing or unreadable, or texts whose rows there do not add up, are repaired by
  re-analysing the affected sources (a damaged file is first copied to ``.quarantine/``);
- **before committing**, the run is refused (:class:`RunRefused`; ``allow_shrink`` overrides)
  when every item it analysed failed, when it would delete most of the stored documents, or
  when rows of sources it did not touch would go missing.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import Counter
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
from pipeline.store.integrity import COUNTED, check_data_dir, quarantine
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
#: A big corpus gets bigger batches: about this many per worker. Each batch is a Prefect task
#: (server CPU taken from the workers); the last batch of a worker bounds the idle tail.
BATCHES_PER_WORKER = 32


def auto_batch_size(n_items: int, workers: int) -> int:
    """:data:`DEFAULT_BATCH_SIZE`, or larger so that a worker gets ~:data:`BATCHES_PER_WORKER` batches.

    20,000 documents on 2 workers: 313 per batch, 64 tasks instead of 313.
    """
    return max(DEFAULT_BATCH_SIZE, -(-n_items // (BATCHES_PER_WORKER * max(workers, 1))))
#: A run may delete at most this share of the stored documents without ``allow_shrink``...
MASS_DELETION_SHARE = 0.5
#: ...unless it deletes no more than this many.
MASS_DELETION_MIN = 10


class RunRefused(RuntimeError):
    """The run would commit a loss nobody asked for; nothing was changed (one-line reason)."""


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
    """What a batch made: Arrow tables of the documents it analysed, and the items it rejected.

    Tables (not lists of dicts) because a batch may come back from a worker process: they are
    compact to send and what the commit concatenates.
    """

    tables: dict[str, pa.Table] = field(default_factory=dict)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    analyzed: int = 0
    #: Items that failed with an unexpected error (not an input the readers refused).
    errors: int = 0
    seconds: float = 0.0
    #: ``(origin, record)`` per analysed document, when asked for (ad hoc analysis)
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def table(self, name: str) -> pa.Table:
        return self.tables[name] if name in self.tables else schema_for(name).empty_table()

    def rows(self, name: str) -> list[dict[str, Any]]:
        return self.table(name).to_pylist()


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
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in ("documents", *DOC_TABLES)}
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
                out.errors += 1
                log.warning("analysis of %s failed: %s", item.source, reason)
            out.rejects.append(reject_row(item.source_key, item.source, stage=stage, reason=reason, run_id=run_id, source_hash=item.fingerprint))
            continue
        for made_rows in made:
            doc_id = made_rows["documents"][0]["doc_id"]
            for table, rs in made_rows.items():
                if table == "documents" or doc_id not in emitted:  # a text's rows are stored once
                    rows[table].extend(rs)
            emitted.add(doc_id)
            out.analyzed += 1
    out.tables = {name: build_table(name, rs) for name, rs in rows.items()}
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
    #: Items analysed although unchanged, because their rows were lost (a damaged table).
    repaired: list[str] = field(default_factory=list)
    #: How many origins the stored ``documents`` table had.
    stored: int = 0


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
    documents_repaired: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _unavailable_match(origin: str, unavailable: set[str], prefixes: tuple[str, ...]) -> bool:
    return origin in unavailable or (bool(prefixes) and origin.startswith(prefixes))


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
        allow_shrink: Commit even what the guards would refuse (every item failed, most
            documents deleted, rows of untouched sources missing).

    Raises:
        PreflightError: An input the analysis needs is unusable (checked on construction).
    """

    def __init__(self, corpus: CorpusSpec, data_dir: Path, *, full: bool = False, run_id: str | None = None,
                 flow_run_id: str | None = None, task_runner: str | None = None, delete_missing: bool = True,
                 settings: Settings | None = None, allow_shrink: bool = False):
        from pipeline.corpora.preflight import check_inputs

        self.corpus = corpus
        self.data_dir = Path(data_dir)
        self.full = full
        self.run_id = run_id or uuid.uuid4().hex
        self.flow_run_id = flow_run_id
        self.task_runner = task_runner
        self.delete_missing = delete_missing
        self.allow_shrink = allow_shrink
        self.started_at = _now()
        self._t0 = time.perf_counter()
        self.timings = {"discover_s": 0.0, "analyze_s": 0.0, "write_s": 0.0}
        self.settings = settings or Settings()
        check_inputs(self.settings)
        self.code_version, self.lexicon_version, self.analysis_version = versions(self.settings)
        self.notes: list[str] = []
        self.plan_: Plan | None = None
        #: Tables whose stored content is not used (missing, unreadable, another schema).
        self.damaged: set[str] = set()
        #: Origins re-analysed because rows of theirs were lost.
        self.repair_origins: set[str] = set()
        #: Tables of an older schema version carried into today's (the runs history).
        self.upgraded: dict[str, pa.Table] = {}

    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self._t0

    def _read(self, name: str) -> pa.Table:
        """A stored table, or an empty one when it is damaged (it will be rebuilt)."""
        if name in self.upgraded:
            return self.upgraded[name]
        if name in self.damaged:
            return schema_for(name).empty_table()
        return read_table(self.data_dir, name)

    def open(self) -> None:
        """Finish or discard an interrupted commit, check the folder whole, and that it holds this corpus."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.notes.extend(recover(self.data_dir))
        try:
            version = stored_schema_version(self.data_dir)
        except Exception:  # noqa: BLE001 - an unreadable documents table: the integrity check says so
            version = None
        if version in (None, SCHEMA_VERSION):  # another version is rebuilt whole, not repaired
            self._check_integrity()
            version = None if "documents" in self.damaged else version
        if version not in (None, SCHEMA_VERSION):
            self.notes.append(f"stored schema version {version} != {SCHEMA_VERSION}: rebuilding in full")
            self.full = True
            self.damaged |= {n for n in TABLES if n != "runs"}
            try:  # the runs history stays, in today's schema (issue 11)
                self.upgraded["runs"] = upgrade_table("runs", read_table(self.data_dir, "runs"))
            except Exception:  # noqa: BLE001 - an unreadable history is rebuilt like any damaged table
                self.damaged.add("runs")
        runs = self._read("runs")
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

    def _check_integrity(self) -> None:
        """Find lost or unreadable tables and texts with missing rows; plan their repair."""
        found = check_data_dir(self.data_dir)
        if found.ok:
            return
        for name, problem in sorted(found.problems.items()):
            self.damaged.add(name)
            kept = quarantine(self.data_dir, name) if problem.kind == "corrupt" else None
            where = f"; the damaged file is kept as {kept.relative_to(self.data_dir)}" if kept else ""
            self.notes.append(f"table {problem.describe()}{where}: repairing")
        if "documents" in self.damaged:
            self.full = True
            self.notes.append("documents (the record of what was analysed) is lost: re-analysing every source")
            return
        docs = read_table(self.data_dir, "documents")
        if docs.num_rows == 0:
            return
        lost_ids: set[str] = set()
        for name in DOC_TABLES:
            if name in self.damaged:  # every text that has rows there lost them
                column = COUNTED.get(name)
                having = docs.filter(pc.greater(docs[column], 0)) if column else docs
                lost_ids.update(having["doc_id"].to_pylist())
            lost_ids.update(found.short_rows.get(name, ()))
        origins = docs.filter(pc.is_in(docs["doc_id"], value_set=pa.array(sorted(lost_ids), pa.string())))["origin"]
        self.repair_origins = set(origins.to_pylist())
        if found.short_rows:
            shorts = sorted({d for ids in found.short_rows.values() for d in ids})
            self.notes.append(f"{len(shorts)} text(s) lost rows in " + ", ".join(sorted(found.short_rows))
                              + f" (e.g. {shorts[0]}): re-analysing their sources")
        if self.repair_origins:
            self.notes.append(f"repairing: {len(self.repair_origins)} source(s) re-analysed although unchanged")

    def plan(self, items: list[SourceItem], *, unavailable: set[str] = frozenset()) -> Plan:
        """Decide which items to analyse, skip and delete.

        Args:
            items: Every item discovered (or fetched) this run.
            unavailable: Keys of sources that could not be listed, read or fetched this time
                (exact keys, or prefixes ending in ``/`` or ``#``): their earlier rows stay.
        """
        docs = self._read("documents").select(["origin", "source_hash", "analysis_version"]).to_pylist()
        prev = {d["origin"]: (d["source_hash"], d["analysis_version"]) for d in docs}
        prev_rejects = {
            r["source_key"]: r for r in self._read("rejects").to_pylist()
            if r["source_hash"] and r["stage"] in ("read", "analyze", "analyse")
        }
        analyse, skipped, carried, repaired = [], [], [], []
        seen_keys: set[str] = set()
        for item in items:
            if item.source_key in seen_keys:  # the same file listed by two sources
                continue
            seen_keys.add(item.source_key)
            unchanged = prev.get(item.source_key) == (item.fingerprint, self.analysis_version)
            if not self.full and unchanged and item.source_key in self.repair_origins:
                repaired.append(item.source_key)
                analyse.append(item)
            elif not self.full and unchanged:
                skipped.append(item.source_key)
            elif not self.full and prev_rejects.get(item.source_key, {}).get("source_hash") == item.fingerprint:
                carried.append(prev_rejects[item.source_key])  # unchanged and still unreadable
            else:
                analyse.append(item)
        # Sources that could not be listed, read or fetched this time keep their rows.
        exact = {u for u in unavailable if not u.endswith(("/", "#"))} | {u.rstrip("#") for u in unavailable}
        prefixes = tuple(u for u in unavailable if u.endswith(("/", "#")) or u == "")
        prefixes += tuple(f"{u}#" for u in unavailable if not u.endswith(("/", "#")) and u)
        gone = [o for o in prev if o not in seen_keys and not _unavailable_match(o, exact, prefixes)]
        deleted = sorted(gone) if self.delete_missing else []
        keep = set(prev) - {i.source_key for i in analyse} - set(deleted)
        self.plan_ = Plan(analyse=analyse, skipped=skipped, keep=keep, deleted=deleted, carried_rejects=carried,
                          seen=len(seen_keys) + len(unavailable), repaired=repaired, stored=len(prev))
        return self.plan_

    def commit(self, results: list[BatchResult], *, rejects: list[dict[str, Any]] = ()) -> RunReport:
        """Merge the batches into the stored tables and commit them atomically.

        Args:
            results: The analysed batches.
            rejects: Rejects from discovery and fetching (batches carry their own).

        Raises:
            RunRefused: The commit would lose what nobody asked to lose (see the module doc).
        """
        assert self.plan_ is not None, "plan() first"
        plan = self.plan_
        t0 = time.perf_counter()
        new_rejects = [*rejects, *(r for b in results for r in b.rejects)]
        analyzed = sum(b.analyzed for b in results)
        self._refuse_failures(results, analyzed)
        self._refuse_mass_deletion()
        tables = self._merge(results, new_rejects)
        finished = _now()
        self.timings["write_s"] += time.perf_counter() - t0
        report = RunReport(
            run_id=self.run_id, corpus=self.corpus.name, data_dir=str(self.data_dir),
            documents_seen=plan.seen, documents_analyzed=analyzed, documents_skipped=len(plan.skipped) + len(plan.carried_rejects),
            documents_rejected=len(new_rejects), documents_deleted=len(plan.deleted),
            duration_s=round(time.perf_counter() - self._t0, 3), tables_written=[], notes=self.notes,
            documents_repaired=len(plan.repaired),
        )
        runs = self._read("runs")
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
            if name not in tables and (name in self.damaged or not (self.data_dir / name / PART).exists()):
                tables[name] = self._read(name)
        commit_tables(self.data_dir, tables)
        try:
            write_catalog(self.data_dir, list(TABLES))
        except Exception as exc:  # the tables are committed; the views are a convenience
            self.notes.append(f"the DuckDB catalog was not rewritten ({type(exc).__name__}: {exc}); "
                              "the next run rewrites it")
        snapshots.record_version(self.data_dir, run_id=self.run_id, tables=TABLES, version=version,
                                 schema_version=SCHEMA_VERSION)
        report.tables_written = sorted(tables)
        report.version = version
        return report

    def _refuse_failures(self, results: list[BatchResult], analyzed: int) -> None:
        plan = self.plan_
        assert plan is not None
        if self.allow_shrink or not plan.analyse or analyzed:
            return
        reasons = Counter(r["reason"] for b in results for r in b.rejects)
        if not reasons:
            return
        reason, count = reasons.most_common(1)[0]
        more = f" ({len(reasons) - 1} other reason(s) too)" if len(reasons) > 1 else ""
        raise RunRefused(
            f"every one of the {len(plan.analyse)} source(s) this run analysed failed ({count}× {reason}{more}); "
            "nothing was committed. Fix the cause, or pass --allow-shrink to record the failures"
        )

    def _refuse_mass_deletion(self) -> None:
        plan = self.plan_
        assert plan is not None
        n = len(plan.deleted)
        if self.allow_shrink or n <= MASS_DELETION_MIN or n <= MASS_DELETION_SHARE * plan.stored:
            return
        raise RunRefused(
            f"this run would delete {n} of the {plan.stored} stored sources (e.g. {plan.deleted[0]}): they are "
            "no longer in the corpus. If that is meant, rerun with --allow-shrink; nothing was committed"
        )

    def _merge(self, results: list[BatchResult], new_rejects: list[dict[str, Any]]) -> dict[str, pa.Table]:
        """The tables whose content changes: kept rows plus new rows, nothing twice."""
        plan = self.plan_
        assert plan is not None
        out: dict[str, pa.Table] = {}
        old_docs = self._read("documents")
        new_docs = _concat("documents", [b.table("documents") for b in results])
        replaced = set(new_docs["origin"].to_pylist())
        # An item analysed without success keeps its earlier rows (its reject says why).
        keep = (set(old_docs["origin"].to_pylist()) - set(plan.deleted)) - replaced
        kept = old_docs.filter(pc.is_in(old_docs["origin"], value_set=pa.array(sorted(keep), pa.string())))
        docs = pa.concat_tables([kept, new_docs]).to_pylist()
        docs.sort(key=lambda r: r["source_key"])
        first: dict[str, str] = {}
        unique: dict[str, dict[str, Any]] = {}
        for row in docs:  # an exact duplicate points at the first source with the same text
            row["duplicate_of"] = row["doc_id"] if row["doc_id"] in first else None
            first.setdefault(row["doc_id"], row["source_key"])
            unique[row["source_key"]] = row
        docs_table = build_table("documents", list(unique.values()))
        if "documents" in self.damaged or old_docs.num_rows == 0 \
                or not docs_table.equals(old_docs.select(docs_table.column_names)):
            out["documents"] = docs_table
        live = pa.array(sorted(first), pa.string())
        kept_ids = set(kept["doc_id"].to_pylist())
        done: set[str] = set()
        provided: list[set[str]] = []
        for b in results:  # the first batch to analyse a text provides its rows
            ids = set(b.table("documents")["doc_id"].to_pylist()) - done
            provided.append(ids)
            done |= ids
        done_arr = pa.array(sorted(done), pa.string())
        for name in DOC_TABLES:
            parts = [b.table(name).filter(pc.is_in(b.table(name)["doc_id"], value_set=pa.array(sorted(ids), pa.string())))
                     for b, ids in zip(results, provided, strict=True) if ids]
            old = self._read(name)
            mask = pc.and_(pc.is_in(old["doc_id"], value_set=live), pc.invert(pc.is_in(old["doc_id"], value_set=done_arr)))
            table = _concat(name, [old.filter(mask), *parts])
            self._refuse_lost_rows(name, old, table, kept_ids - done)
            if any(p.num_rows for p in parts) or table.num_rows != old.num_rows or name in self.damaged:
                out[name] = table
        rejects = {(r["source_key"], r["stage"]): r for r in [*plan.carried_rejects, *new_rejects]}
        rej_table = build_table("rejects", list(rejects.values()))
        old_rej = self._read("rejects")
        if rej_table.num_rows or old_rej.num_rows or "rejects" in self.damaged:
            out["rejects"] = rej_table
        return out

    def _refuse_lost_rows(self, name: str, old: pa.Table, new: pa.Table, untouched: set[str]) -> None:
        """Rows of texts this run did not touch must all still be there."""
        if self.allow_shrink or not untouched or old.num_rows == 0:
            return
        ids = pa.array(sorted(untouched), pa.string())
        before = old.filter(pc.is_in(old["doc_id"], value_set=ids)).num_rows
        after = new.filter(pc.is_in(new["doc_id"], value_set=ids)).num_rows
        if after < before:
            raise RunRefused(
                f"table {name} would lose {before - after} row(s) of sources this run did not change; "
                "nothing was committed. Pass --allow-shrink to commit anyway"
            )


def _concat(name: str, parts: list[pa.Table]) -> pa.Table:
    parts = [p for p in parts if p.num_rows] or [schema_for(name).empty_table()]
    schema = schema_for(name)
    return pa.concat_tables([p.cast(schema) if not p.schema.equals(schema) else p for p in parts])


def fetch_remote(spec: CorpusSpec, run_id: str) -> tuple[list[SourceItem], set[str], list[dict[str, Any]]]:
    """Fetch every url/feed source within its bounds, retrying what may pass next time.

    Returns the items, the keys of sources that could not be fetched (their rows stay) and
    their rejects.
    """
    from pipeline.corpora.sources import FetchError, feed_items, fetch_url, page_item

    items: list[SourceItem] = []
    unavailable: set[str] = set()
    rejects: list[dict[str, Any]] = []
    for src in (s for s in spec.sources if s.remote):
        for attempt in range(src.retries + 1):
            try:
                body, ctype = fetch_url(src.location, timeout=src.timeout, deadline=src.deadline, max_bytes=src.max_bytes)
                items.extend(feed_items(src.location, body) if src.kind == "feed" else [page_item(src.location, body, ctype)])
                break
            except FetchError as exc:
                if attempt == src.retries or not exc.transient:
                    unavailable.add(src.location)
                    rejects.append(reject_row(src.location, src.location, stage="fetch", reason=str(exc), run_id=run_id))
                    break
                time.sleep(src.retry_delay)
    return items, unavailable, rejects


def run_corpus_direct(corpus: str | Path | None = None, *, data_dir: str | Path | None = None, full: bool = False,
                      batch_size: int | None = None, wait: float = 0.0,
                      settings: Settings | None = None, workers: int = 1,
                      allow_shrink: bool = False) -> RunReport:
    """The whole run without Prefect: discover, fetch, plan, analyse, commit.

    Args:
        corpus: Corpus name, TOML path or folder (default: ``thesis``).
        data_dir: The data folder (default: DESIGN.md §3's rules).
        full: Re-analyse everything.
        batch_size: Items per analysis batch (default: :func:`auto_batch_size`).
        wait: Seconds to wait for another run holding the folder's lock.
        settings: The Analyzer's settings.
        workers: Worker processes for the analysis (1: in this process).
        allow_shrink: Commit what the guards would refuse (see :class:`RunRefused`).
    """
    from pipeline import config
    from pipeline.corpora.sources import discover
    from pipeline.corpora.spec import load_corpus
    from pipeline.corpora.workers import AnalysisPool, map_batches
    from pipeline.store.lock import data_dir_lock

    spec = load_corpus(corpus)
    target = config.data_dir(data_dir, corpus_output=spec.output)
    with data_dir_lock(target, wait=wait):
        run = CorpusRun(spec, target, full=full, task_runner="direct" if workers < 2 else f"direct-{workers}",
                        settings=settings, allow_shrink=allow_shrink)
        run.open()
        found = discover(spec)
        rejects = [reject_row(**r, run_id=run.run_id) for r in found.rejects]
        fetched, unavailable, fetch_rejects = fetch_remote(spec, run.run_id)
        run.timings["discover_s"] = run.elapsed()
        plan = run.plan(found.items + fetched, unavailable=found.unavailable | unavailable)
        results: list[BatchResult] = []
        if plan.analyse:
            batch_size = batch_size or auto_batch_size(len(plan.analyse), workers)
            with AnalysisPool(min(workers, -(-len(plan.analyse) // batch_size)), run.settings) as pool:
                pool.start()
                results = map_batches(pool, batches(plan.analyse, batch_size), lambda b: {
                    "items": b, "settings": run.settings, "run_id": run.run_id,
                    "analysis_version": run.analysis_version, "lexicon_version": run.lexicon_version})
        run.timings["analyze_s"] = run.elapsed() - run.timings["discover_s"]
        return run.commit(results, rejects=rejects + fetch_rejects)
