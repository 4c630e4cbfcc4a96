"""The one Analyzer: every path from a document to pilar's record goes through it.

``pilar analyze``, :func:`pipeline.analyze_text`, corpus runs and the Prefect tasks all build
an :class:`Analyzer` from explicit :class:`Settings` (tagger, models folder, relevance
thresholds) and call :meth:`Analyzer.analyze`; so the same document gives the same record
byte for byte whichever way it came in. The settings are plain values: the flows take them as
parameters (Prefect records them; deployments and Dask workers receive them), never through
an environment variable set by one layer for another.

One Analyzer per process and settings (:func:`get_analyzer`): it holds the spaCy pipeline and
the learned models, which take ~1 s to build.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from pipeline.schema import Analysis, DocSummary, Document

#: The taggers: the lexicon rules alone, the text-only learned models, or both (default).
TAGGERS: tuple[str, ...] = ("lexicon", "model", "combined")
DEFAULT_TAGGER = "combined"


@dataclass(frozen=True)
class Settings:
    """What an analysis depends on besides the text.

    Attributes:
        tagger: ``lexicon``, ``model`` or ``combined`` (see :mod:`pipeline.classify.tagger`).
        models_dir: Taxonomy, lexicons and trained models (default: ``PILAR_MODELS_DIR``, else
            the packaged ``models/``).
        relevance_threshold: At or above this a document is relevant and keeps its pillars.
        short_text_words: Below this many words a text is short (a sentence, a title).
        short_text_threshold: The relevance bar for a short text: one sentence tells little
            about a topic, so only a clearly off-topic one is gated (DESIGN.md §3). 0.1: over
            the hand-written development sentences (sixteen sets and two new ones, 3,002 gold
            pillar pairs, about 300 look-alike distractors among them) sentence presence
            micro-F1 0.917 at 0.2, 0.918 at 0.15, 0.922 at 0.1, 0.918 at 0.05 (precision 0.920,
            0.919, 0.918, 0.908), status 0.843 → 0.852 at 0.1: the relevance model, trained
            on whole articles, scores many informal or terse policy sentences 0.1–0.2 ("jalan
            depan pasar udh bolong2 setahun tp blm jg ditambal"). (At stop 13, 440 sentences
            gave 0.877 at 0.3, 0.885 at 0.2, 0.890 at 0.15.)
    """

    tagger: str = DEFAULT_TAGGER
    models_dir: str | None = None
    relevance_threshold: float = 0.5
    short_text_words: int = 60
    short_text_threshold: float = 0.1

    def __post_init__(self) -> None:
        if self.tagger not in TAGGERS:
            raise ValueError(f"unknown tagger {self.tagger!r}: expected one of {', '.join(TAGGERS)}")

    def is_relevant(self, relevance: float, word_count: int, *, stated: bool = False) -> bool:
        """The one relevance decision: does a document keep its pillar mentions?

        A document below the threshold (a recipe that says "sampah", a court report that
        names "bansos") carries no pillar mentions. A short text is gated only below the
        lower bar: one policy sentence scores 0.1–0.8 on its own, and the lexicon's sense
        filters keep look-alikes out.
        ``stated``: the text states the status of a pillar in the lexicon's own words (a
        strong term with a status cue: "Jumlah dokter spesialis di RSUD masih kurang"); a
        short text that does is relevant whatever its score, since the relevance model learnt
        from whole articles and one sentence gives it little to go on.
        """
        short = word_count < self.short_text_words
        if short and stated:
            return True
        return relevance >= (self.short_text_threshold if short else self.relevance_threshold)


@dataclass
class Result:
    """One analysed document: what the NLP layer found and the resolved summary."""

    document: Document
    analysis: Analysis
    summary: DocSummary

    def record(self) -> dict[str, Any]:
        """The contract object of DESIGN.md §3, with the document's metadata."""
        return {**self.summary.to_dict(), **metadata_fields(self.document)}


def metadata_fields(doc: Document) -> dict[str, Any]:
    """The record's fields that come from ingestion rather than analysis."""
    out: dict[str, Any] = {}
    if doc.source_key != doc.source:  # a table row: path#<row id>
        out["source_key"] = doc.source_key
    out["format"] = doc.format
    if doc.date:
        out["date"] = doc.date
    if doc.metadata.get("date_raw") and doc.metadata["date_raw"] != doc.date:
        out["date_raw"] = doc.metadata["date_raw"]  # as the source wrote it (kept when unreadable)
    if doc.url:
        out["url"] = doc.url
    if doc.metadata.get("language_mixed"):
        out["language_mixed"] = True
    out["sections"] = [s.title for s in doc.sections]
    if doc.metadata.get("cleaning"):
        out["cleaning"] = doc.metadata["cleaning"]
    return out


class Analyzer:
    """Language id, the spaCy pipeline, the learned tagger, relevance, summary, record."""

    def __init__(self, settings: Settings | None = None) -> None:
        from pipeline.ingest.guards import max_doc_chars
        from pipeline.nlp import get_nlp

        self.settings = settings or Settings()
        self.nlp = get_nlp(self.settings.models_dir)
        # The per-document limit is pilar's (PILAR_MAX_DOC_CHARS), checked before any work.
        self.nlp.max_length = max(self.nlp.max_length, max_doc_chars())
        from pipeline.lexicon import load_lexicon

        #: look-alike terms ("inovasi", "SDM"): a status cue beside them does not make a short
        #: text relevant on its own
        self._weak = frozenset(t.term.lower() for t in load_lexicon(self.settings.models_dir).terms
                               if t.weak and t.term)
        self.bundle = None
        if self.settings.tagger != "lexicon":
            from pipeline.classify.tagger import get_bundle

            self.bundle = get_bundle(models_dir=self.settings.models_dir)

    def analyze(self, document: Document) -> Result:
        """Tag and summarise one ingested document (its language is detected if unknown).

        Raises:
            IngestError: The document is over the per-document character limit.
        """
        from pipeline.ingest.guards import check_length
        from pipeline.ingest.language import annotate_language

        check_length(document)
        from pipeline.nlp import analyze_document
        from pipeline.summarize import summarize_document

        annotate_language(document)
        analysis = analyze_document(document, nlp=self.nlp)
        # a status stated of a strong term or of a named programme of a pillar ("Aplikasi Sapa
        # Warga belum bisa diakses")
        stated = any(m.status and m.rule not in (None, "model") and m.method != "fuzzy"
                     and m.term.lower() not in self._weak for m in analysis.mentions) or \
            any(p.kind == "program" and p.pillar and p.status and p.cue for p in analysis.programs)

        def decide(relevance: float, word_count: int) -> bool:
            return self.settings.is_relevant(relevance, word_count, stated=stated)

        if self.bundle is not None:
            from pipeline.classify.tagger import apply_tagger

            analysis = apply_tagger(document, analysis, tagger=self.settings.tagger, bundle=self.bundle,
                                    relevant=decide)
        relevant = decide(analysis.relevance, document.word_count)
        return Result(document, analysis, summarize_document(document, analysis, relevant=relevant))

    def record(self, document: Document) -> dict[str, Any]:
        """Shortcut: the contract object of one document."""
        return self.analyze(document).record()


_LOCK = threading.Lock()
_ANALYZERS: dict[Settings, Analyzer] = {}


def get_analyzer(settings: Settings | None = None) -> Analyzer:
    """The process-wide Analyzer for ``settings`` (built on first use; thread-safe)."""
    settings = settings or Settings()
    with _LOCK:
        if settings not in _ANALYZERS:
            _ANALYZERS[settings] = Analyzer(settings)
        return _ANALYZERS[settings]
