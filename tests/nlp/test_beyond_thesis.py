"""Issue 8's constructions, on sentences written for these tests (not from any labelled page)."""

from __future__ import annotations

import pytest

from pipeline.analyzer import Settings, get_analyzer
from pipeline.ingest import document_from_text


def run(text: str):
    return get_analyzer(Settings(tagger="lexicon")).analyze(document_from_text(text, source="t.txt"))


def first(text: str, pillar: str):
    ev = run(text).summary.pillars[pillar].evidence
    assert ev, f"no {pillar} mention in {text!r}"
    return ev[0]["status"], ev[0]["rule"]


@pytest.mark.parametrize("text, pillar, status, rule", [
    ("Kota itu juga menerapkan konsep smart city pada pengawasan lalu lintas.", "smart_mobility", "implemented", "cue"),
    ("Warga tidak perlu lagi antre di puskesmas untuk mendaftar.", "smart_living", "implemented", "cue"),
    ("Sekarang kami baru ada 120 aplikasi layanan publik.", "smart_government", "implemented", "cue"),
    ("Kedua, smart mobility yakni menata transportasi umum.", "smart_mobility", None, "definition"),
    ("Pemkab berencana menanam pohon dan memperluas ruang terbuka hijau.", "smart_environment", "planned", "modal_scope"),
    ("Pemkab berencana menanam pohon dan sudah memperluas ruang terbuka hijau.", "smart_environment", "implemented", "cue"),
    ("The city launched an online complaints portal last month.", "smart_government", "implemented", "cue"),
    ("The regency will build new bike lanes next year.", "smart_mobility", "planned", "cue"),
    ("The city should expand its public transport network.", "smart_mobility", "recommended", "cue"),
    ("Belum ada jalur sepeda yang terhubung dengan halte.", "smart_mobility", "not_addressed", "cue"),
])
def test_status_follows_aspect_and_modality(text, pillar, status, rule):
    assert first(text, pillar) == (status, rule)


def test_a_list_of_pillars_is_mentioned_not_untouched():
    res = run("Kerangka kota cerdas terdiri dari smart governance, smart economy, smart living dan smart environment. "
              "Pemkot sudah meluncurkan layanan perizinan daring.")
    statuses = {p: s.status for p, s in res.summary.pillars.items()}
    assert statuses["smart_economy"] == "mentioned" and statuses["smart_living"] == "mentioned"
    assert statuses["smart_government"] == "implemented"
    assert "belum disentuh" not in res.summary.summary and "tanpa keterangan status" in res.summary.summary
    # flip the words and the status follows
    flipped = run("Kerangka kota cerdas terdiri dari smart governance dan smart economy. "
                  "Smart economy belum tersentuh sama sekali.")
    assert flipped.summary.pillars["smart_economy"].status == "not_addressed"


def test_named_programmes_by_form_and_no_typos():
    res = run("Pemkot meluncurkan aplikasi Warga Lapor Cepat dan program Kampung Hijau Berseri. "
              "Aduan masuk lewat Layanan Aduan Terpadu (LAT); setiap aduan di LAT dijawab. "
              "Izin diurus lewat e-Perizinan. Transprotasi umum belum memadai.")
    names = [p["name"] for p in res.summary.programs]
    assert "Warga Lapor Cepat" in names and "Kampung Hijau Berseri" in names
    lat = next(p for p in res.summary.programs if p["name"] == "Layanan Aduan Terpadu")
    assert lat["mentions"] == 2
    assert "e-Perizinan" in names
    assert not any("transprotasi" in n.lower() for n in names)


def test_actors_act_and_venues_do_not():
    res = run("Pemkot Medan meluncurkan layanan perizinan daring. Acara itu digelar di Bali. "
              "Gubernur berbicara di Makassar tentang transportasi umum.")
    assert "Medan" in res.summary.actors
    assert "Bali" not in res.summary.actors and "Makassar" not in res.summary.actors
