"""The report's narrative, composed from the data in the thesis's order: what runs, what is
only a concept, what is untouched, what that suggests; then what a corpus adds to, or says
against, its baseline.

The output is renderer-neutral: paragraphs of sentences (and of list items, where each
sentence is about one pillar of a many-document corpus), each a list of inline pieces:
``("t", text)``, ``("p", pillar)``, ``("P", pillar)`` for one that opens a sentence,
``("q", quote)``, ``("ref", anchor)``, ``("a", anchor, text)`` (a count that links to its
evidence). Every claim about a pillar carries a ``ref`` to the
evidence group that backs it (:func:`evidence_anchor`), so the report can quote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.report.compare import CorpusComparison, PillarComparison
from pipeline.report.data import CorpusData
from pipeline.report.evidence import Evidence
from pipeline.report.text import PREDICATE, PREDICATE_PLURAL, STATUS, L, documents
from pipeline.schema import PILLARS

Inline = tuple[str, ...]

#: The thesis's order. ``partial`` (some done, the core not yet) reads as "only a concept" for
#: its core, as the thesis says of smart economy (its design exists, its implementation does not).
RUNS = ("implemented",)
CONCEPT = ("partial", "planned", "recommended")
UNTOUCHED = ("not_addressed",)
STATED = ("implemented", "partial", "planned", "recommended", "not_addressed")


@dataclass
class Paragraph:
    heading: str | None
    sentences: list[list[Inline]] = field(default_factory=list)
    #: one point per item, shown as a list after the sentences
    items: list[list[Inline]] = field(default_factory=list)


def evidence_anchor(pillar: str, status: str) -> str:
    return f"ev-{pillar}-{status}"


def comparison_anchor(pillar: str, relation: str) -> str:
    return f"cmp-{pillar}-{relation}"


RECOMMEND_ANCHOR = "ev-recommendations"

#: "Some documents call these pillars ___".
SOME = {
    "id": {"implemented": "sudah berjalan", "partial": "baru berjalan sebagian",
           "planned": "masih berupa konsep atau rencana",
           "recommended": "baru disarankan", "not_addressed": "belum disentuh"},
    "en": {"implemented": "under way", "partial": "partly under way", "planned": "only a concept or a plan",
           "recommended": "only recommended", "not_addressed": "not addressed yet"},
}
#: "No pillar is said to be ___" (keyed by the first status of a paragraph).
NONE_OF = {
    "id": {"implemented": "sudah berjalan", "partial": "masih sebatas konsep, rencana, atau saran",
           "not_addressed": "belum disentuh"},
    "en": {"implemented": "under way", "partial": "only a concept, a plan or a recommendation",
           "not_addressed": "untouched"},
}
PROGRAMMES_ANCHOR = "cmp-programmes"


def _pillars(ps: list[str], lang: str, *, opening: bool = False) -> list[Inline]:
    """Pillar pieces joined with commas and "dan"/"and"."""
    out: list[Inline] = []
    word = " dan " if lang == "id" else " and "
    for i, p in enumerate(ps):
        if i:
            out.append(("t", word if i == len(ps) - 1 else ", "))
        out.append(("P" if opening and i == 0 else "p", p))
    return out


def _between(i: int, n: int, lang: str, *, last_id: str) -> str:
    """What goes before the i-th of n groups (each may hold its own "a, b dan c" list)."""
    if i < n - 1:
        return "; "
    if lang == "id":
        return last_id if n > 2 or last_id != " serta " else " serta "
    return ", and " if n == 2 else "; and "


def _docs(n: int, lang: str) -> str:
    return documents(n, lang)


def _dist(counts: dict[str, int], lang: str, *, skip: str | None = None) -> str:
    parts = [f"{counts[s]} {STATUS[lang][s]}" for s in STATED if counts.get(s) and s != skip]
    return ", ".join(parts)


def _counts(data: CorpusData, pillar: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in data.documents:
        s = data.status(d, pillar)
        out[s] = out.get(s, 0) + 1
    return out


def corpus_narrative(data: CorpusData, lang: str, *, recommendations: list[Evidence],
                     recommendation_docs: int, recommendation_total: int) -> list[Paragraph]:
    """The corpus's conclusions, in the thesis's order."""
    t = L[lang]
    assert data.summary is not None
    if data.relevant == 0:
        msg = ("Tidak ada dokumen yang relevan dengan kebijakan kota cerdas dalam korpus ini; tidak ada kesimpulan "
               "yang dapat ditarik." if lang == "id" else
               "No document in this corpus is relevant to smart-city policy; there is nothing to conclude.")
        return [Paragraph(None, [[("t", msg)]])]
    status = data.summary.corpus_status
    support = data.summary.corpus_support
    single = data.relevant == 1
    by_status = {s: [p for p in PILLARS if status[p] == s] for s in (*STATED, "mentioned", "not_mentioned")}

    def group_sentences(statuses: tuple[str, ...]) -> list[list[Inline]]:
        out: list[list[Inline]] = []
        for s in statuses:
            ps = by_status[s]
            if not ps:
                continue
            if single:  # one document: one sentence per status, with the words that set it
                pred = (PREDICATE_PLURAL if len(ps) > 1 else PREDICATE)[lang][s]
                sent: list[Inline] = [*_pillars(ps, lang, opening=True), ("t", f" {pred}")]
                cues = _cues(data, ps, s)
                if cues:
                    sent.append(("t", " ("))
                    for i, c in enumerate(cues):
                        if i:
                            sent.append(("t", "; "))
                        sent.append(("q", c))
                    sent.append(("t", ")"))
                sent += [("ref", evidence_anchor(p, s)) for p in ps]
                sent.append(("t", "."))
                out.append(sent)
                continue
            for p in ps:
                a, b = support.get(p, (0, 0))
                counts = _counts(data, p)
                if lang == "id":
                    sent = [("P", p), ("t", f" {PREDICATE['id'][s]}, menurut {a} dari {b} dokumen yang menyatakan "
                                            "status pilar ini")]
                    if 2 * a == b:
                        sent.append(("t", " (seimbang dengan status lain, bukan mayoritas)"))
                    elif 2 * a < b:
                        sent.append(("t", " (kelompok terbesar, tetapi bukan mayoritas)"))
                    sent.append(("ref", evidence_anchor(p, s)))
                    rest = _dist(counts, lang, skip=s)
                    if rest:
                        sent.append(("t", f"; dokumen lainnya: {rest}"))
                else:
                    sent = [("P", p), ("t", f" {PREDICATE['en'][s]} according to {a} of the {b} documents that "
                                            "state a status for it")]
                    if 2 * a <= b:
                        sent.append(("t", " (the largest group, not a majority)"))
                    sent.append(("ref", evidence_anchor(p, s)))
                    rest = _dist(counts, lang, skip=s)
                    if rest:
                        sent.append(("t", f"; the others: {rest}"))
                sent.append(("t", "."))
                out.append(sent)
        return out

    def minority(statuses: tuple[str, ...]) -> list[list[Inline]]:
        """Multi-document corpora: pillars whose corpus status is elsewhere but some documents say this."""
        if single:
            return []
        out: list[list[Inline]] = []
        for s in statuses:
            ps = [p for p in PILLARS if status[p] != s and _counts(data, p).get(s)]
            if not ps:
                continue
            lead = (f"Ada pula dokumen yang menyebut pilar berikut {SOME[lang][s]}: " if lang == "id"
                    else f"Some documents call these pillars {SOME[lang][s]}: ")
            sent: list[Inline] = [("t", lead)]
            for i, p in enumerate(ps):
                if i:
                    sent.append(("t", (" dan " if lang == "id" else " and ") if i == len(ps) - 1 else ", "))
                n = _counts(data, p)[s]
                sent += [("p", p), ("t", " ("), ("a", evidence_anchor(p, s), _docs(n, lang)), ("t", ")")]
            sent.append(("t", "."))
            out.append(sent)
        return out

    def none_of(statuses: tuple[str, ...]) -> list[Inline]:
        label = NONE_OF[lang][statuses[0]]
        if single:
            msg = (f"Tidak ada pilar yang dinyatakan {label}." if lang == "id"
                   else f"No pillar is said to be {label}.")
        else:
            msg = (f"Tidak ada pilar yang oleh kebanyakan dokumennya dinyatakan {label}." if lang == "id"
                   else f"For no pillar do most of its documents say it is {label}.")
        return [("t", msg)]

    def paragraph(heading: str, statuses: tuple[str, ...]) -> Paragraph:
        said = group_sentences(statuses)
        if single:
            return Paragraph(heading, said or [none_of(statuses)])
        return Paragraph(heading, [] if said else [none_of(statuses)], said + minority(statuses))

    paras: list[Paragraph] = [paragraph(t["runs"], RUNS), paragraph(t["concept"], CONCEPT)]
    untouched_p = paragraph(t["untouched"], UNTOUCHED)
    untouched = untouched_p.sentences if single else untouched_p.items
    for s in ("mentioned", "not_mentioned"):
        ps = by_status[s]
        if ps:
            pred = (PREDICATE_PLURAL if len(ps) > 1 else PREDICATE)[lang][s]
            sent = [*_pillars(ps, lang, opening=True), ("t", f" {pred}")]
            if s == "mentioned":
                sent += [("ref", evidence_anchor(p, s)) for p in ps]
            untouched.append([*sent, ("t", ".")])
    paras.append(untouched_p)
    paras.append(Paragraph(t["suggests"], _suggests(data, lang, by_status, single, recommendations,
                                                      recommendation_docs, recommendation_total)))
    return paras


def _cues(data: CorpusData, pillars: list[str], status: str) -> list[str]:
    """The distinct cues that set ``status`` for ``pillars`` in a one-document corpus."""
    from pipeline.report.evidence import telling_mentions

    out: list[str] = []
    for p in pillars:
        for d in data.documents:
            ms = telling_mentions(data, d, p, status)
            cue = next((m["cue"] for m in ms if m.get("cue")), None)
            if cue and cue not in out:
                out.append(cue)
    return out


def _suggests(data: CorpusData, lang: str, by_status: dict[str, list[str]], single: bool,
              recommendations: list[Evidence], rec_docs: int, rec_total: int) -> list[list[Inline]]:
    assert data.summary is not None
    summary = data.summary
    runs = by_status["implemented"]
    partial, planned, recommended = by_status["partial"], by_status["planned"], by_status["recommended"]
    untouched = by_status["not_addressed"]
    absent = by_status["not_mentioned"]
    here = ("dokumen ini" if single else "korpus ini") if lang == "id" else ("this document" if single else "this corpus")
    out: list[list[Inline]] = []
    behind = partial + planned + recommended + untouched + absent
    if runs and behind:
        if lang == "id":
            sent: list[Inline] = [("t", f"Pengembangan kota cerdas dalam {here} belum merata: "), *_pillars(runs, lang),
                                  ("t", " sudah berjalan, sedangkan ")]
        else:
            sent = [("t", f"Smart-city development in {here} is uneven: "), *_pillars(runs, lang),
                    ("t", (" is" if len(runs) == 1 else " are") + " under way, while ")]
        rest: list[list[Inline]] = []
        for ps, s in ((partial, "partial"), (planned, "planned"), (recommended, "recommended"),
                      (untouched, "not_addressed"), (absent, "not_mentioned")):
            if ps:
                pred = (PREDICATE_PLURAL if len(ps) > 1 else PREDICATE)[lang][s].split(":")[0]
                rest.append([*_pillars(ps, lang), ("t", f" {pred}")])
        for i, r in enumerate(rest):
            if i:
                sent.append(("t", _between(i, len(rest), lang, last_id="; ")))
            sent += r
        sent.append(("t", "."))
        out.append(sent)
    elif runs:
        if single:
            msg = (f"Semua pilar yang dibahas {here} dilaporkan sudah berjalan." if lang == "id"
                   else f"Every pillar {here} discusses is reported under way.")
        else:
            msg = ("Untuk setiap pilar yang dibahas, kelompok dokumen terbesar melaporkannya sudah berjalan."
                   if lang == "id" else "For every pillar discussed, the largest group of documents reports it under way.")
        out.append([("t", msg)])
        support = summary.corpus_support
        weak = [p for p in runs if not single and 2 * support.get(p, (0, 1))[0] <= support.get(p, (0, 1))[1]]
        if weak:
            lead = ("Namun dukungan itu tipis untuk " if lang == "id" else "But the support is thin for ")
            tail = (": tidak lebih dari separuh dokumennya sepakat." if lang == "id"
                    else f": no more than half of {'its' if len(weak) == 1 else 'their'} documents agree.")
            out.append([("t", lead), *_pillars(weak, lang), ("t", tail)])
    elif behind:
        msg = (f"Belum ada pilar yang dilaporkan sudah berjalan dalam {here}." if lang == "id"
               else f"No pillar is reported under way in {here}.")
        out.append([("t", msg)])
    if not single:
        doubt = [p for p in PILLARS if any(_counts(data, p).get(s) for s in ("planned", "recommended", "not_addressed"))
                 and summary.corpus_status[p] == "implemented"]
        if doubt:
            if lang == "id":
                sent = [("t", "Meski begitu, ada dokumen yang menyebut "), *_pillars(doubt, lang),
                        ("t", " baru rencana, baru disarankan, atau belum disentuh; sebarannya ada di bagan "
                              "dan tabel di bawah.")]
            else:
                sent = [("t", "Even so, some documents call "), *_pillars(doubt, lang),
                        ("t", " only planned, only recommended or not addressed; the chart and table below "
                              "show how many.")]
            out.append(sent)
    steps: list[list[Inline]] = []
    if partial:
        steps.append([("t", "menuntaskan pelaksanaan " if lang == "id" else "completing the core of "),
                      *_pillars(partial, lang)])
    if planned:
        steps.append([("t", "mewujudkan konsep dan rencana pada " if lang == "id" else "turning the concepts and plans into practice for "),
                      *_pillars(planned, lang)])
    if recommended:
        steps.append([("t", "menindaklanjuti saran pada " if lang == "id" else "acting on the recommendations for "),
                      *_pillars(recommended, lang)])
    if untouched:
        # only what the text says is untouched: a pillar it never names is no step it implies
        # (a bus article and a landfill article imply nothing about smart economy)
        steps.append([("t", "mulai menggarap " if lang == "id" else "taking up "), *_pillars(untouched, lang)])
    if steps:
        sent = [("t", "Langkah berikutnya yang tersirat: " if lang == "id" else "The next steps this implies: ")]
        for i, st in enumerate(steps):
            if i:
                sent.append(("t", _between(i, len(steps), lang, last_id=" serta ")))
            sent += st
        sent.append(("t", "."))
        out.append(sent)
    if recommendations:
        if lang == "id":
            lead = (f"Teks sendiri memuat {rec_total} kalimat berisi saran, misalnya " if single else
                    f"Teks-teks itu memuat {rec_total} kalimat berisi saran dalam {rec_docs} dokumen, misalnya ")
        else:
            s_ = "s" if rec_total != 1 else ""
            lead = (f"The text itself makes {rec_total} recommendation{s_}, such as " if single else
                    f"The texts make {rec_total} recommendation{s_} in {_docs(rec_docs, lang)}, such as ")
        sent = [("t", lead), ("q", _short(recommendations[0])), ("ref", RECOMMEND_ANCHOR), ("t", ".")]
        out.append(sent)
    return out


def _short(ev: Evidence, words: int = 9) -> str:
    """The cue with a few words around it, from a piece of evidence."""
    text = ev.text
    cues = [i for i, (_, m) in enumerate(ev.pieces) if m == "cue"]
    if not cues:
        return " ".join(text.split()[:2 * words]) + " …"
    before = "".join(t for t, _ in ev.pieces[:cues[0]]).split()
    middle = "".join(t for t, _ in ev.pieces[cues[0]:cues[-1] + 1]).split()
    after = "".join(t for t, _ in ev.pieces[cues[-1] + 1:]).split()
    head = ("… " if len(before) > 3 else "") + " ".join(before[-3:])
    tail = " ".join(after[:words]) + (" …" if len(after) > words else "")
    return " ".join(x for x in (head, " ".join(middle), tail) if x).strip()


def comparison_narrative(cmp: CorpusComparison, data: CorpusData, lang: str) -> list[Paragraph]:
    """What the corpus agrees with, adds to and contradicts in its baseline, and its new programmes."""
    t = L[lang]
    B, C = cmp.baseline, cmp.corpus
    if lang == "id":
        intro = (f"Korpus {C} ({cmp.relevant} dokumen relevan; {cmp.unrelated} dokumen yang tidak berkaitan tidak "
                 f"dihitung) dibandingkan dengan baseline {B} ({cmp.baseline_relevant} dokumen relevan). Per pilar, "
                 f"setiap dokumen yang menyatakan status dinilai sejalan dengan status {B}, menambahkan (lebih maju), "
                 "atau bertentangan (kurang maju); dokumen yang hanya menyebut pilar tanpa status tidak dihitung.")
    else:
        intro = (f"The corpus {C} ({cmp.relevant} relevant, {cmp.unrelated} unrelated and left out) "
                 f"against the baseline {B} ({cmp.baseline_relevant} relevant). Per pillar, each document "
                 f"that states a status agrees with {B}'s status, adds to it (further along) or contradicts it (less "
                 "far along); documents that only name the pillar, with no status, are not counted.")
    paras = [Paragraph(None, [[("t", intro)]])]
    base_label = {pc.pillar: STATUS[lang][pc.baseline_status] for pc in cmp.pillars}

    def stated(pc: PillarComparison) -> int:
        return sum(pc.count(r) for r in ("agrees", "adds", "contradicts"))

    for rel, head, word_id, word_en in (("adds", "adds_h", "lebih maju", "further along"),
                                        ("contradicts", "contradicts_h", "kurang maju", "less far along")):
        rows = sorted((pc for pc in cmp.pillars if pc.count(rel)), key=lambda pc: (-pc.count(rel), PILLARS.index(pc.pillar)))
        sents: list[list[Inline]] = []
        for pc in rows:
            dist: dict[str, int] = {}
            for d in pc.documents[rel]:
                dist[d.status] = dist.get(d.status, 0) + 1
            if lang == "id":
                sents.append([("P", pc.pillar), ("t", f": menurut {B} {base_label[pc.pillar]}; {pc.count(rel)} dari "
                                                     f"{stated(pc)} dokumen yang menyatakan status melaporkannya "
                                                     f"{word_id} ({_dist(dist, lang)})"),
                              ("ref", comparison_anchor(pc.pillar, rel)), ("t", ".")])
            else:
                sents.append([("P", pc.pillar), ("t", f": {B} has it as {base_label[pc.pillar]}; {pc.count(rel)} of the "
                                                     f"{stated(pc)} documents that state a status report it "
                                                     f"{word_en} ({_dist(dist, lang)})"),
                              ("ref", comparison_anchor(pc.pillar, rel)), ("t", ".")])
        if not sents:
            none = (f"Tidak ada dokumen yang melaporkan pilar mana pun {word_id} daripada {B}." if lang == "id"
                    else f"No document reports any pillar {word_en} than {B} does.")
            paras.append(Paragraph(t[head], [[("t", none)]]))
        else:
            paras.append(Paragraph(t[head], [], sents))
    agree = sorted((pc for pc in cmp.pillars if pc.count("agrees")), key=lambda pc: (-pc.count("agrees"), PILLARS.index(pc.pillar)))
    if agree:
        sent: list[Inline] = [("t", f"Sejalan dengan {B}: " if lang == "id" else f"In line with {B}: ")]
        for i, pc in enumerate(agree):
            if i:
                sent.append(("t", ", "))
            n = pc.count("agrees")
            sent += [("p", pc.pillar), ("t", f" ({base_label[pc.pillar]}: "),
                     ("a", comparison_anchor(pc.pillar, "agrees"), _docs(n, lang)), ("t", ")")]
        sent.append(("t", "."))
        paras.append(Paragraph(t["agrees_h"], [sent]))
    beyond = [pc for pc in cmp.pillars if pc.count("beyond")]
    if beyond:
        sent = [("t", (f"Baseline {B} tidak menyatakan status untuk " if lang == "id"
                       else f"The baseline {B} states no status for "))]
        sent += _pillars([pc.pillar for pc in beyond], lang)
        sent.append(("t", ("; dokumen yang menyatakannya: " if lang == "id" else "; documents that do: ")))
        for i, pc in enumerate(beyond):
            if i:
                sent.append(("t", ", "))
            sent += [("p", pc.pillar), ("t", " ("), ("a", comparison_anchor(pc.pillar, "beyond"),
                                                     _docs(pc.count("beyond"), lang)), ("t", ")")]
        sent.append(("t", "."))
        paras.append(Paragraph(t["beyond_h"], [sent]))
    # in short: where the corpus mostly stands against the baseline
    ahead = [pc.pillar for pc in cmp.pillars if pc.count("adds") > pc.count("agrees") + pc.count("contradicts")]
    behind = [pc.pillar for pc in cmp.pillars if pc.count("contradicts") > pc.count("agrees") + pc.count("adds")]
    same = [pc.pillar for pc in cmp.pillars if pc.count("agrees") > pc.count("adds") + pc.count("contradicts")]
    split = [pc.pillar for pc in cmp.pillars if stated(pc) and pc.pillar not in ahead + behind + same]
    bits: list[list[Inline]] = []
    for ps, id_w, en_w in ((ahead, f"lebih maju daripada {B}", f"further along than {B}"),
                           (behind, f"kurang maju daripada {B}", f"less far along than {B}"),
                           (same, f"sejalan dengan {B}", f"in line with {B}"),
                           (split, "dengan suara terbelah", "with split documents")):
        if ps:
            bits.append([*_pillars(ps, lang), ("t", f" {id_w if lang == 'id' else en_w}")])
    if bits:
        sent = [("t", f"Secara ringkas, kebanyakan dokumen {C} melaporkan " if lang == "id"
                 else f"In short, most documents of {C} report ")]
        for i, b in enumerate(bits):
            if i:
                sent.append(("t", _between(i, len(bits), lang, last_id="; ")))
            sent += b
        sent.append(("t", "."))
        paras.insert(1, Paragraph(None, [sent]))
    if cmp.new_programmes:
        top = cmp.new_programmes[:8]
        names = ", ".join(f"{p['name']} ({p['documents']})" for p in top)
        n = len(cmp.new_programmes)
        msg = (f"{n} program dan inisiatif disebut dalam {C} tetapi tidak dalam {B}; yang paling banyak disebut "
               f"(jumlah dokumen): {names}" if lang == "id" else
               f"{n} programmes and initiatives are named in {C} but not in {B}; the most named (documents): {names}")
        paras.append(Paragraph(t["new_programmes_h"], [[("t", msg), ("ref", PROGRAMMES_ANCHOR), ("t", ".")]]))
    return paras
