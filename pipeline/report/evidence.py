"""Evidence as keyword in context: the sentence that says so, with the pillar term and the
status cue marked, and the document it comes from.

A mention's offsets point into the stored clean text, as do its sentence's, so the term is
cut out exactly. A cue is stored as the words that set the status, with ``…`` between
words that stand apart ("Rancangan … ada … belum terlaksana"); each part is looked up in
order, right to left, in the sentence and, when the status came from the sentence before
(``rule = inherited``, or a contrast that opened there: "hanya berfokus … sedangkan"), in
that sentence too, which is then shown before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.report.data import CorpusData

#: Which mention statuses explain a document status, best first: for ``partial`` what holds
#: it back, then what was done (the same reading as the per-document narrative).
EXPLAINS: dict[str, tuple[str, ...]] = {
    "implemented": ("implemented",),
    "partial": ("planned", "not_addressed", "implemented"),
    "planned": ("planned",),
    "recommended": ("recommended",),
    "not_addressed": ("not_addressed",),
    "mentioned": (),
}

#: Words shown on each side of the marked words before the context is cut with "…".
CONTEXT_WORDS = 28


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: a sentence with its marked spans, and where it comes from."""

    doc_id: str
    title: str
    date: str | None
    link: str | None
    sentence: int
    section: str | None
    pillar: str | None
    status: str | None
    cue: str | None
    rule: str | None
    method: str | None
    #: the text shown, as (text, mark) pieces; mark is "term", "cue" or None
    pieces: tuple[tuple[str, str | None], ...] = field(default_factory=tuple)

    @property
    def keyword(self) -> str:
        return " ".join(t for t, m in self.pieces if m == "term")

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.pieces)

    def to_dict(self) -> dict[str, Any]:
        pre, kw, post = split_kwic(self.pieces)
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date, "link": self.link,
                "sentence": self.sentence, "section": self.section, "pillar": self.pillar,
                "status": self.status, "cue": self.cue, "rule": self.rule, "pre": pre, "keyword": kw,
                "post": post, "text": self.text}


def split_kwic(pieces: tuple[tuple[str, str | None], ...]) -> tuple[str, str, str]:
    """``(pre, keyword, post)`` around the first term piece (the whole text as ``pre`` if none)."""
    for i, (text, mark) in enumerate(pieces):
        if mark == "term":
            return ("".join(t for t, _ in pieces[:i]).strip(), text,
                    "".join(t for t, _ in pieces[i + 1:]).strip())
    return "".join(t for t, _ in pieces).strip(), "", ""


def _pattern(words: str) -> re.Pattern[str]:
    parts = [re.escape(w) for w in words.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def cue_spans(text: str, cue: str | None, *, limit: int | None = None) -> list[tuple[int, int]] | None:
    """Where the parts of ``cue`` stand in ``text``, in order (right to left from ``limit``).

    ``None`` when a part cannot be found.
    """
    if not cue:
        return []
    parts = [p.strip() for p in cue.split("…") if p.strip()]
    end = len(text) if limit is None else limit
    spans: list[tuple[int, int]] = []
    for part in reversed(parts):
        found = [m for m in _pattern(part).finditer(text, 0, end)]
        if not found:
            return None
        m = found[-1]
        spans.append((m.start(), m.end()))
        end = m.start()
    return sorted(spans)


def _mark(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """Cut ``text`` into pieces at the (non-overlapping, first-wins) marked spans."""
    taken: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans, key=lambda x: (x[0], x[2] != "term")):
        if s < e and all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, kind))
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for s, e, kind in sorted(taken):
        if s > pos:
            pieces.append((text[pos:s], None))
        pieces.append((text[s:e], kind))
        pos = e
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


def _trim(pieces: list[tuple[str, str | None]], words: int) -> list[tuple[str, str | None]]:
    """Keep ``words`` words of plain text on each side of the marked pieces; "…" for the rest."""
    marked = [i for i, (_, m) in enumerate(pieces) if m]
    if not marked:
        return pieces
    first, last = marked[0], marked[-1]
    out = list(pieces)
    if first == 0 or out[0][1] is None:
        head = out[0][0] if first > 0 else ""
        w = head.split()
        if len(w) > words:
            out[0] = ("… " + " ".join(w[-words:]) + (" " if head.endswith(" ") else ""), None)
    if last < len(out) - 1:
        tail = out[-1][0]
        w = tail.split()
        if len(w) > words:
            out[-1] = ((" " if tail.startswith(" ") else "") + " ".join(w[:words]) + " …", None)
    return out


def mention_evidence(data: CorpusData, mention: dict[str, Any], *, status: str | None = None,
                     words: int = CONTEXT_WORDS) -> Evidence | None:
    """The evidence a mention row gives (``None`` when its sentence is not stored)."""
    doc = data.documents.get(mention["doc_id"])
    sent = data.sentence(mention["doc_id"], int(mention["sentence"]))
    if doc is None or sent is None:
        return None
    text = sent["text"]
    s0 = int(sent["start"])
    spans: list[tuple[int, int, str]] = []
    ts, te = int(mention["start"]) - s0, int(mention["end"]) - s0
    if 0 <= ts < te <= len(text) and (te - ts) < len(text):
        spans.append((ts, te, "term"))
    elif mention.get("text"):  # a model mention spans the sentence: mark the words that spoke
        m = _pattern(str(mention["text"])).search(text)
        if m:
            spans.append((m.start(), m.end(), "term"))
    cue = mention.get("cue")
    before = ""
    found = cue_spans(text, cue)
    if found is None:
        prev = data.sentence(mention["doc_id"], int(mention["sentence"]) - 1)
        if prev is not None:
            joined = prev["text"] + " " + text
            found = cue_spans(joined, cue)
            if found is not None and any(s < len(prev["text"]) for s, _ in found):
                before = prev["text"] + " "
                spans = [(s + len(before), e + len(before), k) for s, e, k in spans]
            elif found is not None:
                found = [(s - len(prev["text"]) - 1, e - len(prev["text"]) - 1) for s, e in found]
    spans += [(s, e, "cue") for s, e in (found or [])]
    pieces = _trim(_mark(before + text, spans), words)
    return Evidence(
        doc_id=mention["doc_id"], title=str(doc.get("title") or mention["doc_id"]), date=doc.get("date"),
        link=data.source_link(doc), sentence=int(mention["sentence"]), section=sent.get("section"),
        pillar=mention.get("pillar"), status=status or mention.get("status"), cue=cue, rule=mention.get("rule"),
        method=mention.get("method"), pieces=tuple(pieces),
    )


def _preference(m: dict[str, Any]) -> tuple[bool, bool, bool, int]:
    # a cue of the sentence itself beats a borrowed one; a pillar named as such beats its
    # vocabulary; a lexicon match beats the model's guess; then text order
    return (m.get("rule") == "inherited", m.get("driver") is not None, m.get("method") == "model", int(m["start"]))


def telling_mentions(data: CorpusData, doc_id: str, pillar: str, status: str) -> list[dict[str, Any]]:
    """The document's mentions of ``pillar`` that explain its ``status``, best first."""
    ms = [m for m in data.mentions.get(doc_id, []) if m["pillar"] == pillar]
    out: list[dict[str, Any]] = []
    for wanted in EXPLAINS.get(status, ()):
        group = [m for m in ms if m.get("status") == wanted]
        out += sorted((m for m in group if m.get("cue")), key=_preference)
        out += sorted((m for m in group if not m.get("cue")), key=_preference)
    if not out and status == "mentioned":
        out = sorted(ms, key=_preference)
    return out


def rank_documents(data: CorpusData, doc_ids: list[str], pillar: str) -> list[str]:
    """Documents to quote first: most relevant, then most mentions of the pillar, newest, id."""
    def key(d: str) -> tuple[float, int, str, str]:
        doc = data.documents[d]
        n = sum(1 for m in data.mentions.get(d, []) if m["pillar"] == pillar)
        return (-float(doc.get("relevance") or 0.0), -n, _neg(str(doc.get("date") or "")), d)
    return sorted(doc_ids, key=key)


def _neg(s: str) -> str:
    """A sort key that orders strings descending (newest date first)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in s)


def status_evidence(data: CorpusData, pillar: str, status: str, *, limit: int = 3,
                    doc_ids: list[str] | None = None) -> tuple[list[Evidence], int]:
    """Evidence that documents give ``pillar`` the document status ``status``.

    One sentence per document when several documents say so, up to ``limit`` from a
    single document. Returns the evidence and how many documents say so in all.
    """
    docs = doc_ids if doc_ids is not None else [d for d in data.documents if data.status(d, pillar) == status]
    ranked = rank_documents(data, docs, pillar)
    per_doc = max(1, limit // max(1, len(ranked)))
    out: list[Evidence] = []
    quoted: set[str] = set()  # the same sentence in two articles (syndicated news) is quoted once
    for d in ranked:
        seen: set[int] = set()
        for m in telling_mentions(data, d, pillar, data.status(d, pillar)):
            if len(out) >= limit or len(seen) >= per_doc:
                break
            if int(m["sentence"]) in seen:
                continue
            ev = mention_evidence(data, m, status=m.get("status"))
            if ev is not None and ev.text not in quoted:
                out.append(ev)
                quoted.add(ev.text)
                seen.add(int(m["sentence"]))
        if len(out) >= limit:
            break
    return out, len(docs)


def programme_evidence(data: CorpusData, name: str, *, words: int = CONTEXT_WORDS) -> Evidence | None:
    """The first sentence naming programme ``name`` in the most relevant document naming it."""
    rows = [p for p in data.programmes if p["name"] == name]
    if not rows:
        return None
    best = rank_documents(data, sorted({p["doc_id"] for p in rows}), "")[0]
    p = min((r for r in rows if r["doc_id"] == best), key=lambda r: int(r["start"]))
    ev = mention_evidence(data, {**p, "pillar": p.get("pillar"), "status": None, "cue": None, "rule": None,
                                 "method": None}, words=words)
    return ev
