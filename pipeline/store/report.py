"""The corpus summary a run publishes, and what a corpus adds to its baseline.

Computed from the datasets (so it describes the whole corpus, not just what this run
analysed). A pillar's corpus-level status is the most advanced status any relevant document
gives it: the corpus shows it happened somewhere. The comparison lists pillars, programmes
and (pillar, status) pairs present here and absent from the baseline, and contradictions:
pillars both corpora mention whose corpus-level status differs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.schema import DOC_STATUS_ORDER, PILLARS, status_rank
from pipeline.store.tables import PART, read_table


@dataclass
class CorpusSummary:
    """Per-pillar status counts, corpus-level statuses and top programmes of a corpus."""

    corpus: str
    documents: int
    relevant: int
    status_counts: dict[str, dict[str, int]]
    corpus_status: dict[str, str]
    programmes: list[dict[str, Any]]
    rejects: int = 0

    @property
    def pillars_present(self) -> set[str]:
        return {p for p, s in self.corpus_status.items() if s != "not_mentioned"}


@dataclass
class Comparison:
    """What a corpus adds to (or says against) its baseline."""

    baseline: str
    new_pillars: list[str] = field(default_factory=list)
    new_programmes: list[str] = field(default_factory=list)
    new_statuses: list[tuple[str, str]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)


def summarize_rows(corpus: str, *, documents: list[dict], pillar_summary: list[dict], programs: list[dict],
                   rejects: int = 0, top: int = 10) -> CorpusSummary:
    """Summary from table rows (lists of dicts, as stored)."""
    primary = {d["doc_id"] for d in documents if not d.get("duplicate_of")}
    counts: dict[str, Counter] = {p: Counter() for p in PILLARS}
    best: dict[str, str] = {p: "not_mentioned" for p in PILLARS}
    relevant: set[str] = set()
    for row in pillar_summary:
        if row["doc_id"] not in primary:
            continue
        counts[row["pillar"]][row["status"]] += 1
        if row["relevant"]:
            relevant.add(row["doc_id"])
            if status_rank(row["status"]) > status_rank(best[row["pillar"]]):
                best[row["pillar"]] = row["status"]
    progs: dict[str, dict[str, Any]] = {}
    for row in programs:
        if row["doc_id"] not in primary:
            continue
        entry = progs.setdefault(row["name"], {"name": row["name"], "kind": row["kind"], "pillar": row["pillar"],
                                               "documents": set(), "mentions": 0})
        entry["documents"].add(row["doc_id"])
        entry["mentions"] += 1
    ranked = sorted(progs.values(), key=lambda e: (-len(e["documents"]), -e["mentions"], e["name"]))
    return CorpusSummary(
        corpus=corpus,
        documents=len(primary),
        relevant=len(relevant),
        status_counts={p: {s: counts[p].get(s, 0) for s in reversed(DOC_STATUS_ORDER)} for p in PILLARS},
        corpus_status=best,
        programmes=[{**e, "documents": len(e["documents"])} for e in ranked[:top]]
        + [{"name": e["name"], "kind": e["kind"], "pillar": e["pillar"], "documents": len(e["documents"]),
            "mentions": e["mentions"], "hidden": True} for e in ranked[top:]],
        rejects=rejects,
    )


def summarize_data_dir(data_dir: Path, *, corpus: str) -> CorpusSummary:
    """Summary of the datasets in ``data_dir``."""
    return summarize_rows(
        corpus,
        documents=read_table(data_dir, "documents").select(["doc_id", "duplicate_of"]).to_pylist(),
        pillar_summary=read_table(data_dir, "pillar_summary").to_pylist(),
        programs=read_table(data_dir, "programs").select(["doc_id", "name", "kind", "pillar"]).to_pylist(),
        rejects=read_table(data_dir, "rejects").num_rows,
    )


def baseline_summary(ref: str) -> CorpusSummary | None:
    """The baseline corpus's summary: from its datasets when written, else analysed in memory.

    Analysing in memory is meant for small baselines (the thesis chapter); a big baseline
    should be run once (``pilar run --corpus NAME``) so its datasets exist.
    """
    from pipeline.store.corpus import CorpusError, load_corpus

    try:
        spec = load_corpus(ref)
    except CorpusError:
        return None
    if spec.output and (Path(spec.output) / "documents" / PART).exists():
        return summarize_data_dir(Path(spec.output), corpus=spec.name)
    from pipeline.store.runner import analyse_batch, versions
    from pipeline.store.sources import discover_local

    items, _ = discover_local(spec)
    if not items:
        return None
    _, lexicon, analysis = versions()
    res = analyse_batch(items, run_id="baseline", analysis_version=analysis, lexicon_version=lexicon)
    return summarize_rows(spec.name, documents=res.rows["documents"], pillar_summary=res.rows["pillar_summary"],
                          programs=res.rows["programs"])


def compare(summary: CorpusSummary, baseline: CorpusSummary) -> Comparison:
    """What ``summary`` adds to ``baseline``, and where their statuses disagree."""
    def pairs(s: CorpusSummary) -> set[tuple[str, str]]:
        return {(p, st) for p, c in s.status_counts.items() for st, n in c.items() if n and st != "not_mentioned"}

    base_progs = {p["name"] for p in baseline.programmes}
    cmp = Comparison(baseline=baseline.corpus)
    cmp.new_pillars = [p for p in PILLARS if p in summary.pillars_present and p not in baseline.pillars_present]
    cmp.new_programmes = [p["name"] for p in summary.programmes if p["name"] not in base_progs]
    cmp.new_statuses = sorted(pairs(summary) - pairs(baseline), key=lambda x: (PILLARS.index(x[0]), x[1]))
    for p in PILLARS:
        a, b = baseline.corpus_status[p], summary.corpus_status[p]
        if a != b and "not_mentioned" not in (a, b):
            cmp.contradictions.append({"pillar": p, "baseline": a, "corpus": b,
                                       "documents": summary.status_counts[p].get(b, 0)})
    return cmp


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
    statuses = list(reversed(DOC_STATUS_ORDER))
    lines.append("| pillar | " + " | ".join(statuses) + " | corpus status |")
    lines.append("|---" * (len(statuses) + 2) + "|")
    for p in PILLARS:
        c = summary.status_counts[p]
        lines.append(f"| {p} | " + " | ".join(str(c.get(s, 0)) for s in statuses) + f" | {summary.corpus_status[p]} |")
    shown = [p for p in summary.programmes if not p.get("hidden")][:top]
    lines += ["", "## Top programmes", ""]
    if shown:
        lines += ["| programme | kind | pillar | documents | mentions |", "|---|---|---|---|---|"]
        lines += [f"| {p['name']} | {p['kind']} | {p['pillar'] or '-'} | {p['documents']} | {p['mentions']} |" for p in shown]
    else:
        lines.append("No programme named.")
    if comparison is not None:
        lines += ["", f"## Compared with the baseline `{comparison.baseline}`", "",
                  f"- Pillars present here, absent there: {_names(comparison.new_pillars)}",
                  f"- Programmes new here: {_names(comparison.new_programmes[:20])}"
                  + (f" (+{len(comparison.new_programmes) - 20} more)" if len(comparison.new_programmes) > 20 else ""),
                  f"- Pillar statuses new here: {_names([f'{p}: {s}' for p, s in comparison.new_statuses])}"]
        if comparison.contradictions:
            lines += ["", "| pillar | baseline says | this corpus says | documents saying so |", "|---|---|---|---|"]
            lines += [f"| {c['pillar']} | {c['baseline']} | {c['corpus']} | {c['documents']} |" for c in comparison.contradictions]
        else:
            lines.append("- No contradictions: where both speak of a pillar, they agree on its status.")
    return "\n".join(lines) + "\n"


def programmes_table(summary: CorpusSummary) -> list[dict[str, Any]]:
    """Rows of the table artifact: every programme of the corpus with its counts."""
    return [{k: p[k] for k in ("name", "kind", "pillar", "documents", "mentions")} for p in summary.programmes]


def status_matrix(summary: CorpusSummary) -> list[dict[str, Any]]:
    """Rows of the pillar × status table artifact."""
    return [{"pillar": p, **summary.status_counts[p], "corpus_status": summary.corpus_status[p]} for p in PILLARS]

