"""The thesis chapter's own conclusions, reached from its text — and moved by edits to it."""

import re

import pytest

from pipeline import analyze_text
from pipeline.schema import status_rank


@pytest.fixture(scope="module")
def result(thesis_text):
    return analyze_text(thesis_text, source="thesis")


def statuses(res):
    return {p: v["status"] for p, v in res["pillars"].items()}


def test_thesis_conclusions(result):
    st = statuses(result)
    assert st["smart_government"] in ("implemented", "partial")
    assert st["smart_mobility"] in ("implemented", "partial")
    assert st["smart_economy"] in ("planned", "partial")
    for p in ("smart_people", "smart_living", "smart_environment"):
        assert st[p] == "not_addressed", p


def test_thesis_actors_years_programs(result):
    assert {"Pemprov DKI Jakarta", "Berlin"} <= set(result["actors"])
    assert {1994, 2017, 2020, 2030} <= set(result["years"])
    assert [2017, 2020] in result["periods"]
    progs = {p["name"]: p for p in result["programs"]}
    assert "smart chance" in progs["Smart Change"]["surface"]
    mobility_inits = {p["name"] for p in result["programs"] if p["kind"] == "initiative" and p["pillar"] == "smart_mobility"}
    assert {"revitalisasi trotoar", "integrasi sarana transportasi", "penyeberangan ramah disabilitas"} <= mobility_inits


def test_thesis_summary_is_indonesian_and_says_so(result):
    s = result["summary"]
    assert "smart people" in s and "belum disentuh" in s
    assert "smart economy" in s
    assert "Smart Change" in s


def test_evidence_points_into_sentences(result):
    ev = result["pillars"]["smart_economy"]["evidence"]
    assert any(e["cue"] and "belum terlaksana" in e["cue"] for e in ev)
    assert all(isinstance(e["sentence"], int) for e in ev)
    assert all(e["section"] in ("6.1 Kesimpulan", "6.2 Saran") for e in ev)


def _swap(text, a, b):
    return re.sub(rf"{a}|{b}", lambda m: b if m.group(0) == a else a, text)


def test_swapping_economy_and_environment_swaps_their_status(thesis_text, result):
    edited = _swap(_swap(thesis_text, "economy", "environment"), "ekonomi", "lingkungan")
    before, after = statuses(result), statuses(analyze_text(edited))
    assert after["smart_environment"] == before["smart_economy"]
    assert after["smart_economy"] == before["smart_environment"]
    for p in ("smart_government", "smart_mobility", "smart_people", "smart_living"):
        assert after[p] == before[p]


def test_belum_to_sudah_moves_economy_toward_implemented(thesis_text, result):
    paras = thesis_text.split("\n\n")
    idx = next(i for i, p in enumerate(paras) if "smart economy" in p and "belum" in p)
    paras[idx] = paras[idx].replace("belum", "sudah")
    after = statuses(analyze_text("\n\n".join(paras)))
    assert status_rank(after["smart_economy"]) > status_rank(statuses(result)["smart_economy"])


def test_deleting_mobility_paragraph_loses_its_initiatives(thesis_text):
    paras = thesis_text.split("\n\n")
    kept = [p for p in paras if "trotoar" not in p]
    assert len(kept) == len(paras) - 1
    after = analyze_text("\n\n".join(kept))
    inits = {p["name"] for p in after["programs"] if p["kind"] == "initiative"}
    assert not inits & {"revitalisasi trotoar", "integrasi sarana transportasi", "penyeberangan ramah disabilitas"}


def test_flipping_a_not_addressed_list_changes_people(thesis_text, result):
    # name smart people as begun instead of as absent: its status must follow the text
    edited = thesis_text.replace("mulai mengembangkan pilar *smart mobility*", "mulai mengembangkan pilar *smart people*")
    after = statuses(analyze_text(edited))
    assert after["smart_people"] in ("implemented", "partial")
