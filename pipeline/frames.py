"""Ad hoc results as the datasets' tidy tables (pandas), and the long doc × pillar table.

    from pipeline import analyze_file, to_frames
    frames = to_frames(analyze_file("data_berita.csv"))
    frames["pillar_summary"].merge(frames["documents"], on="doc_id")

:func:`to_frames` takes what ``analyze_text``/``analyze_file`` return and what
``pilar analyze --format jsonl`` prints (contract objects), or the Analyzer's
:class:`~pipeline.analyzer.Result` objects. It gives the tables of the datasets
(``docs/datasets.md``) with their column names, order and types:

- from :class:`Result` objects, every per-document table exactly as a corpus run writes it
  (``documents``, ``sentences``, ``mentions``, ``programs``, ``pillar_summary``, ``texts``),
  made by the same code (:func:`pipeline.corpora.rows.document_rows`), ``run_id`` = "adhoc";
- from contract objects, ``documents``, ``pillar_summary`` and ``mentions``, with the columns
  an object carries (the others, which only a corpus run knows — hashes, versions, scores,
  the run — are left out). Rejected inputs (``{"source", "error"}``) go to ``rejects``.

:func:`pillar_table` is the long, tidy table ``pilar analyze --format csv|parquet`` writes:
one row per document × pillar, the document's columns first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from pipeline.schema import PILLARS
from pipeline.store.schemas import schema_for

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.analyzer import Result, Settings

#: The documents' columns the long table repeats on each of a document's six rows.
PILLAR_TABLE_DOC_COLUMNS = ("doc_id", "source", "source_key", "title", "date", "date_raw", "url", "language",
                            "word_count", "relevance", "relevant", "duplicate_of")
PILLAR_TABLE_COLUMNS = (*PILLAR_TABLE_DOC_COLUMNS, "pillar", "status", "mentions", "mentions_per_1k_words")


def _frame(name: str, rows: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    """Rows as a DataFrame with the dataset's types (only ``columns``, in schema order)."""
    schema = schema_for(name)
    if columns is not None:
        schema = pa.schema([f for f in schema if f.name in columns])
    table = pa.Table.from_pylist([{k: r.get(k) for k in schema.names} for r in rows], schema=schema)
    return table.to_pandas()


def _record_rows(rec: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    from pipeline.ingest.dates import parse_datetime

    when = parse_datetime(rec["date"]) if rec.get("date") else None
    words = max(int(rec.get("word_count") or 0), 1)
    doc = {
        **{k: rec.get(k) for k in ("doc_id", "source", "title", "url", "language", "word_count", "relevance",
                                   "relevant", "actors", "years", "summary", "duplicate_of", "format")},
        "source_key": rec.get("source_key") or rec.get("source"),
        "date": when.value if when else None,
        "date_precision": when.precision if when else None,
        "date_raw": rec.get("date_raw") or rec.get("date"),
        "mentions": sum(p["mentions"] for p in rec["pillars"].values()),
    }
    pillars, mentions = [], []
    for pillar in PILLARS:
        p = rec["pillars"][pillar]
        pillars.append({"doc_id": rec["doc_id"], "pillar": pillar, "status": p["status"], "mentions": p["mentions"],
                        "mentions_per_1k_words": round(1000.0 * p["mentions"] / words, 3),
                        "relevant": rec.get("relevant")})
        for ev in p["evidence"]:
            mentions.append({
                "doc_id": rec["doc_id"], "sentence": ev["sentence"], "start": ev.get("start"), "end": ev.get("end"),
                "pillar": pillar, "driver": ev.get("driver"), "term": ev.get("match") or ev.get("term"),
                # the slice the offsets give: the surface form, or a model-made mention's sentence
                "text": ev.get("text") if ev.get("method") == "model" else ev.get("term"),
                "method": ev.get("method"), "status": ev.get("status"), "cue": ev.get("cue"),
                "rule": ev.get("rule"), "section": ev.get("section"),
            })
    return {"documents": [doc], "pillar_summary": pillars, "mentions": mentions}


_RECORD_COLUMNS = {
    "documents": ["source_key", "doc_id", "source", "title", "date", "date_precision", "date_raw", "url", "format",
                  "language", "word_count", "relevance", "relevant", "mentions", "actors", "years", "summary",
                  "duplicate_of"],
    "pillar_summary": ["doc_id", "pillar", "status", "mentions", "mentions_per_1k_words", "relevant"],
    "mentions": ["doc_id", "sentence", "start", "end", "pillar", "driver", "term", "text", "method", "status",
                 "cue", "rule", "section"],
}


def to_frames(results: Iterable[Result | dict[str, Any]], *, run_id: str = "adhoc",
              settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    """The datasets' tables (pandas) for ad hoc results; see the module docstring.

    Args:
        results: Contract objects (``analyze_text``, ``analyze_file``, JSONL lines) or
            :class:`~pipeline.analyzer.Result` objects; not both kinds at once.
        run_id: Stamped on the rows made from :class:`Result` objects.
        settings: The Analyzer's settings the results were made with (their versions are
            stamped on the rows, as a corpus run does); default: the default settings.

    Returns:
        Table name to DataFrame; ``rejects`` (source, reason) lists inputs that were rejected.

    Raises:
        TypeError: Mixed or unknown kinds of result.
    """
    import pandas as pd

    from pipeline.analyzer import Result

    items = list(results)
    rejects = [{"source": r["source"], "reason": r["error"]} for r in items if isinstance(r, dict) and "error" in r]
    good = [r for r in items if not (isinstance(r, dict) and "error" in r)]
    kinds = {type(r) for r in good}
    if kinds and not (kinds <= {Result} or kinds <= {dict}):
        raise TypeError("to_frames takes contract objects (dicts) or Analyzer Results, not both")
    rows: dict[str, list[dict[str, Any]]] = {}
    if good and isinstance(good[0], Result):
        from pipeline.corpora.rows import document_rows
        from pipeline.corpora.run import versions

        _, lexicon_version, analysis_version = versions(settings)
        now = datetime.now(timezone.utc)
        seen: set[str] = set()
        for res in good:
            assert isinstance(res, Result)
            made = document_rows(res.document, res.analysis, res.summary, origin=res.document.source_key,
                                 kind="file", source_hash="", analysis_version=analysis_version,
                                 lexicon_version=lexicon_version, run_id=run_id, now=now)
            doc_id = res.document.doc_id
            made["documents"][0]["duplicate_of"] = doc_id if doc_id in seen else None
            for table, rs in made.items():
                if table == "documents" or doc_id not in seen:  # a text's rows once, as in the datasets
                    rows.setdefault(table, []).extend(rs)
            seen.add(doc_id)
        names = ["documents", "sentences", "mentions", "programs", "pillar_summary", "texts"]
        frames = {n: _frame(n, rows.get(n, [])) for n in names}
    else:
        seen_ids: set[str] = set()
        for rec in good:
            assert isinstance(rec, dict)
            made = _record_rows(rec)
            dup = rec["doc_id"] in seen_ids  # a text's rows once; a duplicate shares its first copy's
            for table, rs in made.items():
                if table == "documents" or not dup:
                    rows.setdefault(table, []).extend(rs)
            seen_ids.add(rec["doc_id"])
        frames = {n: _frame(n, rows.get(n, []), cols) for n, cols in _RECORD_COLUMNS.items()}
    frames["rejects"] = pd.DataFrame(rejects, columns=["source", "reason"]).astype("str")
    return frames


def pillar_table(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per document × pillar (six per document, in input and pillar order)."""
    docs = frames["documents"]
    summary = frames["pillar_summary"]
    cols = [c for c in PILLAR_TABLE_DOC_COLUMNS if c in docs.columns]
    # a duplicate's rows are its first copy's pillars under its own source
    long = docs[cols].reset_index(names="_order").merge(summary.drop(columns=["relevant"], errors="ignore"),
                                                        on="doc_id", how="left")
    long["_pillar"] = long["pillar"].map({p: i for i, p in enumerate(PILLARS)})
    long = long.sort_values(["_order", "_pillar"], kind="stable").drop(columns=["_order", "_pillar"])
    return long[[c for c in PILLAR_TABLE_COLUMNS if c in long.columns]].reset_index(drop=True)
