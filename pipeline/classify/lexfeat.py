"""The lexicon tagger's view of each sentence: what it matched, with which status.

Gold sentences are evaluated the faithful way: the lexicon pipeline runs on the **whole
document** (status cues use neighbouring sentences and sections), and its raw mentions
(before relevance gating) are mapped onto gold sentences by character offsets. Gold offsets
point into the raw text, the pipeline's into the cleaned text (Markdown emphasis unwrapped,
lines joined), so each gold sentence is located in the clean text by its own cleaned form,
searching forward from the previous one. A sentence that cannot be located (rare) is run
through the pipeline on its own, and counted in ``unaligned``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.ingest import document_from_text
from pipeline.ingest.blocks import squash
from pipeline.ingest.markdown import unwrap_inline
from pipeline.ingest.normalize import normalize_unicode
from pipeline.schema import Analysis, Mention


@dataclass(frozen=True)
class LexMention:
    """One lexicon mention as the learned models see it."""

    pillar: str
    term: str
    status: str  # "none" for a plain mention
    cue: str | None
    explicit: bool  # the pillar named as such ("smart mobility", "ekonomi"): no driver
    weak: bool
    fuzzy: bool
    start: int = -1
    end: int = -1
    driver: str | None = None
    text: str = ""
    rule: str | None = None  # the status rule that decided (``none``: no cue at all)


@dataclass
class SentenceView:
    """A sentence's clean text, its lexicon mentions, and document-level context."""

    text: str
    mentions: list[LexMention] = field(default_factory=list)
    sentence_status: str = "none"  # the lexicon's sentence-level status
    doc_relevance: float = 0.0  # the lexicon's relevance score of the whole document
    section: str | None = None
    # context: news sentences often speak of a pillar's topic without its words, so the
    # models also see which pillars the lexicon found next door and in the whole document
    neighbours: frozenset[str] = frozenset()
    doc_density: dict[str, float] = field(default_factory=dict)  # pillar → strong mentions per 100 words

    def pillars(self) -> set[str]:
        return {m.pillar for m in self.mentions}

    def status_of(self, pillar: str) -> str | None:
        """The lexicon status of ``pillar`` here: the first non-plain one, else "none"; None if unmatched."""
        statuses = [m.status for m in self.mentions if m.pillar == pillar]
        if not statuses:
            return None
        return next((s for s in statuses if s != "none"), "none")


def clean_sentence(text: str) -> str:
    """The form a raw sentence takes in the pipeline's clean text."""
    return squash(unwrap_inline(normalize_unicode(text)))


@dataclass
class DocView:
    """The lexicon's view of a whole document, for the relevance model."""

    text: str  # clean text
    relevance: float
    words: int
    mentions: int
    strong_mentions: int
    pillars: int
    programs: int
    smart_words: int


def doc_view(clean: str, analysis: Analysis) -> DocView:
    from pipeline.nlp.relevance import smart_words

    strong = [m for m in analysis.mentions if (m.pillar, m.term) not in _weak_terms()]
    return DocView(clean, analysis.relevance, len(clean.split()), len(analysis.mentions), len(strong),
                   len({m.pillar for m in analysis.mentions}), len(analysis.programs),
                   smart_words(clean))


@lru_cache(maxsize=1)
def _weak_terms() -> frozenset[tuple[str, str]]:
    from pipeline.lexicon import load_lexicon

    return frozenset((t.pillar, t.term or t.regex or "") for t in load_lexicon().terms if t.weak)


def lex_mention(m: Mention) -> LexMention:
    return LexMention(
        pillar=m.pillar, term=m.term, status=m.status or "none", cue=m.cue,
        explicit=m.driver is None, weak=(m.pillar, m.term) in _weak_terms(),
        fuzzy=m.method == "fuzzy", start=m.start, end=m.end, driver=m.driver, text=m.text, rule=m.rule,
    )


def doc_density(analysis: Analysis, words: int) -> dict[str, float]:
    """Strong (non-weak) lexicon mentions of each pillar per 100 words of the document."""
    weak = _weak_terms()
    out: dict[str, float] = {}
    for m in analysis.mentions:
        if (m.pillar, m.term) not in weak:
            out[m.pillar] = out.get(m.pillar, 0.0) + 1.0
    scale = 100.0 / max(words, 100)
    return {p: n * scale for p, n in out.items()}


def neighbour_pillars(analysis: Analysis, index: int) -> frozenset[str]:
    """Pillars the lexicon matched in the sentences just before and after ``index``."""
    return frozenset(m.pillar for m in analysis.mentions if m.sentence in (index - 1, index + 1))


def views_from_analysis(analysis: Analysis, *, words: int | None = None) -> list[SentenceView]:
    """One view per pipeline sentence (what the runtime tagger works on)."""
    words = words if words is not None else sum(len(s.text.split()) for s in analysis.sentences)
    density = doc_density(analysis, words)
    by_sentence: dict[int, set[str]] = {}
    for m in analysis.mentions:
        by_sentence.setdefault(m.sentence, set()).add(m.pillar)
    views = [
        SentenceView(s.text, [], (analysis.sentence_status.get(s.index) or (None, None))[0] or "none",
                     analysis.relevance, s.section,
                     frozenset(by_sentence.get(s.index - 1, set()) | by_sentence.get(s.index + 1, set())),
                     density)
        for s in analysis.sentences
    ]
    for m in analysis.mentions:
        if 0 <= m.sentence < len(views):
            views[m.sentence].mentions.append(lex_mention(m))
    return views


def analyze_clean(text: str) -> tuple[str, Analysis]:
    """Run the lexicon pipeline on ``text``; return the clean text and the analysis."""
    from pipeline.nlp import analyze_document

    document = document_from_text(text, source="<gold>")
    return document.text, analyze_document(document)


def views_for_gold(doc_text: str, sentences: list[str]) -> tuple[list[SentenceView], int, DocView]:
    """Lexicon views of gold ``sentences`` (raw texts, in document order) of ``doc_text``.

    Returns the views, the number of sentences that had to be analysed on their own, and
    the document's view.
    """
    clean, analysis = analyze_clean(doc_text)
    starts = [s.start for s in analysis.sentences]
    density = doc_density(analysis, len(clean.split()))
    views: list[SentenceView] = []
    unaligned = 0
    cursor = 0
    for raw in sentences:
        key = clean_sentence(raw)
        at = clean.find(key, cursor)
        if at < 0:
            at = clean.find(key[:40], cursor) if len(key) >= 40 else -1
        if at < 0:
            unaligned += 1
            views.append(_alone(key))
            continue
        end = at + len(key)
        cursor = end
        mentions = [lex_mention(m) for m in analysis.mentions if at <= m.start < end]
        sidx = _sentence_at(starts, at)
        status = (analysis.sentence_status.get(sidx) or (None, None))[0] if sidx is not None else None
        section = analysis.sentences[sidx].section if sidx is not None else None
        neighbours = neighbour_pillars(analysis, sidx) if sidx is not None else frozenset()
        views.append(SentenceView(key, mentions, status or "none", analysis.relevance, section,
                                  neighbours, density))
    return views, unaligned, doc_view(clean, analysis)


def _sentence_at(starts: list[int], char: int) -> int | None:
    import bisect

    i = bisect.bisect_right(starts, char) - 1
    return i if i >= 0 else None


def _alone(text: str) -> SentenceView:
    from pipeline.ingest import IngestError

    try:
        _, analysis = analyze_clean(text)
    except IngestError:  # e.g. a line the reader drops as scraping debris: nothing to match
        return SentenceView(text)
    views = views_from_analysis(analysis)
    mentions = [m for v in views for m in v.mentions]
    status = next((v.sentence_status for v in views if v.sentence_status != "none"), "none")
    return SentenceView(text, mentions, status, analysis.relevance, None)
