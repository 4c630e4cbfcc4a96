"""Actors (cities, regions, institutions) from a gazetteer, and years and periods.

Actors match their written forms case-sensitively on whole tokens ("Berlin", "DKI
Jakarta", "Pemprov DKI"), longest first, and are reported by canonical name. Years are
1800–2100 standing alone as numbers; periods are two years joined by a dash or by
"hingga"/"sampai (dengan)"/"s.d." ("2017–2020", "dari tahun 2017 hingga 2020").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401
from pipeline.lexicon import Lexicon, load_lexicon

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


class ActorTagger:
    """Store actor spans in ``doc.spans["actors"]`` (``span._.actor`` is the canonical name)."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names: dict[int, str] = {}
        for canonical, aliases in lexicon.actors.items():
            key = nlp.vocab.strings.add(f"actor|{canonical}")
            self.names[key] = canonical
            self.matcher.add(f"actor|{canonical}", [nlp.make_doc(a) for a in aliases])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            span = Span(doc, start, end, label="ACTOR")
            span._.actor = self.names[key]
            spans.append(span)
        doc.spans["actors"] = filter_spans(spans)
        return doc


@Language.factory("pilar_actors", default_config={"models_dir": None})
def make_actor_tagger(nlp: Language, name: str, models_dir: str | None) -> ActorTagger:
    return ActorTagger(nlp, load_lexicon(models_dir))
