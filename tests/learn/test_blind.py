"""The blind split's loader and document-level measures (no cached pages needed)."""

from __future__ import annotations

import json

from pipeline.learn.blind import bootstrap, doc_measures, load_blind, summarize_docs
from pipeline.learn.floor import keyword_record
from pipeline.schema import PILLARS


def test_missing_cache_skips_with_a_note(tmp_path):
    folder = tmp_path / "blind"
    folder.mkdir()
    (folder / "documents-x.jsonl").write_text(json.dumps({"doc_id": "page-1", "sha256": "0", "relevance": 1}) + "\n")
    corpus, docs = load_blind(folder=folder, cache=tmp_path / "none")
    assert docs == [] and any("skipped" in n for n in corpus.notes)


def test_a_changed_cached_text_is_refused(tmp_path):
    folder, cache = tmp_path / "blind", tmp_path / "cache"
    folder.mkdir()
    cache.mkdir()
    (cache / "page-1.txt").write_text("teks yang lain", encoding="utf-8")
    (folder / "documents-x.jsonl").write_text(json.dumps({"doc_id": "page-1", "sha256": "abc", "relevance": 1}) + "\n")
    corpus, docs = load_blind(folder=folder, cache=cache)
    assert docs == [] and any("differs" in n for n in corpus.notes)


def record(statuses, programs=(), actors=()):
    return {"pillars": {p: {"status": statuses.get(p, "not_mentioned")} for p in PILLARS},
            "programs": [{"name": n, "kind": "program", "surface": [n]} for n in programs], "actors": list(actors)}


def test_document_measures_count_what_they_should():
    gold = {"statuses": {**dict.fromkeys(PILLARS, "not_mentioned"), "smart_government": "implemented",
                         "smart_economy": "mentioned"},
            "programs": [{"name": "Cepat Respons Masyarakat", "aliases": ["CRM"]}, {"name": "JAKI", "aliases": []}],
            "actors": [{"name": "Pemprov DKI Jakarta", "aliases": ["Pemprov DKI"]}]}
    good = doc_measures(gold, record({"smart_government": "implemented", "smart_economy": "mentioned"},
                                     programs=["CRM", "Layanan Lain"], actors=["DKI Jakarta", "Bali"]))
    s = summarize_docs([good])
    assert s["presence_micro_f1"] == 1.0 and s["status_accuracy"] == 1.0
    assert s["programs_recall"] == 0.5 and s["programs_precision"] == 0.5
    assert s["actors_precision"] == 0.5
    bad = doc_measures(gold, record({"smart_government": "planned", "smart_living": "implemented"}))
    s = summarize_docs([bad])
    assert s["status_accuracy"] == 0.0 and s["presence_precision"] == 0.5
    lo, hi = bootstrap([good, bad], lambda xs: summarize_docs(xs)["status_accuracy"], n=200)
    assert 0.0 <= lo <= hi <= 1.0


def test_keyword_floor_speaks_the_contract():
    r = keyword_record("Pemkot sudah meluncurkan aplikasi layanan publik. Sampah akan dikelola.")
    assert set(r["pillars"]) == set(PILLARS)
    assert r["pillars"]["smart_government"]["status"] == "implemented"
    assert r["pillars"]["smart_environment"]["status"] == "planned"
