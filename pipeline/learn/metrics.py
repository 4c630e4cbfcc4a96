"""Evaluation measures, computed here from gold and predicted labels (no stored numbers).

Pillars are a multi-label task over sentences: per pillar, precision/recall/F1 count
(sentence, pillar) pairs; micro-F1 pools the pairs of all pillars, macro-F1 averages the
pillars' F1 (a pillar absent from both gold and prediction is left out of the average).

Status is judged on the gold (sentence, pillar) pairs: ``status_accuracy`` over the pairs
the system also found (so it measures the status decision, not detection), and
``status_accuracy_all`` over all gold pairs with a missed pillar counted wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.schema import PILLARS


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pillar_scores(gold: Sequence[dict[str, str]], pred: Sequence[dict[str, str]]) -> dict:
    """Per-pillar and pooled precision, recall and F1 of sentence-level pillar sets."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have the same length")
    per: dict[str, dict[str, float]] = {}
    TP = FP = FN = 0
    f1s: list[float] = []
    for p in PILLARS:
        tp = sum(1 for g, q in zip(gold, pred, strict=False) if p in g and p in q)
        fp = sum(1 for g, q in zip(gold, pred, strict=False) if p not in g and p in q)
        fn = sum(1 for g, q in zip(gold, pred, strict=False) if p in g and p not in q)
        prec, rec, f1 = _prf(tp, fp, fn)
        per[p] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                  "support": tp + fn, "predicted": tp + fp}
        if tp + fp + fn:
            f1s.append(f1)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
    prec, rec, f1 = _prf(TP, FP, FN)
    return {"micro_precision": round(prec, 4), "micro_recall": round(rec, 4), "micro_f1": round(f1, 4),
            "macro_f1": round(float(np.mean(f1s)) if f1s else 0.0, 4), "per_pillar": per}


def status_scores(gold: Sequence[str], pred: Sequence[str | None], found: Sequence[bool]) -> dict:
    """Status accuracy on gold pairs: among pairs found by the system, and over all pairs."""
    if not (len(gold) == len(pred) == len(found)):
        raise ValueError("gold, pred and found must have the same length")
    hits = [g == p for g, p, f in zip(gold, pred, found, strict=False) if f]
    all_hits = sum(1 for g, p, f in zip(gold, pred, found, strict=False) if f and g == p)
    return {
        "status_accuracy": round(sum(hits) / len(hits), 4) if hits else 0.0,
        "status_accuracy_all": round(all_hits / len(gold), 4) if gold else 0.0,
        "status_pairs": len(gold),
        "status_pairs_found": len(hits),
    }


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve as the probability that a positive outranks a negative (ties ½)."""
    pos = [s for y, s in zip(labels, scores, strict=False) if y == 1]
    neg = [s for y, s in zip(labels, scores, strict=False) if y == 0]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 4)


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's kappa of two annotators' labels for the same units (None when undefined)."""
    if len(a) != len(b):
        raise ValueError("both annotators must label the same units")
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=False)) / n
    cats = set(a) | set(b)
    expected = sum((list(a).count(c) / n) * (list(b).count(c) / n) for c in cats)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else None  # one category only: agreement is trivial
    return round((observed - expected) / (1 - expected), 4)
