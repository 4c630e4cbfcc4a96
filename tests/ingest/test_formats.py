"""The thesis chapter as PDF, DOCX and HTML — written at test time — reads to the same result."""

from __future__ import annotations

import pytest
from builders import write_docx, write_html, write_pdf

from pipeline.analyzer import get_analyzer
from pipeline.ingest import read_path


def _essentials(doc) -> dict:
    res = get_analyzer().record(doc)
    return {
        "statuses": {p: v["status"] for p, v in res["pillars"].items()},
        "actors": sorted(res["actors"]),
        "years": res["years"],
        "periods": res["periods"],
    }


@pytest.fixture(scope="module")
def expected(thesis_text, tmp_path_factory):
    path = tmp_path_factory.mktemp("txt") / "bab6.txt"
    path.write_text(thesis_text, encoding="utf-8")
    return _essentials(read_path(path)[0])


@pytest.mark.parametrize("fmt, writer", [("pdf", write_pdf), ("docx", write_docx), ("html", write_html)])
def test_thesis_in_every_format_gives_the_txt_result(fmt, writer, thesis_text, expected, tmp_path):
    doc = read_path(writer(thesis_text, tmp_path / f"bab6.{fmt}"))[0]
    assert doc.format == fmt
    assert _essentials(doc) == expected
    titles = [s.title for s in doc.sections]
    assert "6.1 Kesimpulan" in titles and "6.2 Saran" in titles, titles  # headings stay headings
    assert "Kesimpulan" not in doc.text and "Saran\n" not in doc.text
    assert doc.section_at(doc.text.index("Secara praktik")) == "6.2 Saran"


def test_pdf_drops_running_header_and_page_numbers(thesis_text, tmp_path):
    doc = read_path(write_pdf(thesis_text, tmp_path / "t.pdf"))[0]
    assert doc.metadata["pages"] >= 2
    assert "Universitas Contoh" not in doc.text
    assert doc.metadata["cleaning"]["page_furniture_lines"] >= 2 * doc.metadata["pages"] - 1
    assert doc.title == "BAB VI"
    assert "2017 – 2020" in doc.text


def test_pdf_dehyphenates_across_line_ends(tmp_path):
    text = "# Laporan\n\nPemerintah kota sudah menyelesaikan pembangunan halte dan trotoar baru di pusat kota."
    path = write_pdf(text, tmp_path / "h.pdf", hyphenate={"pembangunan": "pemba-\nngunan"})
    doc = read_path(path)[0]
    assert "pembangunan halte" in doc.text
    assert doc.metadata["cleaning"]["dehyphenated"] == 1


def test_docx_tables_are_kept_and_title_is_first_heading(tmp_path):
    text = "# Rencana Kerja\n\nDinas Perhubungan menyiapkan program berikut."
    table = [["Program", "Status"], ["Integrasi JakLingko", "sudah berjalan"]]
    doc = read_path(write_docx(text, tmp_path / "r.docx", table=table))[0]
    assert doc.title == "Rencana Kerja"
    assert "Integrasi JakLingko | sudah berjalan" in doc.text


def test_html_drops_navigation_and_footer_and_reads_metadata(thesis_text, tmp_path):
    doc = read_path(write_html(thesis_text, tmp_path / "t.html"))[0]
    assert doc.title == "Bab VI Penutup"
    assert doc.date == "2021-08-17T09:00+07:00" and doc.metadata["date_raw"].startswith("2021-08-17")
    for junk in ("Beranda", "Hak cipta", "Terpopuler", "window.dataLayer", "track("):
        assert junk not in doc.text


def test_format_is_chosen_by_content_not_suffix(thesis_text, tmp_path):
    pdf = write_pdf(thesis_text, tmp_path / "t.pdf")
    renamed = tmp_path / "really_a_pdf.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert read_path(renamed)[0].format == "pdf"
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Pemerintah kota membangun halte baru untuk warga.</p></body></html>")
    assert read_path(page)[0].format == "html"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_plain_text_in_common_encodings(encoding, tmp_path):
    text = "Café kota: pemerintah sudah meluncurkan layanan publik daring — “Jakarta Kini” — tahun 2020.\n"
    if encoding == "latin-1":
        text = text.replace("—", "-").replace("“", '"').replace("”", '"')
    path = tmp_path / f"t-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_path(path)[0]
    assert doc.text == text.strip()
    assert doc.metadata["encoding"]
