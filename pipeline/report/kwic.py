"""Keyword in context over a data folder, in the manner of quanteda's ``kwic``.

Two ways in: a term (a word or phrase; ``*`` stands for any letters and ``?`` for one, as
quanteda's glob patterns do; case is ignored) looked up in the stored sentences, or a
pillar, whose mentions the analysis already found (their terms are the keywords). A status
narrows either: for a pillar, the status its mention carries; for a term, the status of the
sentence. ``none`` asks for plain mentions (no status stated). Context stays within the
sentence. Rows come in document order (by ``doc_id``), then text order.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from pipeline.report.data import CorpusData
from pipeline.schema import MENTION_STATUSES

#: ``--status`` values: a mention's (or sentence's) status, or ``none`` for a plain one.
KWIC_STATUSES: tuple[str, ...] = (*MENTION_STATUSES, "none")

#: Columns of a KWIC row (the CSV header). ``from``/``to`` are character offsets in the
#: document's stored clean text, as in the ``mentions`` table.
FIELDS = ("doc_id", "title", "date", "sentence", "from", "to", "pre", "keyword", "post", "pillar",
          "status", "cue", "pattern", "link")


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A quanteda-style glob (``*``, ``?``; words separated by spaces) as a regex on whole words."""
    words = pattern.split()
    if not words:
        raise ValueError("empty pattern")
    parts = [re.escape(w).replace(r"\*", r"\w*").replace(r"\?", r"\w") for w in words]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _window(text: str, start: int, end: int, words: int) -> tuple[str, str]:
    pre = text[:start].split()
    post = text[end:].split()
    return " ".join(pre[-words:] if words else pre), " ".join(post[:words] if words else post)


def kwic(data: CorpusData, *, term: str | None = None, pillar: str | None = None,
         status: str | None = None, window: int = 6) -> list[dict[str, Any]]:
    """KWIC rows (see :data:`FIELDS`).

    Args:
        data: The corpus.
        term: A word or phrase glob; with ``pillar``, keeps the mentions whose words match it.
        pillar: Keywords are this pillar's mentions.
        status: One of :data:`KWIC_STATUSES`.
        window: Words of context on each side (0: the whole sentence side).
    """
    if term is None and pillar is None:
        raise ValueError("give a term or a pillar")
    rx = glob_regex(term) if term else None
    want = None if status is None else (None if status == "none" else status)
    rows: list[dict[str, Any]] = []

    def row(doc_id: str, sent: dict[str, Any], s: int, e: int, **extra: Any) -> dict[str, Any]:
        doc = data.documents[doc_id]
        pre, post = _window(sent["text"], s, e, window)
        return {"doc_id": doc_id, "title": doc.get("title") or doc_id, "date": doc.get("date"),
                "sentence": int(sent["sentence"]), "from": int(sent["start"]) + s, "to": int(sent["start"]) + e,
                "pre": pre, "keyword": sent["text"][s:e], "post": post, "pattern": term or pillar,
                "link": data.source_link(doc), **extra}

    if pillar is not None:
        for doc_id in data.documents:
            for m in data.mentions.get(doc_id, []):
                if m["pillar"] != pillar or (status is not None and m.get("status") != want):
                    continue
                sent = data.sentence(doc_id, int(m["sentence"]))
                if sent is None:
                    continue
                s, e = int(m["start"]) - int(sent["start"]), int(m["end"]) - int(sent["start"])
                if not (0 <= s < e <= len(sent["text"])) or m.get("method") == "model":
                    hit = glob_regex(str(m.get("text") or "")).search(sent["text"]) if m.get("text") else None
                    if hit is None:
                        continue
                    s, e = hit.span()
                if rx is not None and not rx.search(sent["text"][s:e]):
                    continue
                rows.append(row(doc_id, sent, s, e, pillar=pillar, status=m.get("status"), cue=m.get("cue")))
        return rows
    assert rx is not None
    for (doc_id, _), sent in sorted(data.sentences.items()):
        if status is not None and sent.get("status") != want:
            continue
        for hit in rx.finditer(sent["text"]):
            rows.append(row(doc_id, sent, hit.start(), hit.end(), pillar=None, status=sent.get("status"),
                            cue=sent.get("cue")))
    return rows


def to_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV with a header (:data:`FIELDS`)."""
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("" if r.get(k) is None else r[k]) for k in FIELDS})
    return out.getvalue()


def _fit_left(text: str, width: int) -> str:
    return text.rjust(width) if len(text) <= width else "…" + text[-(width - 1):]


def _fit_right(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def to_table(rows: list[dict[str, Any]], *, width: int = 100) -> str:
    """Aligned lines: ``[title:sentence]  pre | keyword | post``, keywords in one column."""
    if not rows:
        return ""
    width = max(width, 60)
    labels = [f"[{_fit_right(str(r['title']), 18).rstrip()}:{r['sentence']}]" for r in rows]
    lab_w = max(len(x) for x in labels)
    kw_w = min(max(len(r["keyword"]) for r in rows), 40)  # the keyword whole; the context gives way
    side = max((width - lab_w - kw_w - 8) // 2, 10)
    lines = []
    for lab, r in zip(labels, rows, strict=True):
        kw = _fit_right(r["keyword"], kw_w)
        lines.append(f"{lab.ljust(lab_w)}  {_fit_left(r['pre'], side)} | {kw} | {_fit_right(r['post'], side).rstrip()}")
    return "\n".join(lines) + "\n"
