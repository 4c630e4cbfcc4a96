"""Round 23: programme names after a programme noun that open with a word that also heads
institutions or places ("program Sekolah Surya"), and titles inside a name ("Lapor Bupati").
Each case has a twin that must not move."""

from __future__ import annotations

import pytest

from pipeline import analyze_text


def _programmes(text: str) -> list[str]:
    return [p["name"] for p in analyze_text(text)["programs"] if p["kind"] == "program"]


@pytest.mark.parametrize(("text", "name"), [
    ("Melalui program Sekolah Surya, panel surya atap kini terpasang di 45 gedung SD negeri.", "Sekolah Surya"),
    ("Kemendikbud sedang menyiapkan program Sekolah Digital 3T untuk 3.000 SD di daerah tertinggal.",
     "Sekolah Digital 3T"),
    ("Warga ikut gerakan Kampung Bebas Asap sejak Maret.", "Kampung Bebas Asap"),
    ("Aduan warga kini masuk lewat aplikasi Lapor Bupati yang diluncurkan tahun lalu.", "Lapor Bupati"),
])
def test_programme_name_with_a_head_word(text: str, name: str) -> None:
    assert name in _programmes(text)


@pytest.mark.parametrize(("text", "not_name"), [
    # a place after a programme noun is whose programme it is, not its name
    ("Program Kota Bandung sudah berjalan sejak 2019.", "Kota Bandung"),
    ("Dana itu dipakai untuk program Kota Surabaya tahun depan.", "Kota Surabaya"),
    # a school named without a programme noun is a school
    ("Siswa Sekolah Surya Buana mengikuti lomba di Malang.", "Sekolah Surya Buana"),
    # a title followed by a person's name ends the programme's name before it
    ("Warga memakai aplikasi Sapa Warga Gubernur Ridwan Kamil setiap hari.", "Sapa Warga Gubernur Ridwan Kamil"),
])
def test_no_programme_from_a_place_a_school_or_a_person(text: str, not_name: str) -> None:
    assert not_name not in _programmes(text)
