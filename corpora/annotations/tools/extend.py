"""Extension batches for training only: more labelled Detik articles, the test split fixed.

Picks articles that no earlier batch sampled (deduplicated by URL as before), seeded:

- ``batch3.tsv`` and ``batch4.tsv``: 30 articles each (20 from the urban-policy keywords,
  10 from the rest), the first 9 sentences of each, for sentence labels;
- ``relevance3.txt``: 200 further articles, for document relevance labels only.

Every article picked here goes to the **train** split: splits.json's dev and test lists are
not touched, so earlier results stay comparable.

    python corpora/annotations/tools/extend.py        # writes the batch files, updates splits.json
    python corpora/annotations/tools/sample.py --show 3
"""

from __future__ import annotations

import json
import random
import sys

from sample import (  # type: ignore[import-not-found]
    ANNOTATIONS, BATCHES, SEED, URBAN_KEYWORDS, load_articles, write_batch,
)

PER_BATCH_URBAN, PER_BATCH_OTHER, RELEVANCE_ONLY = 20, 10, 200


def sampled_before() -> set[int]:
    ids: set[int] = set()
    for number in (1, 2):
        with open(BATCHES / f"batch{number}.tsv", encoding="utf-8") as handle:
            next(handle)
            ids |= {int(line.split("\t")[0].removeprefix("detik-")) for line in handle if line.strip()}
    return ids


def main() -> int:
    articles = load_articles()
    rng = random.Random(SEED + 3)
    free = sorted(set(articles) - sampled_before())
    urban = [i for i in free if articles[i]["keyword_sumber"] in URBAN_KEYWORDS]
    other = [i for i in free if articles[i]["keyword_sumber"] not in URBAN_KEYWORDS]
    rng.shuffle(urban)
    rng.shuffle(other)
    batches = {
        3: urban[:PER_BATCH_URBAN] + other[:PER_BATCH_OTHER],
        4: urban[PER_BATCH_URBAN:2 * PER_BATCH_URBAN] + other[PER_BATCH_OTHER:2 * PER_BATCH_OTHER],
    }
    used = {i for ids in batches.values() for i in ids}
    rest = [i for i in free if i not in used]
    rng.shuffle(rest)
    relevance_only = sorted(rest[:RELEVANCE_ONLY])
    for number, ids in batches.items():
        write_batch(articles, number, ids)
    (BATCHES / "relevance3.txt").write_text("".join(f"detik-{i}\n" for i in relevance_only), encoding="utf-8")
    splits_path = ANNOTATIONS / "splits.json"
    splits = json.loads(splits_path.read_text(encoding="utf-8"))
    new = {f"detik-{i}" for i in used | set(relevance_only)}
    assert not new & (set(splits["dev"]) | set(splits["test"]))
    splits["train"] = sorted(set(splits["train"]) | new)
    splits["extension"] = "batch3, batch4 and relevance3 (tools/extend.py) are train-only"
    splits_path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print(f"batch3 {len(batches[3])}, batch4 {len(batches[4])}, relevance-only {len(relevance_only)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
