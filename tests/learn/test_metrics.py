"""Evaluation measures recomputed from hand-made gold and predictions (no stored numbers)."""

import pytest

from pipeline.learn.metrics import cohen_kappa, pillar_scores, roc_auc, status_scores

GOLD = [
    {"smart_mobility": "implemented"},
    {"smart_mobility": "none", "smart_people": "planned"},
    {},
    {"smart_environment": "not_addressed"},
]
PRED = [
    {"smart_mobility": "implemented"},  # tp mobility
    {"smart_mobility": "planned"},  # tp mobility, fn people
    {"smart_living": "none"},  # fp living
    {"smart_environment": "not_addressed", "smart_economy": "none"},  # tp env, fp economy
]


def test_pillar_scores_by_hand():
    s = pillar_scores(GOLD, PRED)
    # pooled: tp = 3, fp = 2, fn = 1 → P 3/5, R 3/4, F1 2·0.6·0.75/1.35
    assert s["micro_precision"] == pytest.approx(0.6)
    assert s["micro_recall"] == pytest.approx(0.75)
    assert s["micro_f1"] == pytest.approx(round(2 * 0.6 * 0.75 / 1.35, 4))
    per = s["per_pillar"]
    assert per["smart_mobility"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2, "predicted": 2}
    assert per["smart_people"]["recall"] == 0.0 and per["smart_people"]["support"] == 1
    assert per["smart_living"]["precision"] == 0.0 and per["smart_living"]["predicted"] == 1
    # macro over the five pillars that occur (government never does): (1 + 0 + 0 + 1 + 0) / 5
    assert s["macro_f1"] == pytest.approx(0.4)
    assert per["smart_government"]["support"] == 0


def test_status_accuracy_found_and_all():
    gold = ["implemented", "none", "planned", "not_addressed"]
    pred = ["implemented", "planned", None, "not_addressed"]
    found = [True, True, False, True]
    s = status_scores(gold, pred, found)
    assert s["status_accuracy"] == pytest.approx(round(2 / 3, 4))  # among the 3 found
    assert s["status_accuracy_all"] == pytest.approx(0.5)  # 2 of 4, the missed one counts wrong
    assert s["status_pairs_found"] == 3


def test_roc_auc_by_hand():
    assert roc_auc([1, 1, 0, 0], [0.9, 0.4, 0.5, 0.1]) == pytest.approx(0.75)
    assert roc_auc([1, 0], [0.3, 0.3]) == pytest.approx(0.5)  # a tie counts half
    assert roc_auc([1, 1], [0.2, 0.9]) is None  # no negatives: undefined


def test_roc_auc_matches_sklearn():
    from sklearn.metrics import roc_auc_score

    y = [0, 1, 1, 0, 1, 0, 0, 1]
    s = [0.1, 0.8, 0.35, 0.4, 0.9, 0.2, 0.35, 0.6]
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s), abs=1e-4)


def test_cohen_kappa_by_hand_and_against_sklearn():
    from sklearn.metrics import cohen_kappa_score

    a = ["x", "x", "y", "y", "x", "z"]
    b = ["x", "y", "y", "y", "x", "x"]
    # po = 4/6; pe = (3/6·3/6) + (2/6·3/6) + (1/6·0) = 15/36
    assert cohen_kappa(a, b) == pytest.approx(round((4 / 6 - 15 / 36) / (1 - 15 / 36), 4))
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-4)
    assert cohen_kappa([True, True], [True, True]) == 1.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        pillar_scores(GOLD, PRED[:2])
