"""Feature vectors the models share: TF-IDF over text, and what the lexicon matched.

TF-IDF is fitted with scikit-learn's ``TfidfVectorizer`` but *applied* by
:class:`TfidfFeatures` from plain parameters (vocabulary, idf, analyzer settings): the same
code path runs after training and after loading a model file, so a loaded model gives
exactly the predictions of the trained one, and nothing but arrays and strings is stored.
The analyzers are re-stated here (scikit-learn's documented word and ``char_wb`` n-gram
rules, checked against it in ``tests/learn/test_persist.py``) so that ``pilar analyze``
never imports scikit-learn: that import alone would cost more than a second of start-up.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from pipeline.classify.lexfeat import SentenceView
from pipeline.schema import PILLARS, STATUS_CLASSES

_WHITESPACE = re.compile(r"\s\s+")

#: Word uni/bigrams see phrases ("jalur sepeda"); character n-grams inside word boundaries
#: see affixes and typos ("transportsi", "di-" passives) that the word features miss.
WORD = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_features": 8000,
        "token_pattern": r"(?u)\b\w+\b"}
CHAR = {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 2, "max_features": 10000}


@dataclass
class TfidfFeatures:
    """A fitted TF-IDF block: vocabulary in column order, idf weights, analyzer settings."""

    params: dict[str, Any]
    vocabulary: list[str]
    idf: np.ndarray
    # built on first use and kept: rebuilding the vocabulary index per document costs more
    # than the transform itself
    _index: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _idf_list: list[float] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def fit(cls, texts: list[str], *, params: dict[str, Any]) -> TfidfFeatures:
        from sklearn.feature_extraction.text import TfidfVectorizer  # training only

        vec = TfidfVectorizer(lowercase=True, sublinear_tf=True, dtype=np.float64, **params)
        vec.fit(texts)
        vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        return cls(dict(params), vocab, np.asarray(vec.idf_, dtype=np.float64))

    def analyze(self, text: str) -> list[str]:
        """The n-grams of ``text``, as scikit-learn's analyzer with these settings yields them."""
        lo, hi = self.params["ngram_range"]
        text = text.lower()
        grams: list[str] = []
        if self.params["analyzer"] == "word":
            tokens = re.findall(self.params.get("token_pattern", r"(?u)\b\w\w+\b"), text)
            for n in range(lo, hi + 1):
                grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
            return grams
        # char_wb: n-grams inside each space-padded word; a word shorter than n gives itself once
        for word in _WHITESPACE.sub(" ", text).split():
            padded = f" {word} "
            for n in range(lo, hi + 1):
                if len(padded) <= n:  # too short for n: the word once, and no longer n-grams
                    grams.append(padded)
                    break
                grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
        return grams

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """Sublinear tf × idf, rows L2-normalised (as ``TfidfVectorizer(sublinear_tf=True)``)."""
        if self._index is None:
            self._index = {term: i for i, term in enumerate(self.vocabulary)}
        index = self._index
        if self._idf_list is None:
            self._idf_list = self.idf.tolist()  # Python floats: numpy scalar indexing is slow here
        idf = self._idf_list
        indptr, indices, data = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for gram, n in Counter(self.analyze(text)).items():
                j = index.get(gram)
                if j is not None:
                    counts[j] = n
            cols = sorted(counts)
            weights = [(1.0 + math.log(counts[j])) * idf[j] for j in cols]
            norm = math.sqrt(sum(w * w for w in weights)) or 1.0
            indices += cols
            data += [w / norm for w in weights]
            indptr.append(len(indices))
        return sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64),
                                  np.array(indptr, dtype=np.int64)), shape=(len(texts), len(self.vocabulary)))

    def to_params(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        meta = {"params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.params.items()},
                "vocabulary": self.vocabulary}
        return meta, {"idf": self.idf}

    @classmethod
    def from_params(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> TfidfFeatures:
        return cls(dict(meta["params"]), list(meta["vocabulary"]), np.asarray(arrays["idf"], dtype=np.float64))


@dataclass
class TextFeatures:
    """Word and character TF-IDF side by side."""

    word: TfidfFeatures
    char: TfidfFeatures

    @classmethod
    def fit(cls, texts: list[str], *, word: dict[str, Any] = WORD, char: dict[str, Any] = CHAR) -> TextFeatures:
        return cls(TfidfFeatures.fit(texts, params=word), TfidfFeatures.fit(texts, params=char))

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.word.transform(texts), self.char.transform(texts)], format="csr")

    def top_word(self, text: str, weights: np.ndarray) -> str | None:
        """The word n-gram of ``text`` that pushes ``weights`` (word columns first) most."""
        row = self.word.transform([text])
        if not row.nnz:
            return None
        scores = row.data * weights[row.indices]
        best = int(np.argmax(scores))
        return self.word.vocabulary[row.indices[best]] if scores[best] > 0 else None


# -- lexicon features -------------------------------------------------------------------------

_PER_PILLAR = ("any", "named", "explicit", "strong", "fuzzy", "count", "neighbour", "doc_density")
SENTENCE_LEX_NAMES: tuple[str, ...] = tuple(
    f"{p}:{k}" for p in PILLARS for k in _PER_PILLAR
) + ("any_pillar", "doc_relevance")


def is_named(term: str) -> bool:
    """A pillar named as such ("smart economy", "smart goverment"): unambiguous by definition."""
    return term.lower().startswith("smart ")


def sentence_lexicon_features(views: list[SentenceView]) -> sparse.csr_matrix:
    """What the lexicon matched in each sentence, per pillar, plus the document's lexicon relevance."""
    rows = np.zeros((len(views), len(SENTENCE_LEX_NAMES)))
    for i, v in enumerate(views):
        for j, p in enumerate(PILLARS):
            base = j * len(_PER_PILLAR)
            rows[i, base + 6] = float(p in v.neighbours)
            rows[i, base + 7] = math.log1p(v.doc_density.get(p, 0.0))
            ms = [m for m in v.mentions if m.pillar == p]
            if not ms:
                continue
            rows[i, base] = 1.0
            rows[i, base + 1] = float(any(is_named(m.term) for m in ms))
            rows[i, base + 2] = float(any(m.explicit for m in ms))
            rows[i, base + 3] = float(any(not m.weak for m in ms))
            rows[i, base + 4] = float(all(m.fuzzy for m in ms))
            rows[i, base + 5] = math.log1p(len(ms))
        rows[i, -2] = float(bool(v.mentions))
        rows[i, -1] = v.doc_relevance
    return sparse.csr_matrix(rows)


STATUS_LEX_NAMES: tuple[str, ...] = (
    tuple(f"lex_status:{s}" for s in ("unmatched", *STATUS_CLASSES))
    + tuple(f"sent_status:{s}" for s in STATUS_CLASSES)
    + ("recommendation_section",)
)


def pair_pillar_features(pillars: list[str]) -> sparse.csr_matrix:
    """One-hot pillar of each (sentence, pillar) pair."""
    rows = np.zeros((len(pillars), len(PILLARS)))
    for i, p in enumerate(pillars):
        rows[i, PILLARS.index(p)] = 1.0
    return sparse.csr_matrix(rows)


def pair_lexicon_features(views: list[SentenceView], pillars: list[str]) -> sparse.csr_matrix:
    """The lexicon's status for the pair's pillar, its sentence status, and a Saran section."""
    rows = np.zeros((len(views), len(STATUS_LEX_NAMES)))
    offset = 1 + len(STATUS_CLASSES)
    for i, (v, p) in enumerate(zip(views, pillars, strict=False)):
        st = v.status_of(p)
        rows[i, 0 if st is None else 1 + STATUS_CLASSES.index(st)] = 1.0
        rows[i, offset + STATUS_CLASSES.index(v.sentence_status)] = 1.0
        rows[i, -1] = float(bool(v.section and ("saran" in v.section.lower() or "rekomendasi" in v.section.lower())))
    return sparse.csr_matrix(rows)
