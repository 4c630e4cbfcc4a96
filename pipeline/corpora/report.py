"""The corpus summary a run publishes, and what a corpus adds to its baseline.

Computed from the datasets (so it describes the whole corpus, not just what this run
analysed). A pillar's corpus-level status is the most advanced status any relevant document
gives it: the corpus shows it happened somewhere. The comparison lists pillars, programmes
and (pillar, status) pairs present here and absent from the baseline, and contradictions:
pillars both corpora mention whose corpus-level status differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.schema import DOC_STATUS_ORDER, MENTIONED, PILLARS
from pipeline.store.tables import PART, read_table
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


def baseline_summary(ref: str) -> CorpusSummary | None:
    """The baseline corpus's summary: from its datasets when written, else analysed in memory.

    Analysing in memory is meant for small baselines (the thesis chapter); a big baseline
    should be run once (``pilar run --corpus NAME``) so its datasets exist.
    """
    from pipeline.corpora.spec import CorpusError, load_corpus

    try:
        spec = load_corpus(ref)
    except CorpusError:
        return None
    if spec.output and (Path(spec.output) / "documents" / PART).exists():
        return summarize_data_dir(Path(spec.output), corpus=spec.name)
    from pipeline.analyzer import Settings
    from pipeline.corpora.run import analyze_batch, versions
    from pipeline.corpora.sources import discover_local

    items, _ = discover_local(spec)
    if not items:
        return None
    settings = Settings()
    _, lexicon, analysis = versions(settings)
    res = analyze_batch(items, settings=settings, run_id="baseline", analysis_version=analysis, lexicon_version=lexicon)
    return summarize_rows(spec.name, documents=res.rows("documents"), pillar_summary=res.rows("pillar_summary"),
                          programs=res.rows("programs"), mentions=res.rows("mentions"))


def _names(xs: list[str]) -> str:
    return ", ".join(f"`{x}`" for x in xs) if xs else "none"


def render_markdown(summary: CorpusSummary, *, run: dict[str, Any] | None = None,
                    comparison: Comparison | None = None, top: int = 10) -> str:
    """The run artifact: counts, pillar table, top programmes, comparison with the baseline."""
    lines = [f"# Corpus `{summary.corpus}`", ""]
    if run:
        lines.append(
            f"Run `{run['run_id'][:12]}`: {run['documents_seen']} sources seen, "
            f"{run['documents_analyzed']} analysed, {run['documents_skipped']} unchanged, "
            f"{run['documents_rejected']} rejected, {run['documents_deleted']} deleted "
            f"({run['duration_s']:.1f} s)."
        )
    lines += [f"{summary.documents} documents, {summary.relevant} relevant to smart-city policy.", "",
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

