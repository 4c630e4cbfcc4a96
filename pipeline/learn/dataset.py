"""Training and evaluation examples: gold labels next to the lexicon's view of the same text."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.classify.lexfeat import DocView, SentenceView, views_for_gold
from pipeline.learn.data import Corpus, load_corpus


@dataclass
class SentenceExample:
    doc_id: str
    split: str
    view: SentenceView
    gold: dict[str, str]  # pillar → status ("none" = plain mention)
    written: bool = False


@dataclass
class DocExample:
    doc_id: str
    split: str
    view: DocView
    relevance: int | None


@dataclass
class Dataset:
    sentences: list[SentenceExample]
    documents: list[DocExample]
    notes: list[str] = field(default_factory=list)
    unaligned: int = 0

    def subset(self, doc_ids: set[str]) -> Dataset:
        return Dataset([s for s in self.sentences if s.doc_id in doc_ids],
                       [d for d in self.documents if d.doc_id in doc_ids], self.notes, self.unaligned)

    def doc_ids(self, *splits: str) -> set[str]:
        return {d.doc_id for d in self.documents if not splits or d.split in splits}


def build_dataset(corpus: Corpus | None = None, *, use_shared: bool = True) -> Dataset:
    """Run the lexicon over every labelled document and pair each gold sentence with its view."""
    corpus = corpus or load_corpus(use_shared=use_shared)
    sentences: list[SentenceExample] = []
    documents: list[DocExample] = []
    unaligned = 0
    for doc in corpus.documents:
        views, missed, dview = views_for_gold(doc.text, [s.text for s in doc.sentences])
        unaligned += missed
        for gold, view in zip(doc.sentences, views, strict=False):
            sentences.append(SentenceExample(doc.doc_id, doc.split, view, dict(gold.pillars), gold.written))
        documents.append(DocExample(doc.doc_id, doc.split, dview, doc.relevance))
    return Dataset(sentences, documents, list(corpus.notes), unaligned)
