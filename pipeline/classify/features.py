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
from dataclasses import dataclass, field
from itertools import chain
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
    _pattern: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _firsts: set[str] | None = field(default=None, init=False, repr=False, compare=False)
    _words: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

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

    def _columns(self, text: str) -> list[int]:
        """The vocabulary columns of ``text``'s n-grams, one per occurrence.

        Same n-grams as :meth:`analyze`, but character n-grams are looked up once per distinct
        word and kept (a word's n-grams never change), so a sentence costs a few dict lookups
        per word instead of building every n-gram string again.
        """
        index = self._index
        assert index is not None
        lo, hi = self.params["ngram_range"]
        text = text.lower()
        if self.params["analyzer"] == "word":
            if self._pattern is None:
                pattern = self.params.get("token_pattern", r"(?u)\b\w\w+\b")
                # the same matches: a maximal run of word characters always sits between \b's
                self._pattern = re.compile({r"(?u)\b\w+\b": r"\w+", r"(?u)\b\w\w+\b": r"\w\w+"}.get(pattern, pattern))
            tokens = self._pattern.findall(text)
            cols = [index[t] for t in tokens if t in index] if lo == 1 else []
            if self._firsts is None:  # words that open a longer n-gram of the vocabulary
                self._firsts = {g.split(" ", 1)[0] for g in self.vocabulary if " " in g}
            firsts = self._firsts
            for n in range(max(lo, 2), hi + 1):
                if n == 2:  # the usual case, as one comprehension
                    cols += [j for a, b in zip(tokens, tokens[1:], strict=False) if a in firsts and (j := index.get(f"{a} {b}")) is not None]
                    continue
                cols += [j for i in range(len(tokens) - n + 1)
                         if tokens[i] in firsts and (j := index.get(" ".join(tokens[i : i + n]))) is not None]
            return cols
        cache = self._words
        if len(cache) > 500_000:  # bounded: an adversarial corpus of unique words
            cache.clear()
        cols = []
        for word in text.split():
            hit = cache.get(word)
            if hit is None:
                hit = cache[word] = tuple(j for g in self.analyze(word) if (j := index.get(g)) is not None)
            cols += hit
        return cols

    def weights(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sublinear tf × idf, rows L2-normalised, as (row, column, value) sorted by row, column."""
        if self._index is None:
            self._index = {term: i for i, term in enumerate(self.vocabulary)}
        per_text = [self._columns(text) for text in texts]
        lengths = [len(c) for c in per_text]
        cols = np.fromiter(chain.from_iterable(per_text), dtype=np.int64, count=sum(lengths))
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        keys, counts = np.unique(rows * len(self.vocabulary) + cols, return_counts=True)
        rows, cols = np.divmod(keys, len(self.vocabulary))
        data = (1.0 + np.log(counts)) * self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(texts)))
        norms[norms == 0] = 1.0
        return rows, cols, data / norms[rows]

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """Sublinear tf × idf, rows L2-normalised (as ``TfidfVectorizer(sublinear_tf=True)``)."""
        return _csr(len(texts), [(self.weights(texts), 0)], len(self.vocabulary))

    def to_params(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        meta = {"params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.params.items()},
                "vocabulary": self.vocabulary}
        return meta, {"idf": self.idf}

    @classmethod
    def from_params(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> TfidfFeatures:
        return cls(dict(meta["params"]), list(meta["vocabulary"]), np.asarray(arrays["idf"], dtype=np.float64))


def _csr(n_rows: int, blocks: list[tuple[tuple[np.ndarray, np.ndarray, np.ndarray], int]],
         width: int) -> sparse.csr_matrix:
    """One CSR matrix from (row, column, value) blocks placed side by side at column offsets."""
    rows = np.concatenate([b[0] for b, _ in blocks])
    cols = np.concatenate([b[1] + offset for b, offset in blocks])
    data = np.concatenate([b[2] for b, _ in blocks])
    order = np.lexsort((cols, rows))
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    return sparse.csr_matrix((data[order], cols[order], indptr), shape=(n_rows, width))


def _triples(block: sparse.spmatrix | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if isinstance(block, np.ndarray):
        rows, cols = np.nonzero(block)
        return rows.astype(np.int64), cols.astype(np.int64), block[rows, cols].astype(np.float64)
    csr = sparse.csr_matrix(block)
    rows = np.repeat(np.arange(csr.shape[0], dtype=np.int64), np.diff(csr.indptr))
    return rows, csr.indices.astype(np.int64), csr.data.astype(np.float64)


def hstack(blocks: list[sparse.spmatrix | np.ndarray]) -> sparse.csr_matrix:
    """Sparse or dense blocks of the same rows side by side, as one CSR matrix.

    ``scipy.sparse.hstack`` plus a CSR copy of each dense block cost ~0.1 ms per call, paid
    per document at analysis time; this is a quarter of that.
    """
    n_rows = blocks[0].shape[0]
    placed, offset = [], 0
    for block in blocks:
        placed.append((_triples(block), offset))
        offset += block.shape[1]
    return _csr(n_rows, placed, offset)


@dataclass
class TextFeatures:
    """Word and character TF-IDF side by side."""

    word: TfidfFeatures
    char: TfidfFeatures

    @classmethod
    def fit(cls, texts: list[str], *, word: dict[str, Any] = WORD, char: dict[str, Any] = CHAR) -> TextFeatures:
        return cls(TfidfFeatures.fit(texts, params=word), TfidfFeatures.fit(texts, params=char))

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """The word block, then the character block (each L2-normalised on its own)."""
        width = len(self.word.vocabulary)
        return _csr(len(texts), [(self.word.weights(texts), 0), (self.char.weights(texts), width)],
                    width + len(self.char.vocabulary))

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


def sentence_lexicon_features(views: list[SentenceView]) -> np.ndarray:
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
    return rows


STATUS_LEX_NAMES: tuple[str, ...] = (
    tuple(f"lex_status:{s}" for s in ("unmatched", *STATUS_CLASSES))
    + tuple(f"sent_status:{s}" for s in STATUS_CLASSES)
    + ("recommendation_section",)
)


def pair_pillar_features(pillars: list[str]) -> np.ndarray:
    """One-hot pillar of each (sentence, pillar) pair."""
    rows = np.zeros((len(pillars), len(PILLARS)))
    for i, p in enumerate(pillars):
        rows[i, PILLARS.index(p)] = 1.0
    return rows


def pair_lexicon_features(views: list[SentenceView], pillars: list[str]) -> np.ndarray:
    """The lexicon's status for the pair's pillar, its sentence status, and a Saran section."""
    rows = np.zeros((len(views), len(STATUS_LEX_NAMES)))
    offset = 1 + len(STATUS_CLASSES)
    for i, (v, p) in enumerate(zip(views, pillars, strict=False)):
        st = v.status_of(p)
        rows[i, 0 if st is None else 1 + STATUS_CLASSES.index(st)] = 1.0
        rows[i, offset + STATUS_CLASSES.index(v.sentence_status)] = 1.0
        rows[i, -1] = float(bool(v.section and ("saran" in v.section.lower() or "rekomendasi" in v.section.lower())))
    return rows
