"""Inter-annotator agreement on the double-annotated sample (GUIDELINE.md §7).

The second annotator's labels (``agreement/*-a4.jsonl``) are compared with the main files
unit by unit: sentences match by ``(doc_id, start)`` (boundaries are fixed by the batch
files), documents by ``doc_id``. Cohen's kappa per field: document relevance; per pillar,
presence in a sentence; and, on the pairs both annotators labelled, status (5 values) and
driver.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.learn.data import ANNOTATIONS, read_relevance_labels, read_sentence_labels
from pipeline.learn.metrics import cohen_kappa
from pipeline.schema import PILLARS


def _key(row: dict) -> tuple[str, int | str]:
    return row["doc_id"], row.get("start", row.get("text", ""))


def agreement(*, annotations: Path = ANNOTATIONS) -> dict[str, Any]:
    """Kappas and counts for every field."""
    folder = annotations / "agreement"
    second = {_key(r): r for r in read_sentence_labels(sorted(folder.glob("sentences-*.jsonl")))}
    main = {_key(r): r for r in read_sentence_labels(sorted((annotations / "sentences").glob("*.jsonl")))}
    units = sorted(k for k in second if k in main)
    out: dict[str, Any] = {"sentences": len(units), "documents": 0, "pillar_presence": {}}
    for p in PILLARS:
        a = [p in main[k]["pillars"] for k in units]
        b = [p in second[k]["pillars"] for k in units]
        out["pillar_presence"][p] = {"kappa": cohen_kappa(a, b), "main": sum(a), "second": sum(b)}
    any_a = [bool(main[k]["pillars"]) for k in units]
    any_b = [bool(second[k]["pillars"]) for k in units]
    out["any_pillar"] = {"kappa": cohen_kappa(any_a, any_b)}
    pooled_a = [p in main[k]["pillars"] for k in units for p in PILLARS]
    pooled_b = [p in second[k]["pillars"] for k in units for p in PILLARS]
    out["pillar_presence_pooled"] = {"kappa": cohen_kappa(pooled_a, pooled_b), "units": len(pooled_a)}
    both = [(k, p) for k in units for p in PILLARS if p in main[k]["pillars"] and p in second[k]["pillars"]]
    st_a = [main[k]["pillars"][p].get("status") or "none" for k, p in both]
    st_b = [second[k]["pillars"][p].get("status") or "none" for k, p in both]
    dr_a = [main[k]["pillars"][p].get("driver") or "none" for k, p in both]
    dr_b = [second[k]["pillars"][p].get("driver") or "none" for k, p in both]
    out["status"] = {"kappa": cohen_kappa(st_a, st_b), "pairs": len(both),
                     "agreement": round(sum(x == y for x, y in zip(st_a, st_b, strict=False)) / len(both), 4) if both else None}
    out["driver"] = {"kappa": cohen_kappa(dr_a, dr_b), "pairs": len(both)}
    rel_b = read_relevance_labels(sorted(folder.glob("documents-*.jsonl")))
    rel_a = read_relevance_labels(sorted(annotations.glob("documents*.jsonl")))
    docs = sorted(d for d in rel_b if d in rel_a)
    out["documents"] = len(docs)
    out["relevance"] = {"kappa": cohen_kappa([rel_a[d] for d in docs], [rel_b[d] for d in docs]),
                        "agreement": round(sum(rel_a[d] == rel_b[d] for d in docs) / len(docs), 4) if docs else None}
    sample = folder / "sample.json"
    if sample.exists():
        out["sample_documents"] = len(json.loads(sample.read_text(encoding="utf-8"))["doc_ids"])
    return out
