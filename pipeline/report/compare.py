"""A corpus against its baseline, document by document, with the evidence.

The baseline's status of a pillar is its corpus status (the rule of
:mod:`pipeline.summarize.corpus`: the status most of its relevant documents give). Each
relevant document of the corpus that states a status for the pillar then *agrees* (same
status), *adds* (further along: "implemented" where the baseline says "planned") or
*contradicts* (less far along), by :func:`pipeline.summarize.corpus.relation`. A document
that only names the pillar (``mentioned``) makes no claim and counts as none of these; where
the baseline states no status for a pillar, the documents that do are listed as going
*beyond* it. Programmes the corpus names that the baseline never does are listed with the
sentence that names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.report.data import CorpusData
from pipeline.report.evidence import Evidence, programme_evidence, rank_documents, status_evidence
from pipeline.schema import MENTIONED, PILLARS, status_rank
from pipeline.summarize.corpus import RELATIONS, relation


def _clip(text: str, width: int) -> str:
    """``text`` cut at a word within ``width`` characters, with "…" where it was cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"

@dataclass
class DocRelation:
    """One document's status of a pillar and how it stands to the baseline's."""

    doc_id: str
    title: str
    date: str | None
    link: str | None
    status: str
    relation: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date, "link": self.link,
                "status": self.status, "relation": self.relation,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class PillarComparison:
    """One pillar: the baseline's status and evidence, and the corpus's documents by relation."""

    pillar: str
    baseline_status: str
    baseline_support: tuple[int, int]
    baseline_evidence: list[Evidence]
    documents: dict[str, list[DocRelation]]
    #: documents that only name the pillar (no status stated): never counted
    only_named: int = 0

    def count(self, rel: str) -> int:
        return len(self.documents.get(rel, []))

    @property
    def compared(self) -> bool:
        """Whether the baseline states a status to compare with."""
        return self.baseline_status not in (MENTIONED, "not_mentioned")

    def to_dict(self) -> dict[str, Any]:
        agree, stating = self.baseline_support
        return {
            "pillar": self.pillar,
            "baseline": {"status": self.baseline_status, "documents_agreeing": agree, "documents_stating": stating,
                         "evidence": [e.to_dict() for e in self.baseline_evidence]},
            "counts": {rel: self.count(rel) for rel in (*RELATIONS, "beyond")},
            "only_named": self.only_named,
            **{rel: [d.to_dict() for d in self.documents.get(rel, [])] for rel in (*RELATIONS, "beyond")},
        }


@dataclass
class CorpusComparison:
    """What a corpus agrees with, adds to and says against in its baseline."""

    corpus: str
    baseline: str
    relevant: int
    unrelated: int
    baseline_relevant: int
    pillars: list[PillarComparison]
    new_pillars: list[str]
    #: {"name", "kind", "pillar", "documents", "mentions", "evidence": Evidence | None}
    new_programmes: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus, "baseline": self.baseline,
            "documents": {"relevant": self.relevant, "unrelated_left_out": self.unrelated,
                          "baseline_relevant": self.baseline_relevant},
            "rule": ("per pillar, each relevant document that states a status agrees with the baseline's "
                     "corpus status, adds (further along) or contradicts it (less far along); documents "
                     "that only name the pillar ('mentioned') count as neither"),
            "pillars": [p.to_dict() for p in self.pillars],
            "new_pillars": self.new_pillars,
            "new_programmes": [{**{k: v for k, v in p.items() if k != "evidence"},
                                "evidence": p["evidence"].to_dict() if p.get("evidence") else None}
                               for p in self.new_programmes],
        }


def _relation(status: str, base: str) -> str | None:
    if status in (MENTIONED, "not_mentioned"):
        return None
    if base in (MENTIONED, "not_mentioned"):
        return "beyond"
    return relation(status, base)


def compare_corpora(data: CorpusData, baseline: CorpusData, *, evidence: int = 1,
                    programme_evidence_for: int | None = None) -> CorpusComparison:
    """Compare ``data`` with ``baseline``, pillar by pillar, with evidence per document.

    Args:
        data: The corpus (its relevant documents).
        baseline: The baseline corpus.
        evidence: Sentences quoted per document.
        programme_evidence_for: Quote the naming sentence of the first N new programmes
            (default: all).
    """
    assert data.summary is not None and baseline.summary is not None
    pillars: list[PillarComparison] = []
    for p in PILLARS:
        base = baseline.summary.corpus_status[p]
        support = baseline.summary.corpus_support.get(p, (0, 0))
        base_ev, _ = status_evidence(baseline, p, base, limit=2) if base != "not_mentioned" else ([], 0)
        by_rel: dict[str, list[DocRelation]] = {}
        only_named = 0
        for d in data.documents:
            st = data.status(d, p)
            if st == MENTIONED:
                only_named += 1
            rel = _relation(st, base)
            if rel is None:
                continue
            doc = data.documents[d]
            ev, _ = status_evidence(data, p, st, limit=evidence, doc_ids=[d])
            by_rel.setdefault(rel, []).append(DocRelation(
                doc_id=d, title=str(doc.get("title") or d), date=doc.get("date"), link=data.source_link(doc),
                status=st, relation=rel, evidence=ev))
        for rel, docs in by_rel.items():
            # strongest claims first (furthest from the baseline), then the most relevant
            order = {d: i for i, d in enumerate(rank_documents(data, [x.doc_id for x in docs], p))}
            gap = {x.doc_id: abs(status_rank(x.status) - status_rank(base)) if rel in ("adds", "contradicts") else 0
                   for x in docs}
            docs.sort(key=lambda x: (-gap[x.doc_id], order[x.doc_id]))
        pillars.append(PillarComparison(pillar=p, baseline_status=base, baseline_support=support,
                                        baseline_evidence=base_ev, documents=by_rel, only_named=only_named))
    known = {pr["name"].casefold() for pr in baseline.summary.programmes}
    new = [pr for pr in data.summary.programmes if pr["name"].casefold() not in known]
    limit = len(new) if programme_evidence_for is None else programme_evidence_for
    new_programmes = [{"name": pr["name"], "kind": pr["kind"], "pillar": pr["pillar"], "documents": pr["documents"],
                       "mentions": pr["mentions"], "evidence": programme_evidence(data, pr["name"]) if i < limit else None}
                      for i, pr in enumerate(new)]
    return CorpusComparison(
        corpus=data.name, baseline=baseline.name, relevant=data.relevant, unrelated=data.unrelated,
        baseline_relevant=baseline.relevant, pillars=pillars,
        new_pillars=[p for p in PILLARS if p in data.summary.pillars_present and p not in baseline.summary.pillars_present],
        new_programmes=new_programmes,
    )


def to_table(cmp: CorpusComparison, *, examples: int = 2, programmes: int = 10) -> str:
    """A plain-text table for the terminal (fits 80 columns)."""
    lines = [f"{cmp.corpus} against the baseline {cmp.baseline}: {cmp.relevant} relevant documents "
             f"({cmp.unrelated} unrelated left out), baseline {cmp.baseline_relevant}.", ""]
    lines.append(f"{'pillar':<18} {'baseline':<14} {'agree':>5} {'add':>5} {'contra':>6} {'beyond':>6} {'named':>6}")
    for pc in cmp.pillars:
        lines.append(f"{pc.pillar:<18} {pc.baseline_status:<14} {pc.count('agrees'):>5} {pc.count('adds'):>5} "
                     f"{pc.count('contradicts'):>6} {pc.count('beyond'):>6} {pc.only_named:>6}")
    lines += ["", "(agree/add/contradict: documents stating the same status, a further one, a less "
              "far one;", " beyond: the baseline states none; named: named without a status, not counted)"]
    for rel in ("adds", "contradicts", "beyond"):
        shown = [(pc.pillar, d) for pc in cmp.pillars for d in pc.documents.get(rel, [])[:examples]]
        if not shown:
            continue
        lines += ["", {"adds": "Adding, e.g.:", "contradicts": "Contradicting, e.g.:", "beyond": "Beyond the baseline, e.g.:"}[rel]]
        for pillar, d in shown:
            cue = f" «{d.evidence[0].cue}»" if d.evidence and d.evidence[0].cue else ""
            lines.append(f"  {pillar}: {d.status}{cue}: {_clip(d.title, 60)}")
    if cmp.new_programmes:
        top = ", ".join(f"{p['name']} ({p['documents']})" for p in cmp.new_programmes[:programmes])
        more = len(cmp.new_programmes) - programmes
        lines += ["", f"Programmes new here (documents): {top}" + (f" and {more} more" if more > 0 else "") + "."]
    return "\n".join(lines) + "\n"
