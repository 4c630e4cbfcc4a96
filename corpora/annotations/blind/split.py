"""Sentences of a cached blind-split page, with offsets; the agreement sample.

Standard library only, so annotators label without running pilar (GUIDELINE.md §8).

    python corpora/annotations/blind/split.py page-0123456789ab        # numbered sentences
    python corpora/annotations/blind/split.py --skeleton page-0123…    # JSONL lines to fill in
    python corpora/annotations/blind/split.py --agreement              # the 15 % sample
    python corpora/annotations/blind/split.py --id URL                 # the doc_id of a URL

A sentence ends at a line break, or at . ! ? (and a closing quote) followed by whitespace and
an uppercase letter, a digit or a quote. Fragments of fewer than three word characters are
skipped. The boundaries are fixed: gold offsets depend on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent.parent / "cache" / "pages"
SEED = 20261130

_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[A-Z0-9\"'“‘(])")


def doc_id(url: str) -> str:
    return "page-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` offsets of the sentences of ``text``."""
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        cuts = [m.end() for m in _END.finditer(line.group())] + [len(line.group())]
        for cut in cuts:
            end = line.start() + cut
            seg = text[pos:end]
            lead = len(seg) - len(seg.lstrip())
            s, e = pos + lead, pos + len(seg.rstrip())
            if len(re.findall(r"\w", text[s:e])) >= 3:
                out.append((s, e))
            pos = end
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("doc", nargs="?")
    ap.add_argument("--skeleton", action="store_true")
    ap.add_argument("--agreement", action="store_true")
    ap.add_argument("--id", metavar="URL")
    a = ap.parse_args(argv)
    if a.id:
        print(doc_id(a.id))
        return 0
    if a.agreement:
        # the blind split's own pages only: the cache also holds the training pages (../pages)
        ids = sorted({json.loads(line)["doc_id"] for f in sorted(HERE.glob("documents-*.jsonl"))
                      for line in f.read_text(encoding="utf-8").splitlines() if line.strip()})
        k = max(1, round(len(ids) * 0.15 + 0.4999))
        print("\n".join(sorted(random.Random(SEED).sample(ids, k))))
        return 0
    if not a.doc:
        ap.error("name a doc_id")
    text = (CACHE / f"{a.doc}.txt").read_text(encoding="utf-8")
    for i, (s, e) in enumerate(sentences(text)):
        if a.skeleton:
            print(json.dumps({"doc_id": a.doc, "start": s, "end": e, "pillars": {}}, ensure_ascii=False))
        else:
            print(f"[{i}] {s}-{e}: {text[s:e]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
