"""Print the inter-annotator agreement sample (standard library only, deterministic).

Rule: for each of tools/batches/batch1.tsv and batch2.tsv, take the article doc_ids in order
of first appearance and keep every 10th starting with the first (1st, 11th, 21st, ...).
Batch 1's selection comes first, then batch 2's.

    python corpora/annotations/agreement/select.py          # one doc_id per line
    python corpora/annotations/agreement/select.py --json   # sample.json content
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

BATCHES = Path(__file__).resolve().parent.parent / "tools" / "batches"
RULE = ("batch1.tsv then batch2.tsv: article doc_ids in order of first appearance, "
        "every 10th starting with the 1st (1st, 11th, 21st, ...)")


def doc_ids(path: Path) -> list[str]:
    seen: list[str] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["doc_id"] not in seen:
                seen.append(row["doc_id"])
    return seen


def selection() -> list[str]:
    chosen: list[str] = []
    for name in ("batch1.tsv", "batch2.tsv"):
        chosen.extend(doc_ids(BATCHES / name)[::10])
    return chosen


if __name__ == "__main__":
    ids = selection()
    if "--json" in sys.argv[1:]:
        print(json.dumps({"rule": RULE, "doc_ids": ids}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(ids))
