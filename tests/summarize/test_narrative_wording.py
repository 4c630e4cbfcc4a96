"""The document narrative as an Indonesian reader reads it: decimal commas and programme statuses."""

from pipeline.schema import PILLARS
from pipeline.summarize.narrative import narrate


def _narrate(programs):
    statuses = dict.fromkeys(PILLARS, "not_mentioned") | {"smart_mobility": "implemented"}
    return narrate(relevance=0.987, statuses=statuses, programs=programs, actors=["Pemkot Surabaya"],
                   years=[], periods=[])


def test_relevance_is_written_with_a_decimal_comma():
    text = _narrate([])
    assert "(relevansi 0,99)" in text and "0.99" not in text


def test_programmes_carry_the_status_the_text_gives_them():
    text = _narrate([
        {"name": "Suroboyo Bus", "kind": "program", "pillar": "smart_mobility", "mentions": 3, "status": "implemented"},
        {"name": "Trem Surabaya", "kind": "program", "pillar": "smart_mobility", "mentions": 1, "status": "planned"},
        {"name": "E-Sapawarga", "kind": "program", "pillar": "smart_government", "mentions": 2, "status": "mentioned"},
        {"name": "Bank Sampah Digital", "kind": "program", "pillar": "smart_environment", "mentions": 1,
         "status": "not_addressed"},
    ])
    assert "Suroboyo Bus (3×, sudah berjalan)" in text
    assert "Trem Surabaya (1×, konsep/rencana)" in text
    assert "E-Sapawarga (2×)" in text  # named without a status: nothing claimed
    assert "Bank Sampah Digital (1×, belum berjalan)" in text  # a programme runs or not; it is not "touched"


def test_partial_reads_as_one_phrase_before_its_cue():
    statuses = dict.fromkeys(PILLARS, "not_mentioned") | {"smart_economy": "partial"}
    text = narrate(relevance=0.9, statuses=statuses, programs=[], actors=[], years=[], periods=[],
                   cues={"smart_economy": "belum terlaksana"})
    assert "baru berjalan sebagian, ada bagian yang belum terlaksana («belum terlaksana»)." in text


def test_actors_act_they_do_not_write_the_document():
    text = _narrate([])
    assert "Pelaku yang disebut: Pemkot Surabaya." in text and " oleh " not in text


def test_no_pillar_at_all_is_said_once():
    statuses = dict.fromkeys(PILLARS, "not_mentioned")
    text = narrate(relevance=0.6, statuses=statuses, programs=[], actors=[], years=[], periods=[])
    assert "Tidak ada pilar yang dibahas." in text and "Tidak disebut" not in text
