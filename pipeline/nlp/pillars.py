"""Pillar mentions: the lexicon matched on whole tokens, with sense filters and typo recall.

Three matchers, longest span wins where they overlap:

1. the lexicon's phrases (case-insensitive, affixed forms and misspellings listed as terms),
   minus matches whose neighbours show another sense (``exclude_next``/``exclude_prev``);
2. "smart X" where X is a pillar's head word or a close misspelling of one ("smart
   goverment") — fuzzy matching only on this closed list, never on every n-gram;
3. an *unknown* word (not in wordfreq's Indonesian or English lists) close to one of the
   longer single-word terms ("monilitas" → mobilitas).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401  (registers Span._ attributes)
from pipeline.lexicon import Lexicon, Term, load_lexicon
from pipeline.nlp.tokens import Tokens, tokens
from pipeline.wordfreqs import zipf


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """True when ``word`` is a real Indonesian or English word (so not a typo)."""
    return zipf(word, "id") >= 1.0 or zipf(word, "en") >= 2.0


#: words that open a comparison: what follows is an image, not the thing ("melaju bak kereta
#: cepat", "ibarat transportasi umum yang berhenti di setiap halte")
_SIMILE = frozenset({"bak", "ibarat", "bagaikan", "bagai", "laksana", "umpama", "seumpama"})


def _in_simile(t: Tokens, start: int) -> bool:
    """Is the match at ``start`` inside a comparison opened at most three words before it?"""
    for j in range(start - 1, max(start - 4, -1), -1):
        if t.punct[j]:
            return False
        if t.lower[j] in _SIMILE:
            return True
    return False


def _excluded(t: Tokens, start: int, end: int, term: Term) -> bool:
    nxt = next((j for j in range(end, min(end + 2, len(t))) if not t.space[j]), None)
    prv = next((j for j in range(start - 1, max(start - 2, 0) - 1, -1) if not t.space[j]), None)
    if nxt is not None:
        if t.lower[nxt] in term.exclude_next:
            return True
        if term.exclude_next_number and (t.tok[nxt].like_num or t.text[nxt][:1].isdigit()):
            return True
    return prv is not None and t.lower[prv] in term.exclude_prev


def _street_name(t: Tokens, start: int, end: int, term: Term) -> bool:
    """ "Jalan Raya Wado", "Jalan Sudirman": a capitalised street word before a name."""
    if not (term.street and t.text[start][:1].isupper() and end < len(t)):
        return False
    nxt = t.text[end]
    return (nxt[:1].isupper() and t.alpha[end]) or nxt.lower().rstrip(".") in _NAME_TITLES


#: titles inside street names ("Jalan dr Wahidin Sudirohusodo", "Jalan KH Ahmad Dahlan")
_NAME_TITLES = frozenset({"dr", "prof", "ir", "h", "kh", "hj", "jend", "jenderal", "mayjen", "letjen"})
#: English words that end an organisation's name ("Sanitation and Landscaping Service")
_EN_INSTITUTION_TAILS = frozenset({"service", "agency", "office", "department", "ministry", "authority",
                                   "board", "council", "bureau", "directorate", "commission", "institute"})
#: English heads followed by "of": "Head of Public Works …", "Ministry of Health"
_EN_INSTITUTION_HEADS = frozenset({"head", "ministry", "minister", "department", "office", "agency", "bureau",
                                   "directorate", "director", "secretary", "board", "council", "chairman"})


def _in_english_name(t: Tokens, start: int, end: int) -> bool:
    """A capitalised match inside an English organisation's name: "Sanitation and Landscaping
    Service", "Head of Public Works, Spatial Planning and Public Housing"."""
    title = [t.text[j][:1].isupper() for j in range(start, end) if t.alpha[j]]
    if not title or not all(title):
        return False
    links = {"and", "of", "&", ",", "for"}
    j = end
    while j < len(t) and j - end < 6 and (t.text[j][:1].isupper() or t.lower[j] in links):
        if t.lower[j] in _EN_INSTITUTION_TAILS and t.text[j][:1].isupper():
            return True
        j += 1
    j = start - 1
    while j >= 0 and start - j < 12 and (t.text[j][:1].isupper() or t.lower[j] in links):
        if t.lower[j] in {"of", "for"} and j > 0 and t.lower[j - 1] in _EN_INSTITUTION_HEADS \
                and t.text[j - 1][:1].isupper():
            return True
        j -= 1
    return False


def _in_institution_name(t: Tokens, start: int, end: int, heads: frozenset[str]) -> bool:
    """A capitalised match inside a proper name headed by an institution word.

    "Kementerian Pekerjaan Umum dan Perumahan Rakyat", "Badan Penanggulangan Bencana
    Daerah", "Universitas Sam Ratulangi": the words name an office, not a policy.
    """
    words = [t.tok[j] for j in range(start, end) if t.alpha[j]]
    if not words or not all(w.is_title or w.is_upper for w in words):
        return False
    if t.lower[start] in heads and end < len(t) and (t.tok[end].is_title or t.tok[end].is_upper):
        return True
    j = start - 1
    while j >= 0 and start - j <= 8:
        tok = t.tok[j]
        if t.lower[j] in heads and (tok.is_title or tok.is_upper) and not _a_programme_head(t, j):
            return True
        if not (tok.is_title or tok.is_upper or t.lower[j] in {"dan", "&", "and", "of", "-"}):
            return False
        if tok.is_sent_start:
            return False
        j -= 1
    return False


#: words after "Program" that make it a university's study programme ("Program Studi …"), the
#: one place "Program" heads an institution's name; shared with the programme tagger
STUDY_PROGRAMME = frozenset({"studi", "pascasarjana", "magister", "doktor", "sarjana", "diploma"})


def _a_programme_head(t: Tokens, j: int) -> bool:
    """ "Program" opens a programme's name ("Program Puskesmas Apung", "Program Kampung Iklim"),
    an institution's only as "Program Studi …" (a university's study programme)."""
    return t.lower[j] in {"program", "programme"} and not (j + 1 < len(t) and t.lower[j + 1] in STUDY_PROGRAMME)


#: words that join the items of a list of pillar heads ("ekonomi, masyarakat, dan transportasi cerdas")
_LIST_SEPARATORS = frozenset({",", "dan", "serta", "and", "&", "/", "maupun", "or", "atau"})
#: a shared qualifier after the list (Indonesian word order)
_SHARED_AFTER = frozenset({"cerdas", "pintar"})
_LIST_TRIGGERS = _SHARED_AFTER | {"smart"}
#: words that introduce a framework's parts, and the words that may stand between them and the list
_FRAMEWORK_WORDS = frozenset({"dimensi", "dimensions", "pilar", "pillars", "aspek", "aspects", "komponen",
                              "components", "elemen", "elements", "bidang", "domains", "areas", "indikator",
                              "indicators", "kriteria", "criteria", "framework", "kerangka"})
#: words that stand for a pillar inside a framework's list item of a few words ("tata kelola",
#: "kualitas sumber daya manusia", "kenyamanan hidup", "human capital", "quality of life"),
#: besides the ``smart_heads``
_ITEM_HEADS = {"kelola": "smart_government", "governance": "smart_government", "birokrasi": "smart_government",
               "manusia": "smart_people", "sdm": "smart_people", "capital": "smart_people",
               "pendidikan": "smart_people", "life": "smart_living", "kesehatan": "smart_living",
               "perekonomian": "smart_economy", "transport": "smart_mobility", "lalu": "smart_mobility"}
#: words that open a list of such items
_ITEM_OPENERS = frozenset({":", "yaitu", "yakni", "ialah", "adalah", "namely", "meliputi", "mencakup", "terdiri",
                           "include", "including", "covers", "cover", "covering", "berikut", "are"})
#: a dimension of Indonesia's smart-city frameworks with no pillar of its own: a list goes on past it
#: ("governance, branding, economy, living, society and environment")
_NO_PILLAR_DIMENSIONS = frozenset({"branding"})
#: the most words one item of such a list may have
_ITEM_WORDS = 5
_FRAMEWORK_LINKS = frozenset({":", ",", "yaitu", "yakni", "ialah", "adalah", "namely", "meliputi", "mencakup",
                              "terdiri", "dari", "atas", "which", "are", "include", "including", "into", "kota",
                              "city", "cerdas", "smart", "tersebut", "itu", "-", "(", "covers", "cover",
                              "covering", "berikut", "enam", "six", "—", "–"})


def _spellings(term: str) -> list[str]:
    """A term as written, and with its two words joined by a hyphen or split at one:
    "ganjil genap" also matches "ganjil-genap", "bike-sharing" also "bike sharing"; an English
    head noun also in the plural."""
    forms = [term]
    words = term.split(" ")
    if len(words) == 2 and all(w.isalpha() and len(w) > 1 for w in words):
        forms.append("-".join(words))
    parts = term.split("-")
    if " " not in term and len(parts) == 2 and all(w.isalpha() and len(w) > 2 for w in parts):
        forms.append(" ".join(parts))
    # an English head noun also matches its plural ("landfills", "command centres", "cities")
    last = words[-1]
    if last.isalpha() and len(last) >= 3 and not last.endswith("s") and zipf(last, "en") >= 3.0 \
            and zipf(last, "en") > zipf(last, "id"):
        if last.endswith("y") and last[-2] not in "aeiou":
            plural = last[:-1] + "ies"
        elif last.endswith(("x", "z", "ch", "sh")):
            plural = last + "es"
        else:
            plural = last + "s"
        forms += [" ".join([*words[:-1], plural])]
    return forms


class PillarTagger:
    """Find pillar mentions and store them in ``doc.spans["pillars"]``."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.regexes = Matcher(nlp.vocab)
        self.by_key: dict[int, Term] = {}
        for term in lexicon.terms:
            key = nlp.vocab.strings.add(term.key)
            self.by_key[key] = term
            if term.term is not None:
                self.phrases.add(term.key, [nlp.make_doc(form) for form in _spellings(term.term)])
            else:
                self.regexes.add(term.key, [[{"LOWER": {"REGEX": term.regex}}]])
        self.heads = lexicon.pillar_words
        self.heads_inst = lexicon.institution_heads
        self.smart_ratio = float(lexicon.fuzzy.get("smart_ratio", 85))
        min_len = int(lexicon.fuzzy.get("min_length", 7))
        self.single_ratio = float(lexicon.fuzzy.get("ratio", 86))
        singles: dict[str, Term] = {}
        for term in lexicon.terms:
            if term.term and term.fuzzy and " " not in term.term and "-" not in term.term and len(term.term) >= min_len:
                singles.setdefault(term.term, term)
        self.singles = singles
        self.single_words = list(singles)
        self.all_words = {w for t in lexicon.terms if t.term for w in t.term.split()}
        # strong one-word terms, for their forms with the clitic -nya ("puskesmasnya", "trotoarnya")
        self.one_word: dict[str, Term] = {}
        for term in lexicon.terms:
            if term.term and " " not in term.term and term.term.isalpha() and len(term.term) >= 4 and not term.weak:
                self.one_word.setdefault(term.term.lower(), term)
        self.nya_forms = frozenset(w + "nya" for w in self.one_word)  # checked with one set test per document
        self.min_len = min_len

    def _span(self, doc: Doc, start: int, end: int, term: Term, method: str, score: float) -> Span:
        span = Span(doc, start, end, label=term.pillar)
        x = span._  # one Underscore for all the attributes (each ``span._`` makes a new one)
        x.pillar = term.pillar
        x.driver = term.driver
        x.term = term.term or term.regex
        x.method = method
        x.score = score
        x.weak = term.weak
        x.facility = term.facility
        x.problem = term.problem
        return span

    def _listed_heads(self, t: Tokens) -> list[tuple[int, str]]:
        """Pillar head words that share one "cerdas"/"smart" across a coordinated list.

        "enam aspek kota cerdas yaitu ekonomi, masyarakat, pemerintahan, lingkungan, hidup, dan
        transportasi cerdas" names six pillars; so does "smart economy, people and mobility".
        Each head word of the list (``smart_heads``) counts as the pillar named as such. A list
        needs two heads or more with a separator between each pair, so "kehidupan masyarakat
        cerdas" (one noun phrase) is not a list.
        """
        lower, heads = t.lower, self.heads

        def walk(j: int, step: int) -> list[int]:
            found: list[int] = []
            sep_seen = False
            while 0 <= j < len(lower):
                if lower[j] in heads and (not found or sep_seen):
                    found.append(j)
                    sep_seen = False
                elif found and sep_seen and lower[j] in _NO_PILLAR_DIMENSIONS:
                    sep_seen = False
                elif found and lower[j] in _LIST_SEPARATORS:
                    sep_seen = True
                else:
                    break
                j += step
            return found

        listed: set[int] = set()
        named: set[tuple[int, str]] = set()
        for k in ([k for k, w in enumerate(lower) if w in _LIST_TRIGGERS]
                  if not _LIST_TRIGGERS.isdisjoint(lower) else []):
            if lower[k] == "smart":  # "smart economy, people …": "smart economy" is matched already
                found = walk(k + 1, 1)[1:] if k + 1 < len(lower) and lower[k + 1] in heads else []
            else:  # "ekonomi, masyarakat … cerdas"
                found = walk(k - 1, -1) if k > 0 else []
            if len(found) >= (1 if lower[k] == "smart" else 2):
                listed.update(found)
        # "six dimensions: economy, government, people, living, mobility and environment",
        # "enam pilar, yaitu ekonomi, pemerintahan, masyarakat …": a framework's list of three
        # heads or more names each pillar even without "smart"/"cerdas"
        for k in ([k for k, w in enumerate(lower) if w in _FRAMEWORK_WORDS]
                  if not _FRAMEWORK_WORDS.isdisjoint(lower) else []):
            j = k + 1
            # (past links, and past a capitalised name of the framework before its colon:
            # "enam dimensi Rencana Induk Denpasar Smart City: tata kelola, …")
            while j < len(lower) and j - k <= 8 and lower[j] not in heads and (
                    (lower[j] in _FRAMEWORK_LINKS and (j - k <= 5 or t.text[j] == ":")) or t.text[j][:1].isupper()):
                j += 1
            if j < len(lower) and lower[j] in heads:
                found = walk(j, 1)
                if len(found) >= 3:
                    listed.update(found)
                    continue
            # items of several words need a word that opens the list ("indikator: tata kelola, …");
            # "aspek kehidupan masyarakat, termasuk …" is one noun phrase
            items = self._framework_items(t, j) if any(w in _ITEM_OPENERS for w in lower[k + 1 : j]) else []
            if len({p for _, p in items}) >= 3:
                named.update(items)
        # a list of four heads or more after a word that opens a list names each pillar without a
        # framework word ("cetak biru smart kabupaten yang mencakup ekonomi, pemerintahan,
        # masyarakat, kehidupan, mobilitas, dan lingkungan")
        for k in ([k for k, w in enumerate(lower) if w in _ITEM_OPENERS]
                  if not _ITEM_OPENERS.isdisjoint(lower) else []):
            if k + 1 < len(lower) and lower[k + 1] in heads:
                found = walk(k + 1, 1)
                if len({heads[lower[i]] for i in found}) >= 4:
                    listed.update(found)
        return sorted({*((i, heads[lower[i]]) for i in listed), *named})

    def _framework_items(self, t: Tokens, j: int) -> list[tuple[int, str]]:
        """The items of a framework's list from token ``j`` on, each of a few words with one
        head ("tata kelola, pengembangan ekonomi, kualitas sumber daya manusia, kenyamanan hidup,
        sistem transportasi, dan pengelolaan lingkungan"; "governance, economy, human capital,
        quality of life, mobility and environment"): (head token, pillar) per item, up to the
        first item without a head."""
        lower, heads = t.lower, self.heads
        out: list[tuple[int, str]] = []
        while j < len(lower):
            k = j
            while k < len(lower) and lower[k] not in _LIST_SEPARATORS and not t.punct[k] and k - j < _ITEM_WORDS:
                k += 1
            if k == j or (k < len(lower) and not (lower[k] in _LIST_SEPARATORS or t.punct[k])):
                break
            head = next((i for i in range(j, k) if lower[i] in heads or lower[i] in _ITEM_HEADS), None)
            if head is None and not (k == j + 1 and lower[j] in _NO_PILLAR_DIMENSIONS):
                break
            if head is not None:
                out.append((head, heads.get(lower[head]) or _ITEM_HEADS[lower[head]]))
            while k < len(lower) and lower[k] in _LIST_SEPARATORS:
                k += 1
            if k < len(lower) and t.punct[k] and lower[k] != ",":
                break
            j = k
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        t = tokens(doc)
        matches = list(self.phrases(doc)) + (list(self.regexes(doc)) if len(self.regexes) else [])
        for match_id, start, end in matches:
            term = self.by_key[match_id]
            if not _excluded(t, start, end, term) and not _in_institution_name(t, start, end, self.heads_inst) \
                    and not _street_name(t, start, end, term) and not _in_english_name(t, start, end):
                spans.append(self._span(doc, start, end, term, "lexicon", 1.0))
        covered = {i for s in spans for i in range(s.start, s.end)}
        lower = t.lower
        for i in [i for i, w in enumerate(lower[:-1]) if w == "smart"]:
            if i + 1 in covered:
                continue
            head = lower[i + 1]
            pillar = self.heads.get(head)
            score = 100.0
            if pillar is None and t.alpha[i + 1] and len(head) >= 5:
                best = process.extractOne(head, list(self.heads), scorer=fuzz.ratio, score_cutoff=self.smart_ratio)
                if best:
                    pillar, score = self.heads[best[0]], best[1]
            if pillar:
                term = Term(pillar, None, term=f"smart {head}")
                spans.append(self._span(doc, i, i + 2, term, "fuzzy" if score < 100 else "lexicon", score / 100))
        listed = self._listed_heads(t)
        if listed:
            # a list item the lexicon already reads as its pillar ("lingkungan hidup") keeps its term,
            # unless that term is a weak one ("sumber daya manusia")
            same = {i for i, pillar in listed for s in spans
                    if s.start <= i < s.end and s.label_ == pillar and not s._.weak}
            listed = [(i, pillar) for i, pillar in listed if i not in same]
            spans = [s for s in spans if not any(s.start <= i < s.end for i, _ in listed)]
            for i, pillar in listed:
                term = Term(pillar, None, term=f"smart {lower[i]}" if lower[i] in self.heads else lower[i])
                spans.append(self._span(doc, i, i + 1, term, "lexicon", 1.0))
        covered = {i for s in spans for i in range(s.start, s.end)}
        # "sebagian puskesmasnya belum buka 24 jam": a term with the clitic -nya ("its")
        nya = self.nya_forms
        for i in ([i for i, low in enumerate(lower) if low in nya] if not nya.isdisjoint(lower) else []):
            term = self.one_word.get(lower[i][:-3])
            if term is not None and i not in covered and not _excluded(t, i, i + 1, term) \
                    and not _in_institution_name(t, i, i + 1, self.heads_inst):
                spans.append(self._span(doc, i, i + 1, term, "lexicon", 1.0))
                covered.add(i)
        min_len, all_words = self.min_len, self.all_words
        for i in [i for i, low in enumerate(lower) if len(low) >= min_len and low not in all_words]:
            low = lower[i]
            if (
                i in covered
                or not t.alpha[i]
                or is_known_word(low)
            ):
                continue
            best = process.extractOne(low, self.single_words, scorer=fuzz.ratio, score_cutoff=self.single_ratio)
            if best:
                term = self.singles[best[0]]
                spans.append(self._span(doc, i, i + 1, term, "fuzzy", best[1] / 100))
        if not _SIMILE.isdisjoint(lower):
            spans = [s for s in spans if not _in_simile(t, s.start)]
        doc.spans["pillars"] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.factory("pilar_pillars", default_config={"models_dir": None})
def make_pillar_tagger(nlp: Language, name: str, models_dir: str | None) -> PillarTagger:
    return PillarTagger(nlp, load_lexicon(models_dir))
