"""Round 33 (stop 33): what the hand-written sets 64–69 showed the rules still missing. Each
case has a twin that must move, so a rule that stops working fails here."""

from __future__ import annotations

import pytest

from pipeline import analyze_text


def _status(text: str, pillar: str) -> str:
    return analyze_text(text)["pillars"][pillar]["status"]


CASES = [
    # how far a deed has reached ("baru menyentuh A") reports A; a scope ("hanya mencakup A") names it
    ("Program Desa Digital Klaten baru menyentuh UMKM, sedangkan pendidikan belum tersentuh sama sekali.",
     "smart_economy", "implemented"),
    ("Program Desa Digital Klaten baru menyentuh UMKM, sedangkan pendidikan belum tersentuh sama sekali.",
     "smart_people", "not_addressed"),
    ("Program Desa Digital Klaten hanya mencakup UMKM, sedangkan pendidikan belum tersentuh sama sekali.",
     "smart_economy", "mentioned"),
    ("Kajian itu menyimpulkan bahwa program smart city Kota Palu sejauh ini hanya menyentuh layanan kesehatan.",
     "smart_living", "implemented"),
    # switched on again: a deed, whatever the thing was before
    ("Pemkab Blora telah mengaktifkan kembali kepesertaan BPJS Kesehatan bagi 8.000 warga.",
     "smart_living", "implemented"),
    ("Pemkab Blora telah menonaktifkan kepesertaan BPJS Kesehatan bagi 8.000 warga.",
     "smart_living", "not_addressed"),
    # a passive relative clause on what the thing was before does not end the deed
    ("Dinkes Blora telah membayar iuran BPJS Kesehatan bagi 8.000 warga yang sebelumnya dinonaktifkan dari daftar PBI.",
     "smart_living", "implemented"),
    ("Iuran BPJS Kesehatan bagi 8.000 warga Blora dinonaktifkan dari daftar PBI.",
     "smart_living", "not_addressed"),
    # implicit mentions: piped water and fire services are living
    ("Sebagian besar rumah di pesisir Kota Bitung belum tersambung ke jaringan air perpipaan.",
     "smart_living", "not_addressed"),
    ("Sebagian besar rumah di pesisir Kota Bitung belum tersambung ke jaringan listrik.",
     "smart_living", "not_mentioned"),
    ("Medan plans to add 20 fire posts by 2027 so that engines can reach every kampung in 15 minutes.",
     "smart_living", "planned"),
    ("Medan plans to add 20 parking posts by 2027.", "smart_living", "not_mentioned"),
]


@pytest.mark.parametrize(("text", "pillar", "expected"), CASES)
def test_round33(text: str, pillar: str, expected: str) -> None:
    assert _status(text, pillar) == expected
