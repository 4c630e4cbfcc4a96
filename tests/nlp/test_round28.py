"""Round 28 (stop 28): what six fresh hand-written sets (39–44: smart-city profile pages,
implicit pillars in city news, plans in all their wordings, English pages on Indonesian
cities, national programme pages, regional press releases) and the training pages' programme
errors showed the rules missing. Each case has a twin that must move, so a rule that stops
working fails here."""

from __future__ import annotations

import pytest

from pipeline import analyze_text


def _status(text: str, pillar: str) -> str:
    return analyze_text(text)["pillars"][pillar]["status"]


def _programmes(text: str) -> list[str]:
    return [p["name"] for p in analyze_text(text)["programs"] if p.get("kind") == "program"]


NOT_PROGRAMMES = [
    # a street, a venue, an everyday word in quotes: none is a programme; each twin names one
    ("Dishub akan membuka koridor IV untuk rute sepanjang jalan raya By Pass dengan panjang 26 km.", None),
    ("Dishub akan membuka koridor IV bernama Trans Padang Raya dengan panjang 26 km.", "Trans Padang Raya"),
    ("Sosialisasi aplikasi digelar di Hotel Mercure Kendari City Center pada Senin.", None),
    ("Sosialisasi aplikasi SiCepat Kendari digelar pada Senin.", "SiCepat Kendari"),
    ("Semua aplikasi OPD harus menginduk ke satu “rumah” yakni portal milik Diskominfo.", None),
    ("Semua aplikasi OPD harus menginduk ke “Rumah Digital” yakni portal milik Diskominfo.", "Rumah Digital"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PROGRAMMES)
def test_not_every_capitalised_or_quoted_name_is_a_programme(text, name):
    found = _programmes(text)
    assert (found == []) if name is None else (name in found), found
