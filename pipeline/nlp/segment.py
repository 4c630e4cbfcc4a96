"""Sentence boundaries for Indonesian policy prose and news.

Rules rather than a model (none can be downloaded here): a paragraph break always ends a
sentence; ``.``, ``!``, ``?`` and ``…`` end one unless the dot belongs to an abbreviation
("Jl.", "Rp.", "No."), a closing quote or bracket stays with the sentence it closes, and a
lower-case word after a full stop still starts a new sentence (the writer put the stop
there). Headings never reach the text (they are sections), so no sentence swallows one.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.tokens import Tokens, set_sentence_bounds, tokens

_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
# Abbreviations whose dot the tokenizer splits off ("Jl" "." "Sudirman").
_ABBREV = {
    "jl", "jln", "rp", "no", "dr", "drs", "ir", "prof", "h", "hj", "kh", "sdr", "bpk", "yth", "tgl",
    "vs", "dkk", "kec", "kab", "kel", "pt", "cv", "ny", "tn", "kompol", "aipda", "brigjen", "irjen",
    "kombes", "akbp", "letjen", "mayjen", "jend", "hlm", "st", "prov", "gg", "kp",
}


def _abbreviation_before(t: Tokens, i: int) -> bool:
    """True when token ``i`` is the dot of an abbreviation ("Jl." "Rp."), not a sentence end."""
    if t.text[i] != "." or i == 0:
        return False
    if t.space[i - 1] or t.lower[i - 1] not in _ABBREV:
        return False
    return not (i + 1 >= len(t) or (t.space[i + 1] and "\n" in t.text[i + 1]))


def _label_line(t: Tokens, i: int) -> bool:
    """Does a line open with a label and its colon ("Tujuan 3:", "Strategi 2.2:", "Arah
    Kebijakan:", "Dimensi Smart Governance:")? Such a line is an entry of its own, not the
    wrapped rest of the line before it."""
    n = len(t)
    if i >= n or not t.alpha[i] or not t.text[i][:1].isupper():
        return False
    for j in range(i + 1, min(n, i + 5)):
        word = t.text[j]
        if word == ":":
            return True
        if t.space[j] or not (word[:1].isupper() or word[:1].isdigit()):
            return False
    return False


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark every token as sentence start (1) or not (-1), in one array write."""
    if not len(doc):
        return doc
    t = tokens(doc)
    texts, space = t.text, t.space
    n = len(t)
    flags = numpy.full((n, 1), -1, dtype="int64")
    starts: list[int] = []
    start_next = True
    for i, text in enumerate(texts):
        if space[i]:
            if text.count("\n") >= 2 or ("\n" in text and _label_line(t, i + 1)):
                start_next = True
            continue
        if start_next and text in _CLOSERS and i > 0 and not space[i - 1]:
            continue  # a closing quote/bracket right after the end mark belongs to that sentence
        if start_next:
            starts.append(i)
        start_next = False
        if text in _ENDERS and not _abbreviation_before(t, i):
            start_next = True
        elif len(text) > 1 and text[-1] in ".!?" and not t.tok[i].like_num:
            # the tokenizer kept the dot on the word ("dll.", "S.T."): an end only at a
            # paragraph break, after !/?, or "dll." before a capitalised word
            nxt = i + 1 if i + 1 < n else None
            if nxt is not None and space[nxt] and "\n\n" in texts[nxt]:
                start_next = True
            elif text[-1] in "!?":
                start_next = True
            elif t.lower[i] in {"dll.", "dsb.", "dst.", "dkk."} and nxt is not None and t.tok[nxt].is_title:
                start_next = True
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    flags[starts, 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))
    set_sentence_bounds(doc, starts)
    return doc


@Language.factory("pilar_sentences")
def make_sentence_segmenter(nlp: Language, name: str):  # noqa: ARG001  (spaCy's factory signature)
    """The ``pilar_sentences`` component: a factory, so a ``spacy_factories`` entry point can name it."""
    return set_sentence_starts
