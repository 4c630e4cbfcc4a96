"""The three learned models and the two ways each is used (text only, or text + lexicon).

- **pillars**: one-vs-rest logistic regression over sentence TF-IDF (word + character
  n-grams); the combined variant adds what the lexicon matched in the sentence as features
  (stacking: the model learns when to trust a match and what the lexicon misses). One
  decision threshold, chosen on document-grouped inner cross-validation of the training
  data, never on the evaluation data.
- **status**: multinomial logistic regression over (sentence, pillar) pairs: sentence
  TF-IDF and the pillar; the combined variant adds the lexicon's status for that pillar
  (its cue logic: scope, negation, neighbours) and the sentence's status.
- **relevance**: logistic regression over document TF-IDF; the combined variant adds the
  lexicon's document evidence (its relevance score, mention density, pillars, programmes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from pipeline.classify.features import (
    TextFeatures,
    TfidfFeatures,
    hstack,
    pair_lexicon_features,
    pair_pillar_features,
    sentence_lexicon_features,
)
from pipeline.classify.lexfeat import DocView, SentenceView
from pipeline.classify.linear import LinearModel
from pipeline.schema import PILLARS, STATUS_CLASSES

PILLAR_C = 4.0
STATUS_C = 4.0
RELEVANCE_C = 4.0
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 … 0.80
DOC_WORDS = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_features": 20000,
             "token_pattern": r"(?u)\b\w+\b"}


# -- fitting helpers --------------------------------------------------------------------------

def _fit_binary(X: sparse.spmatrix, y: np.ndarray, *, C: float, seed: int, estimator: str) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import (
        LogisticRegression,  # fitting only: loading a model needs no solver
    )
    from sklearn.svm import LinearSVC

    if y.min() == y.max():
        # a class never (or always) seen in this training set: a constant, confident answer
        return np.zeros(X.shape[1]), (8.0 if y[0] else -8.0)
    if estimator == "linear_svc":
        clf = LinearSVC(C=C / 10, class_weight="balanced", random_state=seed, max_iter=5000)
    else:
        clf = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=seed, max_iter=2000)
    clf.fit(X, y)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


def fit_ovr(X: sparse.spmatrix, Y: np.ndarray, *, C: float, seed: int, estimator: str = "logreg") -> LinearModel:
    """One binary classifier per pillar column of ``Y``."""
    parts = [_fit_binary(X, Y[:, j], C=C, seed=seed, estimator=estimator) for j in range(Y.shape[1])]
    return LinearModel("ovr", list(PILLARS), np.vstack([c for c, _ in parts]), np.array([b for _, b in parts]))


def fit_softmax(X: sparse.spmatrix, y: list[str], *, C: float, seed: int) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    seen = sorted(set(y), key=STATUS_CLASSES.index)
    if len(seen) == 1:
        return LinearModel("softmax", seen, np.zeros((1, X.shape[1])), np.zeros(1))
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    clf.fit(X, y)
    classes = [str(c) for c in clf.classes_]
    coef, intercept = clf.coef_, clf.intercept_
    if len(classes) == 2:  # sklearn keeps one row for two classes: make it a symmetric softmax
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearModel("softmax", classes, np.asarray(coef, dtype=np.float64), np.asarray(intercept, dtype=np.float64))


def label_matrix(golds: list[dict[str, str]]) -> np.ndarray:
    return np.array([[1 if p in g else 0 for p in PILLARS] for g in golds], dtype=int)


def best_threshold(proba: np.ndarray, Y: np.ndarray) -> float:
    """The threshold in :data:`THRESHOLDS` with the best micro-F1 (ties: the one nearest 0.5)."""
    def micro(t: float) -> float:
        P = proba >= t
        tp = int((P & (Y == 1)).sum())
        denom = int(P.sum()) + int(Y.sum())
        return 2 * tp / denom if denom else 0.0

    return max(THRESHOLDS, key=lambda t: (round(micro(t), 6), -abs(t - 0.5)))


# -- pillars ----------------------------------------------------------------------------------

@dataclass
class PillarModel:
    text: TextFeatures
    lm: LinearModel
    use_lexicon: bool
    threshold: float

    def matrix(self, views: list[SentenceView], *, text_matrix: sparse.csr_matrix | None = None) -> sparse.csr_matrix:
        X = text_matrix if text_matrix is not None else self.text.transform([v.text for v in views])
        if self.use_lexicon:
            X = hstack([X, sentence_lexicon_features(views)])
        return X

    def proba(self, views: list[SentenceView], *, text_matrix: sparse.csr_matrix | None = None) -> np.ndarray:
        if not views:
            return np.zeros((0, len(PILLARS)))
        return self.lm.predict_proba(self.matrix(views, text_matrix=text_matrix))

    def predict(self, views: list[SentenceView]) -> list[set[str]]:
        return [{p for p, v in zip(PILLARS, row, strict=False) if v >= self.threshold} for row in self.proba(views)]

    def top_term(self, text: str, pillar: str) -> str | None:
        """The word n-gram of ``text`` that speaks most for ``pillar`` (for model-only evidence)."""
        weights = self.lm.coef[PILLARS.index(pillar)][: len(self.text.word.vocabulary)]
        return self.text.top_word(text, weights)


def fit_pillar_model(
    views: list[SentenceView], golds: list[dict[str, str]], groups: list[str], *,
    text: TextFeatures, use_lexicon: bool, seed: int, estimator: str = "logreg", C: float | None = None,
) -> PillarModel:
    """Fit on all of the given sentences; choose the threshold on grouped inner CV."""
    C = PILLAR_C if C is None else C
    Y = label_matrix(golds)
    probe = PillarModel(text, LinearModel("ovr", list(PILLARS), np.zeros((6, 1)), np.zeros(6)), use_lexicon, 0.5)
    X = probe.matrix(views)
    threshold = 0.5
    n_groups = len(set(groups))
    if n_groups >= 3 and Y.sum() >= 10:
        from sklearn.model_selection import GroupKFold

        oof = np.zeros(Y.shape)
        for tr, te in GroupKFold(n_splits=min(3, n_groups)).split(X, Y, groups):
            oof[te] = fit_ovr(X[tr], Y[tr], C=C, seed=seed, estimator=estimator).predict_proba(X[te])
        threshold = best_threshold(oof, Y)
    lm = fit_ovr(X, Y, C=C, seed=seed, estimator=estimator).rounded()
    return PillarModel(text, lm, use_lexicon, threshold)


# -- status -----------------------------------------------------------------------------------

@dataclass
class StatusModel:
    text: TextFeatures
    lm: LinearModel
    use_lexicon: bool

    def matrix(self, views: list[SentenceView], pillars: list[str], *,
               text_matrix: sparse.csr_matrix | None = None) -> sparse.csr_matrix:
        text = text_matrix if text_matrix is not None else self.text.transform([v.text for v in views])
        blocks = [text, pair_pillar_features(pillars)]
        if self.use_lexicon:
            blocks.append(pair_lexicon_features(views, pillars))
        return hstack(blocks)

    def predict(self, views: list[SentenceView], pillars: list[str], *,
                text_matrix: sparse.csr_matrix | None = None) -> list[str]:
        """``text_matrix``: the rows of ``views`` already transformed (saves a second pass)."""
        return self.predict_confident(views, pillars, text_matrix=text_matrix)[0]

    def predict_confident(self, views: list[SentenceView], pillars: list[str], *,
                          text_matrix: sparse.csr_matrix | None = None) -> tuple[list[str], list[float]]:
        """The most probable status of each pair, and its probability."""
        if not views:
            return [], []
        proba = self.lm.predict_proba(self.matrix(views, pillars, text_matrix=text_matrix))
        best = proba.argmax(axis=1)
        return [self.lm.classes[i] for i in best], [float(proba[k, i]) for k, i in enumerate(best)]


def fit_status_model(
    views: list[SentenceView], pillars: list[str], statuses: list[str], *,
    text: TextFeatures, use_lexicon: bool, seed: int, C: float | None = None,
) -> StatusModel:
    C = STATUS_C if C is None else C
    probe = StatusModel(text, LinearModel("softmax", ["none"], np.zeros((1, 1)), np.zeros(1)), use_lexicon)
    if not views:
        return probe
    lm = fit_softmax(probe.matrix(views, pillars), statuses, C=C, seed=seed).rounded()
    return StatusModel(text, lm, use_lexicon)


# -- relevance --------------------------------------------------------------------------------

DOC_LEX_NAMES = ("lexicon_relevance", "mentions_per_100w", "strong_per_100w", "pillars", "programs", "smart_words")


def doc_lexicon_features(docs: list[DocView]) -> np.ndarray:
    rows = []
    for d in docs:
        per100 = 100.0 / max(d.words, 100)
        rows.append([d.relevance, math.log1p(d.mentions * per100), math.log1p(d.strong_mentions * per100),
                     d.pillars / len(PILLARS), math.log1p(d.programs), math.log1p(d.smart_words)])
    return np.array(rows, dtype=np.float64).reshape(len(docs), len(DOC_LEX_NAMES))


@dataclass
class RelevanceModel:
    tfidf: TfidfFeatures
    lm: LinearModel
    use_lexicon: bool

    def matrix(self, docs: list[DocView]) -> sparse.csr_matrix:
        X = self.tfidf.transform([d.text for d in docs])
        if self.use_lexicon:
            X = hstack([X, doc_lexicon_features(docs)])
        return X

    def proba(self, docs: list[DocView]) -> np.ndarray:
        """P(relevant) per document: the linear score summed straight from the TF-IDF weights
        (the same numbers as ``lm.predict_proba(self.matrix(docs))``, without building a matrix
        for what is usually one document)."""
        if not docs:
            return np.zeros(0)
        rows, cols, data = self.tfidf.weights([d.text for d in docs])
        coef = self.lm.coef[0]
        z = np.bincount(rows, weights=data * coef[cols], minlength=len(docs))
        if self.use_lexicon:
            z += doc_lexicon_features(docs) @ coef[len(self.tfidf.vocabulary):]
        return 1.0 / (1.0 + np.exp(-(z + self.lm.intercept[0])))


def fit_relevance_model(
    docs: list[DocView], labels: list[int], *, tfidf: TfidfFeatures, use_lexicon: bool, seed: int,
    C: float | None = None,
) -> RelevanceModel:
    C = RELEVANCE_C if C is None else C
    probe = RelevanceModel(tfidf, LinearModel("ovr", ["relevant"], np.zeros((1, 1)), np.zeros(1)), use_lexicon)
    X = probe.matrix(docs)
    coef, intercept = _fit_binary(X, np.array(labels), C=C, seed=seed, estimator="logreg") if docs else (np.zeros(X.shape[1]), 0.0)
    lm = LinearModel("ovr", ["relevant"], coef[None, :], np.array([intercept])).rounded()
    return RelevanceModel(tfidf, lm, use_lexicon)
