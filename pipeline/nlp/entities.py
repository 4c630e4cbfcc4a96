"""Actors (cities, regions, institutions) from a gazetteer, and years and periods.

Actors match their written forms case-sensitively on whole tokens ("Berlin", "DKI
Jakarta", "Pemprov DKI"), longest first, and are reported by canonical name. A bare place
name is an actor only where the text makes it act (after a government word, after "oleh", or
as the subject of a verb of doing, coordinated subjects included): a venue ("di Bali") is not
an actor. An institution ("Pemprov DKI", "Kominfo") too, or when the text names it twice or
more; named once as a source or a frame ("menurut data Kemenkes") it is not (on the relevant
training pages: precision 0.80 → 0.92, recall 0.41 → 0.36). Years are
1800–2100 standing alone as numbers; periods are two years joined by a dash or by
"hingga"/"sampai (dengan)"/"s.d." ("2017–2020", "dari tahun 2017 hingga 2020").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.nlp.tokens import tokens

_YEAR = r"(?:18|19|20)\d\d|2100"
YEAR_RE = re.compile(rf"(?<![\d.,/:-])({_YEAR})(?![\d]|[.,]\d)")
PERIOD_RE = re.compile(
    rf"(?<![\d.,/])({_YEAR})\s*(?:[-–—]|s\.?\s?d\.?|s/d|hingga|sampai(?:\s+dengan)?|to|until)\s*(?:(?:tahun|thn\.?)\s+)?({_YEAR})(?![\d])",
    re.IGNORECASE,
)


def find_years(text: str) -> list[int]:
    """Distinct years mentioned in ``text``, sorted."""
    return sorted({int(m.group(1)) for m in YEAR_RE.finditer(text)})


def find_periods(text: str) -> list[tuple[int, int]]:
    """Distinct ``(start, end)`` year ranges, in order of first appearance."""
    seen: list[tuple[int, int]] = []
    for m in PERIOD_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b and (a, b) not in seen:
            seen.append((a, b))
    return seen


#: the bare place word each government level writes before its place ("Kota Kupang")
_PLACE_WORDS = {"Pemkot": ("Kota",), "Pemkab": ("Kabupaten", "Kab."), "Pemprov": ("Provinsi",), "Pemda": ()}


def government_aliases(name: str) -> list[str]:
    """The written forms of a canonical place government: every government form actors.yaml
    maps to its prefix ("Pemkot Kupang" → "Pemerintah Kota Kupang", "Wali Kota Kupang"), the
    bare place word and the place ("Kota Kupang", "Kupang"), and the place's short forms
    ("Pemprov Sumatera Utara" also "Pemprov Sumut", `place_aliases`); other names as they are."""
    prefix, _, place = name.partition(" ")
    if prefix not in _PLACE_WORDS or not place:
        return [name]
    ctx = load_lexicon().actor_context
    forms = [k.title() for k, v in (ctx.get("government_forms") or {}).items() if v == prefix and k != prefix.lower()]
    forms += _PLACE_WORDS[prefix]
    places = [place, *(short for short, full in (ctx.get("place_aliases") or {}).items() if full == place)]
    return [f"{prefix} {p}" for p in places] + [f"{form} {p}" for p in places for form in forms] + places


#: a place word before a name: the name is a place ("Kabupaten Sintang", "Pemkot Kupang")
_PLACED = re.compile(r"\b(?:[Kk]ota|KOTA|[Kk]abupaten|KABUPATEN|[Kk]ab\.|[Pp]rovinsi|PROVINSI|Pemkot|Pemko|Pemkab|Pemprov|Pemda)"
                     r"\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")


#: English words after a place that name its government ("the Bandung city government")
_ENGLISH_GOVERNMENT = frozenset({"city", "regency", "provincial", "municipal", "government", "administration"})

class ActorTagger:
    """Store actor spans in ``doc.spans["actors"]`` (``span._.actor`` is the canonical name)."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.places = set(lexicon.actor_places)
        ctx = lexicon.actor_context
        self.gov_before = {w.lower() for w in ctx.get("government_before", [])}
        self.agent_before = {w.lower() for w in ctx.get("agent_before", [])}
        self.not_before = {w.lower() for w in ctx.get("not_before", [])}
        self.coordination = {w.lower() for w in ctx.get("coordination", [])}
        # the status lexicon's aspect and modal markers (sudah, akan, has, will …), one-word ones,
        # plus the few words of this file's `before_verb` list
        markers = lexicon.status.get("aspect_markers", [])
        self.before_verbs = {w.lower() for w in [*markers, *ctx.get("before_verb", [])] if " " not in w}
        # "Pemerintah Kota X", "Wali Kota X" → "Pemkot X" for any place X (actors.yaml
        # `government_forms`): lower-case word tuples → canonical prefix
        self.gov_forms = {tuple(k.split()): v for k, v in (ctx.get("government_forms") or {}).items()}
        self.gov_form_max = max((len(k) for k in self.gov_forms), default=0)
        self.gov_firsts = {k[0] for k in self.gov_forms}
        self.second_words = set(ctx.get("place_second_words") or [])
        self.not_places = set(ctx.get("not_places") or [])
        self.known_places = set(ctx.get("known_places") or [])
        #: a short or second spelling → the full name ("Sumut" → "Sumatera Utara", "Solo" → "Surakarta")
        self.place_aliases = dict(ctx.get("place_aliases") or {})
        self.names: dict[int, str] = {}
        for canonical, aliases in lexicon.actors.items():
            key = nlp.vocab.strings.add(f"actor|{canonical}")
            self.names[key] = canonical
            self.matcher.add(f"actor|{canonical}", [nlp.make_doc(a) for a in aliases])

    def _acts(self, tok) -> bool:  # noqa: ANN001
        """A verb of doing, or an aspect/modal word before one (Indonesian affixes, English)."""
        w = tok.lower_
        if w in self.before_verbs:
            return True
        return tok.is_alpha and len(w) > 4 and (w.startswith(("me", "mem", "men", "meng", "meny", "ber", "di"))
                                                and not w.startswith(("dinas", "dia", "diri")))

    def _place_acts(self, doc: Doc, start: int, end: int) -> bool:
        prev = [t for t in doc[max(start - 3, 0):start] if not t.is_space]
        if prev and prev[-1].lower_ in self.not_before:
            return False
        if any(t.lower_ in self.gov_before for t in prev[-2:]) or (prev and prev[-1].lower_ in self.agent_before):
            return True
        # subject: a verb of doing right after, or after a coordinated place ("A dan B mulai …")
        j = end
        while j < len(doc) and j - end < 6:
            t = doc[j]
            if t.is_space or t.text in {"'s", "’s"}:
                j += 1
                continue
            if t.lower_ in self.coordination or t.text in self.places or t.text[:1].isupper() and j - end < 3:
                j += 1
                continue
            if t.lower_ in _ENGLISH_GOVERNMENT and j - end < 3:
                j += 1  # "The Bandung city government launched …"
                continue
            return self._acts(t)
        return False

    def _is_place_word(self, text: str) -> bool:
        return text[:1].isupper() and text.replace("-", "").isalpha() and text not in self.not_places

    def _other_government(self, doc: Doc, span: Span) -> bool:
        """A bare place of the gazetteer after another level's government word: "Pemerintah
        Kabupaten Bogor" is not the city's government (Pemkot Bogor) but the regency's."""
        canonical = span._.actor.split(" ", 1)[0]
        if span.text not in self.places or canonical not in ("Pemkot", "Pemkab", "Pemprov"):
            return False
        lower = tokens(doc).lower
        for k in range(self.gov_form_max, 0, -1):
            form = tuple(lower[max(span.start - k, 0) : span.start])
            if len(form) == k and form in self.gov_forms:
                return self.gov_forms[form] not in (canonical, "Pemda")
        return False

    def _place_evidence(self, doc: Doc) -> tuple[set[str], Counter[str]]:
        """Once per document: the names the text puts after a place word ("Kota Sintang",
        "Kabupaten Sintang", "Pemkab Sintang"; not after "Wali Kota", which is a title), every
        prefix of each; and how often each run of two or three capitalised words occurs."""
        placed: set[str] = set()
        text = tokens(doc).full  # (``doc.text`` joins every token again: a Token object each)
        for m in _PLACED.finditer(text):
            if text[max(m.start() - 5, 0) : m.start()].lower().endswith(("wali ", "wali")):
                continue
            parts = m.group(1).split()
            placed.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
        runs: Counter[str] = Counter()
        words = tokens(doc).text
        for k in range(len(words) - 1):
            if words[k][:1].isupper() and words[k + 1][:1].isupper():
                runs[f"{words[k]} {words[k + 1]}"] += 1
                if k + 2 < len(words) and words[k + 2][:1].isupper():
                    runs[f"{words[k]} {words[k + 1]} {words[k + 2]}"] += 1
        return placed, runs

    def _known_place(self, doc: Doc, j: int, taken: set[int]) -> int:
        """How many tokens from ``j`` make the longest known place ("Aceh Barat Daya",
        "Bau-Bau" split by the tokenizer into three); 0 when none."""
        for k in range(min(7, len(doc) - j), 0, -1):
            if not taken.intersection(range(j, j + k)) and doc[j : j + k].text in self.known_places:
                return k
        return 0

    def _governments(self, doc: Doc, taken: set[int]) -> list[Span]:
        """A place's government named by a government word ("Pemerintah Kota Kupang", "Bupati
        Sintang"), the place in no gazetteer: one canonical form per place ("Pemkot Kupang").

        After a title (wali kota, bupati, gubernur) the next capitalised word may be a person
        ("Bupati Anas", "Wali Kota Bima Arya"): the place must be a known one (actors.yaml
        `known_places`) not followed by more of a name, or be named elsewhere after a place word
        ("Kabupaten Sintang"). The longest known name is the place ("Aceh Barat Daya"), its short
        form folded into the full one ("Sumut" → "Sumatera Utara"); an unknown one takes a second
        capitalised word when it is a direction ("Minahasa Utara") or the text names the two
        together again. Evidence is gathered once per document (no scan of the text per title).
        """
        out: list[Span] = []
        if not self.gov_forms:
            return out
        table = tokens(doc)  # the document's token texts, built once for every component
        lower, words = table.lower, table.text
        n = len(doc)
        evidence: tuple[set[str], Counter[str]] | None = None
        starts = [i for i, w in enumerate(lower) if w in self.gov_firsts]  # most texts: none or a few
        done = 0
        for i in starts:
            if i < done:
                continue
            form = next((k for k in range(self.gov_form_max, 0, -1)
                         if tuple(lower[i : i + k]) in self.gov_forms), 0)
            if not form:
                continue
            prefix = self.gov_forms[tuple(lower[i : i + form])]
            j = i + form
            if j + 2 < n and words[j] == "(" and words[j + 2] == ")":
                j += 3  # "Pemerintah Kota (Pemkot) Kupang"
            if j >= n or j in taken or not self._is_place_word(words[j]):
                continue
            if evidence is None:
                evidence = self._place_evidence(doc)
            placed, runs = evidence
            known = self._known_place(doc, j, taken)
            end = j + (known or 1)
            while not known and end < n and end - j < 3 and end not in taken and self._is_place_word(words[end]) and (
                    words[end] in self.second_words or runs[" ".join(words[j : end + 1])] >= 2):
                end += 1
            place = doc[j:end].text
            title = lower[i] in ("wali", "walikota", "bupati", "gubernur")
            more_name = end < n and self._is_place_word(words[end]) and words[end] not in self.second_words
            done = end
            if title and place not in placed and (not known or more_name):
                continue  # "Wali Kota Eri Cahyadi", "Wali Kota Bima Arya": a person
            span = Span(doc, i, end, label="ACTOR")
            span._.actor = f"{prefix} {self.place_aliases.get(place, place)}"
            out.append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            span = Span(doc, start, end, label="ACTOR")
            span._.actor = self.names[key]
            spans.append(span)
        spans = [sp for sp in filter_spans(spans) if not self._other_government(doc, sp)]
        taken = {k for sp in spans for k in range(sp.start, sp.end)}
        spans = sorted([*spans, *self._governments(doc, taken)], key=lambda sp: sp.start)
        acting = {sp._.actor for sp in spans if self._place_acts(doc, sp.start, sp.end)}
        times = Counter(sp._.actor for sp in spans)
        # a place acts only where the text makes it act; an institution also when the text
        # keeps coming back to it (named twice or more), not when it is named once as a
        # source or a frame ("menurut data Kemenkes", "penilaian Kementerian Kominfo")
        kept = [sp for sp in spans if sp._.actor in acting or (sp.text not in self.places and times[sp._.actor] >= 2)]
        doc.spans["actors"] = kept
        return doc


@Language.factory("pilar_actors", default_config={"models_dir": None})
def make_actor_tagger(nlp: Language, name: str, models_dir: str | None) -> ActorTagger:
    return ActorTagger(nlp, load_lexicon(models_dir))
