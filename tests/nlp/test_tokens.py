"""The shared token table is the Doc's tokens, read without making Token objects."""

from __future__ import annotations

import csv

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


TRICKY = ["", " ", "a", "a ", " a", "a\nb", "a \n b", "kata\n\n Berikut", "Dr. med Budi datang.", "x\tb c",
          "(BPS), 2026.", "e-KTP e - KTP", ":) ok", "a.  b", "a\u00a0 b", "a \u0085b", "Rp5.000,- per-orang",
          "“Kita siap,” ujarnya. (dtc/ams)", "https://jakarta.go.id/x?y=1 dan e-mail@x.id", TEXT]


def _detik(n: int) -> list[str]:
    """The first ``n`` Detik articles when the shared corpus is here (else none)."""
    from tests.conftest import DETIK_CSV

    if not DETIK_CSV.exists():
        return []
    csv.field_size_limit(10**9)
    with DETIK_CSV.open(encoding="utf-8", newline="") as handle:
        return [row["isi_berita"] for _, row in zip(range(n), csv.DictReader(handle), strict=False)]


def test_cached_tokenizer_gives_spacys_tokens() -> None:
    """The word cache is only a cache: same tokens and spaces as spaCy's own tokenizer, twice."""
    tokenizer = get_nlp().tokenizer
    texts = TRICKY + _detik(200)
    for _ in range(2):  # cold, then from the cache
        for text in texts:
            ours, theirs = tokenizer(text), tokenizer.tokenizer(text)
            assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs], text[:60]
            assert ours.text == text
