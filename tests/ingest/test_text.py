import pytest

from pipeline.ingest import IngestError, document_from_text, read_path
from pipeline.ingest.blocks import content_hash
from pipeline.ingest.markdown import unwrap_inline
from pipeline.ingest.normalize import normalize_unicode


def test_headings_become_sections_not_text():
    doc = document_from_text("## BAB I\n\n### 1.1 Latar\n\nKota ini tumbuh. Jalan macet.\n\n## 1.2 Saran\n\nPerlu trotoar.", source="x.md")
    assert "BAB I" not in doc.text and "Latar" not in doc.text
    assert doc.title == "BAB I"
    titles = {s.title for s in doc.sections}
    assert {"BAB I", "1.1 Latar", "1.2 Saran"} <= titles
    assert doc.section_at(doc.text.index("Perlu")) == "1.2 Saran"
    assert doc.section_at(doc.text.index("Jalan")) == "1.1 Latar"


def test_a_headline_alone_is_the_text():
    # a text that is only a heading (a headline in capitals) is analysed, not rejected
    doc = document_from_text("BUS LISTRIK MULAI MENGASPAL DI JALANAN MEDAN", source="x.txt")
    assert doc.text == "BUS LISTRIK MULAI MENGASPAL DI JALANAN MEDAN"
    assert doc.title == doc.text


def test_plain_text_headings_detected():
    doc = document_from_text("BAB VI\n\n6.1 Kesimpulan\n\nPemerintah sudah membangun halte.\n", source="x.txt")
    assert doc.text == "Pemerintah sudah membangun halte."
    assert doc.section_at(0) == "6.1 Kesimpulan"


def test_emphasis_links_and_code_unwrapped():
    assert unwrap_inline("program *Smart Change* dan **JakLingko** lewat [situs](http://x) `kode`") == (
        "program Smart Change dan JakLingko lewat situs kode"
    )
    assert unwrap_inline("snake_case_name tetap") == "snake_case_name tetap"


def test_paragraph_broken_mid_sentence_is_rejoined():
    doc = document_from_text("pilar *smart people*, *smart living* dan *smart*\n\n*environment*. Lalu selesai.", source="x")
    assert "dan smart environment. Lalu" in doc.text


def test_real_paragraphs_stay_apart():
    doc = document_from_text("Kalimat pertama selesai.\n\nKalimat kedua.", source="x")
    assert doc.text == "Kalimat pertama selesai.\n\nKalimat kedua."


def test_hard_wrapped_lines_joined():
    doc = document_from_text("Pemerintah membangun\ntrotoar baru di\nJakarta.", source="x")
    assert doc.text == "Pemerintah membangun trotoar baru di Jakarta."


def test_a_subheading_between_paragraphs_stays_its_own_paragraph():
    # one paragraph per line (a web page's text): the short unpunctuated line is a subheading
    raw = "Warga mengaku tidak tahu.\nAplikasi Mangkrak\nHal ini bisa disebabkan oleh banyak faktor."
    doc = document_from_text(raw, source="x")
    assert doc.text == "Warga mengaku tidak tahu.\n\nAplikasi Mangkrak\n\nHal ini bisa disebabkan oleh banyak faktor."
    # a hard-wrapped paragraph whose line happens to end a sentence is still one paragraph
    wrapped = "Pemkot membangun trotoar.\nLalu jalur sepeda dibangun di\nSemarang tahun lalu."
    assert document_from_text(wrapped, source="x").text == wrapped.replace("\n", " ")


def test_unicode_normalisation_keeps_en_dash_ranges():
    raw = "periode 2017\u00a0–\u00a02020 dan soft\u00adhyphen dan zero\u200bwidth"
    out = normalize_unicode(raw)
    assert "2017 – 2020" in out
    assert "softhyphen" in out and "zerowidth" in out


def test_content_hash_ignores_whitespace_layout():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_read_path_rejects_empty_and_unknown(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="empty"):
        read_path(empty)
    ws = tmp_path / "w.txt"
    ws.write_text("  \n\t \n")
    with pytest.raises(IngestError, match="whitespace"):
        read_path(ws)
    junk = tmp_path / "j.txt"
    junk.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(IngestError, match="binary"):
        read_path(junk)


def test_thesis_reads_with_sections(thesis_text, tmp_path):
    p = tmp_path / "t.txt"
    p.write_text(thesis_text, encoding="utf-8")
    doc = read_path(p)[0]
    titles = [s.title for s in doc.sections]
    assert "6.1 Kesimpulan" in titles and "6.2 Saran" in titles
    assert "Kesimpulan" not in doc.text.split("\n\n")[0][:40]
    assert "2017 – 2020" in doc.text


def test_plain_text_first_line_is_the_title():
    doc = document_from_text("Kebijakan Pengelolaan Sampah DKI Jakarta\n\nPemprov sudah membangun bank sampah.", source="s.txt")
    assert doc.title == "Kebijakan Pengelolaan Sampah DKI Jakarta"
    assert doc.text == "Pemprov sudah membangun bank sampah."
    # a first paragraph that is a sentence stays text
    doc = document_from_text("Pemprov sudah membangun bank sampah.\n\nWarga memilah sampah.", source="s.txt")
    assert doc.text.startswith("Pemprov")
