"""Sample Detik articles for annotation, split them into sentences, assign splits.

Standard library only; deterministic for a given seed.

    python corpora/annotations/tools/sample.py            # (re)write batches + splits.json
    python corpora/annotations/tools/sample.py --show 1   # print batch 1's sentences to stdout

The article text is never written into the repository: the batch files hold only
doc_id and character offsets [start, end) into the raw ``isi_berita`` field.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261130
PER_KEYWORD = 2
EXTRA = 10
MAX_SENTENCES = 9
MIN_CHARS = 20
URBAN_KEYWORDS = (
    "transportasi", "polusi", "banjir", "infrastruktur", "IKN", "lingkungan", "energi",
    "perubahan iklim", "kebijakan publik", "pendidikan", "kesehatan", "Kementerian PUPR",
)
SPLIT_CUTS = (70, 80)  # hash % 100: < 70 train, < 80 dev, else test

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE.parent
REPO = ANNOTATIONS.parent.parent
CSV_PATH = REPO.parent / "shared" / "corpora" / "detik-2025" / "data_berita.csv"
BATCHES = HERE / "batches"

# A break: a newline, or sentence-final punctuation followed by whitespace and then an
# uppercase letter or an opening quote (the lookahead keeps that character in the next sentence).
_BREAK = re.compile(r"\n+|(?<=[.!?])\s+(?=[A-Z\"“'‘])")
_BOILERPLATE = re.compile(
    r"^(SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT|Baca juga\b.*|Saksikan Live ?Detik ?pagi\s*:?)$",
    re.IGNORECASE,
)


def load_articles(path: Path = CSV_PATH) -> dict[int, dict[str, str]]:
    """Read the CSV and keep, for each URL (`tautan`), the row with the lowest id."""
    csv.field_size_limit(10**9)
    by_url: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kept = by_url.get(row["tautan"])
            if kept is None or int(row["id"]) < int(kept["id"]):
                by_url[row["tautan"]] = row
    return {int(row["id"]): row for row in by_url.values()}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) offsets of the sentences of `text`, stripped of outer whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start = pos
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        fragment = text[start:stop]
        if len(fragment) >= MIN_CHARS and not _BOILERPLATE.match(fragment):
            spans.append((start, stop))
        if match:
            pos = match.end()
    return spans


def sample(articles: dict[int, dict[str, str]], seed: int = SEED) -> list[int]:
    """Pick PER_KEYWORD ids per keyword plus EXTRA from the urban-policy keywords."""
    rng = random.Random(seed)
    by_keyword: dict[str, list[int]] = {}
    for doc_id in sorted(articles):
        by_keyword.setdefault(articles[doc_id]["keyword_sumber"], []).append(doc_id)
    chosen: list[int] = []
    for keyword in sorted(by_keyword):
        chosen += rng.sample(by_keyword[keyword], min(PER_KEYWORD, len(by_keyword[keyword])))
    pool = sorted(i for k in URBAN_KEYWORDS for i in by_keyword.get(k, []) if i not in chosen)
    chosen += rng.sample(pool, EXTRA)
    return chosen


def split_of(doc_id: str, seed: int = SEED) -> str:
    """Assign a document to train/dev/test from a seeded hash of its id."""
    bucket = int(hashlib.sha256(f"{seed}:{doc_id}".encode()).hexdigest(), 16) % 100
    return "train" if bucket < SPLIT_CUTS[0] else "dev" if bucket < SPLIT_CUTS[1] else "test"


def written_doc_ids() -> list[str]:
    """The `written-*` doc ids present in sentences/written.jsonl (if any)."""
    path = ANNOTATIONS / "sentences" / "written.jsonl"
    if not path.exists():
        return []
    return sorted({json.loads(line)["doc_id"] for line in path.open(encoding="utf-8") if line.strip()})


def write_batch(articles: dict[int, dict[str, str]], number: int, ids: list[int]) -> None:
    """``batch<number>.tsv``: doc_id and offsets of the first sentences of each article."""
    with open(BATCHES / f"batch{number}.tsv", "w", encoding="utf-8", newline="") as out:
        out.write("doc_id\tstart\tend\n")
        for doc_id in sorted(ids):
            for start, end in split_sentences(articles[doc_id]["isi_berita"])[:MAX_SENTENCES]:
                out.write(f"detik-{doc_id}\t{start}\t{end}\n")


def write_outputs(articles: dict[int, dict[str, str]], chosen: list[int]) -> None:
    """Write the two batch TSVs, the documents skeleton and splits.json."""
    BATCHES.mkdir(parents=True, exist_ok=True)
    batches: dict[int, list[int]] = {1: chosen[0::2], 2: chosen[1::2]}
    for number, ids in batches.items():
        write_batch(articles, number, ids)
    with open(BATCHES / "documents_skeleton.jsonl", "w", encoding="utf-8") as out:
        for number, ids in batches.items():
            for doc_id in sorted(ids):
                row = articles[doc_id]
                out.write(json.dumps({
                    "doc_id": f"detik-{doc_id}", "url": row["tautan"], "keyword": row["keyword_sumber"],
                    "relevance": None, "annotator": None, "batch": number,
                }, ensure_ascii=False) + "\n")
    splits: dict[str, object] = {"seed": SEED, "train": [], "dev": [], "test": ["thesis"]}
    for doc_id in sorted(chosen):
        splits[split_of(f"detik-{doc_id}")].append(f"detik-{doc_id}")  # type: ignore[union-attr]
    splits["train"] += written_doc_ids()  # type: ignore[operator]
    for key in ("train", "dev", "test"):
        splits[key] = sorted(splits[key])  # type: ignore[arg-type]
    (ANNOTATIONS / "splits.json").write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")


def show(articles: dict[int, dict[str, str]], number: int) -> None:
    """Print a batch's sentences (with title and URL) to stdout, for reading only."""
    current = None
    with open(BATCHES / f"batch{number}.tsv", encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            doc_id, start, end = line.rstrip("\n").split("\t")
            row = articles[int(doc_id.removeprefix("detik-"))]
            if doc_id != current:
                current = doc_id
                print(f"\n=== {doc_id} [{row['keyword_sumber']}] {row['judul']}\n    {row['tautan']}")
            print(f"  {start}-{end}: {row['isi_berita'][int(start):int(end)]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, choices=(1, 2, 3, 4), metavar="BATCH",
                        help="print the sentences of batch 1-4 to stdout; writes nothing")
    args = parser.parse_args(argv)
    articles = load_articles()
    if args.show:
        show(articles, args.show)
        return 0
    chosen = sample(articles)
    write_outputs(articles, chosen)
    print(f"sampled {len(chosen)} articles ({len(set(chosen))} distinct)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
