"""The comparison, document by document: agree, add, contradict; `mentioned` never counts."""

from __future__ import annotations

import json

from pipeline.report.compare import compare_corpora, to_table
from pipeline.report.data import CorpusData, load_data_dir
from report.samples import UNRELATED, rows


def test_relations_and_mentioned_never_counts():
    base = CorpusData.from_rows("tesis", rows({"t": {"smart_mobility": ("implemented", "sudah")}}))
    news = CorpusData.from_rows("berita", rows({
        "a": {"smart_mobility": ("implemented", "telah")},
        "b": {"smart_mobility": ("planned", "akan")},
        "c": {"smart_mobility": ("mentioned", None)},
        "d": {"smart_environment": ("implemented", "sudah")},
    }, unrelated=("x",)))
    cmp = compare_corpora(news, base)
    mob = {p.pillar: p for p in cmp.pillars}["smart_mobility"]
    assert (mob.count("agrees"), mob.count("adds"), mob.count("contradicts"), mob.only_named) == (1, 0, 1, 1)
    assert mob.documents["contradicts"][0].doc_id == "b"
    ev = mob.documents["contradicts"][0].evidence[0]
    assert ev.keyword == "smart mobility" and ("akan", "cue") in ev.pieces
    assert [d.doc_id for d in mob.documents["agrees"]] == ["a"]
    env = {p.pillar: p for p in cmp.pillars}["smart_environment"]
    assert not env.compared and env.count("beyond") == 1  # the baseline never speaks of it
    assert cmp.new_pillars == ["smart_environment"]
    assert (cmp.relevant, cmp.unrelated) == (4, 1)
    as_json = json.dumps(cmp.to_dict())
    assert "judul x" not in as_json and "judul x" not in to_table(cmp)


def test_compare_of_data_folders(corpora):
    cmp = compare_corpora(load_data_dir(corpora.news), load_data_dir(corpora.base))
    out = cmp.to_dict()
    by = {p["pillar"]: p for p in out["pillars"]}
    assert by["smart_environment"]["counts"]["adds"] == 1
    assert by["smart_environment"]["adds"][0]["evidence"][0]["keyword"]
    assert by["smart_mobility"]["counts"]["contradicts"] == 1
    assert "mentioned" in out["rule"]
    text = json.dumps(out, ensure_ascii=False) + to_table(cmp)
    for title in UNRELATED:
        assert title not in text
    for line in to_table(cmp).splitlines()[:12]:
        assert len(line) <= 100, line
