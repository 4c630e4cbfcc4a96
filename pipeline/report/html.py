"""The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.

A Content-Security-Policy of ``default-src 'none'`` (styles inline only) tells the browser to
load nothing at all; the only addresses in the file are the links to the documents'
sources, which a reader follows by clicking. Print styles drop the table of contents, keep
evidence blocks whole and write each source address after its link.
"""

from __future__ import annotations

from html import escape

from pipeline.report.build import EvidenceGroup, PillarBlock, Report
from pipeline.report.evidence import Evidence
from pipeline.report.narrative import Inline, Paragraph
from pipeline.report.text import RELATION, STATUS, L, date_label, pillar_name, ref_label
from pipeline.schema import PILLARS

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--rule:#d9d9d9;--term:#ffe27a;--cue:#cfe3ff;--bg:#fff;--soft:#f6f6f4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","Liberation Sans",Arial,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .4rem}
h2{font-size:1.3rem;margin:2.6rem 0 .8rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:1.6rem 0 .4rem}
h4{font-size:.95rem;margin:1.1rem 0 .3rem;color:#333}
p{margin:.45rem 0}
.lead{color:var(--muted);margin:.2rem 0 .8rem}
ul.facts{margin:.6rem 0;padding-left:1.2rem;color:#333}
nav.toc{background:var(--soft);padding:.6rem 1rem;border-radius:6px;margin:1.2rem 0;font-size:.95rem}
nav.toc ol{margin:.2rem 0;padding-left:1.3rem;columns:2}
a{color:#0b4f9c}
a.ref{font-size:.72em;vertical-align:super;line-height:0;text-decoration:none;white-space:nowrap;margin-left:.1em}
a.ref::before{content:"["}a.ref::after{content:"]"}
em.pillar{font-style:italic}
q{quotes:"«" "»"}
.narrative h3{margin-top:1.2rem}
figure{margin:1.2rem 0}
figure svg{display:block;max-width:100%;height:auto}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.3rem}
.tablewrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.6rem 0}
th,td{padding:.3rem .45rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{font-weight:600}
thead th{border-bottom:1.5px solid #999;vertical-align:bottom}
tbody th{white-space:nowrap}
table.status{font-size:.82rem}
table.status th,table.status td{padding:.3rem .32rem}
table.status td.cs strong{white-space:nowrap}
@media (min-width:62rem){.tablewrap.wide{margin:0 -3.5rem}}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#aaa}
caption{caption-side:bottom;text-align:left;font-size:.82rem;color:var(--muted);padding-top:.3rem}
.rule{font-size:.9rem;color:#333;background:var(--soft);padding:.5rem .8rem;border-radius:6px}
.ev{margin:.55rem 0 .8rem;padding:.35rem .8rem;border-left:3px solid var(--rule);break-inside:avoid}
.ev p.kwic{margin:0}
.ev .src{font-size:.82rem;color:var(--muted);margin-top:.2rem}
mark{padding:0 .12em;border-radius:2px;color:inherit}
mark.term{background:var(--term);font-weight:600}
mark.cue{background:var(--cue);box-shadow:inset 0 -2px #6b9bd6}
.badge{display:inline-block;font-size:.75rem;padding:0 .4em;border-radius:3px;border:1px solid #999;
color:#222;background:#fff;white-space:nowrap}
.st-implemented{border-color:#1b7837;color:#1b7837}.st-planned{border-color:#2c7bb6;color:#2c7bb6}
.st-not_addressed{border-color:#d7301f;color:#b22a1b}.st-recommended{border-color:#5e9fc0;color:#2f6f8f}
.more{font-size:.82rem;color:var(--muted)}
.more code,.about code{font-size:.8rem;background:var(--soft);padding:0 .25em;border-radius:3px}
.counts{font-size:.9rem}
.block{margin-bottom:1.4rem}
.base{background:var(--soft);padding:.4rem .8rem;border-radius:6px}
footer.about{margin-top:3rem;font-size:.88rem;color:#333}
@media (max-width:40rem){main{padding:1rem .8rem 3rem}nav.toc ol{columns:1}h1{font-size:1.45rem}}
@media print{
 @page{size:A4;margin:16mm 14mm}
 body{font-size:10.5pt;line-height:1.45}
 main{max-width:none;padding:0}
 nav.toc{display:none}
 h2{break-after:avoid;margin-top:1.6rem}h3,h4{break-after:avoid}
 figure,.ev,tr,.base{break-inside:avoid}
 a{color:inherit;text-decoration:none}
 a.src-link[href^="http"]::after{content:" <" attr(href) ">";font-size:.78em;color:#555;word-break:break-all}
 a.ref{color:#0b4f9c}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""



def _inline(pieces: list[Inline], lang: str) -> str:
    refs = [p[1] for p in pieces if p[0] == "ref"]
    out: list[str] = []
    for kind, value, *rest in pieces:
        if kind == "t":
            out.append(escape(value))
        elif kind == "a":
            out.append(f'<a href="#{escape(value)}">{escape(rest[0])}</a>')
        elif kind in ("p", "P"):
            name = pillar_name(value)
            out.append(f'<em class="pillar">{escape(name[:1].upper() + name[1:] if kind == "P" else name)}</em>')
        elif kind == "q":
            out.append(f"<q>{escape(value)}</q>")
        elif kind == "ref":
            label = ref_label(value, len(refs), lang)
            out.append(f'<a class="ref" href="#{escape(value)}">{escape(label)}</a>')
    return "".join(out)


def _paragraphs(paras: list[Paragraph], lang: str, level: int = 3) -> str:
    out = []
    for p in paras:
        if p.heading:
            out.append(f"<h{level}>{escape(p.heading)}</h{level}>")
        if p.sentences:
            out.append("<p>" + " ".join(_inline(s, lang) for s in p.sentences) + "</p>")
        if p.items:
            out.append("<ul>" + "".join(f"<li>{_inline(s, lang)}</li>" for s in p.items) + "</ul>")
    return "\n".join(out)


def _evidence(ev: Evidence, lang: str) -> str:
    t = L[lang]
    body = "".join(escape(text) if mark is None else f'<mark class="{mark}">{escape(text)}</mark>'
                   for text, mark in ev.pieces)
    src: list[str] = []
    if ev.status:
        src.append(f'<span class="badge st-{escape(ev.status)}">{escape(STATUS[lang].get(ev.status, ev.status))}</span>')
    title = escape(ev.title)
    src.append(f'<a class="src-link" href="{escape(ev.link)}">{title}</a>' if ev.link else title)
    if ev.date:
        src.append(escape(date_label(ev.date, lang)))
    where = f"{t['sentence']} {ev.sentence + 1}"
    src.append(escape(f"{ev.section}, {where}" if ev.section else where))
    if ev.cue:
        src.append(f"{escape(t['cue'])} <q>{escape(ev.cue)}</q>")
    elif ev.method == "model":
        src.append(escape(t["model_status"]))
    return (f'<blockquote class="ev"><p class="kwic">{body}</p>'
            f'<p class="src">{" · ".join(src)}</p></blockquote>')


def _group(g: EvidenceGroup, lang: str, level: int = 4) -> str:
    out = [f'<h{level} id="{escape(g.anchor)}">{escape(g.heading)}</h{level}>']
    out += [_evidence(e, lang) for e in g.items]
    if g.more:
        out.append(f'<p class="more">{_code(g.more)}</p>')
    return "\n".join(out)


def _code(text: str) -> str:
    """Escape, then set `backquoted` parts as code."""
    parts = escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def _table(report: Report) -> str:
    t = L[report.lang]
    cols = ["implemented", "partial", "planned", "recommended", "not_addressed", "mentioned", "not_mentioned"]
    head = "".join(f'<th class="n" scope="col">{escape(STATUS[report.lang][c]).replace("/", "/<wbr>")}</th>' for c in cols)
    rows = []
    for r in report.table:
        cells = []
        for c in cols:
            n = r["counts"].get(c, 0)
            cells.append(f'<td class="n{" zero" if not n else ""}">{n}</td>')
        a, b = r["support"]
        sup = f"<br>({a}/{b})" if b else ""
        rows.append(f'<tr><th scope="row">{escape(pillar_name(r["pillar"]))}</th>'
                    f'<td class="cs"><strong>{escape(STATUS[report.lang][r["status"]])}</strong>{sup}</td>{"".join(cells)}</tr>')
    return (f'<div class="tablewrap wide"><table class="status"><caption>{escape(t["table_caption"])}</caption>'
            f'<thead><tr><th scope="col">{escape(t["pillar"])}</th><th scope="col">{escape(t["corpus_status"])}</th>'
            f'{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _comparison(report: Report) -> str:
    lang = report.lang
    t = L[lang]
    out = [f'<section id="comparison"><h2>{escape(t["comparison"].format(baseline=report.baseline))}</h2>',
           '<div class="narrative">', _paragraphs(report.comparison_narrative, lang), "</div>"]
    head = "".join(f'<th class="n" scope="col">{escape(RELATION[lang][r].split(" (")[0])}</th>'
                   for r in ("agrees", "adds", "contradicts"))
    named = STATUS[lang]["mentioned"]
    rows = []
    shown = {b.pillar for b in report.comparison_blocks}
    assert report.comparison is not None
    for pc in report.comparison.pillars:
        a, n = pc.baseline_support
        name = escape(pillar_name(pc.pillar))
        rows.append(f'<tr><th scope="row">{f"<a href=#cmp-{pc.pillar}>{name}</a>" if pc.pillar in shown else name}</th>'
                    f'<td>{escape(STATUS[lang][pc.baseline_status])}{f" ({a}/{n})" if n else ""}</td>'
                    + "".join(f'<td class="n{" zero" if not pc.count(r) else ""}">{pc.count(r)}</td>'
                              for r in ("agrees", "adds", "contradicts"))
                    + f'<td class="n">{pc.only_named}</td></tr>')
    out.append(f'<div class="tablewrap"><table><thead><tr><th scope="col">{escape(t["pillar"])}</th>'
               f'<th scope="col">{escape(report.baseline or "")}</th>{head}<th class="n" scope="col">{escape(named)}</th>'
               f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    for b in report.comparison_blocks:
        out.append(_block(b, report))
    if report.programme_group is not None:
        out.append(_group(report.programme_group, lang, level=3))
    out.append("</section>")
    return "\n".join(out)


def _block(b: PillarBlock, report: Report) -> str:
    lang = report.lang
    t = L[lang]
    a, n = b.support
    out = [f'<div class="block"><h3 id="cmp-{b.pillar}">{escape(pillar_name(b.pillar))}</h3>']
    base = escape(t["baseline_says"].format(baseline=report.baseline, status=STATUS[lang][b.baseline_status]))
    out.append(f'<div class="base"><p><strong>{base}</strong>{f" ({a}/{n})" if n > 1 else ""}</p>'
               + "".join(_evidence(e, lang) for e in b.baseline_evidence) + "</div>")
    counts = " · ".join(f"{escape(RELATION[lang][r])}: {b.counts[r]}" for r in ("agrees", "adds", "contradicts", "beyond")
                        if b.counts[r] or r != "beyond")
    if b.only_named:
        counts += " · " + escape(f"{STATUS[lang]['mentioned']}: {b.only_named}")
    out.append(f'<p class="counts">{counts}</p>')
    out += [_group(g, lang) for g in b.groups]
    out.append("</div>")
    return "\n".join(out)


def _programmes(report: Report) -> str:
    lang = report.lang
    t = L[lang]
    out = [f'<section id="programmes"><h2>{escape(t["programmes"])}</h2>']
    for tl in report.timelines:
        out.append(f'<figure>{tl.svg}<figcaption><strong>{escape(tl.title)}.</strong> {escape(tl.caption)}</figcaption></figure>')
    out += [f"<p>{escape(n)}</p>" for n in report.timeline_notes]
    if report.programmes:
        rows = "".join(
            f'<tr><td>{escape(p["name"])}</td><td>{escape(t.get(p["kind"], p["kind"]))}</td>'
            f'<td>{escape(pillar_name(p["pillar"])) if p["pillar"] else "–"}</td>'
            f'<td class="n">{p["documents"]}</td><td class="n">{p["mentions"]}</td></tr>' for p in report.programmes)
        out.append(f'<div class="tablewrap"><table><thead><tr><th>{escape(t["name"])}</th><th>{escape(t["kind"])}</th>'
                   f'<th>{escape(t["pillar"])}</th><th class="n">{escape(t["documents"])}</th>'
                   f'<th class="n">{escape(t["mentions"])}</th></tr></thead><tbody>{rows}</tbody></table></div>')
    out.append("</section>")
    return "\n".join(out)


def render_html(report: Report) -> str:
    """The whole page."""
    lang = report.lang
    t = L[lang]
    toc = [("conclusions", t["conclusions"]), ("pillars", t["chart_section"])]
    if report.comparison is not None:
        toc.append(("comparison", t["comparison"].format(baseline=report.baseline)))
    toc += [("programmes", t["programmes"]), ("evidence", t["evidence"]), ("about", t["about"])]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{t["lang_attr"]}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{escape(report.title)}</h1>",
    ]
    if report.description:
        parts.append(f'<p class="lead">{escape(report.description)}</p>')
    parts.append('<ul class="facts">' + "".join(f"<li>{_code(f)}</li>" for f in report.facts) + "</ul>")
    parts.append(f'<nav class="toc" aria-label="{escape(t["toc"])}"><strong>{escape(t["toc"])}</strong><ol>'
                 + "".join(f'<li><a href="#{a}">{escape(label)}</a></li>' for a, label in toc) + "</ol></nav>")
    parts.append("</header>")
    parts.append(f'<section id="conclusions" class="narrative"><h2>{escape(t["conclusions"])}</h2>'
                 f'{_paragraphs(report.narrative, lang)}</section>')
    parts.append(f'<section id="pillars"><h2>{escape(t["chart_section"])}</h2>'
                 f'<figure>{report.chart_svg}<figcaption>{escape(report.chart_caption)}</figcaption></figure>'
                 f'{_table(report)}<p class="rule">{escape(report.rule)}</p></section>')
    if report.comparison is not None:
        parts.append(_comparison(report))
    parts.append(_programmes(report))
    ev = [f'<section id="evidence"><h2>{escape(t["evidence"])}</h2>', f'<p class="more">{escape(t["legend_marks"])}</p>']
    order = {p: i for i, p in enumerate(PILLARS)}
    for pillar, groups in sorted(report.evidence, key=lambda x: order[x[0]]):
        ev.append(f"<h3>{escape(pillar_name(pillar))}</h3>")
        ev += [_group(g, lang) for g in groups]
    if report.recommendations is not None:
        ev.append(_group(report.recommendations, lang, level=3))
    ev.append("</section>")
    parts += ev
    parts.append(f'<footer class="about" id="about"><h2>{escape(t["about"])}</h2>'
                 + "".join(f"<p>{_code(str(a))}</p>" for a in report.about) + "</footer>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
