"""`make bench`: pilar's throughput as ratios against baselines measured in the same run.

Baseline: spaCy's bare tokenizer (``nlp.make_doc``) on the same texts, same process. The
figures that matter are the ratios: how many times slower than tokenizing each stage is.
Texts: the Detik articles from ../shared when present (real news), else the thesis chapter
repeated. Other benchmark scripts in this folder (``*_throughput.py``, ``*_overhead.py``)
run afterwards when they exist.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import shared_dir  # noqa: E402


def load_texts(limit: int = 400) -> tuple[str, list[str]]:
    csv_path = shared_dir() / "corpora" / "detik-2025" / "data_berita.csv"
    if csv_path.exists():
        csv.field_size_limit(10**9)
        with csv_path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        seen, texts = set(), []
        for r in rows:
            if r["tautan"] in seen:
                continue
            seen.add(r["tautan"])
            texts.append(r["isi_berita"])
        return f"Detik articles ({min(limit, len(texts))})", texts[:limit]
    thesis = (ROOT / "corpora" / "thesis" / "bab6-penutup.txt").read_text(encoding="utf-8")
    return "thesis chapter ×50", [thesis] * 50


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    t0 = time.perf_counter()
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    t_build = time.perf_counter() - t0
    from pipeline.ingest import document_from_text
    from pipeline.nlp.pipeline import extract, run_pipeline
    from pipeline.summarize import summarize_document

    name, texts = load_texts()
    words = sum(len(t.split()) for t in texts)
    docs = [document_from_text(t, source=f"bench-{i}") for i, t in enumerate(texts)]

    base = best_of(lambda: [nlp.make_doc(d.text) for d in docs])
    ingest = best_of(lambda: [document_from_text(t, source="b") for t in texts])
    tagging = best_of(lambda: [run_pipeline(nlp, d) for d in docs])
    full = best_of(lambda: [summarize_document(d, extract(run_pipeline(nlp, d), d), relevant=True) for d in docs])

    from pipeline.ingest.language import detect_language

    lang = best_of(lambda: [detect_language(d.text) for d in docs[:100]], repeat=1) * len(docs) / min(len(docs), 100)

    print(f"\npilar benchmark — {name}, {words:,} words, 2-core machine, one process")
    print(f"{'stage':38} {'words/s':>12} {'× tokenizer time':>18}")
    rows = [
        ("spaCy bare tokenizer (baseline)", base),
        ("ingest: clean + structure", ingest),
        ("tag: sentences+pillars+programs+status", tagging),
        ("tag + extract + summarise", full),
        ("language identification (lingua)", lang),
    ]
    for label, secs in rows:
        print(f"{label:38} {words / secs:>12,.0f} {secs / base:>18.1f}")
    print(f"\nbuild the pipeline once per process: {t_build:.2f} s")

    # cold start of the CLI on the thesis, median of 3
    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(ROOT / "corpora/thesis/bab6-penutup.txt"), "-f", "json"],
                       check=True, capture_output=True)
        cold.append(time.perf_counter() - t)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import spacy; spacy.blank('id')"], check=True)
    blank = time.perf_counter() - t
    print(f"cold `pilar analyze` on the thesis: {statistics.median(cold):.2f} s "
          f"(vs a bare `spacy.blank('id')` process: {blank:.2f} s, ratio {statistics.median(cold) / blank:.2f})")

    for extra in sorted(Path(__file__).parent.glob("*_*.py")):
        if extra.name != Path(__file__).name and not extra.name.startswith("_"):
            print(f"\n== {extra.name}")
            subprocess.run([sys.executable, str(extra)], check=False)


if __name__ == "__main__":
    main()
