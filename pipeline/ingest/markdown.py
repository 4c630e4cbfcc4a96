"""Markdown and plain text to blocks.

Headings (``#``-style, or numbered/upper-case lines standing alone in plain text) become
sections; emphasis, links and inline code are unwrapped; hard-wrapped lines are joined.
"""

from __future__ import annotations

import re

from pipeline.ingest.blocks import Block, squash

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-+*•]|\d{1,3}[.)])\s+(?=\S)")
_EMPH = re.compile(r"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`]*)`")
_LONE_MARK = re.compile(r"(?<!\w)[*_]{1,3}(?!\w)|(?<=\w)[*_]{1,3}(?=[\s.,;:!?)]|$)|(?<=[\s(])[*_]{1,3}(?=\w)")
# Plain-text headings: "BAB VI", "6.1 Kesimpulan", "PENUTUP" standing alone.
#: a press release's or notice's kicker over its headline ("SIARAN PERS", "PRESS RELEASE"): a
#: label, not the title and not the first sentence
_KICKER = re.compile(r"(?i)^(?:siaran pers|press release|rilis(?: pers)?|news release|pengumuman)\s*:?$")
_PLAIN_HEADING = re.compile(
    r"^(?:BAB\s+[IVXLC\d]+\b.*|(?:\d+\.)+\d*\s+\S.*|\d+\s+[A-Z]\S.*|[A-Z][A-Z0-9 ,&/()\-]{2,})$"
)


def unwrap_inline(text: str) -> str:
    """Remove Markdown inline markup, keeping the words."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" not in text and "_" not in text:
        return text  # no emphasis marks: most prose (the regexes below cost more than the check)
    for _ in range(3):  # nested emphasis (***x***, *__x__*)
        new = _EMPH.sub(r"\2", text)
        if new == text:
            break
        text = new
    return _LONE_MARK.sub("", text)


#: how a paragraph's last line ends: a sentence's end, with any closing quote or bracket
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _inner_heading(prev: str, line: str, nxt: str) -> bool:
    """Is ``line`` a subheading standing between two paragraphs ("… tidak tahu." / "Aplikasi
    Mangkrak" / "Hal ini …")? A hard-wrapped line is short only at its paragraph's end, where it
    closes a sentence; a short title-case line without a sentence's end, after a sentence's end
    and before a capital, starts a new part of the text instead of continuing a paragraph. It
    stays in the text (a web page's subheading often says something: "Stunting Masih Tinggi")."""
    nxt, words = nxt.strip(), line.split()
    return (
        bool(_SENTENCE_END.search(prev.rstrip())) and 1 <= len(words) <= 8 and len(line) <= 60
        and not line.endswith((".", ",", ";", ":", "!", "?", "-")) and nxt[:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() for w in words if len(w) > 3)  # title case
    )


#: a line opening with a capitalised label of up to four words or numbers and its colon
_LABEL_LINE = re.compile(r"^[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|\d+(?:\.\d+)*)){0,3}:\s")


def _heading_level(line: str) -> int:
    if re.match(r"^BAB\b", line):
        return 1
    m = re.match(r"^((?:\d+\.)*\d+)\.?\s", line)
    if m:
        return 1 + m.group(1).count(".") + (1 if "." in m.group(1) else 0)
    return 2


def parse_markdown(text: str, *, plain_headings: bool = True) -> list[Block]:
    """Split normalised text into heading and paragraph blocks."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = squash(unwrap_inline(" ".join(para)))
            if joined:
                blocks.append(Block("para", joined))
            para.clear()

    lines = text.split("\n")
    kicker = -1  # the line of a kicker over the headline, left out
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            flush()
            continue
        m = _ATX.match(line)
        if m:
            flush()
            title = squash(unwrap_inline(m.group(2)))
            if title:
                blocks.append(Block("heading", title, len(m.group(1))))
            continue
        if _SETEXT.match(line) and para and len(para) == 1:
            title = squash(unwrap_inline(para.pop()))
            blocks.append(Block("heading", title, 1 if line[0] == "=" else 2))
            continue
        if _ITEM.match(raw):
            flush()
            para.append(_ITEM.sub("", raw, count=1))
            flush()
            blocks[-1].kind = "item" if blocks and blocks[-1].kind == "para" else blocks[-1].kind
            continue
        if para and _LABEL_LINE.match(line):
            # "Tujuan 3: …", "Strategi 2.2: …", "Arah Kebijakan: …" after an unpunctuated line:
            # an entry of its own (a planning table as text), not the wrapped rest of the line
            flush()
        if plain_headings and para and _inner_heading(para[-1], line, lines[i + 1] if i + 1 < len(lines) else ""):
            flush()  # a subheading between two paragraphs: its own paragraph, not the next one's start
            para.append(line)
            flush()
            continue
        if plain_headings and not para:
            bare = squash(unwrap_inline(line))
            if not blocks and _KICKER.match(bare) and not any(x.strip() for x in lines[:i]):
                kicker = i
                continue
            alone = i + 1 >= len(lines) or not lines[i + 1].strip()
            if alone and len(bare) <= 80 and not bare.endswith((".", ",", ";")) and _PLAIN_HEADING.match(bare):
                blocks.append(Block("heading", bare, _heading_level(bare)))
                continue
            # a plain-text file's first line standing alone, short and unpunctuated, is its title
            first = not blocks and not any(x.strip() for j, x in enumerate(lines[:i]) if j != kicker)
            more = any(x.strip() for x in lines[i + 1 :])
            if (
                first and alone and more and 2 <= len(bare.split()) <= 14 and len(bare) <= 100
                and not bare.endswith((".", ",", ";", ":", "!", "?")) and bare[:1].isupper()
            ):
                blocks.append(Block("heading", bare, 1))
                continue
        para.append(line)
    flush()
    return blocks
