"""Gold labels joined with their texts.

The annotation files (``corpora/annotations``) hold offsets, never Detik text; the text
comes from the shared corpus when it is present (``PILAR_SHARED_DIR``). Without it, only
the thesis and the written sentences are available, and :func:`load_corpus` says so in
``Corpus.notes``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.config import PROJECT_DIR, shared_dir

ANNOTATIONS = PROJECT_DIR / "corpora" / "annotations"
THESIS = PROJECT_DIR / "corpora" / "thesis" / "bab6-penutup.txt"

#: The five values a (sentence, pillar) status can take; ``None`` is stored as "none".
from pipeline.schema import STATUS_CLASSES  # noqa: E402,F401  (re-exported)


@dataclass
class GoldSentence:
    """One labelled sentence: where it is, its raw text and its pillar → status labels."""

    doc_id: str
    text: str
    pillars: dict[str, str]  # pillar → status ("none" for a plain mention)
    drivers: dict[str, str | None]
    start: int | None = None  # offsets into the raw document text (None for written)
    end: int | None = None
    written: bool = False


@dataclass
class GoldDocument:
    """A labelled document: its raw text, split and relevance (None when unlabelled)."""

    doc_id: str
    text: str
    split: str
    relevance: int | None
    sentences: list[GoldSentence] = field(default_factory=list)


@dataclass
class Corpus:
    documents: list[GoldDocument]
    notes: list[str] = field(default_factory=list)

    @property
    def sentences(self) -> list[GoldSentence]:
        return [s for d in self.documents for s in d.sentences]


def detik_csv_path() -> Path:
    return shared_dir() / "corpora" / "detik-2025" / "data_berita.csv"


@lru_cache(maxsize=2)
def read_detik_texts(path: str) -> dict[str, str]:
    """``detik-<id>`` → raw ``isi_berita`` (read once per process)."""
    csv.field_size_limit(10**9)
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            out[f"detik-{row['id']}"] = row["isi_berita"]
    return out


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_sentence_labels(paths: list[Path]) -> list[dict]:
    rows: list[dict] = []
    for path in paths:
        rows.extend(_read_jsonl(path))
    return rows


def read_relevance_labels(paths: list[Path]) -> dict[str, int]:
    return {row["doc_id"]: int(row["relevance"]) for path in paths for row in _read_jsonl(path)}


def _gold_sentence(row: dict, text: str) -> GoldSentence:
    pillars = {p: (v.get("status") or "none") for p, v in row["pillars"].items()}
    drivers = {p: v.get("driver") for p, v in row["pillars"].items()}
    if row.get("written"):
        return GoldSentence(row["doc_id"], row["text"], pillars, drivers, written=True)
    return GoldSentence(row["doc_id"], text[row["start"] : row["end"]], pillars, drivers,
                        start=row["start"], end=row["end"])


PAGES_CACHE = PROJECT_DIR / "corpora" / "cache" / "pages"
#: one training page in this many goes to dev (by a hash of its id: stable as pages are added)
PAGES_DEV_EVERY = 5


def page_split(doc_id: str) -> str:
    """``train`` or ``dev`` for a labelled page; never ``test`` (the blind split is their test)."""
    return "dev" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % PAGES_DEV_EVERY == 0 else "train"


def read_cached_page(cache: Path, doc_id: str, sha256: str | None, notes: list[str]) -> str | None:
    """The cached text of a labelled page, or ``None`` when it is absent or not the labelled one."""
    path = cache / f"{doc_id}.txt"
    if not path.exists():
        return None
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != sha256:
        notes.append(f"{doc_id}: cached text differs from the labelled one (SHA-256); skipped")
        return None
    return raw.decode("utf-8")


def load_pages(folder: Path, *, cache: Path = PAGES_CACHE, exclude: set[str] | None = None
               ) -> tuple[list[GoldDocument], list[str]]:
    """Labelled web pages beyond Detik (``annotations/pages``) whose cached text matches its hash.

    Pages in ``exclude`` (the blind split) are skipped with a note: a page is never in both.
    """
    labels: dict[str, dict] = {}
    for path in sorted(folder.glob("documents-*.jsonl")):
        for row in _read_jsonl(path):
            labels.setdefault(row["doc_id"], row)
    rows: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("sentences-*.jsonl")):
        for row in _read_jsonl(path):
            if labels.get(row["doc_id"], {}).get("annotator", row.get("annotator")) == row.get("annotator"):
                rows.setdefault(row["doc_id"], []).append(row)
    docs: list[GoldDocument] = []
    notes: list[str] = []
    missing = 0
    for doc_id in sorted(labels):
        if exclude and doc_id in exclude:
            notes.append(f"{doc_id}: also in the blind split; left out of training")
            continue
        if not (cache / f"{doc_id}.txt").exists():
            missing += 1
            continue
        text = read_cached_page(cache, doc_id, labels[doc_id].get("sha256"), notes)
        if text is None:
            continue
        sents = [_gold_sentence(r, text) for r in sorted(rows.get(doc_id, []), key=lambda r: r["start"])]
        docs.append(GoldDocument(doc_id, text, page_split(doc_id), int(labels[doc_id]["relevance"]), sents))
    if missing:
        notes.append(f"{missing} labelled pages have no text in {cache} (a git-ignored cache): "
                     "training without them")
    return docs, notes


def load_corpus(*, annotations: Path = ANNOTATIONS, use_shared: bool = True) -> Corpus:
    """All labelled documents with their texts, split and sentence labels.

    Written sentences form one document per ``written-<topic>`` id whose text is the
    sentences joined by blank lines (each stays its own paragraph, so no sentence borrows
    a neighbour's status).
    """
    splits = json.loads((annotations / "splits.json").read_text(encoding="utf-8"))
    split_of = {d: name for name in ("train", "dev", "test") for d in splits[name]}
    relevance = read_relevance_labels(sorted(annotations.glob("documents*.jsonl")))
    relevance.setdefault("thesis", 1)  # GUIDELINE.md §5: the thesis chapter is relevant
    rows = read_sentence_labels(sorted((annotations / "sentences").glob("*.jsonl")))
    notes: list[str] = []
    texts: dict[str, str] = {"thesis": THESIS.read_text(encoding="utf-8")}
    csv_path = detik_csv_path()
    if use_shared and csv_path.exists():
        texts.update(read_detik_texts(str(csv_path)))
    else:
        notes.append(f"shared Detik corpus not found at {csv_path}: "
                     "training on the thesis and the written sentences only")
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    documents: list[GoldDocument] = []
    for doc_id in sorted(by_doc):
        group = by_doc[doc_id]
        if doc_id.startswith("written-"):
            sents = [_gold_sentence(r, "") for r in group]
            text = "\n\n".join(s.text for s in sents)
        elif doc_id in texts:
            text = texts[doc_id]
            sents = [_gold_sentence(r, text) for r in sorted(group, key=lambda r: r["start"])]
        else:
            continue
        documents.append(GoldDocument(doc_id, text, split_of.get(doc_id, "train"),
                                      relevance.get(doc_id), sents))
    # documents labelled for relevance only (tools/extend.py's relevance3): no sentences,
    # but they train and test the relevance model
    for doc_id in sorted(set(relevance) - set(by_doc)):
        if doc_id in texts:
            documents.append(GoldDocument(doc_id, texts[doc_id], split_of.get(doc_id, "train"),
                                          relevance[doc_id], []))
    if use_shared and (annotations / "pages").is_dir():  # like Detik: texts from outside the repo
        blind = {row["doc_id"] for path in sorted((annotations / "blind").glob("documents-*.jsonl"))
                 for row in _read_jsonl(path)}
        pages, page_notes = load_pages(annotations / "pages", exclude=blind)
        documents += pages
        notes += page_notes
    return documents_sorted(Corpus(documents, notes))


def documents_sorted(corpus: Corpus) -> Corpus:
    """Documents in a fixed order (by id) so that training is reproducible."""
    corpus.documents.sort(key=lambda d: d.doc_id)
    return corpus
