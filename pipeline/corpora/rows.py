"""One analysed document to the rows of each dataset table (plain dicts, schema order)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pipeline.ingest.dates import parse_datetime
from pipeline.schema import PILLARS, Analysis, DocSummary, Document


def document_rows(
    document: Document,
    analysis: Analysis,
    summary: DocSummary,
    *,
    origin: str,
    kind: str,
    source_hash: str,
    analysis_version: str,
    lexicon_version: str,
    run_id: str,
    now: datetime,
) -> dict[str, list[dict[str, Any]]]:
    """Rows for ``documents``, ``sentences``, ``mentions``, ``programs``, ``pillar_summary`` and ``texts``.

    Every offset row's ``text`` is the clean text's slice ``[start:end]`` (a model-made mention
    spans its sentence; its n-gram is the ``term``). Every row carries ``run_id``.

    Args:
        document: The ingested document.
        analysis: What the NLP layer found in it.
        summary: Its resolved summary (pillar statuses, narrative).
        origin: Key of the source item it came from (the unit of incremental work).
        kind: The item kind (file, row, page, entry).
        source_hash: Fingerprint of the item's raw content.
        analysis_version: Code + lexicon version the rows were made with.
        lexicon_version: The lexicon version alone (kept on every mention).
        run_id: The run that made the rows.
        now: When.
    """
    doc_id = document.doc_id
    words = max(document.word_count, 1)
    when = parse_datetime(document.date) if document.date else None
    doc_row = {
        "source_key": document.source_key,
        "origin": origin,
        "doc_id": doc_id,
        "source": document.source,
        "source_kind": kind,
        "source_hash": source_hash,
        "title": document.title,
        "date": when.value if when else None,
        "date_precision": when.precision if when else None,
        "date_raw": document.metadata.get("date_raw") or document.date,
        "url": document.url,
        "format": document.format,
        "language": document.language,
        "word_count": document.word_count,
        "relevance": float(summary.relevance),
        "relevant": summary.relevant,
        "sentences": len(analysis.sentences),
        "mentions": sum(p.mentions for p in summary.pillars.values()),
        "actors": list(summary.actors),
        "years": list(summary.years),
        "summary": summary.summary,
        "duplicate_of": None,
        "analysis_version": analysis_version,
        "run_id": run_id,
        "analyzed_at": now,
    }
    sentence_rows = [
        {
            "doc_id": doc_id, "sentence": s.index, "start": s.start, "end": s.end, "section": s.section,
            "status": (analysis.sentence_status.get(s.index) or (None, None))[0],
            "cue": (analysis.sentence_status.get(s.index) or (None, None))[1],
            "text": document.text[s.start:s.end], "run_id": run_id,
        }
        for s in analysis.sentences
    ]
    # Mentions as the summary counts them: below the relevance threshold there are none.
    counted = {(e["start"], e["end"], p) for p, ps in summary.pillars.items() for e in ps.evidence}
    mention_rows = [
        {
            "doc_id": doc_id, "sentence": m.sentence, "start": m.start, "end": m.end, "pillar": m.pillar,
            "driver": m.driver, "term": m.term or m.text or "", "text": document.text[m.start:m.end], "method": m.method, "score": float(m.score),
            "status": m.status, "cue": m.cue, "rule": m.rule, "section": m.section, "lexicon_version": lexicon_version,
            "run_id": run_id,
        }
        for m in analysis.mentions
        if (m.start, m.end, m.pillar) in counted
    ]
    listed = {p["name"] for p in summary.programs}
    program_rows = [
        {
            "doc_id": doc_id, "sentence": p.sentence, "start": p.start, "end": p.end, "name": p.name,
            "kind": p.kind, "pillar": p.pillar, "text": document.text[p.start:p.end], "method": p.method,
            "score": float(p.score), "status": p.status, "cue": p.cue, "run_id": run_id,
        }
        for p in analysis.programs
        if p.name in listed
    ]
    pillar_rows = [
        {
            "doc_id": doc_id, "pillar": pillar, "status": summary.pillars[pillar].status,
            "mentions": summary.pillars[pillar].mentions,
            "mentions_per_1k_words": round(1000.0 * summary.pillars[pillar].mentions / words, 3),
            "relevant": summary.relevant, "run_id": run_id,
        }
        for pillar in PILLARS
    ]
    return {
        "documents": [doc_row],
        "sentences": sentence_rows,
        "mentions": mention_rows,
        "programs": program_rows,
        "pillar_summary": pillar_rows,
        "texts": [{"doc_id": doc_id, "text": document.text, "run_id": run_id}],
    }
