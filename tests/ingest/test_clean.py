"""The cleaner: scraping debris out, text repaired, and every change counted."""

from pipeline.ingest import document_from_text
from pipeline.ingest.clean import clean_text, dehyphenate, join_split_words, repair_mojibake

DETIK = """Pemprov DKI meresmikan halte baru di Jalan Sudirman.
SCROLL TO CONTINUE WITH CONTENT
Baca juga: Halte Lama Dibongkar Pekan Ini
(Foto: dok. Pemprov DKI)
Foto: Halte baru di Sudirman (Ari/detikcom)
ADVERTISEMENT
Gubernur mengatakan halte itu terintegrasi dengan JakLingko. [Gambas:Video 20detik]
Simak Video 'Halte Baru Sudirman':
Saksikan Live DetikPagi :
Warga menyambut baik halte tersebut (Foto: Antara). (rdp/imk)"""


def test_detik_debris_removed_and_counted():
    text, counts = clean_text(DETIK)
    assert text.splitlines() == [
        "Pemprov DKI meresmikan halte baru di Jalan Sudirman.",
        "Gubernur mengatakan halte itu terintegrasi dengan JakLingko.",
        "Warga menyambut baik halte tersebut.",
    ]
    assert counts["debris_lines"] == 7
    assert counts["inline_debris"] == 3


def test_real_sentences_that_look_like_debris_stay():
    text = "Baca juga berita ini dengan cermat, kata dia.\nFoto-foto itu viral di media sosial."
    # "Baca juga …" as a whole line is a link teaser; we accept that loss. A photo word is not.
    assert "Foto-foto itu viral" in clean_text(text)[0]


def test_invisible_characters_and_whitespace_counted():
    text, counts = clean_text("kota\u00adpintar\u200b dan   trotoar\u00a0\u00a0baru")
    assert text == "kotapintar dan trotoar baru"
    assert counts["invisible_chars"] == 2 and counts["whitespace_runs"] == 2


def test_mojibake_repaired():
    fixed, n = repair_mojibake("periode 2017â€“2020 dan Ã©lan, 30â\x80\x9350 jenis")
    assert fixed == "periode 2017–2020 dan élan, 30–50 jenis" and n == 3
    assert repair_mojibake("Jakarta – Berlin, café")[1] == 0


def test_dehyphenation_keeps_reduplication_and_compounds():
    assert dehyphenate("pemba-\nngunan halte")[0] == "pembangunan halte"
    assert dehyphenate("kota-\nkota besar")[0] == "kota-kota besar"
    assert dehyphenate("sosial-\nekonomi warga")[0] == "sosial-ekonomi warga"
    assert dehyphenate("periode 2017-\n2020")[1] == 0


def test_split_words_joined_only_when_safe():
    assert join_split_words("pemba ngunan trotoar") == ("pembangunan trotoar", 1)
    assert join_split_words("pemerin tahan kota") == ("pemerintahan kota", 1)
    for keep in ("lain nya", "di kembangkan", "smart city", "Joko Widodo", "DKI Jakarta"):
        assert join_split_words(keep) == (keep, 0)


def test_document_carries_cleaning_counts_and_offsets_point_into_clean_text():
    doc = document_from_text(DETIK, source="x")
    assert doc.metadata["cleaning"]["debris_lines"] == 7
    assert "SCROLL" not in doc.text and "Gambas" not in doc.text
    start = doc.text.index("JakLingko")
    assert doc.text[start:start + 9] == "JakLingko"


def test_thesis_text_survives_cleaning(thesis_text):
    text, counts = clean_text(thesis_text)
    assert "lain nya" in text and "2017 – 2020" in text
    assert not counts.get("debris_lines") and not counts.get("split_words")
