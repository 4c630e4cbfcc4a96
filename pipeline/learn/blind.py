"""The blind split: web pages beyond Detik, labelled before pilar ran on them (GUIDELINE.md §8).

The repository keeps references (URL, query, SHA-256, offsets); the texts live in the
git-ignored cache ``corpora/cache/pages/``. Where the cache is missing, the split is skipped
with a note (never an error): CI has no cache.

Two levels are scored, per tagger, with the keyword floor beside them:

- **sentences** (the same measures as the test split): pillar presence P/R/F1 per pillar and
  micro; status accuracy on the gold (sentence, pillar) pairs found;
- **documents** (what a reader of ``pilar analyze`` sees): pillar presence, the document
  status on the pillars the gold says are present (7 values, ``mentioned`` included), named
  programmes (recall, precision), actors (precision).

Confidence intervals: percentile bootstrap over documents (1,000 resamples, seeded).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import PROJECT_DIR
from pipeline.learn.data import (
    ANNOTATIONS,
    Corpus,
    GoldDocument,
    _gold_sentence,
    _read_jsonl,
    read_cached_page,
)
from pipeline.nlp.entities import government_aliases
from pipeline.schema import PILLARS

BLIND = ANNOTATIONS / "blind"
CACHE = PROJECT_DIR / "corpora" / "cache" / "pages"
BOOTSTRAP = 1000
SEED = 20261130


@dataclass
class BlindDoc:
    doc_id: str
    text: str
    labels: dict[str, Any]  # the documents-*.jsonl line


def load_blind(*, folder: Path = BLIND, cache: Path = CACHE) -> tuple[Corpus, list[BlindDoc]]:
    """The blind documents whose cached text matches its recorded SHA-256, with their labels.

    Adjudicated labels (``adjudicated.jsonl``) replace the main ones where present.
    """
    labels: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("documents-*.jsonl")):
        for row in _read_jsonl(path):
            labels[row["doc_id"]] = row
    rows: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("sentences-*.jsonl")):
        for row in _read_jsonl(path):
            rows.setdefault(row["doc_id"], []).append(row)
    adjudicated = folder / "adjudicated.jsonl"
    if adjudicated.exists():
        for row in _read_jsonl(adjudicated):
            if "start" in row:  # a sentence line
                group = rows.get(row["doc_id"], [])
                rows[row["doc_id"]] = [r for r in group if r["start"] != row["start"]] + [row]
            else:
                labels[row["doc_id"]] = {**labels.get(row["doc_id"], {}), **row}
    notes: list[str] = []
    docs: list[BlindDoc] = []
    gold: list[GoldDocument] = []
    for doc_id in sorted(labels):
        text = read_cached_page(cache, doc_id, labels[doc_id].get("sha256"), notes)
        if text is None:
            continue
        docs.append(BlindDoc(doc_id, text, labels[doc_id]))
        sents = [_gold_sentence(r, text) for r in sorted(rows.get(doc_id, []), key=lambda r: r["start"])]
        gold.append(GoldDocument(doc_id, text, "blind", int(labels[doc_id]["relevance"]), sents))
    if not docs:
        notes.append(f"no blind-split texts in {cache} (a git-ignored cache): blind split skipped")
    return Corpus(gold, notes), docs


# -- document-level measures ------------------------------------------------------------------

def norm(name: str) -> str:
    """Casefolded, accents and punctuation removed: how names are compared."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _actor_forms() -> dict[str, list[str]]:
    """Each canonical actor name with the written forms the actors gazetteer lists for it."""
    from pipeline.lexicon import load_lexicon

    return {name: [name, *aliases] for name, aliases in load_lexicon().actors.items()}


_WITH_ACRONYM = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


def _forms(name: str) -> set[str]:
    """The forms a gold name stands for: a name written with its acronym ("Ambulans Desa
    Gratis (AMDES)") stands for the name and for the acronym too."""
    m = _WITH_ACRONYM.match(name)
    return {norm(name), norm(m.group(1)), norm(m.group(2))} if m else {norm(name)}


def _names(entries: list[dict[str, Any]]) -> list[set[str]]:
    return [set().union(_forms(e["name"]), *(_forms(a) for a in e.get("aliases") or [])) - {""} for e in entries]


def _matches(pred: str, forms: set[str]) -> bool:
    p = norm(pred)
    return bool(p) and any(p == f or (len(f) >= 4 and len(p) >= 4 and (p in f or f in p)) for f in forms)


def doc_measures(gold: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
    """Counts for one document: presence, status, programmes, actors."""
    gs, ps = gold["statuses"], {p: record["pillars"][p]["status"] for p in PILLARS}
    present_g = {p for p in PILLARS if gs.get(p, "not_mentioned") != "not_mentioned"}
    present_p = {p for p in PILLARS if ps[p] != "not_mentioned"}
    progs_g = _names(gold.get("programs") or [])
    named = [p for p in record.get("programs", []) if p.get("kind") == "program"]
    found = [any(_matches(s, forms) for forms in progs_g for s in [p["name"], *p.get("surface", [])])
             for p in named]
    recalled = [any(_matches(s, forms) for p in record.get("programs", []) for s in [p["name"], *p.get("surface", [])])
                for forms in progs_g]
    actors_g = _names(gold.get("actors") or [])
    # pilar names an organisation in one canonical form ("Kementerian Perhubungan"); the gold
    # names it as its text does ("Kemenhub"): compare the entity, by the gazetteer's forms
    known = _actor_forms()
    actor_ok = [any(_matches(f, forms) for forms in actors_g for f in known.get(a) or government_aliases(a))
                for a in record.get("actors", [])]
    return {
        "presence": {p: (p in present_g, p in present_p) for p in PILLARS},
        "status": [(p, gs[p], ps[p]) for p in sorted(present_g)],
        "programs_tp": sum(found), "programs_pred": len(named),
        "programs_recalled": sum(recalled), "programs_gold": len(progs_g),
        "actors_tp": sum(actor_ok), "actors_pred": len(actor_ok),
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarize_docs(per_doc: list[dict[str, Any]]) -> dict[str, Any]:
    """Pooled document-level scores from :func:`doc_measures` rows."""
    out: dict[str, Any] = {"per_pillar": {}}
    tp = fp = fn = 0
    for p in PILLARS:
        ptp = sum(1 for d in per_doc if d["presence"][p] == (True, True))
        pfp = sum(1 for d in per_doc if d["presence"][p] == (False, True))
        pfn = sum(1 for d in per_doc if d["presence"][p] == (True, False))
        tp, fp, fn = tp + ptp, fp + pfp, fn + pfn
        statuses = [(g, q) for d in per_doc for (pp, g, q) in d["status"] if pp == p]
        out["per_pillar"][p] = {
            "precision": _ratio(ptp, ptp + pfp), "recall": _ratio(ptp, ptp + pfn),
            "f1": _ratio(2 * ptp, 2 * ptp + pfp + pfn), "support": ptp + pfn,
            "status_accuracy": _ratio(sum(g == q for g, q in statuses), len(statuses)),
        }
    statuses = [(g, q) for d in per_doc for (_, g, q) in d["status"]]
    out.update({
        "documents": len(per_doc),
        "presence_precision": _ratio(tp, tp + fp), "presence_recall": _ratio(tp, tp + fn),
        "presence_micro_f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "status_accuracy": _ratio(sum(g == q for g, q in statuses), len(statuses)),
        "status_pairs": len(statuses),
        "programs_recall": _ratio(sum(d["programs_recalled"] for d in per_doc), sum(d["programs_gold"] for d in per_doc)),
        "programs_precision": _ratio(sum(d["programs_tp"] for d in per_doc), sum(d["programs_pred"] for d in per_doc)),
        "actors_precision": _ratio(sum(d["actors_tp"] for d in per_doc), sum(d["actors_pred"] for d in per_doc)),
        "status_confusion": _confusion(statuses),
    })
    return out


def _confusion(pairs: list[tuple[str, str]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for g, q in pairs:
        out.setdefault(g, {}).setdefault(q, 0)
        out[g][q] += 1
    return out


def bootstrap(units: list[Any], stat: Callable[[list[Any]], float | None], *, n: int = BOOTSTRAP,
              seed: int = SEED) -> tuple[float | None, float | None]:
    """95 % percentile interval of ``stat`` over documents resampled with replacement."""
    if not units:
        return None, None
    rng = random.Random(seed)
    vals = sorted(v for v in (stat([units[rng.randrange(len(units))] for _ in units]) for _ in range(n))
                  if v is not None)
    if not vals:
        return None, None
    return round(vals[int(0.025 * len(vals))], 3), round(vals[min(int(0.975 * len(vals)), len(vals) - 1)], 3)


def with_intervals(per_doc: list[dict[str, Any]]) -> dict[str, Any]:
    """Document-level scores with bootstrap intervals on the headline measures."""
    out = summarize_docs(per_doc)
    for key in ("presence_micro_f1", "status_accuracy", "programs_recall", "programs_precision", "actors_precision"):
        out[f"{key}_ci"] = bootstrap(per_doc, lambda sample, k=key: summarize_docs(sample)[k])
    return out


def records_for(docs: list[BlindDoc], analyze: Callable[[str, str], dict[str, Any]]) -> list[dict[str, Any]]:
    return [doc_measures(d.labels, analyze(d.text, d.doc_id)) for d in docs]


def evaluate_blind(*, taggers: tuple[str, ...] = ("lexicon", "model", "combined")) -> dict[str, Any]:
    """Score every tagger and the keyword floor on the blind split (documents and sentences)."""
    from pipeline.analyzer import Analyzer, Settings
    from pipeline.classify.persist import classifier_dir, load_bundle
    from pipeline.ingest import document_from_text
    from pipeline.learn.dataset import build_dataset
    from pipeline.learn.evaluate import predictions, score
    from pipeline.learn.floor import keyword_record

    corpus, docs = load_blind()
    out: dict[str, Any] = {"notes": corpus.notes, "documents": len(docs),
                           "relevant": sum(int(d.labels["relevance"]) for d in docs)}
    if not docs:
        return out
    relevant = [d for d in docs if int(d.labels["relevance"])]
    out["floor"] = {"documents_level": with_intervals(records_for(relevant, lambda text, _id: keyword_record(text)))}
    data = build_dataset(corpus)
    bundle = load_bundle(classifier_dir())
    for tagger in taggers:
        analyzer = Analyzer(Settings(tagger=tagger))

        def run(text: str, doc_id: str, analyzer: Analyzer = analyzer) -> dict[str, Any]:
            return analyzer.record(document_from_text(text, source=doc_id))

        out[tagger] = {
            "documents_level": with_intervals(records_for(relevant, run)),
            "sentences_level": score(predictions(bundle, data, system=tagger)),
        }
    return out


def render(result: dict[str, Any]) -> str:
    """A plain-text table of the blind-split scores."""
    lines = [f"blind split: {result.get('documents', 0)} documents ({result.get('relevant', 0)} relevant)"]
    lines += [f"  note: {n}" for n in result.get("notes", [])]
    if not result.get("documents"):
        return "\n".join(lines)
    head = ("tagger", "presence F1 [95% CI]", "status acc. [95% CI]", "programmes R / P", "actors P", "sent. micro-F1", "sent. status acc.")
    lines.append(" | ".join(head))
    for name in ("floor", "lexicon", "model", "combined"):
        if name not in result:
            continue
        d = result[name]["documents_level"]
        s = result[name].get("sentences_level", {})

        def ci(key: str, d: dict[str, Any] = d) -> str:
            lo, hi = d.get(f"{key}_ci", (None, None))
            return f"{d[key]} [{lo}, {hi}]"

        lines.append(" | ".join([
            "keyword floor" if name == "floor" else name, ci("presence_micro_f1"), ci("status_accuracy"),
            f"{d['programs_recall']} / {d['programs_precision']}", str(d["actors_precision"]),
            str(s.get("micro_f1", "-")), str(s.get("status_accuracy", "-")),
        ]))
    return "\n".join(lines)


def to_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True)
