"""The records that flow through pilar, as plain dataclasses.

``Document`` is what ingestion produces; ``Mention``/``ProgramMention`` are what the NLP
layer finds; ``PillarStatus``/``DocSummary`` are what summarisation resolves. ``DocSummary``
serialises to the JSON contract of DESIGN.md §3 with :meth:`DocSummary.to_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PILLARS: tuple[str, ...] = (
    "smart_economy",
    "smart_government",
    "smart_people",
    "smart_living",
    "smart_mobility",
    "smart_environment",
)

#: Statuses a single mention can carry (``None`` is a plain mention).
MENTION_STATUSES: tuple[str, ...] = ("implemented", "planned", "not_addressed", "recommended")

#: The classes of the learned status model: a mention's status, ``"none"`` for a plain one.
STATUS_CLASSES: tuple[str, ...] = ("none", *MENTION_STATUSES)

#: Document-level statuses, ordered from least to most done.
DOC_STATUS_ORDER: tuple[str, ...] = (
    "not_mentioned",
    "not_addressed",
    "recommended",
    "planned",
    "partial",
    "implemented",
)


#: A pillar named with no status stated (a definition, a list, a topic). It makes no claim, so
#: it sits outside :data:`DOC_STATUS_ORDER`: it never agrees with, adds to or contradicts a
#: baseline, and a narrative never calls it untouched (DESIGN.md §3).
MENTIONED = "mentioned"

#: Every document status: the ordered ones and ``mentioned``.
DOC_STATUSES: tuple[str, ...] = (*DOC_STATUS_ORDER, MENTIONED)


def status_rank(status: str) -> int:
    """Position of an ordered document status in :data:`DOC_STATUS_ORDER` (higher = more done).

    Raises ``ValueError`` for ``mentioned``, which has no place in the order.
    """
    return DOC_STATUS_ORDER.index(status)


@dataclass(frozen=True)
class Section:
    """A heading and the span of clean text it governs (``[start, end)``)."""

    title: str
    level: int
    start: int
    end: int


@dataclass
class Document:
    """One ingested document: clean text plus structure and metadata."""

    doc_id: str
    source: str
    source_key: str
    text: str
    title: str
    sections: list[Section] = field(default_factory=list)
    format: str = "txt"
    language: str | None = None
    date: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def section_at(self, offset: int) -> str | None:
        """Title of the innermost section that contains character ``offset``."""
        best: Section | None = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (best is None or sec.level >= best.level):
                best = sec
        return best.title if best else None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: str | None = None


@dataclass
class Mention:
    """A pillar mention: where it is, what matched, and the status its clause gives it."""

    pillar: str
    driver: str | None
    term: str
    text: str
    start: int
    end: int
    sentence: int
    method: str = "lexicon"
    score: float = 1.0
    status: str | None = None
    cue: str | None = None
    section: str | None = None
    #: The named status rule that decided ``status`` (``pipeline.nlp.status``), or the tagger's.
    rule: str | None = None


@dataclass
class ProgramMention:
    name: str
    kind: str  # "program" | "initiative"
    pillar: str | None
    text: str
    start: int
    end: int
    sentence: int
    method: str = "gazetteer"
    score: float = 1.0
    status: str | None = None  # the status its clause gives it (None: named only)
    cue: str | None = None


@dataclass
class Analysis:
    """Everything the NLP layer found in one document (before summarisation)."""

    sentences: list[Sentence]
    mentions: list[Mention]
    programs: list[ProgramMention]
    actors: list[str]
    years: list[int]
    periods: list[tuple[int, int]]
    relevance: float
    sentence_status: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass
class PillarStatus:
    status: str
    mentions: int
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """As ``asdict`` gives it; the evidence items are flat dicts of plain values."""
        return {"status": self.status, "mentions": self.mentions, "evidence": [dict(e) for e in self.evidence]}


@dataclass
class DocSummary:
    """The per-document result: the ``pilar analyze`` JSON object."""

    doc_id: str
    source: str
    title: str
    language: str | None
    relevance: float
    relevant: bool
    word_count: int
    pillars: dict[str, PillarStatus]
    programs: list[dict[str, Any]]
    actors: list[str]
    years: list[int]
    periods: list[list[int]]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "language": self.language,
            "relevance": round(self.relevance, 3),
            "relevant": self.relevant,
            "word_count": self.word_count,
            # by hand, not ``asdict``: its recursive deep copy was 5 % of an analysis
            "pillars": {p: self.pillars[p].to_dict() for p in PILLARS},
            "programs": self.programs,
            "actors": self.actors,
            "years": self.years,
            "periods": self.periods,
            "summary": self.summary,
        }
        return out
