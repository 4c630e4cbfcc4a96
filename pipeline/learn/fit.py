"""Fit every model of one training run into a :class:`~pipeline.classify.bundle.Bundle`."""

from __future__ import annotations

from pipeline.classify.bundle import Bundle
from pipeline.classify.features import TextFeatures, TfidfFeatures
from pipeline.classify.models import (
    DOC_WORDS,
    fit_pillar_model,
    fit_relevance_model,
    fit_status_model,
)
from pipeline.learn.dataset import Dataset


def fit_bundle(data: Dataset, *, seed: int, estimator: str = "logreg") -> Bundle:
    """Fit every model on ``data`` (all of it: the caller decides what is training data)."""
    views = [s.view for s in data.sentences]
    golds = [s.gold for s in data.sentences]
    groups = [s.doc_id for s in data.sentences]
    text = TextFeatures.fit([v.text for v in views])
    pillars = {
        name: fit_pillar_model(views, golds, groups, text=text, use_lexicon=name == "combined",
                               seed=seed, estimator=estimator)
        for name in ("model", "combined")
    }
    pair_views = [s.view for s in data.sentences for _ in s.gold]
    pair_pillars = [p for s in data.sentences for p in s.gold]
    pair_status = [st for s in data.sentences for st in s.gold.values()]
    status = {
        name: fit_status_model(pair_views, pair_pillars, pair_status, text=text,
                               use_lexicon=name == "combined", seed=seed)
        for name in ("model", "combined")
    }
    labelled = [d for d in data.documents if d.relevance is not None]
    relevance = None
    if len({d.relevance for d in labelled}) == 2:
        tfidf = TfidfFeatures.fit([d.view.text for d in labelled], params=DOC_WORDS)
        relevance = {
            name: fit_relevance_model([d.view for d in labelled], [int(d.relevance) for d in labelled],
                                      tfidf=tfidf, use_lexicon=name == "combined", seed=seed)
            for name in ("model", "combined")
        }
    from pipeline.lexicon import load_lexicon

    info = {
        "seed": seed,
        "lexicon_version": load_lexicon().version,
        "estimator": estimator,
        "train_documents": len({s.doc_id for s in data.sentences}),
        "train_sentences": len(views),
        "train_status_pairs": len(pair_views),
        "relevance_documents": len(labelled),
        "thresholds": {name: m.threshold for name, m in pillars.items()},
    }
    return Bundle(text, pillars, status, relevance, info)
