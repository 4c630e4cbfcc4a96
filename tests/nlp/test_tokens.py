"""The shared token table is the Doc's tokens, read without making Token objects."""

from __future__ import annotations

from pipeline.nlp import get_nlp
from pipeline.nlp.tokens import release, sentence_bounds, tokens

TEXT = ("Jl. Sudirman  Kota-kota ÉCOLE, Rp.5.000 \n\n smart  Mobility! "
        "Pemkot sudah meluncurkan e-Permit (EP) dll. Program “Lorong Wisata” berjalan.\n")


def test_table_matches_spacy_tokens() -> None:
    doc = get_nlp().make_doc(TEXT)
    t = tokens(doc)
    assert t.text == [x.text for x in doc]
    assert t.lower == [x.lower_ for x in doc]
    assert t.space == [x.is_space for x in doc]
    assert t.punct == [x.is_punct for x in doc]
    assert t.alpha == [x.is_alpha for x in doc]
    assert t.idx == [x.idx for x in doc]
    assert t.full == doc.text


def test_sentence_bounds_match_doc_sents() -> None:
    nlp = get_nlp()
    doc = nlp.make_doc(TEXT)
    for _, proc in nlp.pipeline[:1]:  # the segmenter records its bounds
        doc = proc(doc)
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    assert len(sentence_bounds(doc)) >= 3
    release(doc)
    assert "pilar_tokens" not in doc.user_data and "pilar_sentence_bounds" not in doc.user_data
    doc.to_bytes()  # nothing unserialisable left behind
