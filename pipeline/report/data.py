"""A corpus as the report sees it: the relevant documents of a data folder, nothing else.

Read through :func:`pipeline.store.load_dataset` (or from a run's in-memory rows, for a small
baseline that was never written). Everything downstream (report, comparison, KWIC) works on
:class:`CorpusData`, so one rule decides what counts: a document is in when it is the
primary copy of its content (``duplicate_of`` empty) and the Analyzer judged it relevant
(``documents.relevant``). Unrelated articles (a recipe, a match, a court case) are only
counted, never shown; their named programmes are dropped too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.summarize.corpus import CorpusSummary, summarize_rows

#: The columns each table must give the report (extra columns are ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source_key", "source", "title", "date", "url", "relevance", "relevant",
                  "word_count", "years", "summary", "duplicate_of"),
    "sentences": ("doc_id", "sentence", "start", "end", "section", "status", "cue", "text"),
    "mentions": ("doc_id", "sentence", "start", "end", "pillar", "driver", "term", "text", "method",
                 "status", "cue", "rule", "section"),
    "programs": ("doc_id", "sentence", "start", "end", "name", "kind", "pillar", "text"),
    "pillar_summary": ("doc_id", "pillar", "status", "mentions", "relevant"),
}


class NoData(RuntimeError):
    """A data folder holds no datasets (the message says which command writes them)."""


def _clean(value: Any) -> Any:
    """Pandas' missing values (NaN, NaT, None) as ``None``; numpy scalars and arrays as Python."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):  # numpy scalar or array
        return value.tolist()
    if hasattr(value, "strftime") and hasattr(value, "hour"):  # a zoned timestamp (documents.date)
        if value is not None and str(value) != "NaT":
            # shown in the dataset's zone (WIB); the time only when the source gave one
            return value.strftime("%Y-%m-%d %H:%M" if (value.hour, value.minute) != (0, 0) else "%Y-%m-%d")
    try:
        import pandas as pd

        if value is pd.NaT or value is pd.NA:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def _records(df: Any, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    have = [c for c in columns if c in df.columns]
    rows = df[have].to_dict("records")
    return [{c: _clean(r.get(c)) for c in columns} for r in rows]


@dataclass
class CorpusData:
    """The relevant documents of one corpus, with their sentences, mentions and programmes."""

    name: str
    #: doc_id → document row (primary copy, relevant only)
    documents: dict[str, dict[str, Any]]
    #: doc_id → {pillar: document status}
    statuses: dict[str, dict[str, str]]
    #: doc_id → mention rows in text order
    mentions: dict[str, list[dict[str, Any]]]
    #: (doc_id, sentence index) → sentence row
    sentences: dict[tuple[str, int], dict[str, Any]]
    #: programme mention rows of relevant documents, in text order per document
    programmes: list[dict[str, Any]]
    #: distinct documents read (primary copies), relevant or not
    total: int
    #: rows that repeat another row's exact content (stored once)
    duplicates: int = 0
    #: sources that could not be read
    rejected: int = 0
    description: str = ""
    data_dir: Path | None = None
    #: where relative ``source`` paths are relative to (the corpus definition's folder)
    source_root: Path | None = None
    #: the last run that wrote the folder: {"run_id", "finished_at", "code_version", "lexicon_version"}
    run: dict[str, Any] = field(default_factory=dict)
    summary: CorpusSummary | None = None
    #: how commands quoted in the report name this corpus ("--corpus detik", "--data-dir X")
    cli_ref: str | None = None

    @property
    def relevant(self) -> int:
        assert self.summary is not None
        return self.summary.relevant

    @property
    def unrelated(self) -> int:
        return self.total - self.relevant

    def status(self, doc_id: str, pillar: str) -> str:
        return self.statuses.get(doc_id, {}).get(pillar, "not_mentioned")

    def sentence(self, doc_id: str, index: int) -> dict[str, Any] | None:
        return self.sentences.get((doc_id, index))

    def source_link(self, doc: dict[str, Any]) -> str | None:
        """The document's own URL, else a ``file:`` URI of its source file when it exists here."""
        if doc.get("url"):
            return str(doc["url"])
        src = str(doc.get("source") or "").split("#", 1)[0]
        if not src or "://" in src:
            return src or None
        path = Path(src)
        if not path.is_absolute() and self.source_root is not None:
            path = self.source_root / path
        return path.resolve().as_uri() if path.is_file() else None

    @classmethod
    def from_rows(cls, name: str, rows: dict[str, list[dict[str, Any]]], *, rejected: int = 0,
                  relevant_only: bool = True, **extra: Any) -> CorpusData:
        """Build from table rows (a data folder's, or an in-memory run's ``BatchResult.rows``).

        ``relevant_only=False`` keeps unrelated documents too (``pilar kwic --all-documents``);
        the corpus summary still counts the relevant ones only.
        """
        docs = rows.get("documents", [])
        primary: dict[str, dict[str, Any]] = {}
        duplicates = 0
        for d in sorted(docs, key=lambda r: str(r.get("source_key") or "")):
            if d.get("duplicate_of") or d["doc_id"] in primary:
                duplicates += 1
                continue
            primary[d["doc_id"]] = {c: d.get(c) for c in COLUMNS["documents"]}
        keep = {i: d for i, d in primary.items() if d.get("relevant") or not relevant_only}
        relevant = {i for i, d in primary.items() if d.get("relevant")}
        statuses: dict[str, dict[str, str]] = {}
        ps_rows = [r for r in rows.get("pillar_summary", []) if r["doc_id"] in relevant]
        for r in ps_rows:
            statuses.setdefault(r["doc_id"], {})[r["pillar"]] = r["status"]
        mentions: dict[str, list[dict[str, Any]]] = {}
        for m in sorted((m for m in rows.get("mentions", []) if m["doc_id"] in keep),
                        key=lambda m: (m["doc_id"], m["start"], m["end"], m["pillar"])):
            mentions.setdefault(m["doc_id"], []).append(m)
        sentences = {(s["doc_id"], int(s["sentence"])): s for s in rows.get("sentences", []) if s["doc_id"] in keep}
        programmes = sorted((p for p in rows.get("programs", []) if p["doc_id"] in keep),
                            key=lambda p: (p["doc_id"], p["start"], p["end"], p["name"]))
        data = cls(name=name, documents=dict(sorted(keep.items())), statuses=statuses, mentions=mentions,
                   sentences=sentences, programmes=programmes, total=len(primary), duplicates=duplicates,
                   rejected=rejected, **extra)
        # the corpus status rule lives in one place: pipeline.summarize.corpus
        data.summary = summarize_rows(
            name,
            documents=[d for i, d in keep.items() if i in relevant],
            pillar_summary=[{**r, "relevant": True} for r in ps_rows],
            programs=[p for p in programmes if p["doc_id"] in relevant],
            mentions=[m for d, ms in mentions.items() if d in relevant for m in ms],
        )
        return data


def has_datasets(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds pilar datasets (a ``documents`` table)."""
    return (Path(data_dir) / "documents").is_dir()


def load_data_dir(data_dir: Path, *, name: str | None = None, description: str = "",
                  source_root: Path | None = None, relevant_only: bool = True) -> CorpusData:
    """The relevant documents of a data folder, read through :func:`pipeline.store.load_dataset`.

    Args:
        data_dir: The data folder.
        name: The corpus name (default: the one its last run recorded, else the folder name).
        description: A line about the corpus (its definition's ``description``).
        source_root: Where the documents' relative ``source`` paths start.

    Raises:
        NoData: The folder holds no datasets.
    """
    from pipeline.store import load_dataset

    data_dir = Path(data_dir)
    if not has_datasets(data_dir):
        raise NoData(f"no datasets in {data_dir}/")
    rows = {t: _records(load_dataset(t, data_dir), cols) for t, cols in COLUMNS.items()}
    runs = load_dataset("runs", data_dir) if (data_dir / "runs").is_dir() else None
    run: dict[str, Any] = {}
    if runs is not None and len(runs):
        last = runs.sort_values(["finished_at", "run_id"]).iloc[-1]
        run = {k: _clean(last.get(k)) for k in ("run_id", "corpus", "finished_at", "code_version", "lexicon_version")}
    rejected = len(load_dataset("rejects", data_dir)) if (data_dir / "rejects").is_dir() else 0
    corpus = name or run.get("corpus") or data_dir.resolve().name
    return CorpusData.from_rows(str(corpus), rows, rejected=rejected, description=description,
                                data_dir=data_dir, source_root=source_root, run=run, relevant_only=relevant_only)
