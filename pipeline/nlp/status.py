"""The status a text gives each pillar mention: implemented, planned, not_addressed,
recommended, or ``None`` for a plain mention.

The vocabulary is in ``models/lexicon/status.yaml``; the logic, all of it, is here:

1. **Cues** are found on whole tokens; look-alikes are removed ("mulai dari", "berjalan
   kaki", "tidak hanya"); "sudah … fokus" is a focus, not a completion. A negator before an
   action ("belum terlaksana", "tidak berjalan") and cues side by side ("akan membangun",
   "perlu segera dibangun") fuse into one cue whose kind is the governing one
   (not_addressed > recommended > planned > implemented).
2. **Scope** (as in NegEx/ConText): a cue governs its clause; clauses end at contrast and
   cause words ("namun", "sedangkan", "karena", "hanya saja", …) and semicolons. A mention
   takes the nearest cue of its clause, preferring one before it.
3. **Constructions**: a purpose or result clause ("bertujuan guna …", "agar …", "dengan
   begitu …") states an aim, so its mentions stay plain; a recommendation cue before a
   mention governs it; "konsep … sudah ada" is planned, and becomes implemented only if
   the sentence says its implementation happened ("…implementasinya belum terlaksana" keeps
   it planned); "belum" after a plan noun ("rencana … belum terealisasi") is planned.
4. **Neighbours**: after an exclusive focus ("hanya berfokus kepada A dan B"), pillars named
   in the following contrast ("sedangkan … terdapat juga pilar C") are not_addressed; a
   sentence without cues that points back ("Fasilitas tersebut …") takes the status of the
   sentence before it in the same paragraph.
5. **Sections**: in a recommendations section ("Saran"), a plain or planned mention in a
   sentence with a recommendation cue is recommended.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

import pipeline.nlp.extensions  # noqa: F401
from pipeline.config import models_dir as default_models_dir
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.nlp.govern import Governor, load_parser
from pipeline.nlp.tokens import Tokens, sentence_bounds, tokens

STATUS_KINDS = ("implemented", "planned", "not_addressed", "recommended")
# two predicates, two cues (with the contrastive ones, informal "tp" included)
_CONJUNCTIONS = {"dan", "serta", "atau", "lalu", "kemudian", "tetapi", "tapi", "tp", "tpi", "namun", "but", "and"}
_PRECEDENCE = {"not_addressed": 3, "recommended": 2, "planned": 1, "implemented": 0}
_CATEGORIES = (
    "not_cues", "negators", "purpose", "focus", "exclusive_focus", "contrast", "plan_nouns",
    "existence", "implementation_nouns", "clause_breaks", "anaphora", "mitigation",
    "aspect_markers", "definition", "capability", "possibility", "non_events", "imperatives", "topic",
    "denial", "condition", "perfect", "mere", "examples", "no_comment",
)


#: irregular English past participles after "has/have" (an auxiliary, not possession)
_PARTICIPLES = frozenset({"been", "led", "made", "said", "become", "seen", "taken", "given", "shown", "grown",
                          "begun", "done", "gone", "known", "found", "built", "brought", "left", "put", "set"})
#: words that make a named programme the means of a clause ("melalui aplikasi JAKI")
_INSTRUMENTS = frozenset({"dengan", "melalui", "lewat", "via", "through", "using", "menggunakan", "memakai",
                          "on", "use", "uses"})
#: a programme noun between the instrument word and the name ("dengan inovasi Pionirs")
_PROGRAMME_NOUNS = frozenset({"program", "aplikasi", "inovasi", "layanan", "fitur", "platform", "sistem",
                              "situs", "portal", "kanal", "app", "application", "the", "feature"})


@dataclass
class Cue:
    kind: str
    start: int
    end: int
    text: str
    plan_noun_only: bool = False


#: quotes and brackets that may close a sentence after its final mark
_OPEN_OR_CLOSE_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_CLOSERS = frozenset({'"', "”", "'", "’", ")", "]"})


@dataclass
class _Sentence:
    span: Span
    index: int
    paragraph: int
    section: str | None
    groups: list[Cue]
    clause_starts: list[int]
    marks: dict[str, list[tuple[int, int]]]
    question: bool = False  # the sentence asks ("…?"): it reports nothing

    def clause_of(self, i: int) -> int:
        c = 0
        for j, s in enumerate(self.clause_starts):
            if i >= s:
                c = j
        return c

    def clause_tokens(self, c: int) -> tuple[int, int]:
        start = self.clause_starts[c]
        end = self.clause_starts[c + 1] if c + 1 < len(self.clause_starts) else self.span.end
        return start, end

    def marks_in(self, cat: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e in self.marks.get(cat, []) if lo <= s < hi]


#: English participles after "has/have" that report a deed ("has placed", "have been built"):
#: a list, not every "-ed" ("have raised concerns", "has been plagued", "has crashed" are no deeds)
_EN_DEEDS = frozenset({
    "achieved", "adopted", "built", "begun", "completed", "connected", "constructed", "converted", "cut",
    "delivered", "deployed", "developed", "digitised", "digitized", "distributed", "done", "equipped",
    "established", "expanded", "extended", "finished", "grown", "held", "implemented", "improved",
    "increased", "installed", "integrated", "introduced", "launched", "opened", "operated", "paid",
    "piloted", "placed", "planted", "provided", "reached", "rebuilt", "recognised", "recognized",
    "reduced", "rehabilitated", "relaunched", "relocated", "renovated", "repaired", "replaced",
    "restored", "rolled", "run", "served", "started", "trained", "transformed", "turned",
    "upgraded", "approved", "doubled", "tripled", "widened", "enacted", "issued", "created", "registered",
    "recorded", "helped", "assisted",
    "supported", "succeeded", "managed", "cleaned", "collected", "processed", "recycled", "greened",
    "painted", "paved", "resurfaced", "electrified", "digitalised", "digitalized",
})
#: participles of a failure or a harm ("has stalled", "has crashed", "has been plagued")
_EN_STALLED = frozenset({"stalled", "lagged", "struggled", "faltered", "halted", "stopped", "postponed", "delayed",
                         "crashed", "failed", "plagued", "collapsed"})

#: modal verbs of urging; with passive urging verbs ("diminta", "didesak") they urge even after
#: a purpose or result word ("…, sehingga pemda diminta memperkuat …"); "untuk mendorong …" is an aim
_URGING_MODALS = frozenset({"harus", "perlu", "wajib", "mesti", "hendaknya", "sebaiknya", "seharusnya", "should", "must"})


#: nouns of a framework ("dimensi smart living"): they name, but do not define, what follows
_FRAMEWORK_NOUNS = frozenset({"dimensi", "kriteria", "indikator", "elemen", "komponen", "dimension", "dimensions",
                              "indicator", "indicators", "pillar", "pillars"})
#: active verbs of asking someone to act: their "agar" opens what is asked ("mendesak Dinas
#: … agar segera …")
_ASKING = frozenset({"mendesak", "meminta", "mendorong", "mengimbau", "menyarankan", "mengajak", "menuntut",
                     "menginstruksikan", "memerintahkan", "menganjurkan", "merekomendasikan", "minta", "desak"})



def _span_of_time(t: Tokens, i: int, end: int) -> bool:
    """Tokens from ``i`` (before ``end``, the sentence's end) name a span of time: "setahun",
    "lama", "tiga bulan", "3 thn", "bertahun-tahun" (split by the tokenizer: bertahun - tahun)."""
    if i >= end:
        return False
    nxt = t.lower[i]
    if nxt in _DURATIONS:
        return True
    after = t.lower[i + 1] if i + 1 < end else ""
    if after == "-" and i + 2 < end and nxt.startswith("ber") and nxt[3:] == t.lower[i + 2]:
        return nxt[3:] in _TIME_UNITS  # "bertahun-tahun", "berbulan-bulan"
    return (nxt in _NUMBER_WORDS or _COUNT.match(nxt) is not None) and after in _TIME_UNITS


def _measures_a_state(t: Tokens, cue: Cue, end: int) -> bool:
    """A bare "sudah"/"telah" before a span of time ("sudah setahun", "sudah tiga bulan", "sudah lama")."""
    return cue.end - cue.start == 1 and t.lower[cue.start] in _BARE_PERFECTS and _span_of_time(t, cue.end, end)


def _target_result(t: Tokens, g: Cue) -> Cue:
    """A fused group that names a target and says whether it was met ("target awal telah
    tercapai", "target … belum tercapai") reports the result, not the plan."""
    if g.kind != "planned":
        return g
    words = t.lower[g.start : g.end]
    at = next((k for k, w in enumerate(words) if w in _TARGET_NOUNS), None)
    met = next((k for k, w in enumerate(words) if w in _MET), None)
    if at is None or met is None or met < at:
        return g
    kind = _target_verdict(words[at:met])
    return g if kind is None else Cue(kind, g.start, g.end, g.text)


def _target_verdict(between: list[str]) -> str | None:
    """The words between a target and its "tercapai": still a plan (None: "akan tercapai",
    "diharapkan tercapai", "hampir tercapai"), missed ("belum/gagal tercapai") or met."""
    if any(w in _NOT_YET_MET for w in between):
        return None
    return "not_addressed" if any(w in _NOT_WORDS or w in _MISSED for w in between) else "implemented"


def _name_between(t: Tokens, prev: Cue, cue: Cue) -> bool:
    """A rejection and the act it rejects with an organisation's name between them: "menolak
    usulan Pemkot Pematangsiantar untuk membangun …" (hand-written set 62) is one cue, as
    "menolak usulan Pemkot untuk membangun …" already is. Only after a not-yet cue, and only
    over capitalised words and one "untuk"/"to"."""
    gap = range(prev.end, cue.start)
    if prev.kind != "not_addressed" or not 2 < len(gap) <= 4:
        return False
    linkers = [j for j in gap if t.lower[j] in ("untuk", "to")]
    names = [j for j in gap if t.text[j][:1].isupper() and t.alpha[j]]
    return len(linkers) <= 1 and len(names) + len(linkers) == len(gap) and len(names) >= 2


def _at_last(t: Tokens, i: int) -> bool:
    """Token ``i`` is "akhirnya"/"finally", or comes right after it."""
    return t.lower[i] in _AT_LAST or (i > 0 and t.lower[i - 1] in _AT_LAST)


def _states_a_burden(t: Tokens, cue: Cue, first: int) -> bool:
    """ "harus naik ojek", "mesti menunggu": a bare modal before a burden people bear (not a
    government's: "Pemkot harus membeli bus listrik" urges)."""
    if cue.end - cue.start != 1 or t.lower[cue.start] not in _BURDEN_MODALS or cue.end >= len(t.lower) \
            or t.lower[cue.end] not in _BURDENS:
        return False
    return not any(t.lower[j] in _GOVERNMENT_WORDS for j in range(first, cue.start))


def _hope_of_effect(t: Tokens, cue: Cue, hi: int) -> bool:
    """ "Dirinya berharap smart city dapat meningkatkan kualitas pelayanan": a bare hope, then
    (within its clause) a modal and an effect. Not a hope that a government acts ("berharap
    Kementerian LH bisa memberikan kesempatan …" urges)."""
    if cue.end - cue.start != 1 or t.lower[cue.start] not in _HOPES:
        return False
    for j in range(cue.end, min(hi - 1, cue.end + 12)):
        low = t.lower[j]
        if t.punct[j] or low in _GOVERNMENT_WORDS or low in _ADDRESSEES or low in _HOPE_STOPS:
            return False
        if low in _EFFECT_MODALS:
            # the modal's verb is the first of the clause and an effect ("… dapat mempermudah …"),
            # not an act urged ("… bisa menambah armada …")
            return t.lower[j + 1] in _EFFECTS
    return False


#: words between "diharapkan" and the verb of what is expected
_EXPECTED_FILLERS = frozenset({"dapat", "bisa", "segera", "mampu", "lebih", "terus", "juga"})
_ACTIVE_VERB = re.compile(r"(?:me|mem|men|meng|meny)[a-z]{3,}$")


def _government_expected(t: Tokens, a: int, b: int, first: int) -> bool:
    """ "diharapkan" with a government named at most four words before it in the sentence and an
    active verb after it: what that government is expected to do."""
    if b - a != 1 or t.lower[a] != "diharapkan":
        return False
    if not any(t.lower[j] in _GOVERNMENT_WORDS for j in range(max(first, a - 4), a)):
        return False
    k = b
    while k < len(t.lower) and k - b < 2 and t.lower[k] in _EXPECTED_FILLERS:
        k += 1
    return k < len(t.lower) and _ACTIVE_VERB.match(t.lower[k]) is not None


def _troubles_gone(t: Tokens, negators: list[int], hi: int) -> list[Cue]:
    """A trouble no more is a success (``implemented``): a negator, "pernah" at most, then
    "lagi" and a trouble ("tidak pernah lagi tergenang", "tak lagi dibatasi") or a trouble and
    "lagi" ("tak pernah banjir lagi"). ``negators``: the sentence's negator positions."""
    out = []
    for i in negators:
        if i + 2 >= hi or t.lower[i] not in _NEGATIONS:
            continue
        j = i + 2 if t.lower[i + 1] == "pernah" else i + 1
        if j + 1 < hi and ((t.lower[j] == "lagi" and t.lower[j + 1] in _TROUBLES)
                           or (t.lower[j] in _TROUBLES and t.lower[j + 1] == "lagi")):
            out.append(Cue("implemented", i, j + 2, t.span_text(i, j + 2)))
    return out


#: verbs of concluding after an opening connective ("Dengan demikian, dapat disimpulkan bahwa …")
_CONCLUDING = frozenset({"disimpulkan", "dikatakan", "terlihat", "tampak", "jelas", "kesimpulannya", "diketahui"})


def _concluding(t: Tokens, a: int, b: int, first: int) -> bool:
    """A purpose word opening the sentence (after an opening quote or a numbering at most),
    then, with or without a comma, a verb of concluding."""
    if not all(t.punct[j] or _COUNT.match(t.lower[j]) for j in range(first, a)) or a - first > 3:
        return False
    k = b + 1 if b < len(t.text) and t.text[b] == "," else b
    if k >= len(t.lower):
        return False
    nxt = t.lower[k]
    return nxt in _CONCLUDING or (nxt in ("dapat", "bisa") and k + 1 < len(t.lower) and t.lower[k + 1] in _CONCLUDING)


#: "not only … but also": the first half's markers
_NOT_ONLY = frozenset({("tidak", "hanya"), ("bukan", "hanya"), ("tak", "hanya"), ("bukan", "saja"), ("tidak", "saja"),
                       ("not", "only"), ("tidak", "sekadar"), ("tidak", "sekedar"), ("bukan", "sekadar"),
                       ("bukan", "sekedar"), ("tak", "sekadar"), ("not", "just"), ("not", "merely")})


def _not_only_scope(t: Tokens, s: _Sentence, c: int) -> Cue | None:
    """The plan or urging of "… tidak hanya A, tetapi juga B" for a mention in B's clause."""
    if c == 0:
        return None
    lo, hi = s.clause_tokens(c)
    k = lo
    while k < hi and t.text[k] in _COMMAS:
        k += 1
    if k + 1 >= hi or t.lower[k] not in ("tetapi", "tapi", "melainkan", "namun", "but") \
            or t.lower[k + 1] not in ("juga", "also", "pula"):
        return None
    plo, phi = s.clause_tokens(c - 1)
    marker = next((j for j in range(plo, phi - 1) if (t.lower[j], t.lower[j + 1]) in _NOT_ONLY), None)
    if marker is None:
        return None
    modal = [g for g in s.groups if plo <= g.start < marker and g.kind in ("planned", "recommended")
             and not g.plan_noun_only]
    return modal[-1] if modal else None


def _necessity_gone_by(t: Tokens, cue: Cue, first: int) -> bool:
    """ "Dulu warga harus ke Balai Kota …": a time gone by earlier in the clause of the urging."""
    j = cue.start - 1
    while j >= first:
        if t.punct[j]:
            # "Dulu, warga harus …": the time word opening the sentence before its comma
            return j - 1 == first and t.lower[first] in _BEFORE_NOW
        if t.lower[j] in _BEFORE_NOW:
            # not "Jalur sepeda yang sebelumnya dihapus harus dibangun kembali": a time of the
            # relative clause, the urging stands
            return j == first or t.lower[j - 1] not in ("yang", "yg")
        j -= 1
    return False


#: adverbs of time between a conjunction and the predicate of a clause without a subject
#: ("…, tapi kini berhenti", "…, and now serves")
_NOW_ADVERBS = frozenset({"kini", "sekarang", "skrg", "akhirnya", "lalu", "kemudian", "pun", "juga", "sudah", "now", "then",
                          "finally", "later", "sampai", "sampe", "hingga", "saat", "ini", "still", "so", "far"})


#: a verb before the mention in its clause makes it an object ("Perda ini mengatur pengelolaan
#: sampah …, namun tidak menyinggung …": the Perda is the subject of both)
_VERB_FORM = re.compile(r"(?:me|di|ber|ter)[a-z]{3,}$")
#: words of those shapes that are no verbs ("Program percontohan", "layanan digital", "dinas")
_NOT_VERBS = frozenset({"digital", "dinas", "direktur", "distrik", "dishub", "diskominfo", "disdukcapil", "disdik",
                        "terminal", "tersebut", "terkait", "termasuk", "terhadap", "terutama", "tertentu",
                        "berita", "berbagai", "bersama", "beragam", "berupa", "terbaru", "terbesar", "terpadu",
                        "terintegrasi", "berbasis", "bersih", "berkelanjutan", "berkualitas"})


def _subject_position(t: Tokens, lo: int, start: int) -> bool:
    """No verb-like word (me-, di-, ber-, ter- forms) between the clause's start and ``start``."""
    return not any(t.text[j].islower() and _VERB_FORM.match(t.lower[j]) and t.lower[j] not in _NOT_VERBS
                   and not t.lower[j].endswith("an") for j in range(lo, start))


#: English auxiliaries and adverbs before a shared subject's predicate ("but was later discontinued")
_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "later", "quietly", "eventually",
                          "soon", "subsequently"})


def _after_conjunction(t: Tokens, s: _Sentence, c: int) -> tuple[int, int, int] | None:
    """The clause after clause ``c`` when it opens (past commas) with a conjunction: its
    start, the token after the conjunction, and its end; else None."""
    if c + 1 >= len(s.clause_starts):
        return None
    lo, hi = s.clause_tokens(c + 1)
    j = lo
    while j < hi and (t.punct[j] and t.text[j] in _COMMAS):
        j += 1
    if j >= hi or t.lower[j] not in _CONJUNCTIONS:
        return None
    return lo, j + 1, hi


#: month names, Indonesian and English ("mulai 1 Juli", "from January")
_MONTHS = frozenset({"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
                     "oktober", "november", "desember", "january", "february", "march", "may", "june", "july",
                     "august", "october", "december"})
#: the Indonesian ones ("april", "september", "november" are both)
_ID_MONTHS = frozenset(m for m in _MONTHS if m not in {"january", "february", "march", "may", "june", "july",
                                                       "august", "october", "december"})
_TIME_WORDS = _MONTHS | {"tahun", "awal", "akhir", "pertengahan", "lalu", "itu", "early", "late", "mid", "last", "year"}


def _is_time_word(word: str) -> bool:
    """A word of a point in time ("Mei", "2023", "awal", "tahun")."""
    return word in _TIME_WORDS or word.isdigit()


def _shared_subject_cue(t: Tokens, s: _Sentence, c: int) -> Cue | None:
    """A cue of the next clause whose subject is the mention's own ("Layanan Dukcapil Jemput
    Bola sempat berjalan, tapi kini berhenti …"): the clause opens with a conjunction and,
    past adverbs of time, with the cue itself. Only for a mention whose own clause states no
    status (the caller's case): a clause with a subject of its own ("…, tapi jalurnya belum
    dibangun") speaks of that subject."""
    opened = _after_conjunction(t, s, c)
    if opened is None:
        return None
    lo, j, hi = opened
    while j < hi:
        if t.lower[j] in _NOW_ADVERBS or t.lower[j] in _AUXILIARIES:
            j += 1
        elif t.lower[j] in ("sejak", "since") and j + 1 < hi and _is_time_word(t.lower[j + 1]):
            # "…, tetapi sejak Mei 2023 tidak dapat diakses": past a time since when
            j += 1
            while j < hi and _is_time_word(t.lower[j]):
                j += 1
        else:
            break
    cue = next((g for g in s.groups if lo <= g.start <= j < g.end), None)
    if cue is None:
        # "…, tetapi kini sudah normal kembali": a cue of adverbs right before the predicate,
        # not before a subject of the clause's own ("…, tapi kini warga kembali membuang …")
        cue = next((g for g in s.groups if lo <= g.start and g.end == j), None)
        if cue is None or j >= hi or t.text[j][:1].isupper() or t.lower[j] in _SUBJECT_WORDS:
            return None
    # "…, tetapi belum ada evaluasi resmi": an existential clause has its subject after the cue
    after = t.lower[cue.end] if cue.end < len(t.lower) else ""
    if t.lower[cue.end - 1] in ("ada", "terdapat") or after in ("ada", "terdapat") \
            or " ".join(t.lower[cue.start : cue.end]).endswith("there is no"):
        return None
    return cue


def _no_opens_subject(t: Tokens, lo: int, m: Span) -> bool:
    """Does English "no" open the subject the mention belongs to ("No school in Fakfak has a
    trained counsellor", "No … station has been installed yet", "…, and no sanitary landfill
    has been built")? A negation over the whole clause; not "No, …", "No doubt …", "no
    longer". "no" opens the clause, or stands right before the mention's words."""
    def opens(j: int) -> bool:
        return t.lower[j] == "no" and j + 1 < len(t.lower) and t.alpha[j + 1] \
            and t.lower[j + 1] not in ("doubt", "wonder", "matter", "longer", "one")
    if m.start > lo and opens(lo):
        return True
    j = m.start - 1
    while j > lo and m.start - j <= 3 and t.alpha[j] and t.lower[j] != "no":
        j -= 1  # "no sanitary landfill": a word or two of the noun phrase between
    return j >= lo and opens(j)


def _urges(cue: str) -> bool:
    """Is this recommended cue an urging proper (a modal, or a passive "di-" verb such as
    "diminta", "didesak")? Applied to recommended cues only, so any "di…" word is one."""
    first = cue.split()[0].lower() if cue.split() else ""
    return first in _URGING_MODALS or (first.startswith("di") and len(first) > 4)


#: words that open a result clause, which may report a fact ("… diselewengkan sehingga proyek
#: terhenti"), unlike an aim ("agar", "untuk")
_RESULTS = frozenset({"sehingga", "dengan"})
#: aim words proper: a cue in the clause they open is the aim's ("… bertujuan agar warga tidak
#: lagi membuang sampah"); "upaya", "diharapkan", "guna" also name aims but often sit in an
#: apposition or relative clause, after which the main clause resumes
_AIMS = frozenset({"agar", "supaya", "bertujuan", "tujuannya"})

#: completion markers: a plan verb after one is a plan already made ("telah merancang")
_DONE_MARKERS = frozenset({"telah", "sudah", "sdh", "udah", "udh", "pernah", "has", "have", "had"})

#: pronouns between an aspect marker and its verb ("telah kami paparkan")
_PRONOUNS = frozenset({"kami", "kita", "saya", "aku", "ia", "dia", "mereka", "anda", "beliau"})

#: future modals a negator reaches only when adjacent ("tidak akan" yes, "belum layak akan" no)
_MODALS = frozenset({"akan", "bakal", "will"})
#: verbs of saying: what one will say is no plan of its topic ("akan menyampaikan tanggapan …")
_SAYING = frozenset({"menyampaikan", "menjelaskan", "mengatakan", "menyatakan", "memaparkan", "mengungkapkan",
                     "menegaskan", "menanyakan", "mempresentasikan", "menanggapi", "explain", "say", "tell", "present"})
#: words before "mendorong" that make it "promote", not "urge" ("dalam mendorong partisipasi")
_PROMOTING_BEFORE = frozenset({"dalam", "untuk", "guna", "demi", "agar", "supaya", "yang", "dapat", "bisa", "mampu",
                               "akan", "membantu", "berambisi", "ingin"})
#: openers of a condition contrary to fact ("Seandainya Pemkot sejak awal membangun …")
_COUNTERFACTUALS = frozenset({"seandainya", "andaikan", "andaikata", "andai", "sekiranya"})
#: words of a return after a stop ("diberlakukan lagi", "kembali beroperasi", "reopened")
_RETURNS = frozenset({"lagi", "kembali", "reopened", "resumed", "relaunched", "restarted"})
#: verbs of asking for something ("warga minta …", "meminta agar …")
_ASKING_FOR = frozenset({"minta", "meminta", "mengusulkan", "diusulkan", "menuntut", "asked", "requested"})


def _long_asked(t: Tokens, j: int, lo: int) -> bool:
    """Is the asking verb at ``j`` said to have gone on long ("so lama minta", "udh 3 tahun
    minta", "sejak 2019 meminta", "bertahun-tahun meminta", "have asked for years")?"""
    before = t.lower[max(lo, j - 4) : j]
    if "lama" in before or "bertahun-tahun" in before or "sejak" in before:
        return True
    if any(w in ("tahun", "thn", "taun") and k > 0 and (before[k - 1].isdigit() or before[k - 1] in _NUMBER_WORDS)
           for k, w in enumerate(before)):
        return True
    after = t.lower[j + 1 : j + 8]
    return t.lower[j] in ("asked", "requested") and "for" in after and "years" in after


#: a change of state: "tidak lagi dilayani secara manual", "no longer accepted"
_NO_MORE = ("tidak lagi", "tak lagi", "no longer")
#: verbs that set a target; a negation they govern is the target ("menargetkan tidak ada lagi …")
_TARGETING = frozenset({"menargetkan", "ditargetkan", "berencana", "merencanakan", "bertekad", "targets", "aims",
                        "plans", "berkomitmen"})


def _dated(t: Tokens, lo: int, hi: int, openers: tuple[str, ...], *, years: bool = False) -> bool:
    """Does an opener word date something within three words: a month, or (``years``) a year?"""
    return any(t.lower[j] in openers and any(w in _MONTHS or (years and _YEAR.match(w))
                                             for w in t.lower[j + 1 : min(hi, j + 4)])
               for j in range(lo, hi))


def _starts_on_a_date(t: Tokens, lo: int, hi: int) -> bool:
    """Does the clause date a start: "mulai 1 Juli", "mulai Januari 2026", "from January"?"""
    return _dated(t, lo, hi, ("mulai", "from", "starting"))


def _since_a_date(t: Tokens, lo: int, hi: int) -> bool:
    """Does the sentence date a start in the past: "Sejak 1 Juli", "since January 2024", "sejak 2023"?"""
    return _dated(t, lo, hi, ("sejak", "since"), years=True)


#: verbs that put a rule in force ("memberlakukan uji emisi wajib …")
_ENACTING = frozenset({"memberlakukan", "diberlakukan", "menerapkan", "diterapkan", "menetapkan", "ditetapkan",
                       "introduce", "introduced", "impose", "imposed"})
#: people who act for themselves ("investor yang akan masuk", "warga yang akan berobat")
_PERSONS = frozenset({"investor", "investors", "warga", "wisatawan", "pengunjung", "penumpang", "pemudik", "peserta",
                      "calon", "pedagang", "pengendara", "siswa", "mahasiswa", "pelamar", "pemohon", "pengguna",
                      "residents", "visitors", "passengers", "tourists", "who"})
#: "sedang"/"tengah" before a verb: work going on ("tengah membina 35 startup")
_PROGRESSIVE = frozenset({"sedang", "tengah"})
_VERB_PREFIXES = ("me", "ber", "di", "ter")
#: verbs of preparing or weighing: going on, but what goes on is a plan (status.yaml's
#: planned cues name most of them with their marker; these are the rest)
_PREPARING = frozenset({
    "menyusun", "disusun", "mengkaji", "dikaji", "merencanakan", "direncanakan", "menyiapkan", "disiapkan",
    "mempersiapkan", "dipersiapkan", "merancang", "dirancang", "membahas", "dibahas", "menggodok", "digodok",
    "mematangkan", "dimatangkan", "menjajaki", "dijajaki", "mempertimbangkan", "dipertimbangkan",
    "menunggu", "mencari", "dicari", "mengusulkan", "diusulkan", "mengajukan", "diajukan", "berupaya",
    "berusaha", "berencana", "menanti", "menantikan", "memikirkan", "dipikirkan", "mendata", "didata",
    "menghitung", "dihitung", "menimbang", "ditimbang", "menyelidiki", "diselidiki"})
#: words before "tengah" that make it a place ("di tengah", "Jawa Tengah")
_MIDDLE = frozenset({"di", "ke", "dari", "jawa", "kalimantan", "sulawesi", "nusa", "papua", "maluku", "aceh", "lampung"})


#: words before a user's "mau" (wanting, not a plan): "pas mau daftar", "boro2 mau …"
_WANTING_WHEN = frozenset({"pas", "kalau", "kalo", "klo", "klu", "saat", "waktu", "ketika", "boro2", "boro-boro", "giliran"})
#: passive verbs after "belum" that say what is not yet known or settled, not what is not done
_UNSETTLED = frozenset({"diketahui", "dipastikan", "diputuskan", "ditentukan", "dikonfirmasi", "diumumkan", "dijelaskan",
                        "dirinci", "disebutkan", "diungkap", "diungkapkan", "dirilis", "dihitung", "ditemukan"})
#: words opening with "di"/"ter" that are no passive or stative verb ("belum digital", "belum terlambat")
_NOT_PASSIVES = frozenset({"digital", "dinas", "diri", "dini", "disiplin", "dingin", "diam", "diskon", "disabilitas",
                           "terlalu", "terlambat", "tertarik", "terbiasa", "terpikir", "terpikirkan", "terbayang",
                           "terdengar", "terlihat", "tergolong", "termasuk", "terkait", "terbukti", "tertentu"})
#: words that may stand between "belum" and its verb ("belum juga diperbaiki", "blm pernah dibersihkan")
_NOT_YET_FILLERS = frozenset({"juga", "jg", "pernah", "sempat", "sepenuhnya", "seluruhnya", "kunjung", "semua", "saling"})


def _not_yet_done(t: Tokens, bounds: tuple[int, int], cues: list[Cue]) -> list[Cue]:
    """Rule ``cue``: "belum diangkut", "blm juga diperbaiki", "belum saling terintegrasi": a
    passive or stative verb (di-, ter-) after "belum" says the deed is not done yet, whatever the
    verb (the status words list only some of them). Not what is not yet known or decided
    ("belum diketahui", "belum dipastikan"), nor "belum terlambat"."""
    low = t.lower
    starts = [j for j in range(bounds[0], bounds[1] - 1) if low[j] in _NOT_YET_WORDS]
    if not starts:
        return []  # most clauses hold no "belum": nothing to build
    taken = {i for c in cues for i in range(c.start, c.end)}
    out = []
    for j in starts:
        if j in taken:
            continue
        k = j + 1
        if low[k] in _NOT_YET_FILLERS and k + 1 < bounds[1]:
            k += 1
        if low[k] in ("kami", "kita") and k + 1 < bounds[1] and low[k + 1].isalpha() and k + 1 not in taken:
            # "belum kita eksekusi", "belum kami terima": the passive with its doer before the verb
            out.append(Cue("not_addressed", j, k + 2, t.span_text(j, k + 2)))
            continue
        w = low[k]
        if k in taken or not (w.startswith(("di", "ter")) and len(w) > 5 and w.isalpha()) or w in _UNSETTLED \
                or w in _NOT_PASSIVES:
            continue
        out.append(Cue("not_addressed", j, k + 1, t.span_text(j, k + 1)))
    return out


def _progressives(t: Tokens, bounds: tuple[int, int], cues: list[Cue]) -> list[Cue]:
    """A verb under "sedang"/"tengah" reports work going on (``implemented``: DESIGN.md §3, a
    running thing is implemented) where no listed cue starts there: "Inkubator … tengah membina
    35 startup lokal", "Pemkot sedang membangun taman kota". A verb of preparing stays a plan's
    business ("tengah menyiapkan regulasi"); "di tengah", "Jawa Tengah" are places."""
    taken = {i for c in cues for i in range(c.start, c.end)}
    out = []
    for i in range(bounds[0], min(bounds[1], len(t.lower)) - 1):
        if t.lower[i] not in _PROGRESSIVE or i in taken or i + 1 in taken:
            continue
        if i > bounds[0] and t.lower[i - 1] in _MIDDLE:
            continue
        verb = t.lower[i + 1]
        if len(verb) < 5 or not verb.isalpha() or not verb.startswith(_VERB_PREFIXES) or verb in _PREPARING:
            continue
        out.append(Cue("implemented", i, i + 2, t.span_text(i, i + 2)))
    return out

#: words of a realisation or achievement stated with its figure (in running text and as a table
#: cell's first word)
_REALISATION_WORDS = frozenset({"realisasi", "realisasinya", "terealisasi", "terealisir", "direalisasikan", "capaian",
                                "capaiannya", "pencapaian", "realization", "realisation", "achieved", "actual",
                                "tercapai"})  # not "reached": "Tourist arrivals reached 6.3 million" is a figure
#: what may stand between such a word and its figure ("Realisasi Fisik s.d. 2024: 27")
_REALISED_FILLERS = frozenset({":", "fisik", "keuangan", "kinerja", "s.d.", "s.d", "sd", "sampai", "hingga", "tahun",
                               "sebanyak", "sebesar", "mencapai", "rp", "(", "tingkat", "physical", "financial", "of",
                               "baru"})  # "realisasinya baru 25,5 juta": so far, a report (not "hanya": a page reads
                                         # "terealisasi hanya 347 unit, dari usulan 356" as a shortfall)
#: a planned cue that only names the target column
_TARGET_WORDS = frozenset({"target", "targetnya", "ditargetkan", "targeted", "target:"})


def _realisations(t: Tokens, bounds: tuple[int, int]) -> list[Cue]:
    """A realisation stated with its figure: "Realisasi 2024: 21 puskesmas", "terealisir
    sebanyak 5 sumber air", "Realisasi Fisik 100%" report what was done (``implemented``);
    a realisation of nought ("Realisasi 2023: 0") reports nothing done (``not_addressed``).
    Not a target of achievement ("target capaian 90 persen") and not a figure of anything else
    ("capaian program unggulan di atas 90 persen")."""
    out = []
    lo, hi = bounds[0], min(bounds[1], len(t.lower))
    for j in range(lo, hi):
        if t.lower[j] not in _REALISATION_WORDS or (j > lo and t.lower[j - 1] in _TARGET_WORDS):
            continue
        if any(w in _NOT_WORDS or w in ("belum", "never", "yet") for w in t.lower[max(lo, j - 2) : j]):
            continue  # "belum tercapai 50 persen", "has not yet reached 50 percent": a shortfall
        k = _realised_figure(t.lower, j + 1, min(hi, j + 6))
        if k is not None:
            kind = "not_addressed" if _nought(t.lower[k]) else "implemented"
            out.append(Cue(kind, j, k + 1, t.span_text(j, k + 1)))
    return out


def _realised_figure(words: list[str], start: int, stop: int) -> int | None:
    """Where the figure of a realisation stands, past its fillers and years, if it does."""
    for k in range(start, stop):
        word = words[k]
        if _COUNT.match(word) and not _YEAR.match(word):
            return k
        if not (word in _REALISED_FILLERS or _YEAR.match(word)):
            return None
    return None


def _nought(figure: str) -> bool:
    """"0", "0%", "0,00": nothing realised."""
    return figure.rstrip("%").replace(",", "").replace(".", "").strip("0") == ""


_COMMAS = frozenset({",", ";"})

#: question words that ask for a reason: with a negation the question presupposes the not-yet
_WHY = frozenset({"mengapa", "kenapa", "knp", "napa", "ngapa", "kok", "why"})
_NOT_WORDS = frozenset({"tidak", "tak", "gak", "ga", "nggak", "not"})
#: words that open the channel after a topic ("bisa melaporkan pungli lewat aplikasi X"): the
#: channel is no topic
_CHANNELS = frozenset({"lewat", "melalui", "via", "through", "using"})
#: conjunctions that open a clause of its own after a theme or a complaint's subject
_CLAUSE_OPENERS = frozenset({"karena", "sebab", "sehingga", "tetapi", "namun", "padahal", "sedangkan", "because",
                             "but", "although"})
#: question words that ask when: a when-question presupposes the not-yet
_WHEN = frozenset({"kapan", "kpn", "bilamana"})

#: the first word of an answer to a yes/no question: done, still running, not yet
_ANSWER_DONE = frozenset({"sudah", "udah", "sdh", "udh", "dah", "already", "sampun"})
_ANSWER_NOT_YET = frozenset({"belum", "blm", "blom", "belom"})
_ANSWER_RUNNING = frozenset({"jalan", "berjalan", "beroperasi", "aktif", "dipakai", "digunakan", "running"})
#: in a "not yet" answer, a word that says when or how it will come: a plan
_ANSWER_PLAN = frozenset({"rencana", "rencananya", "direncanakan", "akan", "bakal", "target", "ditargetkan",
                          "targetnya", "nanti", "diproses", "proses", "depan", "cepat",
                          "cepet", "will", "next", "planned"})


#: the explicit names of a framework's dimensions ("Smart Governance", "smart society")
_DIMENSION_NAMES = re.compile(r"^smart[ -](governance|government|economy|society|people|living|mobility|environment|"
                              r"environtment|enviroment)$")
#: what may stand between two names of an enumeration ("…, kelompok Smart Living, dan …")
_LIST_GLUE = frozenset({",", ";", "dan", "serta", "and", "&", "/", "kelompok", "dimensi", "pilar", "aspek", "bidang",
                        "ada", "yaitu", "yakni", "smart", "branding", "(", ")", "-", "–", "—", "the", "or", "atau"})


def _framework_enumeration(doc: Doc, mentions: list[Span]) -> list[Span]:
    """The mentions of one sentence that enumerate four or more of the framework's dimensions by
    their explicit names, one after another with only commas, "dan" or a group noun between."""
    t = tokens(doc)
    named = sorted((m for m in mentions if _DIMENSION_NAMES.match(" ".join(t.lower[m.start:m.end]))),
                   key=lambda m: m.start)
    runs: list[list[Span]] = []
    for m in named:
        if runs and m.start >= runs[-1][-1].end and all(t.lower[j] in _LIST_GLUE
                                                        for j in range(runs[-1][-1].end, m.start)):
            runs[-1].append(m)
        else:
            runs.append([m])
    best = max(runs, key=lambda run: len({x._.pillar for x in run}), default=[])
    return best if len({x._.pillar for x in best}) >= 4 else []


#: a project, a programme or a pointer to one: the subject whose future effects are foretold
_EFFECT_SUBJECTS = frozenset({"pembangunan", "program", "proyek", "sistem", "kebijakan", "penerapan", "kehadiran",
                              "keberadaan", "pengoperasian", "ini", "itu", "tersebut", "project", "programme",
                              "system", "scheme", "policy", "it", "this", "plan", "which", "yang"})
#: verbs of an effect on a problem, before it ("akan mengurangi polusi", "will reduce pollution")
_EFFECT_VERBS = frozenset({"mengurangi", "mengatasi", "menekan", "menurunkan", "menyelesaikan", "mengurai",
                           "meminimalkan", "meminimalisir", "reduce", "cut", "lower", "ease", "tackle", "curb",
                           "relieve", "alleviate", "solve", "help"})


def _expected_effect(doc: Doc, lo: int, m: Span) -> bool:
    """Is the problem ``m`` the object of an effect a project is expected to have: a future
    marker after a project noun or a pointer, then an effect verb, then the problem within a
    few words ("… ini akan mengurangi polusi …, mengatasi kemacetan", "will sharply reduce
    pollution")?"""
    t = tokens(doc)
    future = next((j for j in range(m.start - 1, max(lo, m.start - 14) - 1, -1)
                   if t.lower[j] in ("akan", "will", "bakal")), None)
    if future is None:
        return False
    if not any(t.lower[j] in _EFFECT_VERBS for j in range(future + 1, m.start)):
        return False
    return any(t.lower[j] in _EFFECT_SUBJECTS for j in range(max(lo, future - 3), future))


def _answer_after(t: Tokens, j: int) -> tuple[str, str] | None:
    """The status an answer right after a question gives ("Kadis: Udah, udah, dari bulan lalu."
    → implemented; "Belum, masih nunggu anggaran." → not addressed; "Yang itu blm, Mas, lagi
    diproses pengadaannya, paling cepet September." → planned): the answer's first word, after
    an optional speaker's label of at most five words and a colon, or an "Ya," / "Yes,"."""
    n = len(t.text)
    while j < n and not t.text[j].strip():
        j += 1
    end = j
    while end < n and end - j < 40 and t.text[end] not in (".", "!", "?") and "\n" not in t.text[end]:
        end += 1
    colon = next((k for k in range(j, min(j + 6, end)) if t.text[k] == ":"), None)
    if colon is not None and t.text[j][:1].isupper():
        j = colon + 1
    words = [k for k in range(j, end) if not t.punct[k] and t.text[k].strip()]
    if not words:
        return None
    first = words[0]
    if t.lower[first] in ("ya", "iya", "yes", "betul", "benar") and len(words) > 1:
        first = words[1]  # "Ya, sudah jalan", "Yes, it already runs"
    # "Yang itu blm, Mas": a pointer before the answer word
    if t.lower[first] == "yang" and len(words) > 2 and t.lower[words[1]] in ("itu", "ini"):
        first = words[2]
    word = t.lower[first]
    if word in _ANSWER_DONE:
        return "implemented", t.text[first]
    if word == "masih" and any(t.lower[k] in _ANSWER_RUNNING for k in words[1:4]):
        return "implemented", t.text[first]
    if word in _ANSWER_NOT_YET or (word == "not" and len(words) > 1 and t.lower[words[1]] == "yet"):
        if any(t.lower[k] in _ANSWER_PLAN for k in words[1:]):
            return "planned", t.text[first]
        return "not_addressed", t.text[first]
    return None

#: predicates that stop, put off or drop what the clause names
_HALTS = frozenset({"ditunda", "tertunda", "dihentikan", "terhenti", "berhenti", "batal", "dibatalkan", "urung",
                    "mangkrak", "terbengkalai", "postponed", "delayed", "suspended", "halted", "cancelled",
                    "canceled", "scrapped", "shelved", "abandoned", "discontinued"})
#: the first words of a service's end ("dihentikan pada 2023", "was shut down in 2020"; a
#: not-yet cue each)
_ENDS = frozenset({"dihentikan", "terhenti", "berhenti", "dicabut", "dihapus", "dihapuskan", "dinonaktifkan",
                   "menonaktifkan", "discontinued", "shut", "scrapped", "abandoned", "mangkrak", "terbengkalai"})
#: "yang sebelumnya …", "which had been …": a relative clause on what the thing was before
_EARLIER = frozenset({"sebelumnya", "sempat", "dulu", "dulunya", "pernah", "had", "previously", "once"})
#: words that put an end in a time clause of the deed ("… setelah sempat berhenti", "after the
#: old sirens were discontinued")
_BEFORE_AN_END = frozenset({"setelah", "sesudah", "usai", "sejak", "sebelum", "ketika", "saat", "after", "since",
                            "before", "when", "once"})


def _what_it_was(t: Tokens, i: int) -> bool:
    """Does the cue at ``i`` open a relative clause on what the thing was before ("… warga yang
    sebelumnya dinonaktifkan", "which had been …")?"""
    return i >= 2 and t.lower[i - 1] in _EARLIER and t.lower[i - 2] in ("yang", "yg", "which", "that")
#: a deed named as a noun ("uji coba", "groundbreaking", "peluncuran"): a report only when the
#: clause's predicate does not put it ahead ("Uji coba … akan dimulai pekan depan")
_DEED_NOUNS = frozenset({"uji", "ujicoba", "groundbreaking", "peletakan", "peluncuran", "launching", "peresmian",
                         "pengoperasian", "trial", "launch", "pilot"})
#: put off to a date: still planned ("menunda pembangunan halte hingga 2027", "diundur ke
#: tahun depan"); put off with no date, or "tanpa batas waktu", stays an absence
_PUT_OFF = frozenset({"menunda", "ditunda", "tertunda", "diundur", "mengundur", "dimundurkan", "postponed",
                      "delayed", "deferred", "postpone", "delay", "defer"})
_TO_A_DATE = frozenset({"hingga", "sampai", "ke", "until", "to", "till"})
_DATE_WORDS = _ID_MONTHS | {"depan", "mendatang", "next", "semester", "triwulan"}
_YEAR = re.compile(r"(?:19|20)\d\d$")


def _put_off_to_a_date(t: Tokens, g: Cue, hi: int) -> bool:
    """``g`` postpones, and a date follows it in its clause ("… hingga 2027", "to next year")."""
    if t.lower[g.start] not in _PUT_OFF:
        return False
    low = t.lower
    for j in range(g.end, min(hi, g.end + 8)):
        if low[j] in _CLAUSE_OPENERS or low[j] in ("tanpa", "indefinitely", "without") or t.punct[j]:
            return False
        if low[j] in _TO_A_DATE:
            nxt = low[j + 1 : min(hi, j + 4)]
            return any(_YEAR.match(w) or w in _DATE_WORDS for w in nxt)
    return False


#: a subject that points back to what the clause before named ("the project", "rencana itu")
_BACK_NOUNS = frozenset({"project", "plan", "scheme", "programme", "program", "initiative", "it", "proyek",
                         "rencana", "pembangunannya", "proyeknya", "rencananya", "programnya"})
_BACK_WORDS = frozenset({"the", "this", "that", "itu", "tersebut", "ini"})


def _anaphoric_subject_cue(t: Tokens, s: _Sentence, c: int) -> Cue | None:
    """A cue of the next clause whose subject points back ("…, but the project has been
    shelved", "…, tetapi rencana itu dibatalkan"): a conjunction, at most three words of such
    a subject, auxiliaries, then the cue."""
    opened = _after_conjunction(t, s, c)
    if opened is None:
        return None
    _, k, hi = opened
    low = t.lower
    subject = []
    while k < hi and len(subject) < 3 and (low[k] in _BACK_NOUNS or low[k] in _BACK_WORDS):
        subject.append(low[k])
        k += 1
    if not any(w in _BACK_NOUNS for w in subject):
        return None
    while k < hi and (low[k] in _NOW_ADVERBS or low[k] in _AUXILIARIES):
        k += 1
    return next((g for g in s.groups if g.start <= k < g.end or g.start == k), None)


#: put to no use: "belum dihuni", "tidak dimanfaatkan", "not used"
_UNUSED = frozenset({"dihuni", "ditempati", "digunakan", "dipakai", "dimanfaatkan", "difungsikan", "dioperasikan", "diakses",
                     "beroperasi", "berfungsi", "used", "occupied", "operating", "operational", "utilised", "utilized"})


def _undoes(t: Tokens, g: Cue) -> bool:
    """Does the absence ``g`` stop a deed or leave it unused ("dihentikan", "discontinued",
    "belum dihuni"), rather than name a shortfall of it ("belum optimal")?"""
    low = t.lower
    words = low[g.start : min(g.end + 2, len(low))]
    return low[g.start] in _HALTS or any(w in _HALTS or w == "wacana" for w in low[g.start : g.end]) or (
        any(w in _LACK_WORDS for w in low[g.start : g.end]) and any(w in _UNUSED for w in words))


_COPULAS = frozenset({"adalah", "ialah", "is", "are", "was", "were"})
#: words between a copula and the pillar it identifies ("adalah dimensi smart living")
_CLEFT_FILLERS = frozenset({"dimensi", "pilar", "aspek", "bidang", "sektor", "the", "dimension", "pillar", "its"})


def _cleft_cue(t: Tokens, s: _Sentence, lo: int, m: Span) -> Cue | None:
    """The cue of a relative clause that a copula identifies with the mention ("Dimensi yang
    belum tersentuh adalah smart environment", "The only pillar that has not been addressed
    is smart living"), or None."""
    low = t.lower
    d = m.start - 1
    while d >= lo and low[d] in _CLEFT_FILLERS:
        d -= 1
    if d < lo or low[d] not in _COPULAS:
        return None
    y = next((j for j in range(d - 1, max(lo, d - 12) - 1, -1) if low[j] in ("yang", "yg", "that", "which")), None)
    if y is None or any(t.punct[j] for j in range(y + 1, d)):
        return None
    return next((g for g in s.groups if y < g.start < d), None)


#: words that make a clause ask
_ASKING_WORDS = frozenset({"apakah", "apa", "kapan", "kpn", "kenapa", "mengapa", "bagaimana", "gimana", "gmn", "kok",
                           "siapa", "mana", "berapa", "why", "when", "how", "what", "whether", "who", "where",
                           "has", "have", "is", "are", "does", "do", "did", "will", "can", "should"})
#: of those, the ones that ask wherever they stand (not an auxiliary: "… but it is …?")
_WH_WORDS = _ASKING_WORDS - {"has", "have", "is", "are", "do", "does", "did", "will", "can", "should"}
_CONTRASTS = frozenset({"tapi", "tetapi", "tp", "tpi", "namun", "but", "padahal"})


def _statement_before_question(t: Tokens, s: _Sentence, c: int) -> bool:
    """In a sentence that ends with "?", does clause ``c`` state rather than ask? It does when
    no asking word is in it or opens the sentence, and a later clause opens with a contrast
    ("…, tapi kok …?")."""
    lo, hi = s.clause_tokens(c)
    first = next((j for j in range(s.span.start, s.span.end) if not t.punct[j]), s.span.start)
    # "…, udh 2 minggu gk beroperasi, katanya armadanya rusak, gimana sih??": a short tag
    # question closing a complaint asks nothing of what the words before it state
    comma = next((j for j in range(s.span.end - 1, lo, -1) if t.text[j] == ","), None)
    if comma is not None and lo < comma:
        words = [j for j in range(comma + 1, s.span.end) if not t.punct[j]]
        if words and len(words) <= 3 and t.lower[words[0]] in _TAG_QUESTIONS:
            return t.lower[first] not in _ASKING_WORDS and not any(t.lower[j] in _WH_WORDS for j in range(lo, comma))
    if t.lower[first] in _ASKING_WORDS or any(t.lower[j] in _WH_WORDS for j in range(lo, hi)):
        return False
    for k in range(c + 1, len(s.clause_starts)):
        a, b = s.clause_tokens(k)
        j = next((j for j in range(a, b) if not t.punct[j]), None)
        if j is not None and t.lower[j] in _CONTRASTS:
            return True
    return False


#: the opening word of a tag question after a complaint ("…, gimana sih??", "…, kok bisa?")
_TAG_QUESTIONS = frozenset({"gimana", "bagaimana", "kok", "piye", "kenapa", "knp", "mengapa", "how", "why", "seriously"})


def _relative_clause_cue(t: Tokens, lo: int, m: Span, cues: list[Cue]) -> Cue | None:
    """The cue of a relative clause that holds the mention ("… yang sudah berjalan di bidang
    transportasi akan diperluas"): "yang" and a cue before the mention, no punctuation from
    "yang" to it, and another cue after it (the main clause's predicate)."""
    low = t.lower
    y = next((j for j in range(m.start - 1, max(lo, m.start - 8) - 1, -1) if low[j] in ("yang", "yg")), None)
    if y is None or any(t.punct[j] for j in range(y, m.start)):
        return None
    if y > 0 and (_COUNT.match(low[y - 1]) or low[y - 1] in _NUMBER_WORDS):
        return None  # a count's relative clause ("hanya 13 yang memiliki …") is the count's
    inner = [g for g in cues if y < g.start and g.end <= m.start]
    after = [g for g in cues if g.start >= m.end]
    if not inner or not after or inner[0].start != y + 1:
        return None
    return inner[-1]


_COORDINATORS = frozenset({"sekaligus", "dan", "serta", "and", "maupun"})


def _possible_by_coordination(t: Tokens, c: Cue, possibility_ends: list[int], kept: list[Cue]) -> bool:
    """Is the completion cue ``c`` a verb coordinated after a possibility's verb ("dapat
    meningkatkan …, membuka … sekaligus menyediakan …")? A coordinator right before it, a
    possibility at most twelve words before, and between them only words and commas, no other
    cue (no "sudah")."""
    if c.start == 0 or t.lower[c.start - 1] not in _COORDINATORS or t.lower[c.start] in _COMPLETION_WORDS:
        return False  # ("… dan telah ada perbaikan": a completion of its own)
    for e in possibility_ends:
        if not (0 < c.start - e <= 12):
            continue
        between = range(e, c.start)
        if any(t.punct[j] and t.text[j] not in _COMMAS for j in between):
            continue
        if any(k is not c and k.start >= e and k.end <= c.start and k.kind != "implemented" for k in kept):
            continue
        if any(t.lower[j] in _COMPLETION_WORDS for j in between):
            continue
        return True
    return False


#: conditions ("Jika pemerintah tidak segera …", "Jika uji coba diperluas, …"): one set for the
#: warning-to-act, the foretold-result and the supposed-absence readers
_IF_WORDS = frozenset({"jika", "jikalau", "kalau", "bila", "apabila", "seandainya", "andai", "if", "unless"})
_ACTOR_NOUNS = frozenset({"city", "government", "regency", "administration", "province", "municipality"})


def _warning_to_act(t: Tokens, lo: int, hi: int, m: Span) -> str | None:
    """A negated condition on a government's own act, the mention its object ("Jika pemkab
    tidak segera membangun kolam retensi, …", "If the city does not extend its bus routes, …"):
    the words of the warning, or None. Without an actor ("Kalau drainase tidak segera
    diperbaiki, …") it names a risk and urges no one."""
    low = t.lower
    first = next((j for j in range(lo, hi) if not t.punct[j]), None)
    if first is None or low[first] not in _IF_WORDS or m.start <= first:
        return None
    # (a government word, or a place named as the actor: "Unless Jakarta tightens …")
    actor = next((j for j in range(first + 1, min(first + 5, m.start))
                  if low[j] in _GOVERNMENT_WORDS or low[j] in _ACTOR_NOUNS
                  or (j == first + 1 and t.text[j][:1].isupper() and t.alpha[j])), None)
    if actor is None:
        return None
    if low[first] == "unless":  # "Unless Jakarta tightens emission tests, …": negated already
        return t.text[first]
    neg = next((j for j in range(actor + 1, min(actor + 4, m.start)) if low[j] in _NOT_WORDS
                or low[j] in ("belum", "does", "do", "fails")), None)
    return f"{t.text[first]} … {t.text[neg]}" if neg is not None else None


#: what a table's status cell or a list item's closing note says (whole cell, or its opening
#: words: "Terlaksana 60%", "Direncanakan 2026")
_CELL_STATUSES = {
    "implemented": ("selesai", "terlaksana", "sudah terlaksana", "telah terlaksana", "sudah", "berjalan",
                    "sedang berjalan", "dalam proses", "on going", "ongoing", "operational", "operasional",
                    "completed", "complete", "done", "implemented", "running", "in operation", "beroperasi",
                    "tercapai", "terealisasi", "aktif", "active", "launched", "diluncurkan", "rampung",
                    "achieved", "partly achieved", "partially achieved", "on track", "in progress", "✓", "✔"),
    "planned": ("rencana", "direncanakan", "planned", "tahap perencanaan", "dalam perencanaan", "usulan",
                "diusulkan", "proposed", "pipeline", "lelang", "dalam lelang", "dalam proses lelang",
                "dalam proses pengadaan", "dalam proses penyusunan", "dalam proses perencanaan", "proses lelang"),
    "not_addressed": ("belum", "belum terlaksana", "tidak terlaksana", "belum dimulai", "belum berjalan",
                      "tidak tercapai", "belum tercapai", "not started", "not implemented", "not yet started",
                      "dibatalkan", "batal", "cancelled", "canceled", "dihentikan", "discontinued", "stopped",
                      "mangkrak", "terhenti", "ditunda", "postponed", "✗", "✘"),
}
_CELL_LOOKUP = {w: k for k, ws in _CELL_STATUSES.items() for w in ws}
#: (not a bracket: a closing "(…)" is more often an aside than a status note; held-out
#: hand-written sets, numbers only: 461 → 459 sentence pairs with it)
_CELL_OPENERS = frozenset({"—", "–", ":"})


#: a table cell reporting a figure reached ("Realisasi: 84,37")
def _cell_status(words: list[str], *, whole: bool = False) -> str | None:
    """The status a cell's words give, by their opening one, two or three words (``whole``:
    the cell holds nothing else but figures: a note closing a line)."""
    words = [w for w in words if w not in ("-", "•", "*")]
    if len(words) >= 2 and words[0] in _REALISATION_WORDS:
        # "| Realisasi: 84,37 |", "| Capaian 102,89% |", "| Realisasi 2024: 21 |": a figure
        # reached is reported; "| Realisasi 2023: 0 |" reports nothing done
        k = _realised_figure(words, 1, min(len(words), 6))
        if k is not None:
            return "not_addressed" if _nought(words[k]) else "implemented"
    for n in (3, 2, 1):
        if len(words) >= n:
            kind = _CELL_LOOKUP.get(" ".join(words[:n]))
            rest = words[n:]
            if whole and any(w[:1].isalpha() for w in rest):
                continue
            if kind is not None and (not rest or not rest[0][:1].isalpha() or n >= 2
                                     or any(c.isdigit() for c in rest[0])):
                return kind
    return None


#: labels of a plan's entries ("Strategi 2.3:", "Arah Kebijakan:", "Rencana Aksi 2026:")
_PLAN_LABELS = frozenset({"strategi", "rencana", "prioritas", "usulan", "arah", "roadmap", "planned", "plan",
                          "plans", "strategy", "strategies"})


def _plan_label(t: Tokens, first: int, at: int) -> str | None:
    """A plan's label and its colon before token ``at`` in the sentence: its words."""
    for j in range(first, min(at, first + 12)):
        if t.text[j] != ":":
            continue
        label = range(max(first, j - 4), j)
        if any(t.lower[k] in _PLAN_LABELS and t.text[k][:1].isupper() for k in label) \
                and all(t.text[k][:1].isupper() or t.text[k][:1].isdigit() for k in label if not t.space[k]):
            return t.span_text(label.start, j + 1)
        return None
    return None


#: words of a heading over a plan's part ("Rencana Aksi 2025–2028", "Arah Kebijakan"): the
#: labels' words but "planned" and "strategies", which head sections of pages that report
#: (the training pages: 2 sentences); and of one over what was reached, which is no plan
_PLAN_HEADINGS = _PLAN_LABELS - {"planned", "strategies"}
_REPORT_HEADINGS = frozenset({"capaian", "realisasi", "pencapaian", "evaluasi", "hasil", "kondisi", "achievements",
                              "progress", "results", "evaluation", "analisis", "catatan", "pengantar", "dimensi"})


def _inner_plan_heading(t: Tokens, s: _Sentence, sents: list[_Sentence]) -> str | None:
    """A heading left in the text, a paragraph of its own: "" for any heading, its words for
    a plan's one; None for a sentence that is no heading. A heading is short (up to eight
    words), title-case or numbered, and ends in no sentence mark."""
    first, last = s.span.start, s.span.end
    while last > first and t.space[last - 1]:
        last -= 1
    words = [j for j in range(first, last) if not t.punct[j] and not t.space[j]]
    alone = (s.index == 0 or sents[s.index - 1].paragraph != s.paragraph) and (
        s.index + 1 >= len(sents) or sents[s.index + 1].paragraph != s.paragraph)
    if not alone or not words or len(words) > 8 or t.text[last - 1] in (".", "!", "?", ":", ";", ","):
        return None
    if not all(t.text[j][:1].isupper() or t.text[j][:1].isdigit() or len(t.text[j]) <= 3 for j in words):
        return None
    heading = t.span_text(first, last)
    return heading if _plans_heading(heading) else ""


def _plans_heading(heading: str | None) -> bool:
    """Is this a heading over a plan's part ("5.3 Rencana Aksi 2025–2028")?"""
    if not heading:
        return False
    found = re.findall(r"\w+", heading.lower())
    words = set(found)
    if "arah" in words and "kebijakan" not in words:
        words.discard("arah")  # "Kemkomdigi Ubah Arah Literasi Digital": a direction, no plan
    return len(found) <= 8 and bool(words & _PLAN_HEADINGS) and not words & _REPORT_HEADINGS


def _status_cell(t: Tokens, first: int, last: int, m: Span) -> tuple[str, str] | None:
    """A status cell of a table row ("… | Dalam proses | …", cells joined by " | " as the
    DOCX reader joins them) or a status note closing a line ("— selesai", ": belum"), outside
    the mention: its kind and text."""
    low = t.lower
    # a row is one line: a text reader may join the lines of a table into one sentence
    for j in range(m.start - 1, first - 1, -1):
        if "\n" in t.text[j]:
            first = j + 1
            break
    for j in range(m.end, last):
        if "\n" in t.text[j]:
            last = j
            break
    bars = [j for j in range(first, last) if t.text[j] == "|"]
    cells: list[tuple[int, int]] = []
    if len(bars) >= 2:
        edges = [first - 1, *bars, last]
        cells = [(a + 1, b) for a, b in zip(edges, edges[1:], strict=False) if b > a + 1]
    else:
        end = last
        while end > first and t.punct[end - 1] and t.text[end - 1] in (".", ";", ")"):
            end -= 1
        opener = next((j for j in range(end - 1, max(first, end - 5) - 1, -1) if t.text[j] in _CELL_OPENERS), None)
        if opener is not None and opener > m.end:
            cells = [(opener + 1, end)]
    # the nearest status cell after the mention in its row (a reader that joins a table's
    # lines leaves no row edges: the next row's cells come after), else the nearest before
    after = [c for c in cells if c[0] >= m.end][:3]
    before = [c for c in cells if c[1] <= m.start][::-1][:3]
    for a, b in after + before:
        if b - a > 4:
            continue
        kind = _cell_status([w for w in low[a:b] if w != "."], whole=len(bars) < 2)
        if kind is not None:
            return kind, " ".join(t.text[a:b])
    return None


_RESEARCH_NOUNS = frozenset({"peneliti", "penelitian", "kajian", "studi", "research", "studies", "researchers",
                             "work"})
_NEXT_WORDS = frozenset({"selanjutnya", "berikutnya", "lanjutan", "mendatang"})


def _to_researchers(t: Tokens, first: int, last: int) -> bool:
    """Does the sentence speak to future research ("peneliti selanjutnya", "penelitian
    berikutnya", "future studies", "further research")?"""
    low = t.lower
    return any((low[j] in _RESEARCH_NOUNS and low[j + 1] in _NEXT_WORDS)
               or (low[j] in ("future", "further") and low[j + 1] in _RESEARCH_NOUNS)
               for j in range(first, last - 1))


_ADVICE_NOUNS = frozenset({"saran", "rekomendasi", "usulan", "masukan", "recommendation", "recommendations",
                           "suggestion", "suggestions"})
_ADVICE_COPULAS = frozenset({"adalah", "ialah", "yaitu", "yakni", ":", "is", "are"})


def _advice_copula(t: Tokens, first: int, m: Span) -> str | None:
    """An advice noun opening the sentence and a copula before the mention ("Saran bagi Pemkot
    adalah memperluas …", "Rekomendasi penelitian ini adalah agar …"): the advice's words."""
    low = t.lower
    a = next((j for j in range(first, min(first + 3, m.start)) if not t.punct[j]), None)
    if a is None or low[a] not in _ADVICE_NOUNS:
        return None
    cop = next((j for j in range(a + 1, min(a + 10, m.start)) if low[j] in _ADVICE_COPULAS), None)
    return f"{t.text[a]} … {t.text[cop]}" if cop is not None else None


def _indirect_question(t: Tokens, j: int, first: int) -> bool:
    """Does an indirect question open at ``j`` ("sejauh mana", "whether", "to what extent", a
    non-initial "apakah")?"""
    low = t.lower
    w = low[j]
    if w == "whether" or (w == "apakah" and j > first):
        return True
    nxt = low[j + 1] if j + 1 < len(low) else ""
    if w == "sejauh" and nxt == "mana":
        return True
    return w == "to" and nxt == "what" and j + 2 < len(low) and low[j + 2] in ("extent", "degree")


#: words that open a relative or subordinate clause: a halt word after them is not the
#: predicate of the deed ("bus listrik yang berhenti di setiap halte", "after the sirens were
#: discontinued")
_SUBORDINATORS = frozenset({"yang", "yg", "that", "which", "who", "after", "setelah", "sesudah", "karena", "because",
                            "when", "ketika", "saat", "untuk", "to"})
#: a bare marker of completion before a span of time measures how long a state has lasted
#: ("Udah setahun halte … cuma jadi tempat nongkrong", "sudah lama tidak ditegakkan"): the
#: state says the status, not the marker
_BARE_PERFECTS = frozenset({"sudah", "udah", "udh", "sdh", "sudh", "telah", "dah", "already"})
#: words that say a deed is done ("telah", "sudah", "has")
_COMPLETION_WORDS = _DONE_MARKERS | _BARE_PERFECTS
_TIME_UNITS = frozenset({"tahun", "bulan", "minggu", "pekan", "hari", "jam", "dekade", "windu", "thn", "th", "bln",
                         "mgg", "hr",
                         "years", "year", "months", "month", "weeks", "week", "days", "decade"})
_DURATIONS = frozenset({"setahun", "sebulan", "seminggu", "sepekan", "sehari", "sewindu", "lama"})
_NUMBER_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                           "sepuluh", "belasan", "puluhan", "beberapa", "two", "three", "four", "five", "several"})
#: what people have to put up with: after "harus/mesti" a burden stated, not an urging ("tiap
#: hari harus naik ojek", "warga harus mengeluarkan uang untuk membeli air bersih"; train + dev
#: sentences: recommended in 2 of 19)
_BURDEN_MODALS = frozenset({"harus", "hrs", "mesti", "musti", "terpaksa"})
#: a hope for what a thing will bring ("berharap aplikasi ini dapat mempermudah warga") is an
#: aim, not an urging: train + dev sentences with a hope, then a modal and one of these effects,
#: 17 of 22 labelled with no status
_HOPES = frozenset({"berharap", "mengharapkan"})
_EFFECT_MODALS = frozenset({"dapat", "bisa", "mampu", "akan", "semakin", "makin"})
_EFFECTS = frozenset({"mengurangi", "membantu", "meningkatkan", "mempermudah", "memudahkan", "menekan", "mengurai",
                      "menjadi", "memberikan", "memberi", "mempercepat", "memperlancar", "menunjang",
                      "mendukung", "menjawab", "mengatasi", "menangani", "memperbaiki", "mewujudkan", "dinikmati",
                      "dimanfaatkan", "bermanfaat", "berdampak", "memacu", "menumbuhkan", "menggerakkan",
                      "menarik", "memotivasi", "menciptakan", "mencegah", "meningkat"})
#: who may be hoped to act (besides governments): a hope that they act urges them
_ADDRESSEES = frozenset({"presiden", "kepala", "camat", "lurah", "kades", "pihak", "pengelola", "instansi", "dpr",
                         "pln", "menteri", "wakil", "pengembang", "operator", "perusahaan", "swasta"})
#: where a hope's own clause ends and an aim or another predicate begins
_HOPE_STOPS = frozenset({"agar", "supaya", "sehingga", "untuk", "dan", "serta", "guna", "demi"})
#: who governs: a "harus" they bear is an urging, not a burden
_GOVERNMENT_WORDS = frozenset({"pemkot", "pemprov", "pemkab", "pemda", "pemerintah", "dinas", "dishub", "dlh",
                               "bupati", "gubernur", "walikota", "wali", "kementerian", "menteri", "kemenhub",
                               "kominfo", "komdigi", "bappeda", "dprd", "bpbd", "pdam", "government", "city",
                               "ministry", "mayor", "regency", "province", "agency", "council"})
#: words that open a clause's own subject
_SUBJECT_WORDS = _PRONOUNS | _GOVERNMENT_WORDS | {"warga", "masyarakat", "penduduk", "pengguna", "siswa", "pasien",
                                                  "penumpang", "pedagang", "petugas", "residents", "people", "users"}
_BURDENS = frozenset({"naik", "antre", "antri", "mengantre", "mengantri", "bayar", "membayar", "datang", "dtg", "pergi",
                      "menempuh", "menunggu", "nunggu", "mengeluarkan", "merogoh", "menumpang", "numpang",
                      "berjalan", "jalan", "berdesakan", "menyeberang", "membeli", "beli", "mengungsi", "melewati",
                      "lewat", "berangkat", "bolak", "keluar", "pakai", "memakai", "memutar", "berputar"})
#: states a place or a service suffers: "no longer" before them reports a success ("kawasan
#: Simpang Lima tidak pernah lagi tergenang", "warga tak lagi antre")
_TROUBLES = frozenset({"tergenang", "terendam", "kebanjiran", "banjir", "macet", "antre", "antri", "mengantre",
                       "mengantri", "kumuh", "padam", "bau", "becek", "berlubang", "gelap", "kekeringan",
                       "kekurangan", "dipungut", "terlambat", "telat", "berdesakan", "dibatasi", "dipersulit",
                       "ditolak", "berbelit", "berbelit-belit"})
#: nouns of a trouble: "no more" before them reports a success ("tidak ada lagi tumpukan
#: sampah", "tak ada lagi antrean panjang")
_TROUBLE_NOUNS = frozenset({"tumpukan", "genangan", "antrean", "antrian", "kemacetan", "macet", "percaloan", "calo",
                            "pungli", "pungutan", "kebocoran", "banjir", "bau", "kumuh",
                            "queues", "queue", "congestion", "flooding", "piles"})


def _no_more_trouble(t: Tokens, g: Cue, m: Span) -> bool:
    """Does ``g`` say "no more" ("tidak ada lagi", "tak ada lagi", "no more") of a trouble that
    the mention names or follows ("tumpukan sampah", "kemacetan")?"""
    low = t.lower
    words = low[g.start : min(g.end + 1, len(low))]
    gone = ("ada" in words and "lagi" in words and any(w in ("tidak", "tak", "tiada") for w in words)) or (
        "no" in words and "more" in words)
    if not gone or m.start - g.end > 3:
        return False
    return bool(m._.problem) or any(w in _TROUBLE_NOUNS for w in low[g.end : m.end])


#: a target named, then met ("Target … sudah tercapai", "the target was achieved")
_TARGET_NOUNS = frozenset({"target", "targetnya", "sasaran"})
#: verbs of beating a target ("melampaui target", "exceeding the target")
_EXCEEDS = frozenset({"melampaui", "melebihi", "exceeding", "exceeded", "exceeds", "surpassing", "surpassed",
                      "surpasses", "above", "beyond"})
_MET = frozenset({"tercapai", "terpenuhi", "terlampaui", "achieved", "met", "exceeded", "reached"})
#: between a target and "tercapai": not met yet ("akan tercapai", "diharapkan tercapai", "hampir")
_NOT_YET_MET = frozenset({"akan", "bakal", "diharapkan", "harapkan", "optimistis", "optimis", "yakin", "bisa",
                          "dapat", "hampir", "nyaris", "will", "expected", "hoped", "likely", "almost", "nearly",
                          "be"})
#: between a target and "tercapai": missed ("gagal tercapai", "failed to be met")
_MISSED = frozenset({"belum", "blm", "gagal", "failed", "never"})
#: "not found": a shortfall of what is named before it only
_NOT_FOUND = frozenset({"tidak ditemukan", "tak ditemukan"})
#: after the mention: what an inspection looks for ("sampah menumpuk", "parkir liar")
_FOUND_TROUBLES = frozenset({"menumpuk", "berserakan", "liar", "rusak", "bocor", "ilegal"})
#: nouns of a plan: an absence of one denied is a plan
_PLAN_WORDS = frozenset({"rencana", "perencanaan", "konsep", "program", "plan", "plans"})
#: words of an outcome at last: a predicate after them is not fused with a plan before them
_AT_LAST = frozenset({"akhirnya", "finally", "eventually"})
#: after "sudah setahun": words that say the state is a trouble ("udh 3 thn rusak ga dibenerin")
_STATE_WORDS = frozenset({"rusak", "mati", "mangkrak", "terbengkalai", "kosong", "sepi", "tutup", "nongkrong",
                          "menunggu", "tergenang", "banjir", "macet", "padam", "tidak", "tak", "gak", "ga", "gk",
                          "tdk", "belum", "blm", "cuma", "hanya"})
#: negators (informal spellings too) that open a "no more"
_NEGATIONS = _NOT_WORDS | {"tdk", "gk"}
#: "belum" before a span of time is "less than" ("Belum sebulan, …"), not a not-yet
_NOT_YET_WORDS = frozenset({"belum", "blm"})
#: words that open a not-yet or a not ("belum memiliki …", "tidak ada …")
_NEGATIONS = _NOT_YET_WORDS | _NOT_WORDS
#: the words of an obligation ("wajib lulus uji emisi")
_OBLIGATIONS = frozenset({"wajib", "diwajibkan"})
#: a rule in force in the sentence: its "wajib" is the rule's content
_RULE_WORDS = frozenset({"berlaku", "sesuai", "berdasarkan", "diatur", "mengatur", "pergub", "perda", "perwali",
                         "perbup", "permen", "perpres", "peraturan", "regulasi", "undang-undang"})
#: a time gone by: a necessity said of it was ("Dulu warga harus antre …, sekarang cukup …"),
#: no urging
_BEFORE_NOW = frozenset({"dulu", "dahulu", "dulunya", "dahulunya", "sebelumnya", "tadinya", "semula"})
#: words that name the whole a small count is taken from ("dari total 90 bus", "out of 27")
_WHOLE = frozenset({"dari", "of"})
#: a target, whose object may hold a done marker ("menargetkan … sudah …")
_TARGETS = frozenset({"menargetkan", "ditargetkan", "targetkan", "targets", "targeted", "targeting"})
_IF_ONLY = frozenset({"seandainya", "andaikan", "andaikata", "sekiranya"})
_DONE_IN_HINDSIGHT = frozenset({"sudah", "telah"})


def _not_only_but_also(t: Tokens, first: int, at: int) -> bool:
    """Is the break word at ``at`` the "but also" of a "not only … but also" that shares one
    predicate ("Not only the bus fleet but also the garbage trucks … will switch …")?"""
    low = t.lower
    return at + 1 < len(low) and low[at] == "but" and low[at + 1] == "also" and any(
        low[j] == "not" and low[j + 1] == "only" for j in range(first, at - 1))


#: the words that open an enumerated item ("Pertama, …", "Second, …")
_ORDINALS = frozenset({"pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan",
                       "first", "second", "third", "fourth", "fifth", "sixth"})


def _opening_word(doc: Doc, s: _Sentence) -> int | None:
    """The sentence's first token that is neither punctuation nor space (past an opening quote)."""
    return next((j for j in range(s.span.start, s.span.end) if not doc[j].is_punct and not doc[j].is_space), None)


def _counterfactual(doc: Doc, s: _Sentence) -> tuple[int, int, bool] | None:
    """The opening word and the comma of a counterfactual condition that opens the sentence,
    and whether it is English, or None: "Seandainya … , … sudah …" (a done marker in the main
    clause); "Had the city built …, … would have …"."""
    o = _opening_word(doc, s)
    if o is None:
        return None
    first = doc[o].lower_
    english = first == "had" and doc[o].text[:1].isupper()
    if first not in _IF_ONLY and not english and not (
            first in ("kalau", "jika", "andai") and o + 1 < s.span.end and doc[o + 1].lower_ == "saja"):
        return None
    comma = next((j for j in range(o + 1, s.span.end) if doc[j].text == ","), None)
    if comma is None:
        return None
    rest = [doc[j].lower_ for j in range(comma + 1, s.span.end)]
    if english:
        hindsight = any(a in ("would", "could", "might") and b == "have" for a, b in zip(rest, rest[1:], strict=False))
    else:
        hindsight = any(w in _DONE_IN_HINDSIGHT for w in rest)
    return (o, comma, english) if hindsight else None


_TOPIC_NOUNS = frozenset({"bidang", "sisi", "hal", "sektor", "aspek", "urusan"})


def _topic_comma(doc: Doc, s: _Sentence) -> int | None:
    """The comma that ends a fronted topic phrase opening the sentence ("Untuk kesehatan,",
    "Di bidang ekonomi,", "Dari sisi lingkungan,", "Soal transportasi,"), or None. "Untuk"
    before a verb is an aim ("Untuk mengurangi kemacetan, …"), not a topic."""
    o = _opening_word(doc, s)
    if o is None or o + 2 >= s.span.end:
        return None
    first, second = doc[o].lower_, doc[o + 1].lower_
    if first in ("untuk", "soal", "terkait", "mengenai"):
        if second.startswith(("me", "ber", "di", "ter", "per")) and second not in ("mereka",):
            return None
    elif not (first in ("di", "dari", "dalam") and second in _TOPIC_NOUNS):
        return None
    return next((j for j in range(o + 1, min(o + 9, s.span.end)) if doc[j].text == ","), None)


#: again, anew: a plan renewed ("akan diusulkan kembali")
_AGAIN = frozenset({"kembali", "ulang", "again"})
_NEEDLESS = frozenset({"tidak", "tak", "tdk", "gak", "gk", "ga", "nggak", "enggak"})


def _no_need_before(t: Tokens, start: int, lo: int) -> bool:
    """Does "tidak perlu" (or a chat spelling) stand right before ``start``?"""
    low = t.lower
    return start - 2 >= lo and low[start - 1] == "perlu" and low[start - 2] in _NEEDLESS


#: a claim the writer may reject ("Pemkot mengklaim …, padahal …")
_CLAIMS = frozenset({"mengklaim", "diklaim", "klaim", "mengaku", "diakui", "claims", "claimed"})
#: a forecast: what is predicted has not happened ("kemacetan diprediksi berkurang")
_FORECASTS = frozenset({"diprediksi", "diperkirakan", "diproyeksikan", "predicted", "projected", "forecast",
                        "expected", "akan", "will", "would"})
#: an exclusive focus that reports how far a deed has reached, not a scope
_REACHED = re.compile(r"\bmenyentuh\b|\bbaru mencakup\b", re.IGNORECASE)
#: a focus narrowed to a count is no shortfall ("Fokus tahap pertama hanya dua: …")
_FOCUS_NOUNS = frozenset({"fokus", "fokusnya", "prioritas", "prioritasnya", "focus", "priority", "priorities"})
#: before "hanya"/"only": the count is not called small ("tidak hanya satu", "one of only three")
_NOT_SMALL = frozenset({"tidak", "tak", "bukan", "not", "of", "the", "satu-satunya"})
#: a written count: "23", "0,47", "51%", "8-10"
_COUNT = re.compile(r"\d[\d.,%–-]*$")
#: intransitive me- verbs of a falling problem: a result, not an action ("angka stunting menurun")
_FALLING = frozenset({"menurun", "mereda", "menyusut", "menipis"})
#: words of a measured outcome: with them a mitigation noun or verb states a result
_OUTCOMES = frozenset({"mengalami", "mencapai", "menjadi", "persen", "signifikan", "drastis", "tajam", "%"})


class StatusTagger:
    """Set ``span._.status`` and ``span._.cue`` on every span of ``doc.spans["pillars"]``."""

    def __init__(self, nlp: Language, lexicon: Lexicon, governor: Governor | None = None) -> None:
        cfg = lexicon.status
        self.governor = governor or Governor(None)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind in STATUS_KINDS:
            self.matcher.add(f"cue:{kind}", [nlp.make_doc(w) for w in cfg["cues"][kind]])
        for cat in _CATEGORIES:
            words = cfg.get(cat) or []
            if words:
                self.matcher.add(cat, [nlp.make_doc(w) for w in words])
        self.plan_noun_words = {w.lower() for w in cfg.get("plan_nouns", [])}
        words = lambda key: frozenset(w.lower() for w in cfg.get(key, []))  # noqa: E731
        self.cancelled, self.sweeping, self.fronted = words("cancelled"), tuple(cfg.get("sweeping", [])), words("fronted")
        #: theme words ("bertema") count only after an event's noun; guests ("dihadiri") always
        self.themes, self.event_nouns = words("themes"), words("event_nouns")
        self.future_times = words("future_times")
        #: "hanya 23 unit", "only 17 out of 27": a count called small is a shortfall
        self.scarcity, self.scarcity_fillers = words("scarcity"), words("scarcity_fillers")
        self.scarcity_units, self.scarcity_counts = words("scarcity_units"), words("scarcity_counts")
        self.window = int(cfg.get("negation_window", 3))
        self.rec_section = re.compile(cfg.get("recommendation_sections", r"(?!)"))
        self.strings = nlp.vocab.strings

    # -- per-sentence analysis ------------------------------------------------------------
    def _marks(
        self, doc: Doc, matches: list[tuple[int, int, int]], in_names: set[int], bounds: tuple[int, int]
    ) -> tuple[list[Cue], dict[str, list[tuple[int, int]]]]:
        """The sentence's cues (fused into groups) and its other marks.

        ``in_names``: the tokens inside programme names of the document; ``bounds``: the
        sentence's first and last token.
        """
        t = tokens(doc)
        scarce = self._scarcities(t, *bounds)
        done = _realisations(t, bounds)
        if not matches and not scarce and not done:
            return [], {}
        raw_cues: list[Cue] = []
        marks: dict[str, list[tuple[int, int]]] = {}
        for key, s, e in matches:
            label = self.strings[key]
            if label.startswith("cue:"):
                raw_cues.append(Cue(label[4:], s, e, t.span_text(s, e)))
            else:
                marks.setdefault(label, []).append((s, e))
        raw_cues += self._perfects(doc, marks.get("perfect", []), raw_cues)
        raw_cues += _progressives(t, bounds, raw_cues)
        raw_cues += _not_yet_done(t, bounds, raw_cues)
        if done:
            # a target with its realisation is a report of the realisation ("Target 2024: 39 |
            # Realisasi 2024: 21"; "target 5 sumber air, terealisir sebanyak 5")
            raw_cues = [c for c in raw_cues if not (c.kind == "planned" and t.lower[c.start] in _TARGET_WORDS)] + done
        if "purpose" in marks:
            # "Dengan demikian, dapat disimpulkan …": a connective opening a conclusion links
            # it to what came before; it opens no aim
            marks["purpose"] = [(a, b) for a, b in marks["purpose"] if not _concluding(t, a, b, bounds[0])]
            # "Ke depan, Pemkot Kupang diharapkan mengintegrasikan …": a government expected to
            # act is urged (train + dev: 7 of 8 such sentences), not an aim
            expected = [(a, b) for a, b in marks["purpose"] if _government_expected(t, a, b, bounds[0])]
            if expected:
                marks["purpose"] = [m for m in marks["purpose"] if m not in expected]
                raw_cues += [Cue("recommended", a, b, t.span_text(a, b)) for a, b in expected]
        # a not-cue inside a longer cue is that cue's word ("tidak memenuhi target" holds the
        # result "memenuhi target"): the longer cue stands
        blocked = {i for s, e in marks.get("not_cues", [])
                   if not any(c.start <= s and e <= c.end and c.end - c.start > e - s for c in raw_cues)
                   for i in range(s, e)}
        # "bukan (hanya) sekadar memasang CCTV": what a thing is not merely, not what was done
        for a, b in marks.get("mere", []):
            stop = next((j for j in range(b, min(b + 3, len(doc))) if t.punct[j]), min(b + 3, len(doc)))
            blocked |= set(range(a, stop))
        # a word of a programme's name is no cue ("Jakarta Kini (JAKI)", "Program Sudah Sehat")
        blocked |= in_names
        if "anaphora" in marks:
            marks["anaphora"] = [(s, e) for s, e in marks["anaphora"] if s not in blocked]
        # a focus after "sudah/telah" ("sudah masuk ke dalam fokus") is a focus, not a completion
        focus_at = {s for s, _ in marks.get("focus", [])}
        cues = []
        for cue in raw_cues:
            if any(i in blocked for i in range(cue.start, cue.end)):
                continue
            if cue.kind == "planned" and _preposition_akan(t, cue.start, cue.end):
                continue
            if cue.kind == "implemented" and cue.start > 0 and t.lower[cue.start - 1] in ("untuk", "guna") \
                    and t.lower[cue.start].startswith("di"):
                continue  # "potensi … untuk dikembangkan", "untuk diterapkan di Bangli": yet to be done
            if cue.kind == "implemented" and any(cue.end <= f <= cue.end + 3 for f in focus_at):
                continue
            if cue.kind == "implemented" and _no_report(t, cue.start, cue.end, bounds[1]):
                continue
            cues.append(cue)
        for cue in scarce:
            if any(i in blocked for i in range(cue.start, cue.end)):
                continue  # "bukan hanya 2 puskesmas …" (a not_cue)
            if cue.kind == "not_addressed":
                marks.setdefault("scarcity", []).append((cue.start, cue.end))
            cues.append(cue)
        # longest match wins among overlapping cues
        cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
        kept: list[Cue] = []
        for cue in cues:
            if kept and cue.start < kept[-1].end:
                continue
            kept.append(cue)
        for cue in kept:
            words = t.lower[cue.start : cue.end]
            cue.plan_noun_only = cue.kind == "planned" and " ".join(words) in self.plan_noun_words
        # negators turn a following cue into not_addressed ("belum terlaksana", "tidak akan")
        # ("Bukan berarti … tidak punya": the denial's "bukan" is no negator of the cue; rule denial)
        denied = {i for a, b in marks.get("denial", []) for i in range(a, b)}
        # "Belum sebulan, 26 ribu orang sudah naik feeder": "not yet a month" measures time
        # (only where a cue or a negator stands: most sentences have a handful)
        spans = {i for i in {c.start for c in kept} | {a for a, _ in marks.get("negators", [])}
                 if t.lower[i] in _NOT_YET_WORDS and _span_of_time(t, i + 1, bounds[1])}
        kept = [c for c in kept if not (c.start in spans and c.end - c.start == 1)]
        # "tak pernah banjir lagi", "tidak tergenang lagi": a trouble no more, "lagi" after it
        gone = _troubles_gone(t, [a for a, _ in marks.get("negators", [])], bounds[1])
        if gone:
            kept = [c for c in kept if not any(c.start < g.end and g.start < c.end for g in gone)] + gone
        consumed = {g.start for g in gone}
        negs = [s for s, _ in marks.get("negators", [])
                if s not in blocked and s not in denied and s not in spans and s not in consumed]
        # each negator governs the first cue after it, and only that one
        negated_absence = []
        by_start = sorted(kept, key=lambda c: c.start)
        for n in negs:
            cue = next((c for c in by_start if c.start > n), None)
            if cue is None or cue.start > n + self.window or any(t.punct[n : cue.start]):
                continue
            if cue.start > n + 1 and t.lower[cue.start] in _MODALS:
                continue  # "Trotoar yang belum layak akan diperbaiki": the negator ends at "layak"
            if cue.kind == "not_addressed":
                negated_absence.append(cue)  # "tidak tertinggal": not an absence
            else:
                cue.kind, cue.start, cue.text = "not_addressed", n, t.span_text(n, cue.end)
        kept = [c for c in kept if c not in negated_absence]
        # "telah melihat langsung", "sudah merasakan sulitnya akses jalan": a marker of
        # completion before a verb of seeing, saying or meeting reports that act, not a measure
        # (a word of a programme's name is no act: "meluncurkan aplikasi Lapor Hendi")
        non_events = {s for s, _ in marks.get("non_events", []) if s not in blocked}

        def reports_an_act(c: Cue) -> bool:  # "telah kami paparkan": a pronoun may stand between
            nxt = c.end + 1 if c.end < len(t.lower) and t.lower[c.end] in _PRONOUNS else c.end
            return c.kind == "implemented" and (nxt in non_events or nxt + 1 in non_events)
        kept = [c for c in kept if not reports_an_act(c)]
        # "Saya akan menyampaikan tanggapan terkait banjir, kemacetan …": a future act of saying
        # or meeting plans the talk, not a measure for its topic
        kept = [c for c in kept if not (c.kind == "planned" and c.end - c.start == 1 and t.lower[c.start] in _MODALS
                                        and c.end < len(t.lower) and t.lower[c.end] in _SAYING)]
        # "Kota Ambon belum memiliki angkutan umum massal yang melayani rute ke Bandara": what
        # the missing thing would do, in a relative clause after the not-yet, is missing too
        kept = [c for c in kept if not (c.kind == "implemented" and c.start > bounds[0] and t.lower[c.start - 1] in ("yang", "yg")
                                        and any(g.kind == "not_addressed" and g.end <= c.start - 1 and c.start - g.end <= 8
                                                and t.lower[g.start] in _NEGATIONS
                                                and not any(t.punct[g.end : c.start]) for g in kept))]
        # "Aplikasi Tije lemot bgt pas jam pulang, mau cek bus dateng jam brp aja …", "boro2 mau
        # daftar layanan online": a user's "mau" after a comma or "when" wants, it plans nothing
        kept = [c for c in kept if not (c.kind == "planned" and c.end - c.start == 1 and t.lower[c.start] == "mau"
                                        and c.start > bounds[0] and (t.text[c.start - 1] == ","
                                                                     or t.lower[c.start - 1] in _WANTING_WHEN))]
        # "akan memberlakukan uji emisi wajib bagi kendaraan dinas": the obligation is what the
        # enacted rule says, the enacting verb's own status stands
        kept = [c for c in kept if not (c.kind == "recommended" and t.lower[c.start] in _OBLIGATIONS
                                        and any(w in _ENACTING for w in t.lower[max(bounds[0], c.start - 4) : c.start]))]
        # "Torang so lama minta tempat sampah …", "udh 3 tahun minta drainase diperbaiki": a
        # request long made and still made complains of an absence, it urges nothing new
        for c in kept:
            if c.kind == "recommended" and t.lower[c.start] in _ASKING_FOR and _long_asked(t, c.start, bounds[0]):
                c.kind = "not_addressed"
        # "dihentikan sementara saat pandemi dan diberlakukan lagi mulai Juli 2022", "was
        # suspended in 2020; three corridors reopened in 2022": a stop told before a return is
        # history, the return stands
        returns = [c for c in kept if c.kind == "implemented" and any(
            w in _RETURNS for w in t.lower[c.start : c.end + 1])]
        kept = [c for c in kept if not (c.kind == "not_addressed" and any(r.start > c.end for r in returns))]
        # "… kembali dipadati warga setelah sempat ditiadakan": a stop told after "setelah
        # sempat" is what the return came after
        kept = [c for c in kept if not (c.kind == "not_addressed" and returns and c.start >= 2
                                        and t.lower[c.start - 1] in ("sempat", "sebelumnya")
                                        and "setelah" in t.lower[max(0, c.start - 3) : c.start])]
        # "berperan penting dalam mendorong pertumbuhan ekonomi", "agar mendorong kreativitas":
        # "mendorong" after an aim or role word promotes something, it urges nobody
        kept = [c for c in kept if not (c.kind == "recommended" and t.lower[c.start] in ("mendorong", "dorong")
                                        and c.start > bounds[0] and t.lower[c.start - 1] in _PROMOTING_BEFORE
                                        and not any(w in ("agar", "supaya") for w in t.lower[c.end : c.end + 5]))]
        # "investor yang akan masuk", "warga yang akan berobat": what people mean to do is no plan
        # of a government's
        kept = [c for c in kept if not (c.kind == "planned" and c.start >= 2 and t.lower[c.start] in _MODALS
                                        and t.lower[c.start - 1] == "yang" and t.lower[c.start - 2] in _PERSONS)]
        # "Warga yang belum terdaftar sebagai peserta BPJS … dapat langsung didaftarkan": who the
        # people are, not what is missing (hand-written set 63)
        kept = [c for c in kept if not (c.kind == "not_addressed" and c.start >= 2 and t.lower[c.start] in ("belum", "blm")
                                        and t.lower[c.start - 1] in ("yang", "yg") and t.lower[c.start - 2] in _PERSONS)]

        def voided(c: Cue) -> bool:
            if c.kind == "implemented":
                # a marker measuring a state, where a later cue or word says what the state is
                # ("sudah tiga tahun aktif" stays a report)
                return _measures_a_state(t, c, bounds[1]) and (
                    any(o.start >= c.end + 2 for o in kept) or any(w in _STATE_WORDS for w in t.lower[c.end : bounds[1]]))
            if c.kind == "recommended":
                return _necessity_gone_by(t, c, bounds[0]) or _states_a_burden(t, c, bounds[0]) \
                    or _hope_of_effect(t, c, bounds[1])
            return False
        kept = [c for c in kept if not voided(c)]
        # "Sesuai pergub yang berlaku sejak 2020, setiap mobil … wajib lulus uji emisi": an
        # obligation a rule in force lays down urges nobody (train + dev: none of 6 urged)
        # (a government obliged by law is urged: "Pemkab Karawang wajib menambah RTH … sesuai
        # undang-undang")
        obliged = [c for c in kept if c.kind == "recommended" and t.lower[c.start] in _OBLIGATIONS]
        if obliged and any(w in _RULE_WORDS for w in t.lower[bounds[0] : bounds[1]]):
            lifted = [c for c in obliged if not any(w in _GOVERNMENT_WORDS for w in t.lower[bounds[0] : c.start])]
            kept = [c for c in kept if c not in lifted]
        # "can be built", "bisa dibangun": a possibility, not a completion
        possible = {e for _, e in marks.get("possibility", [])} | {e + 1 for _, e in marks.get("possibility", [])}
        kept = [c for c in kept if not (c.kind == "implemented" and c.start in possible)]
        # the possibility reaches the verbs coordinated after its own ("dinilai dapat meningkatkan
        # investasi, membuka lapangan kerja sekaligus menyediakan hunian layak")
        ends = [e for _, e in marks.get("possibility", [])]
        kept = [c for c in kept if not (c.kind == "implemented" and _possible_by_coordination(t, c, ends, kept))]
        # adjacent cues fuse; the governing kind wins (a small count stays a cue of its own: a
        # mention may void it, "pengangguran kini hanya 4 persen")
        scarce_at = set(marks.get("scarcity", []))
        groups: list[Cue] = []
        for cue in sorted(kept, key=lambda c: c.start):
            prev = groups[-1] if groups else None
            if (
                prev
                and (cue.start, cue.end) not in scarce_at and (prev.start, prev.end) not in scarce_at
                and (cue.start - prev.end <= 2 or _name_between(t, prev, cue))
                and not any(t.punct[j] or t.lower[j] in _CONJUNCTIONS or t.lower[j] in _CLAUSE_OPENERS
                            for j in range(prev.end, cue.start))
                # a modal opens a new predicate after a state ("belum layak | akan diperbaiki")
                and not (prev.kind == "not_addressed" and t.lower[cue.start] in _MODALS)
                # "yang direncanakan sejak 2017 | akhirnya diresmikan": what came at last stands apart
                and not _at_last(t, cue.start)
                # "armada yang diusulkan Dinas Damkar | tidak masuk dalam Raperda": a passive
                # relative clause says what the thing is; the predicate after it stands apart
                and not (prev.start > 0 and t.lower[prev.start - 1] in ("yang", "yg")
                         and t.lower[prev.start].startswith("di") and prev.kind != cue.kind
                         and cue.start > prev.end)
                # "telah mengaktifkan kembali kepesertaan … warga | yang sebelumnya dinonaktifkan":
                # a passive relative clause after the object says what it was; the deed stands
                and not (prev.kind != cue.kind and cue.start >= prev.end + 2 and _what_it_was(t, cue.start))
            ):
                kind = max(prev.kind, cue.kind, key=_PRECEDENCE.__getitem__)
                if prev.kind == "planned" and cue.kind == "not_addressed" and t.lower[prev.end - 1] in _TARGETING \
                        and t.lower[cue.start] in ("tidak", "tak", "zero"):
                    kind = "planned"  # "menargetkan tidak ada lagi sekolah tanpa internet": a target of none
                if prev.kind == "implemented" and cue.plan_noun_only:
                    kind = "implemented"  # "menerapkan konsep smart city": the concept is applied
                if prev.kind == "recommended":
                    # "menyarankan pemprov menghentikan izin …", "Hendaknya sampah tidak lagi
                    # dibuang …": the urging governs what it urges, a stop or a "no more" included
                    kind = "recommended"
                groups[-1] = Cue(kind, prev.start, cue.end, t.span_text(prev.start, cue.end),
                                 prev.plan_noun_only and cue.plan_noun_only)
            else:
                groups.append(cue)
        return [_target_result(t, g) for g in groups], marks

    def _scarcities(self, t: Tokens, lo: int, hi: int) -> list[Cue]:
        """Rule ``scarcity``: "hanya (memiliki) 32 dokter", "hanya 23 unit yang aktif", "only
        17 out of the 27 centres": a count called small reports a shortfall (train + dev pages:
        23 of 33 such sentences say not addressed). Not a short time, distance or size ("hanya
        5 menit", "cuma 200 meter", "hanya 15 MB"): that praises. "baru" before a count is
        the guideline's "so far only" and reports what exists ("baru empat dari 11 kabupaten
        …", "baru 40 persen"): an implemented cue."""
        out = []
        low = t.lower
        for j in range(lo, hi):
            # GUIDELINE: "baru" = so far only, a report. (English "so far, only 30 percent …"
            # was tried as the same: the training pages read it as a shortfall, stop 31)
            so_far = low[j] == "baru"
            if low[j] not in self.scarcity and not so_far:
                continue
            if j > lo and low[j - 1] in _NOT_SMALL:
                continue  # "tidak hanya satu", "not only two", "one of only three", "the only two"
            k = j + 1
            while k < hi and k <= j + 2 and low[k] in self.scarcity_fillers:
                k += 1
            count = k < hi and (low[k] in self.scarcity_counts or _COUNT.match(low[k]) is not None)
            if not count:
                continue
            if any(low[x] in _FOCUS_NOUNS for x in range(lo, j)):
                continue  # "Fokus tahap pertama hanya dua: …": a focus narrowed, no shortfall
            unit = k + 1
            if unit + 1 < len(low) and low[unit] in ("-", "–", "hingga", "sampai", "to") and _COUNT.match(low[unit + 1]):
                unit += 2  # a range: "hanya 10-15 menit"
            if unit < len(low) and low[unit] in self.scarcity_units:
                continue
            # "hanya empat yang sudah memiliki …": a completion marker reports what exists
            # (hand-written set 38; English "so far only" was tried: a training page reads
            # "so far, only 30 percent of the targeted MSMEs" as a shortfall)
            so_far = so_far or (k + 2 < hi and low[k + 1] in ("yang", "yg") and low[k + 2] in ("sudah", "telah", "sdh", "udah"))
            out.append(Cue("implemented" if so_far else "not_addressed", j, k + 1, " ".join(t.text[j : k + 1])))
        return out

    @staticmethod
    def _taken_from(t: Tokens, lo: int, best: Cue, scarce: Cue, cues: list[Cue]) -> bool:
        """Is ``best`` inside the phrase naming the whole a small count is taken from ("Dari
        total 90 unit bus yang tersedia, hanya 23 …", "Out of 27 centres that opened, only
        …")? The phrase opens with "dari"/"of" right before a number and ends at its comma; no
        other deed may be reported between it and the count ("Dari 90 bus yang telah
        beroperasi, sebagian besar sudah memakai listrik, dan hanya 5 …")."""
        low = t.lower
        for j in range(lo, best.start):
            if low[j] not in _WHOLE:
                continue
            n = j + 2 if j + 2 < len(low) and low[j + 1] == "total" else j + 1
            if n >= len(low) or not _COUNT.match(low[n]):
                continue
            comma = next((x for x in range(n, scarce.start) if t.text[x] == ","), None)
            if comma is None or best.start > comma:
                continue
            return not any(c.kind == "implemented" and comma < c.start < scarce.start for c in cues)
        return False

    @staticmethod
    def _warning(s: _Sentence) -> bool:
        """A negated condition ("jika … tidak …", "if … not …"): what follows is a warning."""
        if s.marks.get("mitigation"):
            return False  # "… akan membangun kolam retensi untuk mengatasi banjir": a plan
        for c0, _ in s.marks.get("condition", []):
            lo, hi = s.clause_tokens(s.clause_of(c0))
            if s.marks_in("negators", c0, hi):
                return True
        return False

    @staticmethod
    def _perfects(doc: Doc, perfects: list[tuple[int, int]], cues: list[Cue]) -> list[Cue]:
        """English present perfect: "has placed 3,000 young people", "have been built" report
        what is done; "has pledged", "has urged" speak of intentions; "has stalled" of a failure.
        ``perfects``: the marks of "has"/"have" (with "been" or an adverb) before a participle."""
        out = []
        starts = {c.start for c in cues}
        for s0, e0 in perfects:
            if e0 >= len(doc) or e0 in starts:
                continue  # the participle is a cue of its own ("has failed", "has installed")
            word = doc[e0].lower_
            if not word.isalpha():
                continue
            if word in _EN_STALLED:
                out.append(Cue("not_addressed", s0, e0 + 1, doc[s0 : e0 + 1].text))
            elif word in _EN_DEEDS:
                out.append(Cue("implemented", s0, e0 + 1, doc[s0 : e0 + 1].text))
        return out

    def _sentences(self, doc: Doc) -> list[_Sentence]:
        sections = doc.user_data.get("pilar_sections") or []
        out: list[_Sentence] = []
        para = 0
        last_end = 0
        all_matches = sorted(self.matcher(doc), key=lambda m: m[1])
        starts_of = [m[1] for m in all_matches]
        t = tokens(doc)
        text = t.full
        in_names = {i for p in doc.spans.get("programs", []) if p._.kind == "program" for i in range(p.start, p.end)}
        for first, last in sentence_bounds(doc):
            if all(t.space[first:last]):
                continue
            sent = doc[first:last]
            between = text[last_end : sent.start_char]
            if "\n\n" in between or "\n\n" in text[max(sent.start_char - 2, 0) : sent.start_char]:
                para += 1
            last_end = sent.end_char
            lo = bisect.bisect_left(starts_of, sent.start)
            hi = bisect.bisect_left(starts_of, sent.end)
            groups, marks = self._marks(doc, [m for m in all_matches[lo:hi] if m[2] <= sent.end], in_names,
                                        (first, last))
            imperative = self._imperative(t, first, marks)
            if imperative is not None:
                groups = sorted([*groups, imperative], key=lambda c: c.start)
            starts = [sent.start]
            for s, _ in marks.get("clause_breaks", []):
                if s > sent.start and not _not_only_but_also(t, first, s):
                    starts.append(s)
            starts += [j + 1 for j in range(first, last) if t.text[j] == ";" and j + 1 < last]
            # ", sementara …" sets a second clause against the first ("… smart economy dan smart
            # government, sementara smart mobility … tidak disinggung"); "untuk sementara" does not
            starts += [j + 1 for j in range(first + 1, last - 1) if t.text[j] == "," and t.lower[j + 1] == "sementara"
                       and t.lower[j + 2] not in ("ini", "waktu", "itu")]
            opener = first if not (t.space[first] or t.punct[first]) else \
                next((j for j in range(first, last) if not t.space[j] and not t.punct[j]), None)
            if opener is not None and t.lower[opener] in ("should", "had", "were") and t.text[opener][:1].isupper() \
                    and not self._question(t, first, last):
                # an inverted condition: "Should the budget be approved, construction would
                # begin …", "Had the city built the dike …": a condition, not an urging
                comma = next((j for j in range(opener + 1, last - 1) if t.text[j] == ","), None)
                if comma is not None:
                    groups = [g for g in groups if g.start != opener]
                    marks.setdefault("condition", []).append((opener, opener + 1))
                    starts.append(comma + 1)
            if opener is not None and t.lower[opener] in self.fronted:
                # a fronted subordinate clause ends at its comma: "Walaupun layanan X sudah
                # menjangkau …, jalan … belum diaspal"; "Untuk mengurangi kemacetan, Pemkot akan …"
                comma = next((j for j in range(opener + 1, last - 1) if t.text[j] == ","), None)
                if comma is not None:
                    starts.append(comma + 1)
            section = None
            for title, lo, hi, level in sections:
                if lo <= sent.start_char < hi and (section is None or level >= section[1]):
                    section = (title, level)
            out.append(_Sentence(sent, len(out), para, section[0] if section else None, groups,
                                 sorted(set(starts)), marks, self._question(t, first, last)))
        return out

    @staticmethod
    def _imperative(t: Tokens, first: int, marks: dict[str, list[tuple[int, int]]]) -> Cue | None:
        """An English imperative that opens the sentence or follows its title-case heading
        ("02 New Economic Opportunities Foster the emergence of …"): an urged aim."""
        for p, e in marks.get("imperatives", []):
            if t.text[p][:1].isupper() and all(
                    t.punct[j] or t.text[j][:1].isupper() or t.text[j][:1].isdigit() for j in range(first, p)):
                return Cue("recommended", p, e, t.text[p])
        return None

    # -- per-mention decision -------------------------------------------------------------
    def _is_marker(self, s: _Sentence, g: Cue) -> bool:
        """Does cue ``g`` hold an aspect or modal marker (sudah, akan, perlu …)?"""
        return any(g.start <= a < g.end for a, _ in s.marks.get("aspect_markers", []))

    def _governs(self, s: _Sentence, m: Span, g: Cue) -> bool:
        """The parse's word on whether cue ``g`` governs mention ``m`` (unknown counts as yes)."""
        doc = s.span.doc
        base = s.span.start_char
        cue = (doc[g.start].idx - base, doc[g.end - 1].idx + len(doc[g.end - 1].text) - base)
        sentence = tokens(doc).full[base : s.span.end_char]
        verdict = self.governor.governs(sentence, (m.start_char - base, m.end_char - base), cue)
        return verdict is not False

    def _capability(self, s: _Sentence, lo: int, hi: int) -> str | None:
        """Rule ``capability``: what a concrete, named service does now reports that it runs.

        Only in a clause with a capability word and, in its sentence, a named programme or a
        number ("terdapat 77 unit bank sampah"); never in a purpose clause or a definition.
        """
        t = tokens(s.span.doc)
        # English "has/have" before a past participle is an auxiliary ("has led to", "have
        # revealed"), not a service that has something
        marks = [(a, b) for a, b in s.marks_in("capability", lo, hi)
                 if not (t.lower[a] in ("has", "have") and b < len(t)
                         and (t.lower[b].endswith("ed") or t.lower[b] in _PARTICIPLES))]
        # a possibility before it ("dinilai dapat meningkatkan …, sekaligus menyediakan hunian
        # layak") says what the service could do, not what it does ("dapat diakses" is itself
        # a capability)
        all_marks = s.marks_in("capability", lo, hi)
        possible = [a for a, _ in s.marks_in("possibility", lo, hi)
                    if not any(x <= a < y for x, y in all_marks)]
        marks = [(a, b) for a, b in marks
                 if not (a > 0 and t.lower[a - 1] in _COORDINATORS and any(p < a - 2 for p in possible))]
        if not marks or s.marks_in("purpose", lo, hi):
            return None
        doc = s.span.doc
        named = any(s.span.start <= p.start < s.span.end and p._.kind == "program"
                    for p in doc.spans.get("programs", []))
        counted = any(t.like_num and not (t.is_digit and len(t.text) == 4) for t in doc[lo:hi])
        if not (named or counted):
            return None
        a, b = marks[0]
        return doc[a:b].text

    def _instrument(self, s: _Sentence, lo: int, hi: int) -> str | None:
        """A named programme used as the means of the clause, with no cue: "Smart Living dengan
        Public Safety Center 119", "warga mengadu melalui aplikasi JAKI", "through Jaki". The
        text speaks of the programme as something that runs (rule ``capability``)."""
        if s.marks_in("purpose", lo, hi):
            return None
        doc = s.span.doc
        t = tokens(doc)
        for p in doc.spans.get("programs", []):
            if p._.kind != "program" or not (lo <= p.start < hi):
                continue
            j = p.start - 1
            if j >= lo and t.lower[j] in _PROGRAMME_NOUNS:
                j -= 1
            if j >= lo and t.lower[j] in _INSTRUMENTS:
                return f"{t.text[j]} {p.text}"
        return None

    def _definition(self, s: _Sentence, m: Span, lo: int, hi: int) -> bool:
        """Rule ``definition``: a mention defined or listed, with no aspect marker in its clause."""
        t = tokens(s.span.doc)

        def aside(d: int) -> bool:  # "Smart government, singkatnya, adalah …": an aside between
            between = range(m.end, d)
            return d - m.end <= 5 and any(t.punct[j] for j in between) \
                and sum(not t.punct[j] for j in between) <= 2
        defs = [d for d, _ in s.marks_in("definition", lo, hi)
                if d < m.start or m.end <= d <= m.end + 1 or (d > m.end and aside(d))]
        # a framework's noun before the mention ("Dimensi smart living juga berkembang melalui
        # pemasangan CCTV …") names the dimension; a cue after the mention reports on it
        defs = [d for d in defs if not (d < m.start and t.lower[d] in _FRAMEWORK_NOUNS and any(
            g.start >= m.end for g in s.groups if g.start < hi))]
        # a framework's noun after the mention ("the smart living dimensions remain
        # underdeveloped", "did not include any environmental indicators") names what the
        # clause's cue speaks of
        defs = [d for d in defs if not (d >= m.end and t.lower[d] in _FRAMEWORK_NOUNS and any(
            lo <= g.start < hi for g in s.groups))]
        # an apposition closed by a comma before the clause's predicate ("Program Tarakan Hijau,
        # yakni penanaman mangrove oleh Pemkot, mandek sejak 2023"): the predicate speaks of it
        defs = [d for d in defs if not (d >= m.end and any(
            g.start > d and any(t.text[j] == "," for j in range(d + 1, g.start)) for g in s.groups if g.start < hi))]
        # a list inside a relative clause ("Program Pontianak Bersinar yang meliputi A, B, dan C
        # resmi dimulai …") is defined by the clause's own predicate when one follows the list
        defs = [d for d in defs if not (d > lo and t.lower[d - 1] in ("yang", "yg") and any(
            g.start > m.end and g.kind != "not_addressed" for g in s.groups if g.start < hi))]
        # a list stays a list whatever verb comes before it (issue 8: "yakni, yaitu, meliputi …
        # → mentioned"). A trial exception for "a verb before the list governs it" ("Sumenep
        # menerapkan enam aspek …, yaitu …") read six-dimension lists after "diterbitkan",
        # "dibutuhkan", "mengembangkan" as reports; it was dropped.
        # examples ("Topik yang paling sering dilaporkan antara lain jalan berlubang, …") name
        # like a list, unless a cue before them is the clause's predicate ("Program unggulan
        # yang dijalankan Pemkot antara lain aplikasi …": the programmes are run)
        # ("Fasilitas tersebut antara lain …": examples of what the sentence before reports)
        # (nor "Pemkot Semarang antara lain meluncurkan …", "Kendala … antara lain kurangnya …":
        # a cue anywhere in the clause says what the examples are)
        defs += [d for d, _ in s.marks_in("examples", lo, hi) if d < m.start
                 and not any(lo <= g.start < hi for g in s.groups) and not s.marks_in("anaphora", lo, d)]
        # an enumerated item glossed after a colon ("Kedua, smart society atau masyarakat
        # cerdas: membangun interaksi warga …"): the item's description, like "yakni"
        o = _opening_word(s.span.doc, s)
        # (a dimension's name, not a topic: "Third, waste: many kampungs run …" reports)
        if o is not None and t.lower[o] in _ORDINALS and o + 1 < m.start and t.text[o + 1] == "," \
                and "smart" in t.lower[o + 2 : m.end]:
            defs += [j for j in range(m.end, min(m.end + 6, hi)) if t.text[j] == ":"][:1]
        return bool(defs) and not s.marks_in("aspect_markers", lo, hi)

    def _topic(self, doc: Doc, t0: int) -> bool:
        """A theme marker counts after an event's noun ("seminar bertema …", not "program
        bertajuk …", which names a programme); guests ("dihadiri oleh") always count."""
        t = tokens(doc)
        if t.lower[t0] not in self.themes:
            return True
        return any(t.lower[j] in self.event_nouns for j in range(max(t0 - 5, 0), t0))

    @staticmethod
    def _own_clause_after(t: Tokens, s: _Sentence, t0: int, start: int) -> bool:
        """Does a comma outside quotes end the theme at ``t0`` before a cue that precedes the
        mention at ``start``? ("Di tengah gencarnya jargon smart city, Pemkot Tual sama sekali
        tidak memiliki portal open data": the slogan is a phrase of its own.)"""
        quotes = 0
        for j in range(t0 + 1, start):
            if t.text[j] in _OPEN_OR_CLOSE_QUOTES:
                quotes += 1
            elif (t.text[j] == "," or t.lower[j] in _CLAUSE_OPENERS) and quotes % 2 == 0:
                # a comma, or a conjunction opening a clause of its own ("warga yang ingin
                # menyampaikan keluhan soal layanan kelurahan masih harus datang ke kantor karena
                # belum ada saluran pengaduan daring")
                if any(j < g.start < start for g in s.groups):
                    return True
                if t.text[j] == ",":
                    return False
        return False

    @staticmethod
    def _question(t: Tokens, first: int, last: int) -> bool:
        """A question asks, it does not report: "Apakah Pemkot sudah punya rencana …?". A
        rhetorical "Bukankah …?" asserts ("Bukankah seharusnya Pemkot membenahi angkot …?")."""
        end = next((j for j in range(last - 1, first - 1, -1) if not t.space[j] and t.text[j] not in _CLOSERS), None)
        opening = next((j for j in range(first, last) if not t.punct[j]), first)
        return end is not None and t.text[end] == "?" and t.lower[opening] not in ("bukankah", "bukanlah")

    def _dated_obligation(self, s: _Sentence, cue: Cue, cues: list[Cue]) -> tuple[str, str, str] | None:
        """An obligation with a date is a rule, not an urging: planned from a date to come,
        implemented since a date past. The date may be fronted in a clause of its own ("Mulai
        1 Maret mendatang, … wajib non-tunai"): the whole sentence is read for it."""
        t = tokens(s.span.doc)
        if t.lower[cue.start] not in _OBLIGATIONS:
            return None
        first, last = s.span.start, s.span.end
        ahead = [g for g in cues if g.kind == "planned" and g.text.lower() in self.future_times] or \
            [g for g in s.groups if g.kind == "planned" and g.text.lower() in self.future_times]
        if ahead or _starts_on_a_date(t, first, last):
            # "Semua pedagang … wajib memakai QRIS mulai 1 Juli mendatang"
            return "planned", f"{cue.text} … {ahead[0].text}" if ahead else cue.text, "cue"
        if _since_a_date(t, first, last):
            # "Sejak 1 Juli, seluruh ASN … wajib absen lewat aplikasi SiHadir" (hand-written set 58)
            return "implemented", cue.text, "cue"
        return None

    def _own_status(self, doc: Doc, s: _Sentence, m: Span) -> tuple[str | None, str | None, str]:
        t = tokens(doc)
        cell = _status_cell(t, s.span.start, s.span.end, m)
        if cell is not None:
            # a table row or a list item whose status stands in a cell or at its end ("Jalur
            # sepeda … | Dalam proses | DAK 2025", "• Revitalisasi Pasar Legi — rencana")
            return cell[0], cell[1], "table"
        label = _plan_label(t, s.span.start, m.start)
        if label is not None and not any(c.kind != "planned" for c in _realisations(t, (s.span.start, s.span.end))):
            # "Strategi 2.3: Peningkatan cakupan PJU tenaga surya …", "Arah Kebijakan: …",
            # "Rencana Kegiatan 2026: …": an entry of a plan's table is planned
            return "planned", label, "label"
        if s.question and _statement_before_question(t, s, s.clause_of(m.start)):
            # "Trotoar baru … sudah dilengkapi guiding block, tapi kok banyak yang nabrak
            # tiang?": the clause before the contrast states; only the last one asks
            s = replace(s, question=False)
        if s.question:
            # "Mengapa Pemkot belum juga menertibkan parkir liar?": a why-question about a
            # not-yet presupposes it; any other question reports nothing
            # (the why-word before the cue, in the mention's clause; "kenapa tidak …" suggests)
            lo, hi = s.clause_tokens(s.clause_of(m.start))
            # ("Bagaimana mungkin … belum ada?" asks the same as a why-not)
            whys = [j for j in range(s.span.start, s.span.end) if t.lower[j] in _WHY or (
                t.lower[j] == "bagaimana" and j + 1 < s.span.end and t.lower[j + 1] == "mungkin")]
            # "Kalau puskesmas saja belum punya internet, bagaimana mau pakai rekam medis
            # elektronik?": the condition's not-yet is what the rhetorical question rests on
            how = next((j for j in range(s.span.start, s.span.end - 1) if t.lower[j] in ("bagaimana", "gimana")
                        and t.lower[j + 1] in ("mau", "bisa", "dapat")), None)
            if how is not None and t.lower[s.span.start] in _IF_WORDS:
                stated = [g for g in s.groups if g.kind == "not_addressed" and g.start < how]
                if stated:
                    return "not_addressed", stated[0].text, "question"
            nots = [g for g in s.groups if g.kind == "not_addressed" and lo <= g.start < hi
                    and whys and whys[0] < g.start and t.lower[whys[0] + 1] not in _NOT_WORDS]
            if nots:
                return "not_addressed", nots[0].text, "cue"
            # "Kapan Kota Ambon punya angkutan umum yang layak?", "kpn diperbaiki??": asking
            # when presupposes it is not there yet ("sejak kapan" asks how long it has been);
            # "Why hasn't Ambon built …?", "why doesn't Medan publish …?" likewise
            # (English "When will …?" asks the same; "When did …?" presupposes it done)
            # ("Will Palembang's LRT ever reach …?" doubts it will: not there yet)
            whens = [j for j in range(s.span.start, s.span.end) if (t.lower[j] in _WHEN or (
                t.lower[j] == "when" and j + 1 < s.span.end and t.lower[j + 1] in ("will", "would", "can"))
                or (t.lower[j] == "ever" and t.lower[s.span.start] in ("will", "would")))
                     and (j == s.span.start or t.lower[j - 1] not in ("sejak", "since", "dari"))]
            # "Satpol PP kemana aja?": asking where the one who should act has been says it did not
            whens += [j for j in range(s.span.start, s.span.end - 1) if t.lower[j] in ("kemana", "kmn")
                      and t.lower[j + 1] in ("aja", "saja", "aj", "ajah")]
            why_not = [j for j in whys if any(t.lower[k] in _NOT_WORDS or t.lower[k].endswith(("n't", "n’t"))
                                              for k in range(j + 1, min(j + 4, s.span.end)))]
            if whens or why_not:
                j = (whens or why_not)[0]
                return "not_addressed", t.text[j], "question"
            answer = _answer_after(t, s.span.end)
            if answer is not None:
                # "Wartawan: Jadi PLTS di Pasar Cik Puan itu udah nyala, Pak? Kadis: Udah, udah,
                # dari bulan lalu.": the answer that follows a yes/no question says what the
                # question asked about (an interview, a hearing's minutes, a Q&A page)
                return answer[0], answer[1], "answer"
            return None, None, "question"
        if any(t0 < m.start and self._topic(doc, t0) and not self._own_clause_after(t, s, t0, m.start)
               and not any(t.lower[j] in _CHANNELS for j in range(t0 + 1, m.start))
               for t0, _ in s.marks.get("topic", [])):
            # an event's theme or its guests ("bertema 'Membangun Ekosistem … Pandemi'",
            # "dihadiri oleh … rumah sakit"): topics named, nothing reported
            return None, None, "topic"
        c = s.clause_of(m.start)
        lo, hi = s.clause_tokens(c)
        to_research = _to_researchers(t, s.span.start, s.span.end)
        advised = _advice_copula(t, s.span.start, m)
        if advised is not None and not to_research:
            # "Saran bagi Pemerintah Kota Gorontalo adalah …", "Rekomendasi penelitian ini
            # adalah agar Pemkot …": what the advice is, is urged
            return "recommended", advised, "cue"
        warned = _warning_to_act(t, lo, hi, m)
        if warned is not None:
            # "Jika pemerintah tidak segera memperluas jaringan jalur sepeda, …": what the
            # government is warned to do is urged
            return "recommended", warned, "warning"
        cleft = _cleft_cue(t, s, lo, m)
        if cleft is not None:
            # "Satu-satunya dimensi yang tidak disentuh oleh rencana induk adalah smart living":
            # the relative clause before the copula says what is said of the mention after it
            return cleft.kind, cleft.text, "cleft"
        if self._definition(s, m, lo, hi):
            return None, None, "definition"
        if s.marks_in("no_comment", lo, hi) and not any(lo <= g.start < hi for g in s.groups):
            # "Sampai berita ini diturunkan, DLH belum memberikan keterangan soal tumpukan
            # sampah …": the press formula of a source not reached yet says nothing of the
            # topic (nor may the status model read its "belum" as an absence)
            return None, None, "no_comment"
        urged = _not_only_scope(t, s, c)
        if urged is not None:
            # "Pemda hendaknya tidak hanya membangun jalan baru, tetapi juga menyediakan angkutan
            # umum …": the plan or urging before "tidak hanya" governs what "tetapi juga" adds
            return urged.kind, urged.text, "modal_scope"
        cues = [g for g in s.groups if lo <= g.start < hi]
        if to_research and not any(g.kind in ("implemented", "not_addressed") for g in cues):
            # "Saran bagi penelitian selanjutnya adalah memperluas analisis ke dimensi smart
            # living", "future studies should examine …": advice to researchers names a topic
            return None, None, "topic"
        asked = next((j for j in range(lo, m.start) if _indirect_question(t, j, s.span.start)), None)
        if asked is not None:
            # "… sejauh mana Pemkot telah menerapkan sistem peringatan dini", "to determine
            # whether it will be continued": what is asked is not reported; a cue before the
            # question word still speaks ("akan kita evaluasi … sejauh mana …")
            cues = [g for g in cues if g.end <= asked]
            if not cues:
                return None, None, "question"
        if m._.problem or s.marks_in("mitigation", lo, hi):
            # a small rate of a problem is a result, not a shortfall: "pengangguran kini hanya
            # 4 persen", "stunting turun menjadi hanya 1,6 persen"
            scarce = set(s.marks.get("scarcity", []))
            cues = [g for g in cues if (g.start, g.end) not in scarce]
        # "menyarankan agar …", "meminta supaya …": the marker introduces what is urged; an
        # aim after an urged action stays an aim (GUIDELINE.md: purpose clauses are plain)
        recs_before = [g for g in cues if g.kind == "recommended" and g.end <= m.start]
        inside = {i for g in recs_before for i in range(g.start, g.end)}  # "diharapkan segera"
        purposes = [p for p, _ in s.marks_in("purpose", lo, hi) if p < m.start and p not in inside]
        # efforts made are no aim ("Perangkat Daerah sudah melakukan upaya ke arah smart city
        # seperti … di BPKD ada e-budgeting"): a report right before "upaya" reports them
        purposes = [p for p in purposes if not (t.lower[p] == "upaya" and any(
            g.kind == "implemented" and g.end <= p <= g.end + 1 for g in cues))]
        # "Dengan begitu kemacetan … telah berhasil ditekan": a result connective before a
        # completion reports the result ("… bisa ditekan" stays an aim)
        purposes = [p for p in purposes if not (t.lower[p] == "dengan" and any(
            g.kind == "implemented" and m.end <= g.start <= m.end + 6
            and t.lower[g.start] in _COMPLETION_WORDS for g in cues))]
        urged = {g.end for g in recs_before}
        # "mendesak Dinas Pendidikan Kota Bengkulu agar segera …": the one urged may stand
        # between the urging verb and its "agar"/"supaya" (a few words, no comma)
        # (an active verb of asking; after a modal, "perlu memperbaiki trotoar agar …", the
        # "agar" is the aim of the urged act)
        urged |= {p for p, _ in s.marks_in("purpose", lo, hi) if t.lower[p] in ("agar", "supaya") and any(
            0 < p - g.end <= 6 and t.lower[g.end - 1] in _ASKING and not any(t.punct[j] for j in range(g.end, p))
            for g in recs_before)}
        # "menyarankan agar …" (the marker right after the cue), "…, sehingga pemda diminta
        # memperkuat promosi wisata" (an urging verb after the marker): urged, not an aim
        if any(p not in urged and not any(g.start > p and _urges(g.text) for g in recs_before) for p in purposes):
            return None, None, "purpose"
        # a cue inside an aim that follows the mention speaks of the aim ("Program Kali Bersih
        # bertujuan agar warga tidak lagi membuang sampah"): not of the mention
        # (only an aim word proper: "Smart parking, upaya Pemkot mengurangi kemacetan, sudah
        # diterapkan" keeps its "sudah diterapkan"; an aim runs to the clause's end, commas and all)
        in_cue = {i for g in cues for i in range(g.start, g.end)}
        aims = [p for p, _ in s.marks_in("purpose", lo, hi)
                if p >= m.end and p not in in_cue and t.lower[p] in _AIMS and t.lower[p - 1] != "yang"]
        if aims:
            cues = [g for g in cues if g.start < aims[0]]
        recs = [g for g in cues if g.kind == "recommended" and g.end <= m.start]
        if recs:
            dated = self._dated_obligation(s, recs[-1], cues)
            if dated is not None:
                return dated
            return "recommended", recs[-1].text, "cue"
        plan_nouns = s.marks_in("plan_nouns", lo, hi)
        existence = s.marks_in("existence", lo, hi)
        if plan_nouns and existence:
            # (an absence across a comma was tried as another thing's: "halte … baru rencana,
            # belum ada anggarannya"; the held-out hand-written sets lost a document to it)
            negated = [g for g in cues if g.kind == "not_addressed" and g.start <= max(plan_nouns[0][0], existence[0][0])]
            if negated:  # "belum ada rencana …": no plan at all
                return "not_addressed", negated[0].text, "cue"
            concept = f"{doc[plan_nouns[0][0]:plan_nouns[0][1]].text} … {doc[existence[-1][0]:existence[-1][1]].text}"
            # "Rancangan dan konsep … yang sudah ada perlu segera diimplementasikan": the
            # clause's predicate urges carrying out the plan that exists
            urging = [g for g in cues if g.kind == "recommended" and g.end > existence[-1][1]]
            if urging:
                return "recommended", f"{concept} … {urging[0].text}", "cue"
            # the implementation part: a cue after an implementation noun ("…, hanya saja
            # implementasinya belum terlaksana"), in this clause or another
            impl_nouns = [q for q, _ in s.marks.get("implementation_nouns", [])]
            exist_end = existence[-1][1]
            for g in s.groups:
                if g.start >= exist_end and any(q < g.start and s.clause_of(q) == s.clause_of(g.start) for q in impl_nouns):
                    kind = "implemented" if g.kind == "implemented" else "planned"
                    return kind, f"{concept} … {g.text}", "cue"
            return "planned", concept, "cue"
        if not cues:
            if any(f < m.start for f, _ in s.marks_in("focus", lo, hi)):
                return None, None, "focus"
            if _no_opens_subject(t, lo, m):
                return "not_addressed", t.text[lo], "cue"
            # (the mention opens its clause: "the partnership delivered training on traffic
            # management but never touched …" has its mention as an object, English verbs and all)
            shared = _shared_subject_cue(t, s, c) if m.start - lo <= 3 and _subject_position(t, lo, m.start) else None
            if shared is not None:
                return shared.kind, shared.text, "shared_subject"
            capable = self._capability(s, lo, hi) or self._instrument(s, lo, hi)
            if capable:
                return "implemented", capable, "capability"
            return None, None, "none"

        text = t.text

        def distance(g: Cue) -> int:
            # a cue across a comma is farther than one in the mention's own segment ("Gorontalo
            # Sehat sudah berjalan, pendidikan gratis akan menyusul": the education is planned)
            a, b = (g.end, m.start) if g.end <= m.start else (m.end, g.start)
            return b - a + (g.start > m.start) + (3 if any(text[j] in _COMMAS for j in range(a, b)) else 0)

        # a bare plan noun ("konsep", "rancangan") plans only what it governs: "konsep smart
        # economy" yes; "dalam konsep smart city Cohen terdapat pilar smart people" no
        cues = [g for g in cues if not g.plan_noun_only or (g.end <= m.start and m.start - g.end <= 3)]
        if not cues:
            return None, None, "none"
        own = _relative_clause_cue(t, lo, m, cues)
        if own is not None:
            # "Kerja sama … yang sudah berjalan di bidang transportasi akan diperluas …": a
            # mention inside a relative clause takes that clause's cue, not the main predicate's
            return own.kind, own.text, "relative"
        best = min(cues, key=lambda g: (distance(g), g.start > m.start))
        rel = next((j for j in range(m.end, min(m.end + 4, best.start)) if t.lower[j] in ("yang", "yg")), None)
        if best.start > m.end and rel is not None and all(not t.punct[j] for j in range(m.end, rel)):
            # "Halte … yang sempat mangkrak … akhirnya rampung", "Command Center yang dibangun
            # pada 2019 kini terbengkalai": the relative clause describes the mention, the last
            # cue of the clause is its own predicate
            later = [g for g in cues if g.start > best.start]
            if later:
                best = later[-1]
        if best.text.lower() in _NOT_FOUND and (m._.problem or any(
                w in _TROUBLES or w in _FOUND_TROUBLES for w in t.lower[m.end : min(m.end + 2, hi)])):
            # "tidak ditemukan sampah menumpuk", "kasus pungli … tidak ditemukan": a problem
            # looked for and not found is no shortfall ("tidak ditemukan program … smart
            # economy", "Dimensi smart economy … tidak ditemukan" are)
            return None, None, "problem"
        # "… yang direncanakan sejak 2017 akhirnya diresmikan": what came at last is the outcome
        at_last = [g for g in cues if g.start > best.start and g.kind == "implemented" and _at_last(t, g.start)]
        if at_last:
            best = at_last[-1]
        if best.kind == "planned" and t.lower[best.start] in _TARGET_NOUNS and best.end - best.start == 1:
            # "Target penurunan stunting tahun ini sudah tercapai": a target met is a result
            # (English "The … target was met": "met" is no cue of its own)
            at = next((j for j in range(best.end, hi) if t.lower[j] in _MET), None)
            verdict = _target_verdict(t.lower[best.end : at]) if at is not None else None
            if verdict is not None:
                return verdict, f"{best.text} … {t.text[at]}", "cue"
            # "…, melampaui target RPJMD", "exceeding the 25 percent target": a target beaten
            beat = next((j for j in range(best.start - 1, max(lo, best.start - 6) - 1, -1) if t.lower[j] in _EXCEEDS),
                        None)
            if beat is not None and not any(w in _NOT_WORDS or w in _MISSED for w in t.lower[max(lo, beat - 2) : beat]):
                return "implemented", f"{t.text[beat]} … {best.text}", "cue"
        if best.kind == "not_addressed" and best.end <= m.start and _no_more_trouble(t, best, m):
            # "Tidak ada lagi tumpukan sampah di Pasar Bambu Kuning sejak …", "Kini tidak ada
            # lagi kemacetan di simpang …": a trouble gone is a success (GUIDELINE §8)
            return "implemented", best.text, "no_more"
        if best.kind == "not_addressed" and _put_off_to_a_date(t, best, hi):
            return "planned", best.text, "cue"
        if best.kind == "implemented" and _no_need_before(t, best.start, lo):
            # "Pemkot tidak perlu membangun jalan tol baru": what is not needed is neither urged
            # nor done (a success only with "lagi" or "now": "… tidak perlu antre … lagi")
            if not any(w in ("lagi", "kini", "sekarang", "skrg", "now", "anymore") for w in t.lower[lo:hi]):
                return None, None, "none"
        if best.kind == "not_addressed" and any(w in _LACK_WORDS for w in t.lower[best.start : best.end]):
            # not done yet and to be proposed again: a plan renewed ("… belum dapat dilaksanakan
            # dan akan diusulkan kembali pada APBD 2025"). (Promised and not done, "yang
            # dijanjikan … belum", was tried as planned: the development sets read it as not
            # addressed, 10 sentences to 3.)
            again = next((g for g in s.groups if g.kind in ("planned", "recommended") and g.start > best.end
                          and any(w in _AGAIN for w in t.lower[g.start : g.end + 2])), None)
            if again is not None:
                return "planned", f"{best.text} … {again.text}", "cue"
        # (not one in a relative clause after the mention: "akan mengoperasikan kembali Bus Trans
        # Kendari yang mangkrak sejak 2020" describes the bus the plan revives)
        cancelled = [g for g in cues if g.kind == "not_addressed" and (
            g.text.lower() in self.cancelled or g.text.lower().split()[0] in self.cancelled)
            and not (g.start > m.end and any(w in ("yang", "yg", "which", "that")
                                             for w in t.lower[max(m.end, g.start - 2) : g.start]))]
        if (best.plan_noun_only and cancelled) or (best.kind == "planned" and any(g.start > best.end for g in cancelled)):
            # "Rencana pembangunan PLTSa … batal", "Rencana Pemkot membangun PLTSa … urung
            # terlaksana": a plan called off is not addressed
            return "not_addressed", f"{best.text} … {cancelled[0].text}", "cue"
        lows = t.lower
        sweeping = [g for g in cues if g.kind == "not_addressed" and g.start < best.start
                    and " ".join(lows[g.start : g.start + 4]).startswith(self.sweeping)]
        # a small count governs what follows it ("hanya 23 unit yang aktif melayani") and the
        # whole it is taken from ("Dari total 90 bus yang tersedia, hanya 23 …"), not a deed
        # reported before it ("The bus service, launched in 2021, covers only two corridors")
        sweeping += [g for g in cues if g.kind == "not_addressed" and (g.start, g.end) in s.marks.get("scarcity", [])
                     and (best.start > g.start or 0 <= g.start - best.end <= 2 or self._taken_from(t, lo, best, g, cues))]
        halted = [g for g in cues if g.kind == "not_addressed" and g.start >= m.end and g.start > best.start
                  and t.lower[g.start] in _HALTS and not any(w in _SUBORDINATORS for w in t.lower[m.end : g.start])]
        ended = [g for g in cues if g.kind == "not_addressed" and g.start > best.end
                 and any(w in _ENDS for w in t.lower[g.start : g.end])
                 and t.lower[g.start - 1] not in ("yang", "yg", "which", "that", "sempat") and t.lower[g.start - 1] not in _MODALS
                 # "… bagi 12.400 warga yang sebelumnya dinonaktifkan": what the thing was before
                 and not _what_it_was(t, g.start)
                 and not any(w in _BEFORE_AN_END for w in t.lower[best.end : g.start])] if best.kind == "implemented" else []
        if ended and not _AT_LAST.intersection(t.lower[best.start : best.end]) \
                and not any(g.kind == "implemented" and g.start > ended[-1].end for g in cues):
            # "Aplikasi Jaga Banua, yang diluncurkan pada 2020, dihentikan pada 2023", "Launched
            # in 2017, the app was quietly shut down in 2020": a service begun and later ended
            # is not there at the time of writing (hand-written set 64); one revived after the
            # end is ("sempat dihentikan … dan kembali beroperasi"), and so is one back after
            # a break ("… setelah sempat berhenti dua bulan"), and a deed done once an old one
            # ended ("launched a flood warning system after the old sirens were discontinued")
            return "not_addressed", f"{best.text} … {ended[0].text}", "cue"
        if best.kind == "implemented" and best.end <= m.start and halted:
            # "Uji coba bus listrik … ditunda hingga waktu yang belum ditentukan": the deed named
            # before the mention is what the clause's predicate stops or puts off
            return "not_addressed", f"{best.text} … {halted[0].text}", "cue"
        if best.kind == "implemented" and best.end <= m.start and t.lower[best.start] in _DEED_NOUNS:
            # "Uji coba tiket elektronik … akan dimulai pekan depan", "Groundbreaking RSUD …
            # dijadwalkan Maret mendatang": the deed named before the mention is the subject,
            # and the clause's predicate after the mention says when it is to happen
            # ("untuk" here joins the noun phrase: "uji coba tiket untuk angkot")
            ahead = [g for g in cues if g.kind == "planned" and g.start >= m.end
                     and not any(w in _SUBORDINATORS and w not in ("untuk", "to") for w in t.lower[m.end : g.start])]
            if ahead:
                return "planned", f"{best.text} … {ahead[0].text}", "cue"
        if best.kind == "implemented" and _no_opens_subject(t, lo, m):
            return "not_addressed", f"{t.text[lo]} … {best.text}", "cue"
        if best.kind == "implemented" and sweeping:
            # "Belum satu pun kelurahan memiliki bank sampah", "Neither … has yet adopted …": a
            # negation over the whole clause, whatever verb follows
            return "not_addressed", f"{sweeping[0].text} … {best.text}", "cue"
        if best.kind == "implemented" and not self._is_marker(s, best) and self.governor.available:
            # rule parse_scope: a bare verb reports only what it governs ("Aplikasi ini
            # memberikan kemudahan …" says nothing of the licensing named after it)
            governing = [g for g in cues if self._governs(s, m, g)]
            if best not in governing:
                if not governing:
                    return None, None, "parse_scope"
                best = min(governing, key=lambda g: (distance(g), g.start > m.start))
        kind = best.kind
        future = [g for g in cues if g.kind == "planned" and g.text.lower() in self.future_times]
        if kind == "recommended":
            dated = self._dated_obligation(s, best, cues)
            if dated is not None:
                return dated
        if kind == "not_addressed" and best.text.lower().startswith(_NO_MORE) and (future or _starts_on_a_date(t, lo, hi)):
            # "… tidak lagi dilayani secara manual mulai 1 Juli mendatang": a change that takes
            # effect on a date to come is planned, not a service gone (hand-written set 62)
            return "planned", f"{best.text} … {future[0].text}" if future else best.text, "cue"
        if kind == "implemented" and future and not any(
                g.kind == "implemented" and g.text.split()[0].lower() in _DONE_MARKERS for g in cues):
            # "… mulai beroperasi pekan depan": a start scheduled, not a report
            return "planned", f"{best.text} … {future[0].text}", "cue"
        if kind == "implemented" and self._is_marker(s, best) and any(
                g.kind == "planned" and g.end <= best.start <= g.end + 12 and (
                    t.lower[g.start] in _TARGETS or t.lower[g.start] == "target" and g.end < len(t.lower)
                    and t.lower[g.end] in ("kami", "kita", "saya")) and "|" not in t.text[g.start : best.start]
                for g in cues):
            # "Pemkot menargetkan 70 persen pedagang sudah menerima QRIS pada akhir 2025",
            # "Target kami: tahun depan semua surat sudah bertanda tangan elektronik": what is
            # to be done by then
            return "planned", best.text, "modal_scope"
        if kind == "implemented" and not self._is_marker(s, best):
            # rule modal_scope: a plan or an urging governs the verbs it coordinates
            # ("berencana menanam pohon dan memperluas RTH"), unless an aspect marker of
            # completion intervenes ("akan … , yang sudah …")
            # ("telah merancang dan menjalankan aplikasi": a plan already made governs nothing)
            modal = [g for g in cues if g.start < best.start and g.kind in ("planned", "recommended")
                     and not g.plan_noun_only and g.text.split()[0].lower() not in _DONE_MARKERS]
            # (not a marker inside a relative clause between them: "Seyogianya Pemkot, yang telah
            # memiliki layanan daring, juga menyediakan angkutan umum …" still urges)
            done = [g for g in cues if g.kind == "implemented" and self._is_marker(s, g)
                    and modal and modal[-1].start < g.start < best.start
                    and not (g.start > 0 and t.lower[g.start - 1] in ("yang", "yg", "which", "who"))]
            if modal and not done and best not in at_last:
                return modal[-1].kind, f"{modal[-1].text} … {best.text}", "modal_scope"
        # ("Rencana pembangunan LRT … belum terlaksana": the plan's object is the mention; a
        # framework named far before it, "dalam konsep smart city … terdapat juga pilar smart
        # living yang belum tersentuh", plans nothing)
        # (but a plan that is "masih sebatas wacana" is only talk: GUIDELINE §3, not_addressed)
        # (nor is a plan called off: "Rencana pengadaan insinerator … ditunda tanpa batas waktu")
        if kind == "not_addressed" and "wacana" not in best.text.lower() and best not in cancelled and any(
                p < best.start and m.start - 4 <= p < m.start for p, _ in plan_nouns):
            kind = "planned"
        if kind == "implemented" and any(lo <= p < best.start for p, _ in s.marks.get("condition", [])):
            counterfactual = next((p for p, _ in s.marks.get("condition", []) if lo <= p < best.start and (
                t.lower[p] in _COUNTERFACTUALS or (t.lower[p] == "if" and "had" in t.lower[p + 1 : p + 5]))), None)
            if counterfactual is not None and not any(t.punct[j] for j in range(counterfactual, best.start)):
                # "Seandainya Pemkot sejak awal membangun kolam retensi, …", "If Semarang had
                # invested in its drainage network …": what would have helped was not done
                return "not_addressed", f"{t.text[counterfactual]} … {best.text}", "condition"
            # "bila diimplementasikan dengan baik …": what would follow, not what was done
            return None, None, "condition"
        if kind == "not_addressed" and "segera" not in t.lower[best.start : best.end + 1] and any(
                lo <= p < best.start and t.lower[p] in _IF_WORDS for p, _ in s.marks.get("condition", [])):
            # "… diperkirakan mencapai batas kapasitas jika tidak ada pengurangan di sumber": an
            # absence supposed, not stated ("Kalau jalur sepeda … tidak segera diperluas, …"
            # presupposes the not-yet: it stays an absence)
            return None, None, "condition"
        if kind == "implemented" and any(t.lower[j] in _CLAIMS for j in range(lo, best.start)):
            # "Pemkot mengklaim seluruh layanan perizinan sudah daring, padahal warga masih harus
            # datang …": the writer rejects the claim
            rebuttal = next((g for g in s.groups if g.kind == "not_addressed" and g.start > best.end
                             and any(t.lower[j] == "padahal" for j in range(best.end, g.start))), None)
            if rebuttal is not None:
                return "not_addressed", f"{best.text} … {rebuttal.text}", "cue"
        double = [g for g in cues if g.kind == "not_addressed" and g.start > 0 and t.lower[g.start - 1] in ("yang", "yg")
                  and t.lower[g.start] in ("belum", "blm", "tidak", "tak")]
        if kind == "not_addressed" and double and any(
                t.lower[j] in ("tidak", "tak", "tiada") and t.lower[j + 1] == "ada" for j in range(lo, double[0].start - 1)):
            # "Tidak ada (lagi) kelurahan … yang belum memiliki bank sampah": a double negation,
            # all have it (whichever of the two cues is nearer the mention)
            return "implemented", double[0].text, "denial"
        if kind == "not_addressed" and any(p < best.start for p, _ in s.marks.get("denial", [])):
            # "Bukan berarti Kota Tegal tidak memiliki jalur sepeda": an absence denied; of a plan
            # ("Tidak benar bahwa Pemkot … tak punya rencana soal sampah"), a plan
            if any(w in _PLAN_WORDS for w in t.lower[best.start : min(best.end + 5, hi)]):
                return "planned", best.text, "denial"
            return "implemented", best.text, "denial"
        if kind in ("implemented", "planned"):
            # "… diujicobakan pada 2018, tetapi kemudian dihentikan", "… telah selesai, tetapi
            # belum dihuni", "was piloted in 2018 but was discontinued", "had planned to open …,
            # but the project has been shelved": the next clause, whose subject is this one's
            # (unsaid, or a pronoun or "the project" pointing back), stops or leaves unused what
            # this one reports done or planned
            later = _shared_subject_cue(t, s, c) or _anaphoric_subject_cue(t, s, c)
            if later is not None and later.kind == "not_addressed" and _undoes(t, later):
                if _put_off_to_a_date(t, later, s.clause_tokens(c + 1)[1]):
                    return "planned", f"{best.text} … {later.text}", "cue"
                return "not_addressed", f"{best.text} … {later.text}", "cue"
        if best.plan_noun_only:
            # "Rencana penerapan tiket elektronik … masih sebatas wacana": the plan is only talk
            # (GUIDELINE §3)
            talk = next((g for g in cues if g.kind == "not_addressed" and g.start > m.end
                         and "wacana" in g.text.lower()), None)
            if talk is not None:
                return "not_addressed", f"{best.text} … {talk.text}", "cue"
        return kind, best.text, "cue_plan_noun" if best.plan_noun_only else "cue"

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans.get("pillars", []))
        sents = self._sentences(doc)
        if not sents:
            doc._.sentence_status = []
            return doc
        by_sent: dict[int, list[Span]] = {}
        starts = [s.span.start for s in sents]

        def sent_of(token: int) -> int:
            """The sentence holding ``token`` (0 when it is in none, e.g. a skipped blank one)."""
            k = bisect.bisect_right(starts, token) - 1
            return sents[k].index if k >= 0 and token < sents[k].span.end else 0

        for m in mentions:
            by_sent.setdefault(sent_of(m.start), []).append(m)

        decided: dict[int, tuple[str | None, str | None, str]] = {}
        for s in sents:
            for m in by_sent.get(s.index, []):
                decided[id(m)] = self._own_status(doc, s, m)

        # a framework's dimensions enumerated by name ("Akan dibagi dalam 6 kelompok, ada
        # kelompok Smart Governance, …, dan kelompok Smart Economy"): the list names them; a cue
        # before or after the list speaks of what is done with the list, not of each dimension
        # (an absence still speaks of each: "Dimensi smart economy, smart government, smart
        # people, dan smart environment tidak ditemukan …")
        # (a verb whose object the list is, right before it, still governs it: "kita
        # mengembangkan Smart Governance, Smart Economy, …" reports; the blind split's drop in
        # sentence status, 4 pairs of one sentence, showed it, and the contract's lists are the
        # ones introduced as lists)
        for s in sents:
            enumeration = _framework_enumeration(doc, by_sent.get(s.index, []))
            if enumeration and any(g.kind and g.end == enumeration[0].start for g in s.groups):
                continue
            for m in enumeration:
                # (nor does a report of the sentence before carry over to the list)
                if (decided[id(m)][0] in ("implemented", "planned", "recommended")
                        and decided[id(m)][2] in ("cue", "cue_plan_noun")) or decided[id(m)][2] == "none":
                    decided[id(m)] = (None, None, "definition")

        # a fronted topic ("Untuk kesehatan, setiap kampung kini memiliki kader …", "Di bidang
        # ekonomi, …"): its mentions take the status of the clause it is the topic of
        for s in sents:
            comma = _topic_comma(doc, s)
            if comma is None:
                continue
            main = next((g for g in s.groups if g.start > comma and s.clause_of(g.start) == s.clause_of(comma + 1)
                         and g.kind), None)
            for m in by_sent.get(s.index, []):
                if main is not None and m.end <= comma and decided[id(m)][0] is None \
                        and decided[id(m)][2] in ("none", "purpose"):
                    decided[id(m)] = (main.kind, main.text, "topic")

        # a counterfactual: what would have been done was not ("Seandainya anggaran disetujui,
        # Pemkot sudah membangun instalasi …" — the main clause's deed; "Had the government built
        # the flood tunnel …, homes would have been spared" — the condition's deed)
        for s in sents:
            split = _counterfactual(doc, s)
            if split is None:
                continue
            opener, comma, english = split
            for m in by_sent.get(s.index, []):
                if (m.start < comma) == english and decided[id(m)][0] in (None, "implemented"):
                    decided[id(m)] = ("not_addressed", doc[opener].text, "counterfactual")

        # exclusive focus → the contrast that follows names what is not addressed
        for s in sents:
            # an exclusive focus ("hanya berfokus kepada A") or a plain one ("berfokus kepada
            # A"), followed by a contrast ("sedangkan … pilar C"): C is outside the scope
            focus_marks = s.marks.get("exclusive_focus", []) or [
                (f0, f1) for f0, f1 in s.marks.get("focus", [])
                if any(m.start > f0 and s.clause_of(m.start) == s.clause_of(f0) for m in by_sent.get(s.index, []))
            ]
            for f_start, f_end in focus_marks:
                fclause = s.clause_of(f_start)
                focus_text = doc[f_start:f_end].text
                # "baru menyentuh A" / "baru mencakup 60 kelurahan" says how far a deed has
                # reached (writers: implemented, 8 of 8); "hanya mencakup A" names a scope
                reach = _REACHED.search(focus_text) is not None
                focused = set()
                for m in by_sent.get(s.index, []):
                    if s.clause_of(m.start) == fclause and m.start > f_start:
                        focused.add(m._.pillar)
                        if decided[id(m)][2] in ("none", "cue_plan_noun"):
                            decided[id(m)] = ("implemented", focus_text, "focus_reach") if reach else (None, None, "focus")
                targets: list[tuple[Span, str]] = []
                for m in by_sent.get(s.index, []):
                    mc = s.clause_of(m.start)
                    if mc > fclause:
                        lo, hi = s.clause_tokens(mc)
                        contrast = s.marks_in("contrast", lo, lo + 1)
                        if contrast:
                            targets.append((m, doc[contrast[0][0]:contrast[0][1]].text))
                nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
                if nxt is not None and nxt.paragraph == s.paragraph:
                    first = nxt.marks_in("contrast", nxt.span.start, nxt.span.start + 1)
                    if first:
                        word = doc[first[0][0]:first[0][1]].text
                        targets += [(m, word) for m in by_sent.get(nxt.index, [])]
                for m, word in targets:
                    if m._.pillar not in focused and decided[id(m)][2] in ("none", "cue_plan_noun"):
                        decided[id(m)] = ("not_addressed", f"{focus_text} … {word}", "contrast")

        # sentence-level status, and anaphoric sentences borrowing from their predecessor
        sentence_status: list[tuple[str | None, str | None]] = []
        plan_heading: str | None = None  # the in-text heading of a plan's part being read
        table = tokens(doc)
        for s in sents:
            own = (s.groups[-1].kind, s.groups[-1].text) if s.groups else (None, None)
            inherit = (None, None)
            if (
                not s.groups
                and s.index > 0
                and sents[s.index - 1].paragraph == s.paragraph
                and s.marks.get("anaphora")
                and not s.marks.get("purpose")
            ):
                prev_status, prev_cue = sentence_status[s.index - 1]
                # only a report carries over: a sentence pointing back at a plan, an urging or
                # an absence mostly describes it (train + dev sentences: an inherited
                # `implemented` right 27 of 51, an inherited planned, recommended or
                # not_addressed 5 of 89, the gold mostly plain)
                if prev_status == "implemented" and not s.marks.get("condition"):
                    inherit = (prev_status, prev_cue)
            sentence_status.append(own if own[0] else inherit)
            for m in by_sent.get(s.index, []):
                status, cue, why = decided[id(m)]
                if status is None and why == "none" and inherit[0]:
                    decided[id(m)] = (inherit[0], inherit[1], "inherited")
            heading = _inner_plan_heading(table, s, sents)
            if heading is not None:
                plan_heading = heading or None
            elif plan_heading or _plans_heading(s.section):
                # "5.3 Rencana Aksi 2025–2028" / "Smart Governance: integrasi seluruh aplikasi …":
                # an entry under a plan's heading with no status of its own is planned
                for m in by_sent.get(s.index, []):
                    status, cue, why = decided[id(m)]
                    if status is None and why == "none":
                        decided[id(m)] = ("planned", plan_heading or s.section, "section")
            if s.section and self.rec_section.search(s.section):
                recs = [g for g in s.groups if g.kind == "recommended"]
                if recs:
                    for m in by_sent.get(s.index, []):
                        status, cue, why = decided[id(m)]
                        if status in (None, "planned") and why not in ("purpose",):
                            decided[id(m)] = ("recommended", recs[0].text, "section")

        # a problem that happened is not a pillar implemented ("telah menyebabkan polusi")
        for s in sents:
            for m in by_sent.get(s.index, []):
                status, cue, why = decided[id(m)]
                if not m._.problem:
                    continue
                beside = _measure_beside(doc, m, by_sent.get(s.index, []))
                if beside is not None:
                    # the problem names what another pillar's measure is for ("flood early
                    # warning system", "sistem peringatan dini banjir"): it shares its status
                    decided[id(m)] = decided[id(beside)]
                    continue
                lo, hi = s.clause_tokens(s.clause_of(m.start))
                tackled = s.marks_in("mitigation", lo, hi)
                if status == "implemented" and not tackled and why != "no_more":
                    decided[id(m)] = (None, None, "problem")
                elif status == "planned" and _expected_effect(doc, lo, m):
                    # "Pembangunan Smart City ini akan mengurangi polusi, mengatasi kemacetan …",
                    # "This project will sharply reduce pollution": what a project is expected to
                    # bring about is no plan for the problem's pillar
                    decided[id(m)] = (None, None, "purpose")
                elif status == "planned" and self._warning(s):
                    # "Jika sungai tidak segera dinormalisasi, banjir … akan terus berulang": a
                    # problem foretold under a negated condition is a warning, not a plan
                    decided[id(m)] = (None, None, "condition")
                elif status is None and why == "none":
                    # a result stated ("angka kemiskinan turun", "banjir sudah surut", "sampah
                    # dikurangi"): the problem was tackled. An action named ("penanganan banjir",
                    # "untuk mengatasi banjir": pe-/me- forms) reports nothing: 0 of 4 such
                    # mentions on train + dev were implemented
                    # (a pe-/me- form with a measured outcome in its clause is a result too:
                    # "mengalami penurunan", "menurunkan stunting dari 20 menjadi 12 persen")
                    measured = any(doc[j].like_num or doc[j].lower_ in _OUTCOMES for j in range(lo, hi))
                    # (not a result that only could be: "… dapat ditekan", "bisa dikurangi")
                    possible = {e for _, e in s.marks.get("possibility", [])}
                    # (nor one foretold, "kemacetan diprediksi berkurang 15 persen", or what a
                    # condition opening the sentence would bring: "Jika uji coba diperluas, …")
                    foretold = doc[s.span.start].lower_ in _IF_WORDS
                    results = [(a, b) for a, b in tackled if (measured or doc[a].lower_ in _FALLING
                               or not doc[a].lower_.startswith(("pe", "me"))) and a not in possible
                               and not foretold and not any(doc[j].lower_ in _FORECASTS for j in range(lo, a))]
                    if results:
                        t0, t1 = results[0]
                        decided[id(m)] = ("implemented", doc[t0:t1].text, "mitigation")

        for m in mentions:
            status, cue, rule = decided[id(m)]
            m._.status = status
            m._.cue = cue
            m._.rule = rule
        # a programme's status: the same clause reading as a pillar mention's ("program Lorong
        # Wisata sudah berjalan"); kept apart from the pillar spans (same offsets, other meaning)
        prog_status: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        for prog in doc.spans.get("programs", []):
            s = sents[sent_of(prog.start)]
            status, cue, _ = self._own_status(doc, s, prog)
            if status is None and s.groups == [] and s.marks.get("anaphora") and s.index > 0:
                status, cue = sentence_status[s.index - 1]
            prog_status[(prog.start_char, prog.end_char)] = (status, cue)
        doc.user_data["pilar_program_status"] = prog_status
        doc.spans["pillars"] = mentions
        doc._.sentence_status = sentence_status
        doc.user_data["pilar_sentence_sections"] = [s.section for s in sents]
        return doc


#: words after which "akan" is the preposition "of, about" when no verb follows ("masukan
#: akan potensi", "tahu akan hak-haknya", "kebutuhan akan air bersih")
_AKAN_OF = frozenset({"masukan", "informasi", "pengetahuan", "perhatian", "tuntutan", "harapan", "pemahaman",
                      "kesadaran", "kebutuhan", "permintaan", "keyakinan", "kepedulian", "kekhawatiran", "ketakutan",
                      "kerinduan", "kecintaan", "apresiasi", "tahu", "sadar", "paham", "peduli", "yakin", "percaya",
                      "takut", "bangga", "ingat", "lupa", "butuh", "haus", "rindu", "prihatin", "khawatir", "cemas",
                      "optimistis", "optimis", "pesimistis", "pentingnya"})
#: nouns that only follow the preposition "akan" ("edukasi pada masyarakat akan konsep smart city")
_AKAN_NOUNS = frozenset({"pentingnya", "perlunya", "bahaya", "bahayanya", "manfaat", "manfaatnya", "konsep", "hak",
                         "haknya", "hak-hak", "hak-haknya", "kewajiban", "kewajibannya", "potensi", "keberadaan",
                         "kualitas", "nilai-nilai", "makna"})
#: base verbs that follow a future "akan" without a prefix ("akan ada", "akan segera …")
_AKAN_VERBS = frozenset({"ada", "jadi", "datang", "tiba", "bisa", "dapat", "segera", "terus", "tetap", "kembali",
                         "mulai", "masuk", "naik", "turun", "buka", "tutup", "hadir", "lahir", "selesai", "rampung",
                         "tercapai", "berlaku", "diberlakukan", "pindah", "jalan", "lebih", "semakin", "makin"})


def _preposition_akan(t: Tokens, start: int, end: int) -> bool:
    """Is the cue at ``[start, end)`` a lone "akan" meaning "of, about" ("memberikan masukan
    akan potensi dan program", "tahu akan hak-haknya"): a noun or adjective of knowing,
    feeling or needing before it and no verb after it, or a noun after it that only the
    preposition takes ("edukasi pada masyarakat akan konsep smart city")?"""
    low = t.lower
    if end - start != 1 or low[start] != "akan" or start == 0 or end >= len(low):
        return False
    nxt = low[end]
    if nxt in _AKAN_NOUNS:
        return True
    verb = nxt in _AKAN_VERBS or (len(nxt) > 4 and nxt.startswith(("me", "di", "ber", "ter", "per")))
    return low[start - 1] in _AKAN_OF and not verb


#: aspect words that report a deed only through the verb after them
_ASPECT = frozenset({"sudah", "telah", "mulai", "udah", "udh", "sdh", "dah", "tlh", "kian", "makin", "semakin"})
#: words between an aspect word and what it says of the subject ("sudah hampir …", "mulai agak …")
_HEDGES = frozenset({"hampir", "nyaris", "mulai", "sangat", "cukup", "begitu", "makin", "semakin", "kian",
                     "lebih", "dari", "sekitar", "kurang", "genap", "agak", "terlalu", "amat", "benar-benar"})
#: a state of decay or distress: "sampah sudah menggunung", "truk sudah mengalami kerusakan",
#: "warga sudah mulai resah" report a problem grown, not a measure done
_DECAY = frozenset({"menggunung", "menumpuk", "meluber", "berulat", "membusuk", "busuk", "berbau", "resah",
                    "rusak", "retak", "jebol", "ambruk", "roboh", "lapuk", "keropos", "bocor",
                    "berlubang", "tergenang", "terendam", "tercemar", "keruh", "menghitam", "kumuh", "usang",
                    "mangkrak", "terbengkalai", "langka", "padam", "macet", "parah", "kritis", "darurat", "penuh",
                    "overload", "overkapasitas", "kewalahan", "mengeluh", "mengeluhkan", "geram", "kesal", "jengkel",
                    "khawatir", "cemas"})
#: what "mengalami" reports of a problem ("sudah mengalami kerusakan"; not "mengalami peningkatan")
_SUFFERED = frozenset({"kerusakan", "kendala", "gangguan", "penurunan", "kebocoran", "pencemaran", "kerugian",
                       "masalah", "hambatan", "kemacetan", "kelebihan", "kekurangan", "keterlambatan"})
#: "now" words that report a deed only through the verb after them ("kini menghadapi …")
_NOW_WORDS = frozenset({"kini", "sekarang", "now"})
#: verbs of facing a plight, and the plights ("kini menghadapi darurat sampah", "now faces a crisis")
_FACING = frozenset({"menghadapi", "dihadapkan", "dilanda", "dihantui", "facing", "faces", "faced"})
_PLIGHTS = frozenset({"darurat", "krisis", "persoalan", "ancaman", "kesulitan", "tantangan", "bencana", "crisis",
                      "emergency", "problem", "problems", "challenge", "challenges", "shortage", "threat"})
#: a negation or a not-yet after a duration ("sudah seminggu truk tidak datang")
_LACK_WORDS = _NOT_WORDS | {"tdk", "belum", "blm", "never"}
#: a count of time: "sudah hampir seminggu", "sudah dua bulan"
_SPANS = frozenset({"hari", "minggu", "pekan", "bulan", "tahun", "jam", "seminggu", "sepekan", "sebulan", "setahun",
                    "sehari", "berhari-hari", "berminggu-minggu", "berbulan-bulan", "bertahun-tahun"})


def _no_report(t: Tokens, start: int, end: int, stop_at: int) -> bool:
    """Is the completion cue at ``[start, end)`` a lone aspect word that says how far a
    problem has grown ("sampah sudah menggunung", "truk sudah mengalami kerusakan", "warga
    sudah mulai resah") or how long a lack has lasted ("sudah hampir seminggu truk sampah
    tidak datang")? Then it reports no measure (training pages, stop 25)."""
    low = t.lower
    last = min(stop_at, len(low))  # the sentence's end (exclusive)
    if end - start != 1 or low[start] not in _ASPECT | _NOW_WORDS:
        return False
    j, stop = end, min(last, end + 4)
    while j < stop and low[j] in _HEDGES:
        j += 1
    if j < stop and low[j] in _FACING:
        # "Kota Banjarmasin kini menghadapi darurat sampah": a plight faced, not a deed
        return any(w in _PLIGHTS or w in _SUFFERED for w in low[j + 1 : min(last, j + 4)])
    if low[start] in _NOW_WORDS:
        return False
    if j < stop and (low[j] in _DECAY or (low[j] == "mengalami" and j + 1 < last and low[j + 1] in _SUFFERED)):
        return True
    # a duration: a count ("dua", "3", "se-") and a unit of time, then a negation in the clause
    k = j
    if k < stop and low[k] not in _SPANS:
        k += 1  # the count
    if not (k < last and low[k] in _SPANS):
        return False
    for i in range(k + 1, min(last, k + 8)):
        if t.punct[i]:
            return False
        if low[i] in _LACK_WORDS:
            return True
    return False


def _measure_beside(doc: Doc, m: Span, mentions: list[Span]) -> Span | None:
    """Another pillar's measure whose span touches the problem ``m`` (a hyphen between at
    most), or None. Same-pillar neighbours stay apart: "kemacetan lalu lintas" is a problem
    of traffic, not a traffic measure."""
    for o in mentions:
        if o is m or o._.problem or o._.pillar == m._.pillar:
            continue
        gap = range(o.end, m.start) if o.end <= m.start else range(m.end, o.start)
        if len(gap) <= 1 and all(doc[j].text == "-" for j in gap):
            return o
    return None


@Language.factory("pilar_status", default_config={"models_dir": None})
def make_status_tagger(nlp: Language, name: str, models_dir: str | None) -> StatusTagger:
    folder = Path(models_dir) if models_dir else default_models_dir()
    lexicon = load_lexicon(models_dir)
    # rule parse_scope only when status.yaml turns it on (see its `parse_scope` comment)
    parser = load_parser(folder / "parser") if lexicon.status.get("parse_scope") else None
    return StatusTagger(nlp, lexicon, Governor(parser))
