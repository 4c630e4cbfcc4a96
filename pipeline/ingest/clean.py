"""Cleaning that real sources need, with a count of everything removed or repaired.

Runs on decoded text before it is split into blocks, so the clean text stored with the
document — the text mention offsets point into — is the cleaned one. Each step is
conservative: a line is dropped only when the whole line is scraping debris, and a word is
rejoined only when the word-frequency list says the halves are not words and the whole is.

The counts go into ``Document.metadata["cleaning"]`` (zero counts left out):

- ``mojibake``: UTF-8 read as Latin-1/CP1252 and repaired ("â€”" → "—").
- ``invisible_chars``: soft hyphens, zero-width characters, BOMs removed.
- ``whitespace_runs``: runs of spaces/tabs collapsed to one space.
- ``dehyphenated``: words split by a hyphen at a line end, rejoined.
- ``debris_lines``: whole lines of scraping debris (``SCROLL TO CONTINUE WITH CONTENT``,
  ``ADVERTISEMENT``, ``Baca juga: …``, ``Simak Video …``, photo captions, bylines).
- ``inline_debris``: debris inside a line (``[Gambas:Video 20detik]``, ``(Foto: …)``, a
  trailing editor code such as ``(rdp/imk)``).
- ``split_words``: OCR-style split words rejoined ("pemba ngunan" → "pembangunan").
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.ingest.blocks import Block, squash
from pipeline.ingest.normalize import normalize_unicode
from pipeline.wordfreqs import zipf

# --- mojibake ---------------------------------------------------------------------------
# A UTF-8 lead byte (0xC2–0xF4) read as Latin-1/CP1252, followed by continuation bytes
# (0x80–0xBF) read the same way. Both readings of 0x80–0x9F occur in the wild.
_CONT: dict[str, int] = {chr(b): b for b in range(0x80, 0xC0)}
for _b in range(0x80, 0xA0):
    try:
        _CONT.setdefault(bytes([_b]).decode("cp1252"), _b)
    except UnicodeDecodeError:
        pass
_CONT_CLASS = "".join(re.escape(c) for c in _CONT)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONT_CLASS}]{{1,3}}")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 sequences that were decoded as Latin-1 or CP1252; return ``(text, n)``."""
    fixed = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal fixed
        seq = match.group(0)
        raw = bytes([ord(seq[0])] + [_CONT[c] for c in seq[1:]])
        try:
            out = raw.decode("utf-8")
        except UnicodeDecodeError:
            return seq
        fixed += 1
        return out

    return _MOJIBAKE.sub(repair, text), fixed


# --- invisible characters, whitespace, line-end hyphens ---------------------------------
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_WS_RUN = re.compile(r"[ \t\u00a0]{2,}")
# Tried at word starts only (the lookbehind): a match can only start there, and trying every
# position inside every word cost O(length²) per word (a fifth of the cleaning time).
_LINE_HYPHEN = re.compile(r"(?<!\w)(\w+)[-\u00ad\u2010] *\n[ \t]*([a-z]\w*)")
_INLINE_HYPHEN = re.compile(r"(?<![\w-])([A-Za-z]+)- ([a-z]+)\b")


def _zipf(word: str) -> float:
    return zipf(word, "id")


def _known(word: str, threshold: float = 1.0) -> bool:
    return _zipf(word.lower()) >= threshold


def dehyphenate(text: str) -> tuple[str, int]:
    """Rejoin words hyphenated across a line end; return ``(text, n)``.

    "pemba-\\nngunan" becomes "pembangunan"; reduplication keeps its hyphen ("kota-\\nkota"
    becomes "kota-kota"), and so does a compound of two real words ("sosial-\\nekonomi").
    """
    count = 0

    def join(match: re.Match[str]) -> str:
        nonlocal count
        left, right = match.group(1), match.group(2)
        count += 1
        if left.lower() == right.lower() or right.lower().startswith(left.lower()):
            return f"{left}-{right}"
        if not _known(left + right) and _known(left, 2.0) and _known(right, 2.0):
            return f"{left}-{right}"
        return left + right

    def join_inline(match: re.Match[str]) -> str:
        nonlocal count
        left, right = match.group(1), match.group(2)
        if not _known(left + right):
            return match.group(0)  # "pra- dan pascabencana", "short- and long-term": kept
        count += 1
        return left + right

    text = _LINE_HYPHEN.sub(join, text)
    # a line end already joined by the extractor ("kua- litas layanan", "jalur se- peda" in a
    # table cell): rejoined only where the whole is a word
    if "- " in text:
        text = _INLINE_HYPHEN.sub(join_inline, text)
    return text, count


# --- scraping debris --------------------------------------------------------------------
_DEBRIS_LINE = re.compile(
    r"""^(?:
        scroll\s+to\s+(?:continue|resume)\s+with\s+content
      | advertisement | iklan | \[?gambas:[^\]]*\]?
      | baca\s+(?:juga|pula|selengkapnya)\b.*
      | (?:simak|tonton|lihat|saksikan)\s+(?:juga\s+)?(?:video|live|rangkumannya|selengkapnya)\b.*
      | saksikan\s+live\s*detik\s*(?:pagi|sore)\b.*
      | ["“]?detik\s*(?:pagi|sore),.*
      | ikuti\s+terus\s+ulasan\b.*
      | artikel\s+ini\s+(?:telah\s+)?(?:tayang|terbit)\b.*
      | (?:penulis|editor|reporter|pewarta|kontributor|sumber\s+foto)\s*:.{0,80}
      | \(?(?:foto|dok(?:umentasi)?|ilustrasi|sumber)\s*[:.].{0,200}
    )$""",
    re.I | re.X,
)
_INLINE_DEBRIS = re.compile(
    r"[ \t]*\[gambas:[^\]]*\]"  # embedded-video placeholder
    r"|[ \t]*\((?:foto|dok|ilustrasi)\s*[:.][^)]{0,200}\)"  # photo credit in parentheses
    r"|[ \t]*\((?:[a-z]{2,4}/){1,3}[a-z]{2,4}\)[ \t]*$",  # editor code closing a Detik article
    re.I | re.M,
)


def _strip_debris(text: str, counts: Counter[str]) -> str:
    kept: list[str] = []
    for line in text.split("\n"):
        bare = line.strip().strip("*_#> ").strip()
        if bare and _DEBRIS_LINE.match(bare):
            counts["debris_lines"] += 1
            continue
        if "(" not in line and "[" not in line:  # every inline pattern needs one of them
            kept.append(line)
            continue
        new, n = _INLINE_DEBRIS.subn("", line)
        if n:
            counts["inline_debris"] += n
            new = new.rstrip()
            if not new.strip():
                continue
        kept.append(new)
    return "\n".join(kept)


# --- OCR-style split words --------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z]+")


def join_split_words(text: str) -> tuple[str, int]:
    """Rejoin a word split by a stray space when the halves are not words and the whole is.

    "pemba ngunan" → "pembangunan"; "lain nya", "di kembangkan" stay (both halves are words,
    and changing them is editing, not repair).

    A pair qualifies only if one half is not a word, so the work starts from the words the
    frequency list does not know (a few per article) instead of walking every pair of words
    in Python: 6× faster, the same joins (``tests/ingest/test_clean.py`` holds the walk it
    replaced and compares the two).
    """
    if " " not in text:
        return text, 0
    unknown = _unknown_words(set(_WORD.findall(text)))
    if not unknown:
        return text, 0
    spans: set[tuple[int, int]] = set()  # every unknown word and the words one space either side
    for word in unknown:
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _ASCII_LETTER(text[at - 1])) and (end == len(text) or not _ASCII_LETTER(text[end])):
                spans.add((at, end))
                spans.update(_neighbours(text, at, end))
            at = text.find(word, at + 1)
    spans = sorted(spans)  # type: ignore[assignment]
    out: list[str] = []
    pos = 0
    joined = 0
    consumed = -1  # start of the right half of the last join: it cannot start another pair
    for (a0, a1), (b0, b1) in zip(spans, spans[1:], strict=False):
        if a0 == consumed or b0 != a1 + 1:
            continue
        left, right = text[a0:a1], text[b0:b1]
        if (
            text[a1] == " "
            and (a0 == 0 or not text[a0 - 1].isalnum())
            and (b1 == len(text) or not text[b1].isalnum())
            and len(left) >= 2 and len(right) >= 2
            and right.islower() and not left.isupper()
            and (left in unknown or right in unknown)
            and _known(left + right, 3.0)
        ):
            out.append(text[pos:a1])
            pos = b0
            joined += 1
            consumed = b0
    out.append(text[pos:])
    return "".join(out), joined


#: Words already looked up in the frequency list (threshold 1.0), so a text costs set
#: operations for the words seen before, and one lookup for each new one.
_SEEN_KNOWN: set[str] = set()
_SEEN_UNKNOWN: set[str] = set()


def _unknown_words(words: set[str]) -> set[str]:
    """The words of two letters or more the frequency list does not know."""
    new = words - _SEEN_KNOWN - _SEEN_UNKNOWN
    if new:
        if len(_SEEN_KNOWN) + len(_SEEN_UNKNOWN) > 500_000:  # bounded memory on huge vocabularies
            _SEEN_KNOWN.clear()
            _SEEN_UNKNOWN.clear()
        for w in new:
            (_SEEN_KNOWN if _known(w) else _SEEN_UNKNOWN).add(w)
    return {w for w in words & _SEEN_UNKNOWN if len(w) >= 2}


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words (maximal ``[A-Za-z]+`` runs) one space before and after ``text[start:end]``."""
    out = []
    if start >= 2 and text[start - 1] == " " and _ASCII_LETTER(text[start - 2]):
        s = start - 2
        while s > 0 and _ASCII_LETTER(text[s - 1]):
            s -= 1
        out.append((s, start - 1))
    if end + 1 < len(text) and text[end] == " " and _ASCII_LETTER(text[end + 1]):
        e = end + 1
        while e < len(text) and _ASCII_LETTER(text[e]):
            e += 1
        out.append((end + 1, e))
    return out


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_LETTER = _ASCII_LETTERS.__contains__


# --- the whole cleaner ------------------------------------------------------------------
def clean_text(text: str) -> tuple[str, dict[str, int]]:
    """Clean decoded text for analysis; return ``(clean text, counts of what changed)``.

    Line structure is kept (readers still need it to find headings and paragraphs).
    """
    counts: Counter[str] = Counter()
    text, counts["mojibake"] = repair_mojibake(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, counts["dehyphenated"] = dehyphenate(text)
    counts["invisible_chars"] = len(_INVISIBLE.findall(text))
    counts["whitespace_runs"] = len(_WS_RUN.findall(text))
    text = normalize_unicode(text)
    text = _strip_debris(text, counts)
    text, counts["split_words"] = join_split_words(text)
    return text, {k: v for k, v in counts.items() if v}


def merge_counts(*many: dict[str, int]) -> dict[str, int]:
    """Sum several cleaning-count dicts (one per block) into one."""
    total: Counter[str] = Counter()
    for counts in many:
        total.update(counts)
    return {k: v for k, v in total.items() if v}


def clean_blocks(blocks: list[Block]) -> tuple[list[Block], dict[str, int]]:
    """Clean each block of a structured reader (PDF, DOCX, HTML) and squash its whitespace.

    Blocks that were nothing but debris disappear; headings are cleaned the same way.
    """
    kept: list[Block] = []
    per_block: list[dict[str, int]] = []
    for block in blocks:
        text, counts = clean_text(block.text)
        per_block.append(counts)
        text = squash(text)
        if text:
            kept.append(Block(block.kind, text, block.level))
    return kept, merge_counts(*per_block)
