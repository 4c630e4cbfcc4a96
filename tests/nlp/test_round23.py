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


@pytest.mark.parametrize(("text", "not_name"), [
    # an administrative term spelled out before its acronym is no programme
    ("Setiap Satuan Kerja Pemerintah Daerah (SKPD) wajib menyusun laporan kinerja.", "Satuan Kerja Pemerintah Daerah"),
    ("Dokumen Pelaksanaan Anggaran (DPA) dinas itu baru disahkan bulan lalu.", "Dokumen Pelaksanaan Anggaran"),
    # a city's smart-city unit and a kind of waste site are no named programmes
    ("Jakarta Smart City mengelola dasbor data kota.", "Jakarta Smart City"),
    ("Pemkab membangun TPS3R di tiga kecamatan.", "TPS3R"),
])
def test_no_programme_from_an_administrative_term_a_unit_or_a_kind_of_site(text: str, not_name: str) -> None:
    assert not_name not in _programmes(text)


def test_an_acronym_with_its_expansion_is_still_one_programme() -> None:
    assert "Cepat Respons Masyarakat" in _programmes("Warga melapor lewat Cepat Respons Masyarakat (CRM) sejak 2016.")


def _statuses(text: str) -> dict[str, str]:
    return {p: v["status"] for p, v in analyze_text(text)["pillars"].items() if v["status"] != "not_mentioned"}


@pytest.mark.parametrize(("text", "pillar", "status"), [
    # an apposition closed by a comma: the predicate after it speaks of the programme
    ("Program Tarakan Hijau, yakni penanaman mangrove oleh Pemkot Tarakan di pesisir Juata, mandek sejak 2023.",
     "smart_environment", "not_addressed"),
    # a framework's noun after the mention: the clause's cue speaks of it
    ("Findings indicate that the smart people and smart living dimensions remain underdeveloped in Madiun.",
     "smart_living", "not_addressed"),
    ("Makassar's government did not include any environmental indicators in its smart city masterplan.",
     "smart_environment", "not_addressed"),
    # a slogan in a phrase of its own is no theme of what follows
    ("Ironisnya, di tengah gencarnya jargon smart city, Pemkot Tual sama sekali tidak memiliki portal open data.",
     "smart_government", "not_addressed"),
])
def test_predicate_beyond_an_apposition_a_framework_noun_or_a_slogan(text: str, pillar: str, status: str) -> None:
    assert _statuses(text).get(pillar) == status


@pytest.mark.parametrize(("text", "pillar"), [
    # the twins: a list, a framework's noun and a theme with no predicate of their own stay named only
    ("Program Tarakan Hijau meliputi penanaman mangrove dan pembersihan pantai.", "smart_environment"),
    ("Laporan itu membahas smart living dimensions dan indikatornya.", "smart_living"),
    ("Seminar bertema 'Smart Mobility, Kota Masa Depan' digelar di Balai Kota.", "smart_mobility"),
])
def test_lists_frameworks_and_themes_stay_mentioned(text: str, pillar: str) -> None:
    assert _statuses(text).get(pillar) == "mentioned"


def _statuses(text: str) -> dict[str, str]:
    return {p: v["status"] for p, v in analyze_text(text)["pillars"].items() if v["status"] != "not_mentioned"}


@pytest.mark.parametrize(("text", "pillar", "status"), [
    # GUIDELINE.md §4: a city's festival is culture (living); trade and jobs are economy;
    # disaster-ready villages and evacuation routes are safety (living); an online school
    # admission is an online service (government); an arts community is creativity (people)
    ("Pemkot Kediri sudah menggelar festival seni tahunan di alun-alun sejak 2018.", "smart_living", "implemented"),
    ("Dinas Perdagangan akan memberangkatkan misi dagang perajin rotan ke Belanda.", "smart_economy", "planned"),
    ("Kampung tangguh bencana telah dibentuk di 12 kelurahan pesisir.", "smart_living", "implemented"),
    ("Pendaftaran PPDB online untuk SMP negeri sudah dibuka sejak Senin.", "smart_government", "implemented"),
    ("Pemkab berencana menyediakan gedung latihan bagi komunitas seni di setiap kecamatan.", "smart_people", "planned"),
    ("The city completed 800 low-cost apartments for factory workers last year.", "smart_living", "implemented"),
    # GUIDELINE.md §4: job training is productivity (economy); opening data up is open government
    ("Disnaker Kota Cilegon sudah menggelar pelatihan kerja bagi 500 pemuda.", "smart_economy", "implemented"),
    ("Ombudsman mendesak Pemkab Bantul membuka data penerima bansos kepada publik.", "smart_government", "recommended"),
    ("Pemkot Pekalongan sedang membangun kolam retensi untuk pengendalian rob di pesisir utara.", "smart_environment",
     "implemented"),
    ("The province plans to turn its northern coast into a sponge city by 2030.", "smart_environment", "planned"),
    ("Dishub Kota Blitar akan membuka layanan antar-jemput gratis bagi pelajar.", "smart_mobility", "planned"),
])
def test_domain_terms_of_round_23(text: str, pillar: str, status: str) -> None:
    assert _statuses(text).get(pillar) == status


@pytest.mark.parametrize("text", [
    # the same words in a sentence about nothing the city does stay unmentioned
    "Penyanyi itu tampil di sebuah festival musik di Eropa.",
])
def test_a_festival_abroad_is_no_policy(text: str) -> None:
    assert "smart_living" not in _statuses(text)


@pytest.mark.parametrize(("text", "pillar", "status"), [
    # a verb under "sedang"/"tengah" reports work going on
    ("Inkubator bisnis milik Pemkot Kendari tengah membina 40 startup lokal.", "smart_economy", "implemented"),
    ("Dinas PUPR sedang mengerjakan normalisasi kali sepanjang dua kilometer.", "smart_environment", "implemented"),
    # a verb of preparing under it is still a plan
    ("Dishub tengah menyiapkan regulasi bus listrik untuk angkutan kota.", "smart_mobility", "planned"),
])
def test_work_going_on(text: str, pillar: str, status: str) -> None:
    assert _statuses(text).get(pillar) == status


def test_the_middle_is_no_progressive() -> None:
    # "di tengah" is a place in time; "Jawa Tengah" a province: neither reports anything
    assert _statuses("Di tengah meningkatnya kemacetan, warga mengeluhkan bus listrik.").get("smart_mobility") != "implemented"


@pytest.mark.parametrize(("text", "pillar", "status"), [
    ("PEMKOT BLITAR SIAPKAN 40 BUS LISTRIK UNTUK ANGKUTAN SEKOLAH", "smart_mobility", "planned"),
    ("Pemkab Sleman semestinya memperbanyak bus pengumpan ke stasiun.", "smart_mobility", "recommended"),
    ("Laporan warga soal lampu jalan yang mati sejak Mei gak ada tindak lanjut.", "smart_living", "not_addressed"),
    ("The promised flood tunnel in Bekasi remains mere talk.", "smart_environment", "not_addressed"),
])
def test_round_23_cues(text: str, pillar: str, status: str) -> None:
    assert _statuses(text).get(pillar) == status


def test_a_citizen_who_reported_reports_no_measure() -> None:
    # "sudah melapor": the complaint was made, nothing was done about the street lights
    text = "Warga sudah melapor soal penerangan jalan yang rusak, tetapi tidak ada tindak lanjut dari dinas."
    assert _statuses(text).get("smart_living") != "implemented"


@pytest.mark.parametrize("text", [
    "Karier penyanyi asal Padang itu melaju bak kereta cepat sejak lagunya viral.",
    "Bagi tim tamu, laga itu ibarat perjalanan tanpa transportasi: berat dan melelahkan.",
])
def test_a_simile_names_no_pillar(text: str) -> None:
    assert "smart_mobility" not in _statuses(text)


def test_the_thing_itself_after_a_simile_still_counts() -> None:
    text = "Kotanya tumbuh bak jamur, dan Pemkot sudah mengoperasikan kereta cepat ke bandara."
    assert _statuses(text).get("smart_mobility") == "implemented"


def test_a_river_by_name_is_a_place_not_a_programme() -> None:
    text = "Tahap kedua dimulai pada 2025 dengan pembangunan kanal banjir Sungai Babura."
    assert "Sungai Babura" not in _programmes(text)
    assert "Kali Bersih" in _programmes("Pemkot Surabaya kembali menggalakkan program Kali Bersih di 12 kecamatan.")


@pytest.mark.parametrize(("text", "status"), [
    ("Medan built protected bike lanes on Jalan Sutomo in 2023.", "implemented"),
    ("Pekanbaru is currently building its first bus rapid transit corridor.", "implemented"),
    ("A new bus terminal is to be built in 2027.", "planned"),
])
def test_english_simple_past_and_progressive(text: str, status: str) -> None:
    assert _statuses(text).get("smart_mobility") == status
