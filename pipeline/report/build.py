"""Everything a report says, gathered once from the data; the HTML and Markdown renderers
only lay it out (:mod:`pipeline.report.html`, :mod:`pipeline.report.markdown`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.report import svg
from pipeline.report.compare import CorpusComparison, compare_corpora
from pipeline.report.data import CorpusData
from pipeline.report.evidence import Evidence, mention_evidence, rank_documents, status_evidence
from pipeline.report.narrative import (
    PROGRAMMES_ANCHOR,
    RECOMMEND_ANCHOR,
    STATED,
    Paragraph,
    comparison_anchor,
    comparison_narrative,
    corpus_narrative,
    evidence_anchor,
)
from pipeline.report.text import (
    LANGS,
    RELATION,
    STATUS,
    L,
    date_label,
    documents,
    month_label,
    pillar_name,
)
from pipeline.schema import MENTIONED, PILLARS

#: Statuses drawn in the chart, left to right (``not_mentioned`` is not drawn).
CHART_STATUSES = ["implemented", "partial", "planned", "recommended", "not_addressed", MENTIONED]
#: Evidence quoted per claim; the rest is one `pilar kwic` away.
PER_CLAIM = 3
#: Programmes drawn on the timelines.
TIMELINE_ROWS = 12
#: Year columns drawn at most (the years most documents name).
TIMELINE_YEARS = 24

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass
class EvidenceGroup:
    anchor: str
    heading: str
    items: list[Evidence]
    total: int = 0
    more: str | None = None


@dataclass
class PillarBlock:
    """The comparison of one pillar, as shown."""

    pillar: str
    baseline_status: str
    support: tuple[int, int]
    baseline_evidence: list[Evidence]
    counts: dict[str, int]
    only_named: int
    groups: list[EvidenceGroup]


@dataclass
class Timeline:
    title: str
    caption: str
    rows: list[str]
    kinds: list[str]
    cols: list[str]
    values: dict[tuple[int, int], int]
    svg: str
    dropped: int = 0


@dataclass
class Report:
    lang: str
    title: str
    corpus: str
    description: str
    facts: list[str]
    narrative: list[Paragraph]
    rule: str
    chart_svg: str
    chart_caption: str
    table: list[dict[str, Any]]
    programmes: list[dict[str, Any]]
    timelines: list[Timeline]
    timeline_notes: list[str]
    evidence: list[tuple[str, list[EvidenceGroup]]]
    recommendations: EvidenceGroup | None
    baseline: str | None = None
    comparison: CorpusComparison | None = None
    comparison_narrative: list[Paragraph] = field(default_factory=list)
    comparison_blocks: list[PillarBlock] = field(default_factory=list)
    programme_group: EvidenceGroup | None = None
    about: list[str] = field(default_factory=list)

    def t(self, key: str, **kw: Any) -> str:
        return L[self.lang][key].format(**kw)


def _where(data: CorpusData) -> str:
    """How a command names this corpus: as the user did, else by its data folder."""
    if data.cli_ref:
        return data.cli_ref
    return f"--data-dir {data.data_dir}" if data.data_dir is not None else ""


def _compare_command(data: CorpusData, baseline: CorpusData) -> str:
    ref = data.cli_ref.split(" ", 1)[1] if data.cli_ref else str(data.data_dir or data.name)
    base = baseline.cli_ref.split(" ", 1)[1] if baseline.cli_ref else baseline.name
    return f"pilar compare {ref} --baseline {base} --format json"


def _kwic_command(data: CorpusData, pillar: str, status: str | None) -> str:
    where = f" {_where(data)}" if _where(data) else ""
    st = {"implemented": "implemented", "planned": "planned", "recommended": "recommended",
          "not_addressed": "not_addressed", MENTIONED: "none"}.get(status or "")
    return f"pilar kwic --pillar {pillar}" + (f" --status {st}" if st else "") + where


def _recommendations(data: CorpusData, limit: int) -> tuple[list[Evidence], int, int]:
    """Sentences that urge or suggest (sentence status ``recommended``): quoted, their count, documents."""
    found: list[tuple[str, int]] = [(d, i) for (d, i), s in data.sentences.items() if s.get("status") == "recommended"]
    if not found:
        return [], 0, 0
    # sentences where a pillar itself is urged first (the sentence's own status may come from
    # a weaker cue elsewhere in it)
    with_pillar = {(m["doc_id"], int(m["sentence"])) for ms in data.mentions.values() for m in ms
                   if m.get("status") == "recommended"}
    order = {d: k for k, d in enumerate(rank_documents(data, sorted({d for d, _ in found}), ""))}
    found.sort(key=lambda x: ((x[0], x[1]) not in with_pillar, order[x[0]], x[1]))
    out: list[Evidence] = []
    seen_docs: dict[str, int] = {}
    per_doc = max(1, limit // len(order))
    for d, i in found:
        if len(out) >= limit:
            break
        if seen_docs.get(d, 0) >= per_doc:
            continue
        s = data.sentence(d, i)
        assert s is not None
        ev = mention_evidence(data, {"doc_id": d, "sentence": i, "start": s["start"], "end": s["start"],
                                     "pillar": None, "status": "recommended", "cue": s.get("cue"), "rule": None,
                                     "method": None, "text": None})
        if ev is not None:
            out.append(ev)
            seen_docs[d] = seen_docs.get(d, 0) + 1
    return out, len(found), len(order)


def _timeline(title: str, caption: str, names: list[str], kinds: list[str], cols: list[str],
              values: dict[tuple[int, int], int], ident: str, *, dropped: int = 0) -> Timeline:
    """A timeline of the rows that have a mark on it (a programme with no date or year is left off)."""
    rows = sorted({i for i, _ in values})
    renum = {old: new for new, old in enumerate(rows)}
    vals = {(renum[i], j): v for (i, j), v in values.items()}
    names, kinds = [names[i] for i in rows], [kinds[i] for i in rows]
    return Timeline(title, caption, names, kinds, cols, vals,
                    svg.dot_matrix(names, cols, vals, title=title, ident=ident, row_notes=kinds), dropped=dropped)


def _timelines(data: CorpusData, lang: str) -> tuple[list[Timeline], list[str], list[dict[str, Any]]]:
    assert data.summary is not None
    t = L[lang]
    progs = data.summary.programmes
    top = progs[:TIMELINE_ROWS]
    notes: list[str] = []
    if not top:
        return [], [t["no_programmes"]], []
    names = [p["name"] for p in top]
    kinds = [p["kind"] for p in top]
    index = {n: i for i, n in enumerate(names)}
    docs_of: dict[str, set[str]] = {n: set() for n in names}
    years_of: dict[tuple[str, int], set[str]] = {}
    for r in data.programmes:
        if r["name"] not in index:
            continue
        docs_of[r["name"]].add(r["doc_id"])
        doc_years = set(data.documents[r["doc_id"]].get("years") or [])
        for k in (0, 1):
            s = data.sentence(r["doc_id"], int(r["sentence"]) + k)
            if s is None:
                continue
            for y in {int(m.group(1)) for m in _YEAR.finditer(s["text"])} & doc_years:
                years_of.setdefault((r["name"], y), set()).add(r["doc_id"])
    timelines: list[Timeline] = []
    dated = sorted({str(d["date"])[:7] for d in data.documents.values() if d.get("date")})
    if dated:
        first, last = dated[0], dated[-1]
        span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])
        by_year = span > 36
        if by_year:
            cols_raw = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        else:
            cols_raw, y, m = [], int(first[:4]), int(first[5:7])
            while (y, m) <= (int(last[:4]), int(last[5:7])):
                cols_raw.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        ci = {c: j for j, c in enumerate(cols_raw)}
        values: dict[tuple[int, int], int] = {}
        for n, ds in docs_of.items():
            for d in ds:
                date = data.documents[d].get("date")
                if not date:
                    continue
                key = str(date)[:4] if by_year else str(date)[:7]
                if key in ci:
                    values[(index[n], ci[key])] = values.get((index[n], ci[key]), 0) + 1
        cols = cols_raw if by_year else [month_label(c, lang) for c in cols_raw]
        timelines.append(_timeline(t["timeline_dates"], t["timeline_dates_caption"], names, kinds, cols, values,
                                   "tl-dates"))
    else:
        notes.append(t["no_dates"])
    if years_of:
        per_year: dict[int, set[str]] = {}
        for (_, y), ds in years_of.items():
            per_year.setdefault(y, set()).update(ds)
        keep = sorted(sorted(per_year, key=lambda y: (-len(per_year[y]), y))[:TIMELINE_YEARS])
        yi = {y: j for j, y in enumerate(keep)}
        values = {(index[n], yi[y]): len(ds) for (n, y), ds in years_of.items() if y in yi}
        cols = [str(y) for y in keep]
        timelines.append(_timeline(t["timeline_years"], t["timeline_years_caption"], names, kinds, cols, values,
                                   "tl-years", dropped=len(per_year) - len(keep)))
    else:
        notes.append(t["no_years"])
    table = [{k: p[k] for k in ("name", "kind", "pillar", "documents", "mentions")} for p in progs[:20]]
    return timelines, notes, table


def build_report(data: CorpusData, *, baseline: CorpusData | None = None, lang: str = "id") -> Report:
    """Gather the report of ``data`` (and its comparison with ``baseline``) in ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: use one of {', '.join(LANGS)}")
    assert data.summary is not None
    t = L[lang]
    summary = data.summary
    facts = [t["counts"].format(total=documents(data.total, lang), relevant=data.relevant)]
    if data.unrelated:
        facts.append(t["unrelated"].format(n=data.unrelated))
    if data.duplicates:
        facts.append(t["duplicates"].format(n=data.duplicates))
    if data.rejected:
        facts.append(t["rejected"].format(n=data.rejected))
    dates = sorted(str(d["date"]) for d in data.documents.values() if d.get("date"))
    if dates:
        earliest, latest = date_label(dates[0], lang), date_label(dates[-1], lang)
        undated = len(data.documents) - len(dates)
        dated = (t["dates"].format(first=earliest, last=latest) if earliest != latest
                 else t["date_one"].format(date=earliest))
        if undated:
            dated = dated[:-1] + t["dates_undated"].format(n=undated)
        facts.append(dated)

    # the chart and the table: relevant documents per pillar and status
    rows: list[tuple[str, dict[str, tuple[int, float]], str]] = []
    table: list[dict[str, Any]] = []
    for p in PILLARS:
        seg: dict[str, tuple[int, float]] = {}
        counts: dict[str, int] = {}
        for d, doc in data.documents.items():
            s = data.status(d, p)
            counts[s] = counts.get(s, 0) + 1
            n, w = seg.get(s, (0, 0.0))
            seg[s] = (n + 1, w + float(doc.get("relevance") or 0.0))
        drawn = sum(n for s, (n, _) in seg.items() if s in CHART_STATUSES)
        rows.append((pillar_name(p), {s: v for s, v in seg.items() if s in CHART_STATUSES},
                     f"{drawn} {t['documents']}"))
        table.append({"pillar": p, "counts": counts, "status": summary.corpus_status[p],
                      "support": summary.corpus_support.get(p, (0, 0))})
    chart = svg.status_bars(rows, statuses=CHART_STATUSES, labels=STATUS[lang], title=t["chart_label"])

    recs, rec_total, rec_docs = _recommendations(data, PER_CLAIM)
    narrative = corpus_narrative(data, lang, recommendations=recs, recommendation_docs=rec_docs,
                                 recommendation_total=rec_total)

    evidence: list[tuple[str, list[EvidenceGroup]]] = []
    for p in PILLARS:
        groups = []
        for s in (*STATED, MENTIONED):
            items, total = status_evidence(data, p, s, limit=PER_CLAIM)
            if not total:
                continue
            shown = len({e.doc_id for e in items})
            more = t["more_docs"].format(n=total - shown, cmd=_kwic_command(data, p, s)) if total > shown else None
            groups.append(EvidenceGroup(evidence_anchor(p, s), f"{STATUS[lang][s]} · {documents(total, lang)}", items, total, more))
        if groups:
            evidence.append((p, groups))
    rec_group = EvidenceGroup(RECOMMEND_ANCHOR, t["ev_recommend"], recs, rec_docs) if recs else None

    timelines, notes, prog_table = _timelines(data, lang)
    report = Report(
        lang=lang, title=t["title"].format(corpus=data.name), corpus=data.name, description=data.description,
        facts=facts, narrative=narrative, rule=t["rule"], chart_svg=chart, chart_caption=t["chart_caption"],
        table=table, programmes=prog_table, timelines=timelines, timeline_notes=notes, evidence=evidence,
        recommendations=rec_group,
    )
    if baseline is not None:
        cmp = compare_corpora(data, baseline, programme_evidence_for=8)
        report.baseline = baseline.name
        report.comparison = cmp
        report.comparison_narrative = comparison_narrative(cmp, data, lang)
        for pc in cmp.pillars:
            if not any(pc.documents.values()):  # nothing to show beyond the table's row of zeros
                continue
            groups = []
            for rel in ("adds", "contradicts", "agrees", "beyond"):
                docs = pc.documents.get(rel, [])
                if not docs:
                    continue
                limit = PER_CLAIM if rel != "agrees" else 2
                quotes: list[Evidence] = []
                looked = 0
                for rel_doc in docs:  # one sentence per document; a sentence two articles share, once
                    if len(quotes) >= limit:
                        break
                    looked += 1
                    first = rel_doc.evidence[0] if rel_doc.evidence else None
                    if first is not None and first.text not in {e.text for e in quotes}:
                        quotes.append(first)
                more = None
                if len(docs) > looked:
                    more = t["more_docs"].format(n=len(docs) - looked, cmd=_compare_command(data, baseline))
                groups.append(EvidenceGroup(comparison_anchor(pc.pillar, rel),
                                            f"{RELATION[lang][rel]} · {documents(len(docs), lang)}", quotes, len(docs), more))
            report.comparison_blocks.append(PillarBlock(
                pillar=pc.pillar, baseline_status=pc.baseline_status, support=pc.baseline_support,
                baseline_evidence=pc.baseline_evidence[:1], counts={r: pc.count(r) for r in ("agrees", "adds", "contradicts", "beyond")},
                only_named=pc.only_named, groups=groups))
        naming: list[Evidence] = [p["evidence"] for p in cmp.new_programmes[:8] if p.get("evidence")]
        if naming:
            report.programme_group = EvidenceGroup(PROGRAMMES_ANCHOR, t["ev_programmes"], naming,
                                                   len(cmp.new_programmes))
    about = [t["rule"], t["how_status"], t["legend_marks"]]
    if data.run:
        finished = data.run.get("finished_at")
        about.append(t["versions"].format(run=str(data.run.get("run_id") or "")[:12],
                                          finished=str(finished)[:16].replace("T", " ") if finished else "?",
                                          code=data.run.get("code_version") or "?",
                                          lexicon=data.run.get("lexicon_version") or "?"))
    about.append(t["made_by"].format(data_dir=data.data_dir if data.data_dir is not None else "(in memory)"))
    report.about = about
    return report
