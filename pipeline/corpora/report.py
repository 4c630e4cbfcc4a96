"""The corpus summary a run publishes, and what a corpus adds to its baseline.

Computed from the datasets (so it describes the whole corpus, not just what this run
analysed). A pillar's corpus-level status is the status most relevant documents that state one
give it, with how many agree (the rule of :mod:`pipeline.summarize.corpus`). The comparison
counts, per pillar, the documents that agree with the baseline, add to it or contradict it,
and lists pillars and programmes present here and absent from the baseline. The full report
(HTML, Markdown, evidence in context) is :mod:`pipeline.report`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.schema import DOC_STATUS_ORDER, MENTIONED, PILLARS
from pipeline.store.tables import read_table
from pipeline.summarize.corpus import (
    Comparison,
    CorpusSummary,
    compare,
    narrate_comparison,
    summarize_rows,
)

__all__ = [
    "CorpusSummary", "Comparison", "compare", "summarize_rows", "summarize_data_dir", "baseline_summary",
    "render_markdown", "programmes_table", "status_matrix",
]


def summarize_data_dir(data_dir: Path, *, corpus: str) -> CorpusSummary:
    """Summary of the datasets in ``data_dir``."""
    rejects = read_table(data_dir, "rejects")
    summary = summarize_rows(
        corpus,
        documents=read_table(data_dir, "documents").select(["doc_id", "duplicate_of", "title", "summary"]).to_pylist(),
        pillar_summary=read_table(data_dir, "pillar_summary").to_pylist(),
        programs=read_table(data_dir, "programs").select(["doc_id", "name", "kind", "pillar"]).to_pylist(),
        mentions=read_table(data_dir, "mentions").select(["doc_id", "pillar", "status", "cue"]).to_pylist(),
        rejects=rejects.num_rows,
    )
    summary.rejected = [{"source": r["source"], "reason": r["reason"]} for r in rejects.select(["source", "reason"]).to_pylist()]
    return summary


#: The columns of each table a corpus summary reads (what the baseline cache keeps).
_SUMMARY_COLUMNS = {
    "documents": ("doc_id", "duplicate_of", "title", "summary"),
    "pillar_summary": ("doc_id", "pillar", "status", "mentions", "relevant"),
    "programs": ("doc_id", "name", "kind", "pillar"),
    "mentions": ("doc_id", "pillar", "status", "cue"),
}
BASELINE_CACHE = ".baseline"


def baseline_summary(ref: str, *, settings: Any = None, cache_dir: Path | None = None) -> CorpusSummary | None:
    """The baseline corpus's summary, analysed from its own sources with the run's settings.

    Never read from another data folder (issue 11: the Detik comparison used to read the
    thesis datasets of the checkout, whatever ``--data-dir`` said, and whatever version or
    tagger made them). The baseline's rows are cached in the run's data folder
    (``DIR/.baseline/NAME.json``), keyed on the baseline's sources (their SHA-256) and the
    analysis version, so an unchanged rerun does not analyse it again. Meant for small
    baselines (the thesis chapter: one document).

    Args:
        ref: Corpus name or TOML path.
        settings: The run's :class:`~pipeline.analyzer.Settings` (default: the default ones).
        cache_dir: The run's data folder (no cache without one).
    """
    import hashlib
    import json

    from pipeline.analyzer import Settings
    from pipeline.corpora.run import analyze_batch, versions
    from pipeline.corpora.sources import discover_local
    from pipeline.corpora.spec import CorpusError, load_corpus

    try:
        spec = load_corpus(ref)
    except CorpusError:
        return None
    settings = settings or Settings()
    items, _ = discover_local(spec)
    if not items:
        return None
    _, lexicon, analysis = versions(settings)
    key = hashlib.sha256(json.dumps([analysis, sorted((i.source_key, i.fingerprint) for i in items)]).encode()).hexdigest()
    cache = Path(cache_dir) / BASELINE_CACHE / f"{spec.name}.json" if cache_dir else None
    rows = None
    if cache is not None and cache.exists():
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
            rows = stored["rows"] if stored.get("key") == key else None
        except (OSError, ValueError, KeyError):
            rows = None
    if rows is None:
        res = analyze_batch(items, settings=settings, run_id="baseline", analysis_version=analysis, lexicon_version=lexicon)
        rows = {t: [{c: r.get(c) for c in cols} for r in res.rows(t)] for t, cols in _SUMMARY_COLUMNS.items()}
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f".{cache.name}.tmp")
            tmp.write_text(json.dumps({"key": key, "rows": rows}, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache)
    return summarize_rows(spec.name, documents=rows["documents"], pillar_summary=rows["pillar_summary"],
                          programs=rows["programs"], mentions=rows["mentions"])


def summary_markdown(corpus: Any, data_dir: Path, report: Any, *, settings: Any = None) -> str:
    """The run's summary (what ``pilar run`` prints and publishes): the corpus from its
    datasets, compared with its baseline when it names one."""
    summary = summarize_data_dir(data_dir, corpus=corpus.name)
    base = baseline_summary(corpus.baseline, settings=settings, cache_dir=data_dir) if corpus.baseline else None
    comparison = compare(summary, base) if base is not None else None
    return render_markdown(summary, run=report.to_dict(), comparison=comparison)


def _count(n: int, noun: str) -> str:
    """"1 source", "2 sources"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _names(xs: list[str]) -> str:
    return ", ".join(f"`{x}`" for x in xs) if xs else "none"


def render_markdown(summary: CorpusSummary, *, run: dict[str, Any] | None = None,
                    comparison: Comparison | None = None, top: int = 10) -> str:
    """The run artifact: counts, pillar table, top programmes, comparison with the baseline."""
    lines = [f"# Corpus `{summary.corpus}`", ""]
    if run:
        lines.append(
            f"Run `{run['run_id'][:12]}`: {_count(run['documents_seen'], 'source')} seen, "
            f"{run['documents_analyzed']} analysed, {run['documents_skipped']} unchanged, "
            f"{run['documents_rejected']} rejected, {run['documents_deleted']} deleted "
            f"({run['duration_s']:.1f} s)."
        )
    lines += [f"{_count(summary.documents, 'document')}, {summary.relevant} relevant to smart-city policy.", "",
              "## Pillars: documents per status", ""]
    statuses = [*reversed(DOC_STATUS_ORDER), MENTIONED]
    lines.append("| pillar | " + " | ".join(statuses) + " | corpus status (documents agreeing / stating one) |")
    lines.append("|---" * (len(statuses) + 2) + "|")
    for p in PILLARS:
        c = summary.status_counts[p]
        agree, stating = summary.corpus_support.get(p, (0, 0))
        support = f" ({agree}/{stating})" if stating else ""
        lines.append(f"| {p} | " + " | ".join(str(c.get(s, 0)) for s in statuses)
                     + f" | {summary.corpus_status[p]}{support} |")
    if summary.rejected:
        lines += ["", "## Rejected sources", ""]
        lines += [f"- `{r['source']}`: {r['reason']}" for r in summary.rejected[:20]]
        if len(summary.rejected) > 20:
            lines.append(f"- … and {len(summary.rejected) - 20} more (the `rejects` dataset)")
    if summary.narratives:
        lines += ["", "## Ringkasan dokumen", ""]
        for n in summary.narratives:
            lines += [f"**{n['title']}** — {n['summary']}", ""]
        more = summary.relevant - len(summary.narratives)
        if more > 0:
            lines.append(f"(+{more} relevant documents more: `documents.summary` in the datasets)")
    shown = [p for p in summary.programmes if not p.get("hidden")][:top]
    lines += ["", "## Top programmes", ""]
    if shown:
        lines += ["| programme | kind | pillar | documents | mentions |", "|---|---|---|---|---|"]
        lines += [f"| {p['name']} | {p['kind']} | {p['pillar'] or '-'} | {p['documents']} | {p['mentions']} |" for p in shown]
    else:
        lines.append("No programme named.")
    if comparison is not None:
        lines += ["", f"## Compared with the baseline `{comparison.baseline}`", "",
                  narrate_comparison(comparison, corpus=summary.corpus), "",
                  f"- Pillars present here, absent there: {_names(comparison.new_pillars)}",
                  f"- Programmes new here: {_names(comparison.new_programmes[:20])}"
                  + (f" (+{len(comparison.new_programmes) - 20} more)" if len(comparison.new_programmes) > 20 else "")]
        if comparison.pillars:
            lines += ["", "| pillar | baseline says | documents agreeing | adding | contradicting | e.g. |", "|---|---|---|---|---|---|"]
            for pc in comparison.pillars:
                eg = "; ".join(f"{e['title'][:60]} ({e['status']}{', «' + e['cue'] + '»' if e['cue'] else ''})" for e in pc.examples[:2])
                lines.append(f"| {pc.pillar} | {pc.baseline} | {pc.counts['agrees']} | {pc.counts['adds']} | "
                             f"{pc.counts['contradicts']} | {eg.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


def programmes_table(summary: CorpusSummary) -> list[dict[str, Any]]:
    """Rows of the table artifact: every programme of the corpus with its counts."""
    return [{k: p[k] for k in ("name", "kind", "pillar", "documents", "mentions")} for p in summary.programmes]


def status_matrix(summary: CorpusSummary) -> list[dict[str, Any]]:
    """Rows of the pillar × status table artifact."""
    return [{"pillar": p, **summary.status_counts[p], "corpus_status": summary.corpus_status[p]} for p in PILLARS]

