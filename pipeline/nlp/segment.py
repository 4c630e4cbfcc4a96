"""Sentence boundaries for Indonesian policy prose and news.

Rules rather than a model (none can be downloaded here): a paragraph break always ends a
sentence; ``.``, ``!``, ``?`` and ``…`` end one unless the dot belongs to an abbreviation
("Jl.", "Rp.", "No."), a closing quote or bracket stays with the sentence it closes, and a
lower-case word after a full stop still starts a new sentence (the writer put the stop
there). Headings never reach the text (they are sections), so no sentence swallows one.
"""

from __future__ import annotations

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


@Language.component("pilar_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Mark ``is_sent_start`` on every token."""
    if not len(doc):
        return doc
    start_next = True
    for i, tok in enumerate(doc):
        if tok.is_space:
            tok.is_sent_start = False
            if "\n\n" in tok.text or tok.text.count("\n") >= 2:
                start_next = True
            continue
        if start_next and tok.text in _CLOSERS and i > 0 and not doc[i - 1].is_space:
            # a closing quote/bracket right after the end mark belongs to that sentence
            tok.is_sent_start = False
            continue
        tok.is_sent_start = start_next
        start_next = False
        if tok.text in _ENDERS and not _abbreviation_before(doc, i):
            start_next = True
        elif tok.text.endswith((".", "!", "?")) and len(tok.text) > 1 and not tok.like_num:
            # tokenizer kept the dot on the word: a known abbreviation ("dll.", "S.T.") ends
            # a sentence only at the end of a paragraph
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is not None and nxt.is_space and "\n\n" in nxt.text:
                start_next = True
            elif tok.text.endswith(("!", "?")):
                start_next = True
            elif tok.lower_ in {"dll.", "dsb.", "dst.", "dkk."} and nxt is not None and nxt.is_title:
                start_next = True
    doc[0].is_sent_start = True
    return doc
