"""Round 25 (stop 25): what is to be assessed or presented names a topic, it plans nothing
("enam dimensi smart city yang akan dinilai yaitu …"). Each case has a twin that must move."""

from __future__ import annotations

import pytest

from pipeline import analyze_text


def _status(text: str, pillar: str) -> str:
    return analyze_text(text)["pillars"][pillar]["status"]


@pytest.mark.parametrize(("text", "pillar"), [
    ("Tim penilai menguraikan enam dimensi smart city yang akan dinilai, yaitu smart governance, "
     "smart branding, smart economy, smart living, smart society dan smart environment.", "smart_environment"),
    ("Dalam kunjungan itu Bupati akan memaparkan program smart mobility dan pengelolaan sampah kabupaten.",
     "smart_mobility"),
])
def test_what_is_assessed_or_presented_is_a_topic(text: str, pillar: str) -> None:
    assert _status(text, pillar) == "mentioned"


@pytest.mark.parametrize(("text", "pillar"), [
    ("Pemkab akan membangun jalur sepeda dan halte bus baru tahun depan.", "smart_mobility"),
    ("Pemkot akan menerapkan pemilahan sampah di seluruh kelurahan mulai 2026.", "smart_environment"),
])
def test_twins_that_plan(text: str, pillar: str) -> None:
    assert _status(text, pillar) == "planned"
