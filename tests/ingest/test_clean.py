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


def _join_split_words_by_walking(text: str) -> tuple[str, int]:
    """The walk over every pair of words that ``join_split_words`` replaced (the reference)."""
    from pipeline.ingest.clean import _WORD, _known

    out, pos, joined = [], 0, 0
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words) - 1:
        a, b = words[i], words[i + 1]
        left, right = a.group(0), b.group(0)
        if (b.start() == a.end() + 1 and text[a.end()] == " "
                and (a.start() == 0 or not text[a.start() - 1].isalnum())
                and (b.end() == len(text) or not text[b.end()].isalnum())
                and len(left) >= 2 and len(right) >= 2 and right.islower() and not left.isupper()
                and (not _known(left) or not _known(right)) and _known(left + right, 3.0)):
            out.append(text[pos:a.end()])
            pos = b.start()
            joined += 1
            i += 2
            continue
        i += 1
    out.append(text[pos:])
    return "".join(out), joined


def test_join_split_words_makes_the_joins_the_full_walk_makes():
    import random

    from pipeline.ingest.clean import join_split_words

    pieces = ["pemba", "ngunan", "pem", "bangunan", "kota", "lain", "nya", "di", "kembangkan", "Pemprov", "DKI",
              "trans", "portasi", "publik", "a", "xq", "pela", "yanan", "2026", "é", "ke", "bija", "kan", "smart",
              "go", "vernment", "_", "Jakarta", "ter", "sedia", "mem", "bangun", "sampah", "ling", "kungan"]
    seps = [" ", " ", " ", "  ", "\n", "-", ", ", ". ", "é", "1"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 14)))
        assert join_split_words(text) == _join_split_words_by_walking(text), repr(text)
    assert join_split_words("Pemkot akan memba ngun taman. Pelaksanaan pemba ngunan trotoar.") == (
        "Pemkot akan membangun taman. Pelaksanaan pembangunan trotoar.", 2)


def test_line_hyphen_pattern_tried_at_word_starts_finds_what_it_found_everywhere():
    import random
    import re

    from pipeline.ingest.clean import _LINE_HYPHEN

    everywhere = re.compile(r"(\w+)[-\u00ad\u2010] *\n[ \t]*([a-z]\w*)")
    pieces = ["pemba", "ngunan", "kota", "Kota", "é", "_", "12", "-", "\u00ad", "\u2010", "\n", " ", "\t", "x", "B"]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in _LINE_HYPHEN.finditer(text)] == [m.span() for m in everywhere.finditer(text)], repr(text)


def test_a_caption_given_on_its_own_is_kept() -> None:
    from pipeline.ingest import document_from_text
    doc = document_from_text("Foto: Bupati meninjau lokasi pembangunan kolam retensi yang ditargetkan rampung akhir 2026.",
                             source="caption")
    assert "kolam retensi" in doc.text


def test_a_press_releases_kicker_headline_and_dateline() -> None:
    from pipeline.ingest import document_from_text
    doc = document_from_text(
        "SIARAN PERS\nPemkot Semarang Luncurkan Aplikasi Warga Hebat\n\n"
        "Semarang, 12 Maret 2024 — Pemerintah Kota Semarang meluncurkan aplikasi Warga Hebat.\n\n"
        "Warga kini bisa mengurus izin usaha lewat ponsel.\n", source="siaran-pers.txt")
    assert doc.title == "Pemkot Semarang Luncurkan Aplikasi Warga Hebat"
    assert doc.date is not None and doc.date.startswith("2024-03-12")
    assert "SIARAN PERS" not in doc.text
    # a Detik-style dateline without a date gives none, and a date given stays
    assert document_from_text("Jakarta - Pemprov DKI meluncurkan JAKI untuk warga.", source="x").date is None
    given = document_from_text("Bandung, 2 Januari 2025 — Dishub menambah armada bus.", source="x", date="2025-01-05")
    assert given.date is not None and given.date.startswith("2025-01-05")
