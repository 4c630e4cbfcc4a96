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

_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
# Abbreviations whose dot the tokenizer splits off ("Jl" "." "Sudirman").
_ABBREV = {
    "jl", "jln", "rp", "no", "dr", "drs", "ir", "prof", "h", "hj", "kh", "sdr", "bpk", "yth", "tgl",
    "vs", "dkk", "kec", "kab", "kel", "pt", "cv", "ny", "tn", "kompol", "aipda", "brigjen", "irjen",
    "kombes", "akbp", "letjen", "mayjen", "jend", "hlm", "st", "prov",
}


def _abbreviation_before(doc: Doc, i: int) -> bool:
    """True when token ``i`` is the dot of an abbreviation ("Jl." "Rp."), not a sentence end."""
    if doc[i].text != "." or i == 0:
        return False
    prev = doc[i - 1]
    if prev.is_space or prev.lower_ not in _ABBREV:
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return not (nxt is None or (nxt.is_space and "\n" in nxt.text))


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark every token as sentence start (1) or not (-1), in one array write."""
    if not len(doc):
        return doc
    flags = numpy.full((len(doc), 1), -1, dtype="int64")
    start_next = True
    for i, tok in enumerate(doc):
        text = tok.text
        if tok.is_space:
            if text.count("\n") >= 2:
                start_next = True
            continue
        if start_next and text in _CLOSERS and i > 0 and not doc[i - 1].is_space:
            continue  # a closing quote/bracket right after the end mark belongs to that sentence
        if start_next:
            flags[i, 0] = 1
        start_next = False
        if text in _ENDERS and not _abbreviation_before(doc, i):
            start_next = True
        elif len(text) > 1 and text[-1] in ".!?" and not tok.like_num:
            # the tokenizer kept the dot on the word ("dll.", "S.T."): an end only at a
            # paragraph break, after !/?, or "dll." before a capitalised word
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.is_space and "\n\n" in nxt.text:
                start_next = True
            elif text[-1] in "!?":
                start_next = True
            elif tok.lower_ in {"dll.", "dsb.", "dst.", "dkk."} and nxt is not None and nxt.is_title:
                start_next = True
    flags[0, 0] = 1
    doc.from_array([SENT_START], flags.astype("uint64"))
    return doc


@Language.factory("pilar_sentences")
def make_sentence_segmenter(nlp: Language, name: str):  # noqa: ARG001  (spaCy's factory signature)
    """The ``pilar_sentences`` component: a factory, so a ``spacy_factories`` entry point can name it."""
    return set_sentence_starts
