"""Corpus synthesis: what a corpus says per pillar, and what it adds to or says against a
baseline corpus (the thesis, for the news).

Plain Python over table rows (lists of dicts, as the datasets store them), so it works on a
data folder, on a run's fresh rows or in a notebook.

- A pillar's **corpus status** is the status given by the most relevant documents that state
  one for it (a tie goes to the less advanced status); ``corpus_support`` says how many agree
  out of how many state a status, and the per-status document counts sit beside it. Documents
  that only name the pillar (``mentioned``) do not vote; when no document states a status the
  corpus status is ``mentioned`` (or ``not_mentioned``). Never "the furthest any single
  document got": one article saying a thing runs does not make a corpus say so.
- The **comparison** is per document and per pillar a status cue speaks to (a pillar only
  named, never given a status, is left out): each relevant document that speaks of a pillar either
  *agrees* with the baseline's corpus status, *adds* (reports the pillar further along than
  the baseline does), or *contradicts* (reports it less far along than the baseline says).
  A pillar the baseline states no status for is not compared (it is listed in
  ``new_pillars`` when the baseline does not name it at all). Each pillar keeps a few example
  documents with the cue that set their status, so a reader can check the claim.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.schema import DOC_STATUS_ORDER, MENTIONED, PILLARS, status_rank

RELATIONS = ("agrees", "adds", "contradicts")


@dataclass
class CorpusSummary:
    """Per-pillar status counts, corpus-level statuses and top programmes of a corpus."""

    corpus: str
    documents: int
    relevant: int
    status_counts: dict[str, dict[str, int]]
    #: per pillar: the status most relevant documents that state one give it (ties: the less
    #: advanced); ``mentioned`` when documents only name it; never "the furthest any got"
    corpus_status: dict[str, str]
    programmes: list[dict[str, Any]]
    rejects: int = 0
    #: per pillar: (documents giving the corpus status, documents stating any status)
    corpus_support: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: per relevant document: {"doc_id", "title", "statuses": {pillar: status}, "cues": {pillar: cue}}
    doc_statuses: list[dict[str, Any]] = field(default_factory=list)
    #: rejected sources: {"source", "reason"}
    rejected: list[dict[str, str]] = field(default_factory=list)
    #: the Indonesian narratives of the first relevant documents: {"title", "summary"}
    narratives: list[dict[str, str]] = field(default_factory=list)

    @property
    def pillars_present(self) -> set[str]:
        return {p for p, s in self.corpus_status.items() if s != "not_mentioned"}


@dataclass
class PillarComparison:
    pillar: str
    baseline: str
    counts: dict[str, int]
    examples: list[dict[str, Any]]


@dataclass
class Comparison:
    """What a corpus adds to (or says against) its baseline."""

    baseline: str
    new_pillars: list[str] = field(default_factory=list)
    new_programmes: list[str] = field(default_factory=list)
    pillars: list[PillarComparison] = field(default_factory=list)


def relation(status: str, baseline: str) -> str | None:
    """How one document's status of a pillar stands to the baseline's.

    ``None`` when either side only names the pillar (``mentioned``) or does not name it: a
    status nobody stated neither agrees with, adds to nor contradicts anything.
    """
    if MENTIONED in (status, baseline) or "not_mentioned" in (status, baseline):
        return None
    if status == baseline:
        return "agrees"
    return "adds" if status_rank(status) > status_rank(baseline) else "contradicts"


def summarize_rows(
    corpus: str, *, documents: list[dict], pillar_summary: list[dict], programs: list[dict],
    mentions: list[dict] | None = None, rejects: int = 0, top: int = 10, narratives: int = 3,
) -> CorpusSummary:
    """Summary from table rows (``documents``, ``pillar_summary``, ``programs``, ``mentions``)."""
    primary = {d["doc_id"]: d for d in documents if not d.get("duplicate_of")}
    counts: dict[str, Counter] = {p: Counter() for p in PILLARS}
    stated: dict[str, Counter] = {p: Counter() for p in PILLARS}
    named: set[str] = set()
    per_doc: dict[str, dict[str, str]] = {}
    relevant: set[str] = set()
    for row in pillar_summary:
        if row["doc_id"] not in primary:
            continue
        counts[row["pillar"]][row["status"]] += 1
        if row["relevant"]:
            relevant.add(row["doc_id"])
            if row["status"] == MENTIONED:
                named.add(row["pillar"])
            elif row["status"] != "not_mentioned":
                stated[row["pillar"]][row["status"]] += 1
                per_doc.setdefault(row["doc_id"], {})[row["pillar"]] = row["status"]
    corpus_status: dict[str, str] = {}
    support: dict[str, tuple[int, int]] = {}
    for p in PILLARS:
        if stated[p]:
            # the majority of the documents that state a status; a tie goes to the less advanced
            majority, agreeing = max(stated[p].items(), key=lambda kv: (kv[1], -status_rank(kv[0])))
            corpus_status[p] = majority
            support[p] = (agreeing, sum(stated[p].values()))
        else:
            corpus_status[p] = MENTIONED if p in named else "not_mentioned"
            support[p] = (0, 0)
    cues: dict[tuple[str, str], str] = {}
    for m in mentions or []:
        key = (m["doc_id"], m["pillar"])
        status = per_doc.get(m["doc_id"], {}).get(m["pillar"])
        wanted = {"partial": "implemented"}.get(status, status)
        if m.get("cue") and m.get("status") == wanted and key not in cues:
            cues[key] = m["cue"]
    progs: dict[str, dict[str, Any]] = {}
    for row in programs:
        # an unrelated article's names (a club, a celebrity) are no policy programmes
        if row["doc_id"] not in primary or row["doc_id"] not in relevant:
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
        status_counts={p: {s: counts[p].get(s, 0) for s in (*reversed(DOC_STATUS_ORDER), MENTIONED)}
                       for p in PILLARS},
        corpus_status=corpus_status,
        corpus_support=support,
        programmes=[{**e, "documents": len(e["documents"])} for e in ranked[:top]]
        + [{"name": e["name"], "kind": e["kind"], "pillar": e["pillar"], "documents": len(e["documents"]),
            "mentions": e["mentions"], "hidden": True} for e in ranked[top:]],
        rejects=rejects,
        doc_statuses=[
            {"doc_id": d, "title": primary[d].get("title") or d, "statuses": st,
             "cues": {p: cues[(d, p)] for p in st if (d, p) in cues}}
            for d, st in sorted(per_doc.items()) if st
        ],
        narratives=[
            {"title": primary[d].get("title") or d, "summary": primary[d]["summary"]}
            for d in sorted(relevant)[:narratives] if primary[d].get("summary")
        ],
    )


def compare(summary: CorpusSummary, baseline: CorpusSummary, *, examples: int = 3) -> Comparison:
    """What ``summary``'s documents add to ``baseline``, pillar by pillar, with examples."""
    base_progs = {p["name"] for p in baseline.programmes}
    cmp = Comparison(baseline=baseline.corpus)
    cmp.new_pillars = [p for p in PILLARS if p in summary.pillars_present and p not in baseline.pillars_present]
    cmp.new_programmes = [p["name"] for p in summary.programmes if p["name"] not in base_progs]
    for p in PILLARS:
        base = baseline.corpus_status[p]
        tally = dict.fromkeys(RELATIONS, 0)
        shown: list[dict[str, Any]] = []
        # strongest claims first: the furthest from the baseline, then document order
        if relation(base, base) is None:  # the baseline states nothing to compare with
            continue
        docs = sorted(
            (d for d in summary.doc_statuses if relation(d["statuses"].get(p, "not_mentioned"), base)),
            key=lambda d: (-abs(status_rank(d["statuses"][p]) - status_rank(base)), d["doc_id"]),
        )
        for d in docs:
            rel = relation(d["statuses"][p], base)
            if rel is None:
                continue
            tally[rel] += 1
            if rel != "agrees" and len(shown) < examples:
                shown.append({"doc_id": d["doc_id"], "title": d["title"], "status": d["statuses"][p],
                              "relation": rel, "cue": d["cues"].get(p)})
        if any(tally.values()):
            cmp.pillars.append(PillarComparison(pillar=p, baseline=base, counts=tally, examples=shown))
    return cmp


def narrate_comparison(cmp: Comparison, *, corpus: str) -> str:
    """An Indonesian paragraph: what the corpus adds to and says against the baseline."""
    if not cmp.pillars:
        return f"Korpus {corpus} tidak membahas pilar yang dapat dibandingkan dengan korpus {cmp.baseline}."
    from pipeline.report.text import STATUS

    said = STATUS["id"]  # the baseline's status in words ("berjalan sebagian"), not its key
    parts = [f"Dibandingkan dengan korpus {cmp.baseline}:"]
    for pc in cmp.pillars:
        name = pc.pillar.replace("_", " ")
        bits = []
        base = said.get(pc.baseline, pc.baseline)
        if pc.counts["adds"]:
            bits.append(f"{pc.counts['adds']} dokumen menambahkan (lebih maju dari «{base}»)")
        if pc.counts["contradicts"]:
            bits.append(f"{pc.counts['contradicts']} dokumen bertentangan (kurang maju dari «{base}»)")
        if pc.counts["agrees"]:
            bits.append(f"{pc.counts['agrees']} dokumen sejalan")
        parts.append(f"{name}: " + ", ".join(bits) + ".")
    if cmp.new_programmes:
        parts.append("Program/inisiatif baru: " + ", ".join(cmp.new_programmes[:8]) + ".")
    return " ".join(parts)
