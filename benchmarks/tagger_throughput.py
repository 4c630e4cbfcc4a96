"""Throughput of `pilar analyze`'s core with the lexicon tagger and with the combined tagger.

    .venv/bin/python benchmarks/tagger_throughput.py [--docs 200] [--repeat 3]

Documents: the first ``--docs`` Detik articles (deduplicated by URL) when ../shared is
present, else the thesis chapter repeated. Both taggers run on the same ingested
documents in the same process after a warm-up (spaCy pipeline and model files loaded
once), best of ``--repeat`` runs; also prints the one-time model load cost. Words are
whitespace tokens of the clean text (``Document.word_count``).
"""

from __future__ import annotations

import argparse
import csv
import time

from pipeline.analyzer import Settings, get_analyzer
from pipeline.config import PROJECT_DIR, shared_dir
from pipeline.ingest import document_from_text


def documents(limit: int):
    path = shared_dir() / "corpora" / "detik-2025" / "data_berita.csv"
    if path.exists():
        csv.field_size_limit(10**9)
        seen, docs = set(), []
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["tautan"] in seen or not row["isi_berita"].strip():
                    continue
                seen.add(row["tautan"])
                try:
                    docs.append(document_from_text(row["isi_berita"], source=f"detik-{row['id']}"))
                except Exception:  # a row the reader rejects is not part of the benchmark
                    continue
                if len(docs) >= limit:
                    break
        return docs, "Detik articles"
    text = (PROJECT_DIR / "corpora" / "thesis" / "bab6-penutup.txt").read_text(encoding="utf-8")
    return [document_from_text(text, source=f"thesis-{i}") for i in range(limit)], "thesis copies"


def run(docs, tagger: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            get_analyzer(Settings(tagger=tagger)).analyze(d)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs, kind = documents(args.docs)
    words = sum(d.word_count for d in docs)
    t0 = time.perf_counter()
    from pipeline.classify.tagger import get_bundle

    get_bundle()
    load = time.perf_counter() - t0
    get_analyzer(Settings(tagger="lexicon")).analyze(docs[0])  # warm up spaCy
    get_analyzer(Settings(tagger="combined")).analyze(docs[0])
    print(f"{len(docs)} {kind}, {words} words; model files load once in {load:.2f} s")
    base = None
    for tagger in ("lexicon", "combined", "model"):
        secs = run(docs, tagger, args.repeat)
        rate = words / secs
        base = base or rate
        print(f"{tagger:9s} {rate:10.0f} words/s  ({secs:.2f} s, {rate / base:.2f}× lexicon)")


if __name__ == "__main__":
    main()
