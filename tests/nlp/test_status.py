"""Mention statuses: cues, negation, scope, constructions, neighbours and sections."""

import pytest

from pipeline.nlp import get_nlp  # noqa: E402
from tests.conftest import mentions


def status_of(text, pillar):
    found = [m for m in mentions(text) if m.pillar == pillar]
    assert found, f"no {pillar} mention in: {text}"
    return found[0].status, found[0].cue


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        ("Layanan e-government sudah berjalan di semua kelurahan.", "smart_government", "implemented"),
        ("Pemprov telah meresmikan jalur sepeda baru.", "smart_mobility", "implemented"),
        ("Pemprov akan membangun jalur sepeda tahun depan.", "smart_mobility", "planned"),
        ("Pembangunan MRT fase tiga ditargetkan rampung 2029.", "smart_mobility", "planned"),
        ("Program smart economy belum terlaksana.", "smart_economy", "not_addressed"),
        ("Fasilitas daur ulang tidak tersedia di kota itu.", "smart_environment", "not_addressed"),
        ("Pemerintah perlu meningkatkan kualitas udara kota.", "smart_environment", "recommended"),
        ("Penulis menyarankan agar transportasi publik diperluas.", "smart_mobility", "recommended"),
        ("Sistem e-tilang tidak berjalan sejak Maret.", "smart_mobility", "not_addressed"),
        ("Ruang terbuka hijau di Jakarta Utara.", "smart_environment", None),
    ],
)
def test_single_clause_cues(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


def test_cue_is_kept_as_evidence():
    status, cue = status_of("Program smart economy belum terlaksana.", "smart_economy")
    assert cue == "belum terlaksana"


def test_walking_is_not_running():
    status, _ = status_of("Warga terbiasa berjalan kaki ke stasiun.", "smart_mobility")
    assert status is None


def test_ranging_from_is_not_begun():
    status, _ = status_of("Mulai dari birokrasi hingga budaya dibahas di forum itu.", "smart_government")
    assert status != "implemented"


def test_purpose_clause_states_an_aim():
    status, _ = status_of("Trotoar dibangun agar polusi udara bisa ditekan.", "smart_environment")
    assert status is None
    assert status_of("Trotoar dibangun agar polusi udara bisa ditekan.", "smart_mobility")[0] == "implemented"


def test_concept_without_implementation_is_planned():
    text = "Konsep smart living sudah ada, hanya saja implementasinya belum terlaksana."
    status, cue = status_of(text, "smart_living")
    assert status == "planned"
    assert "belum terlaksana" in cue


def test_concept_with_implementation_is_implemented():
    text = "Konsep smart living sudah ada, hanya saja implementasinya sudah terlaksana."
    assert status_of(text, "smart_living")[0] == "implemented"


def test_plan_not_yet_realised_is_planned():
    assert status_of("Rencana pembangunan jalur sepeda belum terealisasi.", "smart_mobility")[0] == "planned"


def test_cue_governs_its_clause_not_the_sentence():
    text = "Smart mobility sudah berjalan, namun smart environment belum disentuh."
    assert status_of(text, "smart_mobility")[0] == "implemented"
    assert status_of(text, "smart_environment")[0] == "not_addressed"


def test_exclusive_focus_then_contrast_means_not_addressed():
    text = (
        "Program ini hanya berfokus kepada smart mobility dan smart government. "
        "sedangkan kerangka itu juga memuat smart people dan smart environment."
    )
    assert status_of(text, "smart_mobility")[0] is None
    assert status_of(text, "smart_people")[0] == "not_addressed"
    assert status_of(text, "smart_environment")[0] == "not_addressed"


def test_anaphoric_sentence_borrows_status_from_previous():
    text = "Pemprov telah membangun banyak fasilitas baru. Fasilitas tersebut antara lain revitalisasi trotoar."
    status, cue = status_of(text, "smart_mobility")
    assert status == "implemented" and cue == "telah membangun"
    doc = get_nlp()(text)
    assert {s._.rule for s in doc.spans["pillars"]} == {"inherited"}  # the rule travels by name


def test_no_borrowing_across_paragraphs():
    text = "Pemprov telah membangun banyak fasilitas baru.\n\nFasilitas tersebut antara lain trotoar."
    assert status_of(text, "smart_mobility")[0] is None


def test_recommendation_section_turns_plans_into_recommendations():
    text = "## Saran\n\nPenulis berharap ke depan smart living akan dikembangkan."
    assert status_of(text, "smart_living")[0] == "recommended"


def test_stop_words_are_not_dropped_and_not_stemmed():
    # "sebelumnya" contains "belum" but is not a negation
    text = "Trotoar yang sebelumnya rusak sudah diperbaiki."
    assert status_of(text, "smart_mobility")[0] == "implemented"


def test_a_problem_that_happened_is_not_an_implementation():
    assert status_of("Pabrik itu telah menyebabkan polusi udara di Serang.", "smart_environment")[0] is None
    assert status_of("Polusi udara berhasil ditekan berkat uji emisi.", "smart_environment")[0] == "implemented"


def test_importance_and_obligation_are_recommendations():
    assert status_of("Menteri menegaskan pentingnya pelayanan publik yang jujur.", "smart_government")[0] == "recommended"
    assert status_of("Perusahaan wajib melakukan reforestasi di bekas tambang.", "smart_environment")[0] == "recommended"


def test_no_plan_at_all_is_not_addressed():
    assert status_of("Hingga kini belum ada rencana pembangunan LRT di kota itu.", "smart_mobility")[0] == "not_addressed"


def test_concession_with_comma_keeps_the_implementation_part():
    status, cue = status_of("Meski konsep smart environment sudah disusun, implementasinya belum berjalan.", "smart_environment")
    assert status == "planned" and cue.endswith("belum berjalan")
    status, _ = status_of("Meski konsep smart environment sudah disusun, implementasinya sudah berjalan.", "smart_environment")
    assert status == "implemented"


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        ("Proyek MRT fase dua sedang dibangun dan ditargetkan beroperasi 2029.", "smart_mobility", "implemented"),
        ("Angka kemiskinan di Jakarta turun dua persen tahun ini.", "smart_people", "implemented"),
        ("Pemda tidak lagi menerapkan ganjil genap.", "smart_mobility", "not_addressed"),
        ("Penerapan e-government sedang berlangsung di seluruh kecamatan.", "smart_government", "implemented"),
        ("Implementasi smart living masih jauh dari harapan.", "smart_living", "not_addressed"),
    ],
)
def test_progress_stopping_and_tackled_problems(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


def test_plain_focus_then_contrast_also_excludes():
    text = "Tahap ini berfokus kepada smart mobility. sedangkan dalam kerangka Cohen ada juga pilar smart living."
    assert status_of(text, "smart_living")[0] == "not_addressed"


def test_a_theory_named_concept_is_not_a_plan():
    text = "Dalam konsep smart city Cohen terdapat pilar smart people dan smart living."
    assert status_of(text, "smart_people")[0] is None
    assert status_of("Konsep smart people disusun Bappeda.", "smart_people")[0] == "planned"


def test_english_cues_for_mixed_documents():
    text = "Berlin has implemented smart mobility. Jakarta plans to build smart environment programs."
    assert status_of(text, "smart_mobility")[0] == "implemented"
    assert status_of(text, "smart_environment")[0] == "planned"


def test_a_negator_governs_only_its_first_cue():
    # "tidak tertinggal" (not left behind) is no absence, and "akan" after it is not negated
    found = mentions("Jika layanan publik baik dan tidak tertinggal akan berdampak pada warga.")
    assert [m.status for m in found if m.pillar == "smart_government"] != ["not_addressed"]
    assert status_of("Kota itu tidak memiliki program pengelolaan sampah.", "smart_environment")[0] == "not_addressed"


def test_the_aim_of_an_urged_action_stays_an_aim():
    text = "Pemerintah perlu memperbaiki trotoar agar ramah bagi penyandang disabilitas."
    assert status_of(text, "smart_mobility")[0] == "recommended"
    assert status_of(text, "smart_people")[0] is None


def test_seeing_or_saying_after_a_completion_marker_is_no_report():
    text = "Ketua komisi mengatakan pihaknya telah melihat langsung pengelolaan sampah di lapangan."
    assert status_of(text, "smart_environment")[0] is None
    # the same marker before a measure still reports it
    assert status_of("Pemkot telah membangun bank sampah di setiap kelurahan.", "smart_environment")[0] == "implemented"


def test_a_list_after_a_verb_is_still_a_list():
    for text in ("Dalam membangun kota cerdas ada enam dimensi, yaitu smart governance dan smart economy.",
                 "Buku panduan yang diterbitkan memuat dua dimensi, yaitu smart governance dan smart economy."):
        assert status_of(text, "smart_economy")[0] is None


def test_an_event_held_is_not_a_measure_implemented():
    text = "Sosialisasi layanan e-government digelar di aula kantor gubernur."
    assert status_of(text, "smart_government")[0] is None


def test_an_english_imperative_after_a_heading_is_urged():
    text = "04 Integrated Mobility Improve connectivity and transportation service capacity."
    assert status_of(text, "smart_mobility") == ("recommended", "Improve")
    # the same verb inside a sentence is an ordinary verb under its own modal
    assert status_of("The city will improve transportation next year.", "smart_mobility")[0] == "planned"


def test_headline_verbs_of_urging():
    assert status_of("Samri Minta Pemkot Samarinda Benahi Drainase", "smart_environment")[0] == "recommended"


def test_a_named_programme_as_the_means_reports_that_it_runs():
    assert status_of("Warga melaporkan sampah melalui aplikasi JAKI.", "smart_environment")[0] == "implemented"
    assert status_of("Smart Living dengan Public Safety Center (PSC) 119.", "smart_living")[0] == "implemented"
    # a plan stays a plan
    assert status_of("Pemkot akan mengurangi sampah melalui program Kampung Iklim.", "smart_environment")[0] == "planned"
    # without a named programme the means says nothing
    assert status_of("Warga melaporkan sampah melalui telepon.", "smart_environment")[0] is None


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        ("Pemerintah Kota Kupang segera meluncurkan sistem layanan elektronik.", "smart_government", "planned"),
        ("Layanan bus kota berhenti beroperasi sejak Januari.", "smart_mobility", "not_addressed"),
        ("Sekolah di kabupaten itu masih kekurangan ruang kelas.", "smart_people", "not_addressed"),
        ("Puskesmas ini sudah waktunya pindah ke gedung baru.", "smart_living", "recommended"),
        ("The closure of the landfill has led to an uncontrolled waste situation.", "smart_environment", None),
    ],
)
def test_soon_stopped_lacking_and_time_to(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        # cancelled, postponed, never done, lacking: not addressed
        ("Pemkot Semarang urung menerapkan ganjil-genap setelah diprotes pedagang.", "smart_mobility", "not_addressed"),
        ("Proyek monorel kota itu akhirnya batal setelah investor mundur.", "smart_mobility", "not_addressed"),
        ("Kota Sorong sampai sekarang tidak punya rumah sakit daerah tipe B.", "smart_living", "not_addressed"),
        ("Kupang's bus rapid transit project was cancelled in 2020.", "smart_mobility", "not_addressed"),
        ("Makassar still has no integrated public transport card.", "smart_mobility", "not_addressed"),
        ("Dishub blm jg pasang lampu lalu lintas di perempatan itu.", "smart_mobility", "not_addressed"),
        # the same sentences with the words flipped
        ("Pemkot Semarang sudah menerapkan ganjil-genap setelah diprotes pedagang.", "smart_mobility", "implemented"),
        ("Kota Sorong sekarang sudah punya rumah sakit daerah tipe B.", "smart_living", "implemented"),
        # a study or a draft is a plan; a trial runs; no longer needing to queue is a success
        ("Pembangunan PLTSa tahap kedua masih dalam kajian Pemkot Surabaya.", "smart_environment", "planned"),
        ("Bappenas is drafting a national roadmap for low-carbon cities.", "smart_environment", "planned"),
        ("Sistem ganjil-genap masih dalam tahap uji coba di tiga ruas jalan.", "smart_mobility", "implemented"),
        ("Residents no longer need to queue at the puskesmas.", "smart_living", "implemented"),
        # a question asks, it does not report
        ("Apakah Pemkot Kupang sudah punya rencana penanganan sampah plastik?", "smart_environment", None),
    ],
)
def test_cancelled_lacking_studied_and_asked(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


def test_an_events_theme_and_guests_report_nothing():
    theme = "Pertemuan itu bertema 'Membangun Ekosistem Smart City Bagi Penanggulangan Pandemi', berlangsung di Yogyakarta."
    assert status_of(theme, "smart_living") == (None, None)
    guests = "Kegiatan dilaksanakan di Ruang Rapat Dinkes dan dihadiri oleh camat dan perwakilan rumah sakit."
    assert status_of(guests, "smart_living") == (None, None)
    # a programme named with "bertajuk" is a programme, and its launch is reported
    launched = "Pemkot telah meluncurkan program bertajuk Kampung Hijau untuk pengelolaan sampah."
    assert status_of(launched, "smart_environment")[0] == "implemented"


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        # a fronted subordinate clause ends at its comma
        ("Walaupun layanan Dukcapil sudah menjangkau seluruh distrik, jalan menuju kampung belum diaspal.",
         "smart_mobility", "not_addressed"),
        ("Untuk mengurangi kemacetan, Pemkot akan membangun dua flyover baru pada 2026.", "smart_mobility", None),
        # an absence denied is a presence; the same sentence without the denial is an absence
        ("Bukan berarti Kota Tegal tidak memiliki jalur sepeda, hanya saja panjangnya baru tiga kilometer.",
         "smart_mobility", "implemented"),
        ("Kota Tegal tidak memiliki jalur sepeda.", "smart_mobility", "not_addressed"),
        # requests, "until now … not yet", a headline's bare verb
        ("Mohon Dinas PU segera memperbaiki drainase di jalan kami.", "smart_environment", "recommended"),
        ("Sampai sekarang UMKM di Kabupaten Tegal belum mendapat pendampingan digitalisasi.", "smart_economy", "not_addressed"),
        ("PEMKOT MEDAN LUNCURKAN BUS SEKOLAH LISTRIK GRATIS", "smart_mobility", "implemented"),
    ],
)
def test_fronted_clauses_denials_requests_and_headlines(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


def test_the_flyover_after_a_fronted_purpose_is_planned():
    found = {m.text: m.status for m in mentions("Untuk mengurangi kemacetan, Pemkot akan membangun dua flyover baru.")}
    assert found["flyover"] == "planned" and found["kemacetan"] is None


def test_a_condition_and_a_property_report_nothing():
    conditional = "Sebab, bila diimplementasikan dengan baik oleh masyarakat, Smart Living mudah dicapai."
    assert status_of(conditional, "smart_living") == (None, None)
    assert status_of("Smart Economy memiliki peran penting dalam mencapai dimensi lainnya.", "smart_economy")[0] is None
    # a plan in the main clause after a fronted condition stays a plan; a report stays a report
    assert status_of("Jika anggaran disetujui, Pemkot akan membangun jalur sepeda.", "smart_mobility")[0] == "planned"
    assert status_of("Pemkot sudah membangun jalur sepeda di tiga kecamatan.", "smart_mobility")[0] == "implemented"


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        ("The absence of a flood early warning system has forced residents to rely on instinct.", "smart_living", "not_addressed"),
        ("The Greater Bandung BRT is scheduled to open in 2026.", "smart_mobility", "planned"),
        ("The new bus terminal is under construction in the north of the city.", "smart_mobility", "implemented"),
        ("The city has failed to provide enough public transport for commuters.", "smart_mobility", "not_addressed"),
    ],
)
def test_english_absences_schedules_and_progress(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected


@pytest.mark.parametrize(
    "text, pillar, expected",
    [
        ("Belum satu pun kelurahan di Kota Palu memiliki bank sampah yang aktif.", "smart_environment", "not_addressed"),
        ("Rencana pembangunan PLTSa di Kota Padang batal setelah investornya mundur.", "smart_environment", "not_addressed"),
        ("Rencana pembangunan LRT Surabaya ditunda tanpa batas waktu.", "smart_mobility", "not_addressed"),
        # a plan postponed to a date is still a plan
        ("Rencana pembangunan LRT Surabaya ditunda hingga Maret.", "smart_mobility", "planned"),
        ("Neither Padang nor Pontianak has yet adopted an integrated ticketing system for its buses.",
         "smart_mobility", "not_addressed"),
    ],
)
def test_sweeping_negations_and_plans_called_off(text, pillar, expected):
    assert status_of(text, pillar)[0] == expected
