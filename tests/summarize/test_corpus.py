"""Corpus synthesis and the comparison with a baseline, on hand-made rows."""

from pipeline.summarize.corpus import compare, narrate_comparison, relation, summarize_rows


def corpus(name, docs):
    """docs: {doc_id: {pillar: (status, cue or None)}}; every doc relevant."""
    documents = [{"doc_id": d, "title": f"judul {d}", "duplicate_of": None, "summary": f"ringkasan {d}"} for d in docs]
    ps, ms = [], []
    for d, pillars in docs.items():
        for p in ("smart_economy", "smart_mobility", "smart_people", "smart_government", "smart_living", "smart_environment"):
            status, cue = pillars.get(p, ("not_mentioned", None))
            ps.append({"doc_id": d, "pillar": p, "status": status, "relevant": True})
            if status != "not_mentioned":
                mention_status = {"partial": "implemented", "not_addressed": "not_addressed"}.get(status, status)
                ms.append({"doc_id": d, "pillar": p, "status": mention_status if cue else None, "cue": cue})
    return summarize_rows(name, documents=documents, pillar_summary=ps, programs=[], mentions=ms)


def test_relation_order():
    assert relation("implemented", "not_addressed") == "adds"
    assert relation("planned", "implemented") == "contradicts"
    assert relation("partial", "partial") == "agrees"


def test_comparison_counts_and_examples():
    base = corpus("tesis", {"t": {"smart_mobility": ("implemented", "sudah"), "smart_people": ("not_addressed", "belum")}})
    news = corpus("berita", {
        "a": {"smart_people": ("implemented", "telah"), "smart_mobility": ("implemented", "beroperasi")},
        "b": {"smart_mobility": ("not_addressed", "belum ada")},
        "c": {"smart_mobility": ("mentioned", None)},  # only named: no claim either way
    })
    cmp = compare(news, base)
    by = {pc.pillar: pc for pc in cmp.pillars}
    assert by["smart_people"].counts == {"agrees": 0, "adds": 1, "contradicts": 0}
    assert by["smart_mobility"].counts == {"agrees": 1, "adds": 0, "contradicts": 1}
    assert by["smart_mobility"].examples[0]["doc_id"] == "b" and by["smart_mobility"].examples[0]["cue"] == "belum ada"
    text = narrate_comparison(cmp, corpus="berita")
    assert "smart people: 1 dokumen menambahkan" in text and "1 dokumen bertentangan" in text


def test_flipping_a_news_status_moves_the_comparison():
    base = corpus("tesis", {"t": {"smart_environment": ("not_addressed", "belum")}})
    agree = corpus("berita", {"a": {"smart_environment": ("not_addressed", "belum ada")}})
    adds = corpus("berita", {"a": {"smart_environment": ("implemented", "sudah")}})
    assert compare(agree, base).pillars[0].counts["agrees"] == 1
    assert compare(adds, base).pillars[0].counts["adds"] == 1


def test_narratives_of_the_first_relevant_documents():
    s = corpus("berita", {d: {"smart_mobility": ("implemented", "sudah")} for d in "abcd"})
    assert [n["summary"] for n in s.narratives] == ["ringkasan a", "ringkasan b", "ringkasan c"]


def test_model_only_mentions_count_beside_stated_ones_only_as_reports_of_something_done():
    from pipeline.schema import Mention
    from pipeline.summarize.document import _stated

    said = Mention(pillar="smart_economy", driver=None, term="umkm", text="UMKM", start=0, end=4, sentence=0,
                   status="not_addressed", cue="belum")
    done = Mention(pillar="smart_economy", driver=None, term="(model)", text="(model)", start=10, end=40,
                   sentence=1, method="model", status="implemented")
    plan = Mention(pillar="smart_economy", driver=None, term="(model)", text="(model)", start=50, end=80,
                   sentence=2, method="model", status="planned")
    assert _stated([said, done, plan]) == [said, done]  # a model's plan never outweighs the text
    assert _stated([said, plan]) == [said]
    assert _stated([plan]) == [plan]  # nothing else speaks of the pillar


def test_programmes_of_unrelated_documents_are_left_out():
    documents = [{"doc_id": d, "title": d, "duplicate_of": None, "summary": ""} for d in ("a", "x")]
    ps = [{"doc_id": d, "pillar": p, "status": "not_mentioned", "relevant": d == "a"}
          for d in ("a", "x") for p in ("smart_economy", "smart_mobility")]
    programs = [{"doc_id": "a", "name": "JAKI", "kind": "program", "pillar": None},
                {"doc_id": "x", "name": "Persija", "kind": "program", "pillar": None}]
    s = summarize_rows("berita", documents=documents, pillar_summary=ps, programs=programs)
    assert [p["name"] for p in s.programmes] == ["JAKI"]
