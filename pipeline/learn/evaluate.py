"""Score the lexicon, the model and their combination on held-out documents.

Two protocols, both split by document (sentences of one article never straddle train and
test): the fixed test split of ``splits.json`` (train + dev for fitting), and a 5-fold
``GroupKFold`` over every labelled document (each fold refits everything, thresholds
included, on the other four).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sklearn.model_selection import GroupKFold

from pipeline.analyzer import TAGGERS as SYSTEMS
from pipeline.classify.bundle import Bundle
from pipeline.learn.dataset import Dataset
from pipeline.learn.fit import fit_bundle
from pipeline.learn.metrics import pillar_scores, roc_auc, status_scores


def predictions(bundle: Bundle, data: Dataset, *, system: str) -> dict[str, Any]:
    """Everything the measures need for one system on ``data``."""
    views = [s.view for s in data.sentences]
    pred = bundle.predict_sentences(views, system=system)
    pairs = [(i, p) for i, s in enumerate(data.sentences) for p in s.gold]
    statuses = bundle.predict_status([views[i] for i, _ in pairs], [p for _, p in pairs], system=system)
    docs = [d for d in data.documents if d.relevance is not None]
    return {
        "gold": [s.gold for s in data.sentences],
        "pred": pred,
        "status_gold": [data.sentences[i].gold[p] for i, p in pairs],
        "status_pred": statuses,
        "status_found": [p in pred[i] for i, p in pairs],
        "rel_gold": [int(d.relevance) for d in docs],
        "rel_score": [float(x) for x in bundle.predict_relevance([d.view for d in docs], system=system)],
    }


def score(pr: dict[str, Any]) -> dict[str, Any]:
    out = pillar_scores(pr["gold"], pr["pred"])
    out.update(status_scores(pr["status_gold"], pr["status_pred"], pr["status_found"]))
    out["relevance_auc"] = roc_auc(pr["rel_gold"], pr["rel_score"])
    out["sentences"] = len(pr["gold"])
    out["documents_relevance"] = len(pr["rel_gold"])
    return out


def _pool(parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {k: [x for p in parts for x in p[k]] for k in parts[0]}


def evaluate_test_split(data: Dataset, *, seed: int, estimator: str = "logreg") -> dict[str, dict[str, Any]]:
    """Fit on train + dev, score on test."""
    bundle = fit_bundle(data.subset(data.doc_ids("train", "dev")), seed=seed, estimator=estimator)
    test = data.subset(data.doc_ids("test"))
    return {system: score(predictions(bundle, test, system=system)) for system in SYSTEMS}


def evaluate_cv(data: Dataset, *, seed: int, folds: int = 5, estimator: str = "logreg",
                doc_ids: set[str] | None = None,
                on_fold: Callable[[int, int], None] | None = None) -> dict[str, dict[str, Any]]:
    """Document-grouped k-fold CV: predictions of all folds pooled, then scored once.

    Pooling (rather than averaging fold scores) keeps AUC and F1 defined when a fold has
    few positives; ``folds_micro_f1`` keeps the per-fold spread.
    """
    ids = sorted(doc_ids if doc_ids is not None else data.doc_ids())
    groups = {d: i for i, d in enumerate(ids)}
    pooled: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
    per_fold: dict[str, list[float]] = {s: [] for s in SYSTEMS}
    for k, (train_idx, test_idx) in enumerate(GroupKFold(n_splits=folds).split(ids, groups=[groups[d] for d in ids])):
        if on_fold is not None:
            on_fold(k + 1, folds)
        bundle = fit_bundle(data.subset({ids[i] for i in train_idx}), seed=seed, estimator=estimator)
        held = data.subset({ids[i] for i in test_idx})
        for system in SYSTEMS:
            pr = predictions(bundle, held, system=system)
            pooled[system].append(pr)
            per_fold[system].append(pillar_scores(pr["gold"], pr["pred"])["micro_f1"])
    out = {}
    for system in SYSTEMS:
        out[system] = score(_pool(pooled[system]))
        out[system]["folds_micro_f1"] = per_fold[system]
    return out
