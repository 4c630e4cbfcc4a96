"""One walk over a Doc's tokens, shared by pilar's components.

Every ``doc[i]``, ``for t in doc`` and ``Span.text`` builds new Python ``Token`` objects:
the components and :func:`pipeline.nlp.pipeline.extract` used to do that about seven times
per token (1.9 M objects for 300 news articles, a third of the analysis time). They now read
the tokens, their texts and lower-case forms and the sentence bounds from here, built once
per Doc and kept in ``doc.user_data`` until the records are extracted (:func:`release`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH
from spacy.tokens import Doc

_KEY = "pilar_tokens"
_SENTS = "pilar_sentence_bounds"
#: ``run_pipeline`` puts the text it tokenised here (spaCy's ``doc.text`` is exactly that text)
TEXT = "pilar_text"


@dataclass(slots=True)
class Tokens:
    """The tokens of one Doc and the attributes the components read most, as plain lists."""

    tok: Doc  # ``tok[i]``: the spaCy token, made on demand, for the rarer attributes
    text: list[str]
    lower: list[str]
    space: list[bool]
    punct: list[bool]
    alpha: list[bool]
    idx: list[int]  # character offset of each token
    full: str  # the Doc's text (``doc.text`` joins every token again on each access)

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making a Span and its Tokens."""
        if end <= start:
            return ""
        return self.full[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


def tokens(doc: Doc) -> Tokens:
    """The Doc's token table (built on first use; the Doc's tokenisation never changes after).

    Read from one ``to_array`` call and slices of the text, so no Token object is made.
    """
    table = doc.user_data.get(_KEY)
    if table is None or len(table.text) != len(doc):
        full = doc.user_data.get(TEXT) or doc.text
        idx, length, space, punct, alpha = doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT, IS_ALPHA]).T.tolist() \
            if len(doc) else ([], [], [], [], [])
        text = [full[i : i + n] for i, n in zip(idx, length, strict=True)]
        table = Tokens(doc, text, [w.lower() for w in text], [bool(s) for s in space], [bool(p) for p in punct],
                       [bool(a) for a in alpha], idx, full)
        doc.user_data[_KEY] = table
    return table


def set_sentence_bounds(doc: Doc, starts: list[int]) -> None:
    """Record the sentence segmenter's starts (token indices, ascending, the first one 0)."""
    ends = [*starts[1:], len(doc)]
    doc.user_data[_SENTS] = list(zip(starts, ends, strict=True))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` token indices of every sentence, as ``doc.sents`` gives them."""
    bounds = doc.user_data.get(_SENTS)
    if bounds is None:
        bounds = doc.user_data[_SENTS] = [(s.start, s.end) for s in doc.sents]
    return bounds


def release(doc: Doc) -> None:
    """Drop the shared tables (they hold Token objects, which are not serialisable)."""
    doc.user_data.pop(_KEY, None)
    doc.user_data.pop(_SENTS, None)
    doc.user_data.pop(TEXT, None)
