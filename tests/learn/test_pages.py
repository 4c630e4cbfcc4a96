"""Labelled training pages beyond Detik: references in the repo, texts in a git-ignored cache."""

from __future__ import annotations

import hashlib
import json

from pipeline.learn.data import load_pages, page_split


def _page(tmp_path, doc_id, text, *, annotator="t1", relevance=1, sha=None):
    folder, cache = tmp_path / "pages", tmp_path / "cache"
    folder.mkdir(exist_ok=True)
    cache.mkdir(exist_ok=True)
    (cache / f"{doc_id}.txt").write_bytes(text.encode())
    doc = {"doc_id": doc_id, "url": f"https://example.org/{doc_id}", "query": "q",
           "sha256": sha or hashlib.sha256(text.encode()).hexdigest(), "chars": len(text),
           "relevance": relevance, "annotator": annotator}
    with open(folder / f"documents-{annotator}.jsonl", "a") as fh:
        fh.write(json.dumps(doc) + "\n")
    first = text.index(".") + 1
    with open(folder / f"sentences-{annotator}.jsonl", "a") as fh:
        fh.write(json.dumps({"doc_id": doc_id, "start": 0, "end": first, "annotator": annotator,
                             "pillars": {"smart_mobility": {"driver": None, "status": "implemented"}}}) + "\n")
    return folder, cache


def test_pages_load_with_offsets_and_never_join_the_blind_split(tmp_path):
    text = "Bus listrik sudah beroperasi di Medan. Warga senang."
    folder, cache = _page(tmp_path, "page-aaaaaaaaaaaa", text)
    _page(tmp_path, "page-bbbbbbbbbbbb", "Kota akan membangun halte. Itu saja.")
    _page(tmp_path, "page-cccccccccccc", "Teks lain. Sama.", sha="0" * 64)
    docs, notes = load_pages(folder, cache=cache, exclude={"page-bbbbbbbbbbbb"})
    assert [d.doc_id for d in docs] == ["page-aaaaaaaaaaaa"]
    d = docs[0]
    assert d.sentences[0].text == "Bus listrik sudah beroperasi di Medan."
    assert d.sentences[0].pillars == {"smart_mobility": "implemented"}
    assert d.split in ("train", "dev") and d.split == page_split(d.doc_id)
    assert any("blind split" in n for n in notes) and any("SHA-256" in n for n in notes)


def test_pages_without_cache_are_a_note_not_an_error(tmp_path):
    folder, cache = _page(tmp_path, "page-aaaaaaaaaaaa", "Bus listrik sudah beroperasi. Ya.")
    docs, notes = load_pages(folder, cache=tmp_path / "empty")
    assert docs == [] and "no text" in notes[0]


def test_page_split_is_stable_and_mostly_train():
    ids = [f"page-{i:012x}" for i in range(200)]
    splits = [page_split(i) for i in ids]
    assert splits == [page_split(i) for i in ids]
    assert 0.1 < splits.count("dev") / len(ids) < 0.3 and "test" not in splits
