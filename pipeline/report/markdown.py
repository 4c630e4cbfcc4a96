"""The report's Markdown twin: the same text, charts as tables, marks as bold and italics.

Anchors are ``<a id="…"></a>`` lines, so the narrative's evidence links work in renderers
that keep them (GitHub, VS Code, pandoc).
"""

from __future__ import annotations

import re

from pipeline.report.build import EvidenceGroup, Report
from pipeline.report.evidence import Evidence
from pipeline.report.narrative import Inline, Paragraph
from pipeline.report.text import RELATION, STATUS, L, date_label, pillar_name, ref_label
from pipeline.schema import PILLARS

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
CHART_STATUSES = ["implemented", "partial", "planned", "recommended", "not_addressed", "mentioned", "not_mentioned"]


def esc(text: str) -> str:
    """Text safe in Markdown (no accidental emphasis, links, tables or HTML)."""
    return _SPECIAL.sub(r"\\\1", text)


def _inline(pieces: list[Inline], lang: str) -> str:
    refs = [p[1] for p in pieces if p[0] == "ref"]
    out: list[str] = []
    for kind, value, *rest in pieces:
        if kind == "t":
            out.append(esc(value))
        elif kind == "a":
            out.append(f"[{esc(rest[0])}](#{value})")
        elif kind in ("p", "P"):
            name = pillar_name(value)
            out.append(f"*{name[:1].upper() + name[1:] if kind == 'P' else name}*")
        elif kind == "q":
            out.append(f"«{esc(value)}»")
        elif kind == "ref":
            label = ref_label(value, len(refs), lang)
            out.append(f"[\\[{label}\\]](#{value})")
    return "".join(out)


def _paragraphs(paras: list[Paragraph], lang: str, level: str = "###") -> list[str]:
    out: list[str] = []
    for p in paras:
        if p.heading:
            out += [f"{level} {esc(p.heading)}", ""]
        if p.sentences:
            out += [" ".join(_inline(s, lang) for s in p.sentences), ""]
        if p.items:
            out += [f"- {_inline(s, lang)}" for s in p.items] + [""]
    return out


def _evidence(ev: Evidence, lang: str) -> list[str]:
    t = L[lang]
    body = "".join(esc(text) if mark is None else (f"**{esc(text)}**" if mark == "term" else f"*{esc(text)}*")
                   for text, mark in ev.pieces)
    src: list[str] = []
    if ev.status:
        src.append(STATUS[lang].get(ev.status, ev.status))
    src.append(f"[{esc(ev.title)}]({ev.link})" if ev.link else esc(ev.title))
    if ev.date:
        src.append(date_label(ev.date, lang))
    where = f"{t['sentence']} {ev.sentence + 1}"
    src.append(esc(f"{ev.section}, {where}" if ev.section else where))
    if ev.cue:
        src.append(f"{t['cue']} «{esc(ev.cue)}»")
    elif ev.method == "model":
        src.append(t["model_status"])
    return [f"> {body}", ">", f"> — {' · '.join(src)}", ""]


def _group(g: EvidenceGroup, lang: str, level: str = "####") -> list[str]:
    out = [f'<a id="{g.anchor}"></a>', "", f"{level} {esc(g.heading)}", ""]
    for e in g.items:
        out += _evidence(e, lang)
    if g.more:
        out += [g.more, ""]
    return out


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    lang = report.lang
    t = L[lang]
    out = [f"# {esc(report.title)}", ""]
    if report.description:
        out += [esc(report.description), ""]
    out += [f"- {f}" for f in report.facts] + [""]
    out += ['<a id="conclusions"></a>', "", f"## {t['conclusions']}", ""]
    out += _paragraphs(report.narrative, lang)
    out += ['<a id="pillars"></a>', "", f"## {t['chart_section']}", ""]
    out.append(f"| {t['pillar']} | " + " | ".join(STATUS[lang][s] for s in CHART_STATUSES) + f" | {t['corpus_status']} |")
    out.append("|---" + "|--:" * len(CHART_STATUSES) + "|---|")
    for r in report.table:
        a, b = r["support"]
        sup = f" ({a}/{b})" if b else ""
        out.append(f"| {pillar_name(r['pillar'])} | " + " | ".join(str(r["counts"].get(s, 0)) for s in CHART_STATUSES)
                   + f" | **{STATUS[lang][r['status']]}**{sup} |")
    out += ["", esc(report.rule), ""]
    if report.comparison is not None:
        out += ['<a id="comparison"></a>', "", f"## {esc(t['comparison'].format(baseline=report.baseline))}", ""]
        out += _paragraphs(report.comparison_narrative, lang)
        rels = ("agrees", "adds", "contradicts")
        out.append(f"| {t['pillar']} | {esc(report.baseline or '')} | "
                   + " | ".join(RELATION[lang][r].split(" (")[0] for r in rels) + f" | {STATUS[lang]['mentioned']} |")
        out.append("|---|---" + "|--:" * (len(rels) + 1) + "|")
        for pc in report.comparison.pillars:
            a, n = pc.baseline_support
            out.append(f"| {pillar_name(pc.pillar)} | {STATUS[lang][pc.baseline_status]}{f' ({a}/{n})' if n else ''} | "
                       + " | ".join(str(pc.count(r)) for r in rels) + f" | {pc.only_named} |")
        out.append("")
        for blk in report.comparison_blocks:
            out += [f'<a id="cmp-{blk.pillar}"></a>', "", f"### {pillar_name(blk.pillar)}", ""]
            out += [f"**{esc(t['baseline_says'].format(baseline=report.baseline, status=STATUS[lang][blk.baseline_status]))}**", ""]
            for e in blk.baseline_evidence:
                out += _evidence(e, lang)
            for g in blk.groups:
                out += _group(g, lang)
        if report.programme_group is not None:
            out += _group(report.programme_group, lang, level="###")
    out += ['<a id="programmes"></a>', "", f"## {t['programmes']}", ""]
    for tl in report.timelines:
        # (the HTML draws circles; here the table's cells hold the counts)
        said = tl.caption.split(": ", 1)[-1]
        out += [f"**{esc(tl.title)}.** {esc(t['cells'])}: {esc(said)}", ""]
        out.append(f"| {t['name']} | " + " | ".join(tl.cols) + " |")
        out.append("|---" + "|--:" * len(tl.cols) + "|")
        for i, name in enumerate(tl.rows):
            out.append(f"| {esc(name)} | " + " | ".join(str(tl.values.get((i, j), "")) for j in range(len(tl.cols))) + " |")
        out.append("")
    out += [esc(n) for n in report.timeline_notes]
    if report.timeline_notes:
        out.append("")
    if report.programmes:
        out += [f"| {t['name']} | {t['kind']} | {t['pillar']} | {t['documents']} | {t['mentions']} |",
                "|---|---|---|--:|--:|"]
        out += [f"| {esc(p['name'])} | {t.get(p['kind'], p['kind'])} | {pillar_name(p['pillar']) if p['pillar'] else '–'} | "
                f"{p['documents']} | {p['mentions']} |" for p in report.programmes]
        out.append("")
    out += ['<a id="evidence"></a>', "", f"## {t['evidence']}", "",
            "**tebal**: istilah pilar atau nama program; *miring*: kata yang menentukan status." if lang == "id"
            else "**bold**: the pillar term or programme name; *italics*: the words that set the status.", ""]
    order = {p: i for i, p in enumerate(PILLARS)}
    for pillar, groups in sorted(report.evidence, key=lambda x: order[x[0]]):
        out += [f"### {pillar_name(pillar)}", ""]
        for g in groups:
            out += _group(g, lang)
    if report.recommendations is not None:
        out += _group(report.recommendations, lang, level="###")
    out += ['<a id="about"></a>', "", f"## {t['about']}", ""]
    for a in (a for a in report.about if a != t["legend_marks"]):  # colours only the HTML shows
        out += [str(a), ""]
    return "\n".join(out).rstrip() + "\n"
