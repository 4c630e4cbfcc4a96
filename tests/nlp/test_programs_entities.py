import pytest

from pipeline.ingest import document_from_text
from pipeline.nlp import analyze_document
from pipeline.nlp.entities import find_periods, find_years


def programs(text):
    return analyze_document(document_from_text(text, source="t")).programs


def _program_names(text):
    return {p.name for p in programs(text) if p.kind == "program"}


def test_gazetteer_and_restricted_fuzzy():
    found = {(p.name, p.text) for p in programs("Program smart chance dan JakLingko serta aplikasi JAKI diluncurkan.")}
    assert ("Smart Change", "smart chance") in found
    assert ("JakLingko", "JakLingko") in found
    assert ("JAKI", "JAKI") in found


def test_look_alike_programs_rejected():
    assert not [p for p in programs("Pemkot menjajaki konsep smart city dan smart card.") if p.kind == "program"]


def test_initiatives_by_pattern_carry_their_pillar():
    found = {(p.name, p.pillar) for p in programs("Dinas melakukan revitalisasi trotoar dan normalisasi sungai Ciliwung.")}
    assert ("revitalisasi trotoar", "smart_mobility") in found
    assert ("normalisasi sungai", "smart_environment") in found


def test_build_verb_names_an_initiative():
    found = {p.name for p in programs("Pemprov membuat penyeberangan ramah disabilitas.")}
    assert "penyeberangan ramah disabilitas" in found


def test_years_and_periods():
    text = "MoU tahun 1994; kerja sama dari tahun 2017 hingga 2020, lalu 2021–2024 dan target 2030. Rp 2.025 bukan tahun."
    assert find_years(text) == [1994, 2017, 2020, 2021, 2024, 2030]
    assert find_periods(text) == [(2017, 2020), (2021, 2024)]


def test_actors_canonical():
    a = analyze_document(document_from_text("Pemprov DKI dan Senat Berlin menandatangani MoU di Jakarta.", source="t"))
    assert a.actors == ["Pemprov DKI Jakarta", "Berlin"]


def test_sentence_boundaries_respect_abbreviations_and_paragraphs():
    a = analyze_document(document_from_text("Kantor di Jl. Sudirman no. 5 dibuka. harga Rp. 5.000 naik!\n\nParagraf baru", source="t"))
    assert [s.text for s in a.sentences] == ["Kantor di Jl. Sudirman no. 5 dibuka.", "harga Rp. 5.000 naik!", "Paragraf baru"]


def test_a_negated_build_verb_names_no_initiative():
    assert not [p for p in programs("Kota itu belum menyediakan transportasi publik.") if p.kind == "initiative"]
    assert [p for p in programs("Kota itu menyediakan transportasi publik.") if p.kind == "initiative"]


def named(text):
    return {p.name for p in programs(text) if p.kind == "program"}


def test_service_names_with_a_coined_short_name_in_brackets():
    assert "Unit Layanan Aduan Surakarta" in named("Kanal utamanya ULAS (Unit Layanan Aduan Surakarta) berbasis WhatsApp.")
    assert "Sistem Informasi Administrasi Online Masyarakat Kota Palembang" in named(
        "Menunya Sistem Informasi Administrasi Online Masyarakat Kota Palembang (Sidemang) melayani warga.")
    # organisations and offices are no programmes, whatever the brackets
    assert not named("Menurut BPS (Badan Pusat Statistik) angka kemiskinan turun.")
    assert not named("Data UPT (Unit Pelaksana Teknis) menunjukkan hal itu.")
    assert not named("Kepala Pusdatin (Pusat Data dan Informasi) hadir.")


def test_a_citys_bus_system_is_a_programme():
    assert "Trans Padang" in named("Pemko menambah dua koridor baru bus Trans Padang tahun ini.")


def actors(text):
    return analyze_document(document_from_text(text, source="t")).actors


def test_an_institution_named_once_as_a_source_is_no_actor():
    assert "Kementerian Kesehatan" not in actors("Menurut data Kemenkes, angka stunting di kota itu turun tahun lalu.")
    # acting, or the text keeps coming back to it
    assert "Kementerian Kesehatan" in actors("Kemenkes meluncurkan aplikasi layanan gizi bagi warga.")
    assert "Kementerian Kesehatan" in actors("Data Kemenkes menunjukkan stunting turun. Kemenkes menyebut angkanya 21 persen.")


def test_names_listed_after_a_programme_noun_are_programmes():
    text = ("Saat ini ada tiga program percepatan yang diciptakan Kota Magelang, yakni Aplikasi "
            "Magelang Cerdas, E-Retribusi, dan Rojak (Ronda Jam Kerja).")
    assert {"Aplikasi Magelang Cerdas", "E-Retribusi", "Rojak"} <= _program_names(text)
    pontianak = "Smart Economy dengan Kampung Mandiri Siantan Hulu. Smart Living dengan Pos Sehat Kita."
    assert {"Kampung Mandiri Siantan Hulu", "Pos Sehat Kita"} <= _program_names(pontianak)
    # a company's products, people and places listed the same way are not programmes
    assert not _program_names("Danone memperkenalkan dua inovasi produk terbaru: Mizone Cocoboost dan Bebelac Cair.")
    assert not _program_names("Program itu digagas tiga tokoh, yakni Budi Santoso, Ani Wijaya dan Rudi Hartono.")
    assert not _program_names("Program ini diikuti kota seperti Jakarta, Bandung dan Surabaya.")


def test_a_name_defined_as_an_app_is_a_programme():
    assert "Picodep" in _program_names("Kemudian, Picodep yaitu aplikasi pencatatan data COVID-19.")
    assert not _program_names("Jakarta adalah kota yang besar.")


def test_agencies_kinds_and_directorates_are_not_programmes():
    assert not _program_names("Data dikirim ke Jakarta Environmental Service setiap hari.")
    assert not _program_names("Kominfo melalui Direktorat Layanan Aplikasi Informatika Pemerintahan (LAIP) meminta daerah bermigrasi.")
    assert not _program_names("Warga memakai LRT dan BRT setiap hari.")
    assert "BRT Bandung Raya" in _program_names("Uji coba BRT Bandung Raya dimulai tahun depan.")


def test_a_quoted_name_the_text_defines_is_an_initiative():
    text = "Paparan quick wins Depok, yaitu \"easy tax\" yaitu peningkatan pendapatan daerah melalui pajak."
    assert "easy tax" in _program_names(text)
    assert not _program_names('Ia berkata "kami siap" adalah jawaban terbaik.')
    assert not _program_names('Menurutnya "smart city" adalah konsep kota masa depan.')


def test_a_list_goes_on_past_common_nouns_and_named_facilities_count():
    text = ("Pemko telah meningkatkan layanan publik, seperti layanan e-lapor, perizinan, open data, "
            "command center dan SEKEJAP.")
    assert "SEKEJAP" in _program_names(text)
    assert "TPST Jungutbatu" in _program_names("TPA Jungutbatu direvitalisasi menjadi TPST Jungutbatu tahun 2024.")
    assert "Smart Kampung" in _program_names("Banyuwangi telah menerapkan smart kampung sejak tahun 2016.")


def test_capitalised_programme_nouns_e_names_and_bracketed_short_names():
    # a capitalised programme noun opens a coined name; e-names count in lower case too
    assert "Aplikasi Malang Mbois" in _program_names("Aplikasi Malang Mbois yang sedang dikembangkan Diskominfo segera hadir.")
    assert "Program E-Berindah" in _program_names("Kebersihan sudah dicakup oleh Program E-Berindah di DLHK3.")
    assert "e-lapor" in _program_names("Pemko telah meningkatkan layanan publik, seperti layanan e-lapor dan perizinan.")
    listed = ("Sebanyak 84 aplikasi sudah berjalan, di antaranya sistem kependudukan elektronik (SIAK), "
              "e-Musrenbang, e-planing, Simda Keuangan, serta sistem pengadaan elektronik.")
    assert {"SIAK", "e-Musrenbang", "e-planing", "Simda Keuangan"} <= _program_names(listed)
    # a coined short name with a long expansion that lists its parts
    simral = _program_names("Pemerintah membangun Simral (Sistem Informasi Manajemen Perencanaan, Penganggaran, dan Pelaporan).")
    assert any(name.startswith("Sistem Informasi Manajemen") for name in simral)
    # inside an institution's name, in a headline, or ordinary words: no programme
    assert not _program_names("Direktur Jenderal Aplikasi Informatika Kementerian Kominfo membuka acara itu.")
    assert not _program_names("Kajian Badan Riset dan Inovasi Daerah tentang trayek bus selesai.")
    assert not _program_names("Pemkot Luncurkan Aplikasi Baru Untuk Warga Kota")
    assert not _program_names("Sistem Informasi Pemerintahan E-Government dipakai untuk pelayanan publik.")
    # a name stops before a person's title
    assert "Program Asta Cita" in _program_names("Sesuai Program Asta Cita Presiden Republik Indonesia, perusahaan terus melakukan "
                                         "eksplorasi di berbagai wilayah.")


def test_a_service_described_in_ordinary_words_then_its_short_name():
    text = ("Pemko meningkatkan pelayanan seperti, sistem informasi kependudukan dan catatan sipil online (SiKancil), "
            "sistem aplikasi persandian (Pindai), aplikasi penilaian kinerja elektronik (Ape Keje).")
    assert {"SiKancil", "Pindai", "Ape Keje"} <= _program_names(text)
    assert "Sadewa" in _program_names("It works through the Hundred Tourism Villages Program (Sadewa) in the regency.")
    assert "Inter C" in _program_names("Ada aplikasi terpadu Inter C untuk warga.")
    # an office's name or an agency's English name before the brackets is no service
    assert not _program_names("Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) hadir.")
    assert not _program_names("Dana itu untuk 7 badan layanan umum (BLU).")
    assert not _program_names("He met the Head of the Jakarta Environmental Service (DLH) on Monday.")


@pytest.mark.parametrize(("text", "expected"), [
    # a place in no gazetteer, named with its government: one canonical form
    ("Pemerintah Kota Ternate telah membangun jalur sepeda di pusat kota.", ["Pemkot Ternate"]),
    ("Pemerintah Kota (Pemkot) Ternate telah membangun jalur sepeda.", ["Pemkot Ternate"]),
    ("Pemkab Minahasa Utara meluncurkan aplikasi layanan kependudukan.", ["Pemkab Minahasa Utara"]),
    ("Pemerintah Daerah Kabupaten Asmat menyalurkan beasiswa. Pemkab Asmat menargetkan 500 penerima.", ["Pemkab Asmat"]),
    ("Bupati Sintang membuka rapat satu data. Kabupaten Sintang belum memiliki data terpadu.", ["Pemkab Sintang"]),
    ("Pemkab Tana Toraja menargetkan puskesmas rampung tahun depan. Warga Tana Toraja menyambut baik.",
     ["Pemkab Tana Toraja"]),
    # a title before a person's name is not a place's government
    ("Bupati Anas meluncurkan aplikasi baru di Banyuwangi.", []),
    ("Wali Kota Eri Cahyadi meresmikan taman baru. Eri mengatakan taman itu gratis.", []),
    ("Gubernur Bank Indonesia menyampaikan bahwa ekonomi digital tumbuh.", []),
])
def test_a_place_government_outside_the_gazetteer(text, expected):
    assert actors(text) == expected


@pytest.mark.parametrize(("text", "name"), [
    # a front head and a place, a coined word or a programme's adjective
    ("Di bidang pendidikan, pemkab menyalurkan Beasiswa Situbondo Cerdas kepada 1.100 mahasiswa.", "Beasiswa Situbondo Cerdas"),
    ("Bank Sampah Induk Ngrowo juga sudah melayani 120 bank sampah unit di 19 kecamatan.", "Bank Sampah Induk Ngrowo"),
    ("Pemkot menyalurkan Kartu Tangerang Sehat kepada 20.000 warga.", "Kartu Tangerang Sehat"),
    # a weak introducer after a thing that can bear a name
    ("Pemkot resmi mengoperasikan lima unit bus listrik pengumpan bernama Bus Panji Sakti.", "Bus Panji Sakti"),
    ("Sebanyak 300 pelaku UMKM sudah terdaftar di katalog daring Linggau Belanja.", "Linggau Belanja"),
    ("Program Sekolah Ramah Anak juga telah diterapkan di 28 sekolah.", "Program Sekolah Ramah Anak"),
    ("Pemerintah Kota Pekalongan meluncurkan lokapasar resmi Batik Kota Pekalongan Online.", "Batik Kota Pekalongan Online"),
    ("The regency also launched Bantaeng Satu Data, a portal for village statistics.", "Bantaeng Satu Data"),
])
def test_programme_names_beyond_the_gazetteer(text, name):
    assert name in _program_names(text)


@pytest.mark.parametrize("text", [
    "Seorang warga bernama Budi Santoso melaporkan jalan rusak.",
    "Bus Rapid Transit menjadi pilihan banyak kota.",
    "Kartu Keluarga warga sudah diperbarui.",
    "Kampung Pulo kembali terendam banjir.",
])
def test_no_programme_from_people_concepts_or_villages(text):
    assert _program_names(text) == set()
