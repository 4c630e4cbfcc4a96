"""Build the one spaCy pipeline of the process and turn its output into records."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.lexicon import Lexicon, load_lexicon

# Importing the component modules registers their factories.
from pipeline.nlp import entities, pillars, programs, segment, status, tokenizer  # noqa: F401
from pipeline.nlp.entities import find_periods, find_years
from pipeline.nlp.relevance import lexicon_relevance, mention_weight
from pipeline.nlp.tokens import TEXT, release, sentence_bounds, tokens
from pipeline.schema import Analysis, Document, Mention, ProgramMention, Sentence

_LOCK = threading.Lock()
_NLP: dict[str | None, Language] = {}

COMPONENTS = ("pilar_sentences", "pilar_pillars", "pilar_programs", "pilar_status", "pilar_actors")


def build_nlp(models_dir: str | None = None) -> Language:
    """A fresh ``spacy.blank("id")`` with pilar's components, configured from ``models_dir``."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "pilar.id_tokenizer.v1"}}})
    nlp.add_pipe("pilar_sentences")
    for name in COMPONENTS[1:]:
        nlp.add_pipe(name, config={"models_dir": models_dir})
    return nlp


def get_nlp(models_dir: str | None = None) -> Language:
    """The process-wide pipeline (built on first use; thread-safe)."""
    with _LOCK:
        if models_dir not in _NLP:
            _NLP[models_dir] = build_nlp(models_dir)
        return _NLP[models_dir]


def run_pipeline(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    doc.user_data["pilar_sections"] = [(s.title, s.start, s.end, s.level) for s in document.sections]
    doc.user_data[TEXT] = document.text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def extract(doc: Doc, document: Document, *, lexicon: Lexicon | None = None) -> Analysis:
    """Plain records from a processed ``Doc`` (``lexicon``: the one the pipeline was built with)."""
    sections = doc.user_data.get("pilar_sentence_sections") or []
    sentences: list[Sentence] = []
    table = tokens(doc)
    full = table.full
    for lo, hi in sentence_bounds(doc):
        if all(table.space[lo:hi]):
            continue
        raw = full[table.idx[lo] : table.idx[hi - 1] + len(table.text[hi - 1])]
        text = raw.strip()
        start = table.idx[lo] + len(raw) - len(raw.lstrip())
        section = sections[len(sentences)] if len(sentences) < len(sections) else document.section_at(start)
        sentences.append(Sentence(len(sentences), start, start + len(text), text, section))
    starts = [s.start for s in sentences]

    def sent_index(char: int) -> int:
        return max(bisect.bisect_right(starts, char) - 1, 0)

    mentions = []
    weights = []  # each mention's weight in the lexicon relevance score
    for span in doc.spans.get("pillars", []):
        x = span._  # one Underscore per span (each ``span._`` makes a new one)
        weights.append(mention_weight(
            explicit=x.driver is None and x.method != "program",
            weak=bool(x.weak), fuzzy=x.method == "fuzzy",
        ))
        idx = sent_index(span.start_char)
        mentions.append(
            Mention(
                pillar=x.pillar,
                driver=x.driver,
                term=x.term,
                text=full[span.start_char : span.end_char],
                start=span.start_char,
                end=span.end_char,
                sentence=idx,
                method=x.method,
                score=round(float(x.score), 3),
                status=x.status,
                cue=x.cue,
                rule=x.rule,
                section=sentences[idx].section if sentences else None,
            )
        )
    prog_status = doc.user_data.get("pilar_program_status") or {}
    progs = [
        ProgramMention(
            name=span._.program,
            kind=span._.kind,
            pillar=span._.pillar,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence=sent_index(span.start_char),
            method=span._.method,
            score=round(float(span._.score), 3),
            status=prog_status.get((span.start_char, span.end_char), (None, None))[0],
            cue=prog_status.get((span.start_char, span.end_char), (None, None))[1],
        )
        for span in doc.spans.get("programs", [])
    ]
    actors: list[str] = []
    for span in doc.spans.get("actors", []):
        if span._.actor not in actors:
            actors.append(span._.actor)
    lex = lexicon or load_lexicon()
    off_topic = sum(1 for w in table.lower if w in lex.off_topic)
    relevance = lexicon_relevance(
        words=document.word_count, weights=weights, programs=len(progs), text=document.text,
        off_topic=off_topic, off_weight=lex.off_topic_weight,
    )
    years = find_years(document.text)
    return Analysis(
        sentences=sentences,
        mentions=mentions,
        programs=progs,
        actors=actors,
        years=years,
        periods=find_periods(document.text) if len(years) >= 2 else [],  # a period needs two years
        relevance=relevance,
        sentence_status={i: st for i, st in enumerate(doc._.sentence_status or [])},
    )


def analyze_document(document: Document, *, nlp: Language | None = None) -> Analysis:
    """Run the pipeline on one document."""
    nlp = nlp or get_nlp()
    doc = run_pipeline(nlp, document)
    try:
        return extract(doc, document, lexicon=nlp.get_pipe("pilar_pillars").lexicon)
    finally:
        release(doc)


def analyze_documents(documents: Iterable[Document], *, nlp: Language | None = None) -> Iterator[Analysis]:
    """Run the pipeline on many documents, one after another (one process is fastest here)."""
    nlp = nlp or get_nlp()
    for document in documents:
        yield analyze_document(document, nlp=nlp)
