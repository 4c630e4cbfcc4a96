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
    # the pillar's own words, not a named programme that stands for it ("Platform SATUSEHAT")
    ev = [e for e in ev if e["method"] != "program"] or ev
    return ev[0]["status"], ev[0]["rule"]


@pytest.mark.parametrize("text, pillar, status, rule", [
    ("Kota itu juga menerapkan konsep smart city pada pengawasan lalu lintas.", "smart_mobility", "implemented", "cue"),
    ("Warga tidak perlu lagi antre di puskesmas untuk mendaftar.", "smart_living", "implemented", "cue"),
    ("Sekarang kami baru ada 120 aplikasi layanan publik.", "smart_government", "implemented", "cue"),
    ("Kedua, smart mobility yakni menata transportasi umum.", "smart_mobility", None, "definition"),
    ("Pemkab berencana menambah anggaran dan memperluas ruang terbuka hijau.", "smart_environment", "planned", "modal_scope"),
    ("Pemkab berencana menambah anggaran dan sudah memperluas ruang terbuka hijau.", "smart_environment", "implemented", "cue"),
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
    assert "Pemkot Medan" in res.summary.actors
    assert "Pemprov Bali" not in res.summary.actors and "Pemkot Makassar" not in res.summary.actors


def test_people_places_and_papers_are_not_programmes():
    res = run("Menko Agus Harimurti Yudhoyono (AHY) meninjau jalur sepeda. Seorang warga bernama Budi Santoso "
              "mengurus Kartu Tanda Penduduk (KTP) dan Izin Mendirikan Bangunan (IMB). Dana dari Asian "
              "Development Bank (ADB) membiayai program Presiden Prabowo dan program Jokowi di Nusa Tenggara "
              "Barat (NTB).")
    named = [p["name"] for p in res.summary.programs if p["kind"] == "program"]
    assert named == [], named


def test_programmes_by_introducer_acronym_and_smart_prefix():
    res = run("Pemkot meluncurkan Smart Kampung tahun lalu. Warga memakai aplikasi bernama SapaWarga, "
              "dan layanan Cepat Respons Masyarakat (CRM) menjawab aduan; CRM kini terhubung dengan "
              "Bandung Command Center. Smart City Bandung terus berkembang.")
    names = [p["name"] for p in res.summary.programs if p["kind"] == "program"]
    assert {"Smart Kampung", "SapaWarga", "Cepat Respons Masyarakat", "Bandung Command Center"} <= set(names)
    assert not any(n.lower().startswith("smart city") for n in names)


@pytest.mark.parametrize("text, actor", [
    ("Pemerintah Kota Surabaya meluncurkan aplikasi perizinan.", "Pemkot Surabaya"),
    ("Surabaya meluncurkan aplikasi perizinan daring.", "Pemkot Surabaya"),
    ("Pada 2022 Kominfo meluncurkan Gerakan Menuju 100 Smart City.", "Kominfo"),
    ("Komdigi menyiapkan pusat data nasional.", "Komdigi"),
    ("Pemprov DKI menata trotoar di Jalan Sudirman.", "Pemprov DKI Jakarta"),
])
def test_actors_are_named_in_one_form_and_keep_the_ministry_of_their_time(text, actor):
    assert run(text).summary.actors == [actor]


@pytest.mark.parametrize("verb, status", [
    ("sudah meluncurkan", "implemented"), ("akan meluncurkan", "planned"),
    ("perlu meluncurkan", "recommended"), ("belum meluncurkan", "not_addressed"), ("membahas", "mentioned"),
])
def test_programmes_carry_the_status_their_clause_gives(verb, status):
    res = run(f"Pemkot Makassar {verb} program Lorong Wisata untuk warga.")
    prog = next(p for p in res.summary.programs if p["name"] == "Lorong Wisata")
    assert prog["status"] == status


@pytest.mark.parametrize("text, pillar, status, rule", [
    # what a named or counted service does now reports that it runs
    ("Pengajuan izin usaha bisa diakses melalui aplikasi SanguPalu.", "smart_government", "implemented", "capability"),
    ("Saat ini terdapat 77 unit bank sampah di seluruh kelurahan.", "smart_environment", "implemented", "capability"),
    ("The Command Centre provides data on traffic from 300 cameras.", "smart_mobility", "implemented", "capability"),
    # the same words about a concept report nothing
    ("Kota cerdas memudahkan layanan perizinan bagi warga.", "smart_government", None, "none"),
    # an aim is not a report, nor a possibility
    ("Platform SATUSEHAT didesain untuk memudahkan layanan kesehatan.", "smart_living", None, "purpose"),
    ("A waste bank can be built by the neighbourhood.", "smart_environment", None, "none"),
])
def test_capability_of_a_concrete_service(text, pillar, status, rule):
    assert first(text, pillar) == (status, rule)


def test_a_word_of_a_programme_name_is_no_cue():
    # "Kini" in "Jakarta Kini" is part of the app's name, not the aspect word "now"
    res = run("Warga mengadu soal pelayanan publik lewat aplikasi Jakarta Kini.")
    government = res.summary.pillars["smart_government"]
    assert all(ev["cue"] != "Kini" for ev in government.evidence)
    # the app is the means of the clause: the text speaks of it as running (rule capability)
    assert government.status == "implemented"
    assert {ev["rule"] for ev in government.evidence} == {"capability"}
    # with no means and no cue, the service is only named
    assert run("Warga membicarakan aplikasi Jakarta Kini.").summary.pillars["smart_government"].status == "mentioned"
