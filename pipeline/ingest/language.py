"""Language identification, offline, Indonesian told apart from Malay.

lingua restricted to Indonesian, Malay, English, German and Dutch, in low-accuracy
(trigram) mode: 0.09 s to load instead of 1.3 s, and still right on sentence-sized chunks,
which is what it sees — langdetect cannot tell ``ms`` from ``id``. A document is scored on up to 40
sentence-sized chunks; it is *mixed* when a second language holds at least 25% of them.
Non-Indonesian documents are still analysed (English pillar terms such as "smart mobility"
are matched), and the record says their language.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass

from pipeline.schema import Document

_LOCK = threading.Lock()
_DETECTOR = None
_CODES = {"INDONESIAN": "id", "MALAY": "ms", "ENGLISH": "en", "GERMAN": "de", "DUTCH": "nl"}


@dataclass(frozen=True)
class LanguageResult:
    language: str | None
    confidence: float
    mixed: bool
    shares: dict[str, float]


def _detector():
    global _DETECTOR
    with _LOCK:
        if _DETECTOR is None:
            from lingua import Language, LanguageDetectorBuilder

            langs = [getattr(Language, name) for name in _CODES]
            _DETECTOR = LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()
        return _DETECTOR


def _chunks(text: str, limit: int = 40) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text) if len(p.split()) >= 5]
    if len(parts) > limit:  # spread the sample over the whole document
        step = len(parts) / limit
        parts = [parts[int(i * step)] for i in range(limit)]
    return parts


# Words whose spelling differs between Indonesian and Malay. lingua decides id vs ms sentence
# by sentence and leans to Malay on formal or translated Indonesian (news from abroad, Quran
# translations): 5 of 876 Detik articles. The spelling of these everyday words settles it, and
# spares lingua's time: with the words of administration and news style (polisi/polis, Rp/RM, WIB)
# 1,289 of 1,459 test texts are settled by spelling instead of 1,089.
_ID_WORDS = frozenset(
    "karena setelah bisa pemerintah uang mau transportasi kantor bilang kemarin persen ujarnya ungkapnya "
    "tuturnya mengatakan merupakan polisi mobil nomor kualitas fasilitas aktivitas universitas informasi "
    "provinsi kabupaten kecamatan kelurahan rp wib enggak nggak banget".split())
_ID_PHRASES = re.compile(r"\b(?:saat ini|tahun lalu|amerika serikat|rumah sakit|(?:pekan|bulan|minggu) lalu)\b")
_MS_WORDS = frozenset(
    "kerana selepas boleh kerajaan wang sahaja iaitu bandar mahu pengangkutan pejabat semasa peratus "
    "kenyataan manakala polis nombor kualiti kemudahan aktiviti universiti maklumat rm".split())
_MS_PHRASES = re.compile(r"\b(?:tahun lepas|beliau berkata|amerika syarikat|(?:minggu|bulan) lepas)\b")


def _id_or_ms(text: str) -> str | None:
    """``"id"`` or ``"ms"`` when the spelling markers clearly favour one (3:1), else ``None``."""
    low = text.lower()
    words = _WORD.findall(low)
    # (map over a set's __contains__: the per-word loop runs in C)
    n_id = sum(map(_ID_WORDS.__contains__, words)) + len(_ID_PHRASES.findall(low))
    n_ms = sum(map(_MS_WORDS.__contains__, words)) + len(_MS_PHRASES.findall(low))
    if n_id >= 3 and n_id >= 3 * n_ms:
        return "id"
    if n_ms >= 3 and n_ms >= 3 * n_id:
        return "ms"
    return None


# Function words: a chunk with one or more Indonesian/Malay ones and none of the others'
# is of that family beyond doubt, and lingua is asked only which of the two it is, on a
# sample (most of a news article is such chunks: lingua's time drops ~4×, the votes do not move).
_ID_MS_FUNCTION = frozenset(
    "yang dan di ini itu dengan untuk dari pada akan tidak ke dalam juga oleh adalah sebagai telah sudah "
    "bahwa atau mereka para tersebut secara kepada kita kami saya ia menjadi lebih agar bisa dapat harus "
    "ada antara setiap semua masih hanya belum serta namun karena kerana sejak hingga sampai".split())
_OTHER_FUNCTION = frozenset(
    "the of and to is that for with are was were this der die das und ist nicht mit von het een van "
    "en niet voor zijn de".split())
_WORD = re.compile(r"[a-z]+")
_FAMILY_SAMPLE = 4
#: A second language is "mixed in" when it holds at least this share of the chunks.
_MIXED_SHARE = 0.25


_AFFIXED = re.compile(r"(?:me[mnr]?|meng|meny|ber|di|ter|pe[mnr]?|peng|ke)[a-z]{3,}(?:kan|an|nya|i)")


def _id_ms_family(chunk: str) -> bool:
    words = _WORD.findall(chunk.lower())
    if not _OTHER_FUNCTION.isdisjoint(words):
        return False
    # one function word, or Indonesian/Malay affixation (me-…-kan, di-…-nya, pe-…-an), with
    # none of the other languages' function words (which every English, German or Dutch
    # sentence of five words or more carries)
    return not _ID_MS_FUNCTION.isdisjoint(words) or any(_AFFIXED.fullmatch(w) for w in words)


def _votes(chunks: list[str], spelling: str | None) -> Counter[str]:
    """One language vote per chunk: lingua's, except for clear Indonesian/Malay chunks.

    Those vote ``spelling`` (the document's id/ms spelling markers, when decisive: the
    final decision follows them anyway), else as a sample of them does when lingua is
    unanimous on it; a split sample asks lingua about every chunk.
    """
    det = _detector()

    def ask(some: list[str]) -> Counter[str]:
        # One chunk at a time: lingua's parallel call fans out threads per document, which only
        # contend with the other analysis workers (same results; 30% faster on one core).
        out: Counter[str] = Counter()
        for lang in map(det.detect_language_of, some):
            if lang is not None:
                out[_CODES.get(lang.name, lang.name.lower())] += 1
        return out

    clear = [_id_ms_family(c) for c in chunks]
    family = [c for c, f in zip(chunks, clear, strict=True) if f]
    others = [c for c, f in zip(chunks, clear, strict=True) if not f]
    if spelling and family:
        # the other chunks only decide whether a second language holds a quarter of the
        # document: beyond three quarters of clear family chunks none can, so skip them
        votes = ask(others) if len(others) >= _MIXED_SHARE * len(chunks) else Counter()
        votes[spelling] += len(family)
        return votes
    if len(family) <= _FAMILY_SAMPLE:
        return ask(chunks)
    step = len(family) / _FAMILY_SAMPLE  # spread over the document
    sample = [family[int(i * step)] for i in range(_FAMILY_SAMPLE)]
    said = ask(sample)
    if len(said) != 1 or next(iter(said)) not in ("id", "ms"):
        return ask(chunks)
    votes = ask(others)
    votes[next(iter(said))] += len(family)
    return votes


def detect_language(text: str) -> LanguageResult:
    """Detect the dominant language of ``text`` and whether it mixes languages."""
    chunks = _chunks(text)
    if not chunks:
        words = text.split()
        if len(words) < 3:
            return LanguageResult(None, 0.0, False, {})
        chunks = [" ".join(words[:200])]
    spelling = _id_or_ms(text)
    votes = _votes(chunks, spelling)
    total = sum(votes.values())
    if not total:
        return LanguageResult(None, 0.0, False, {})
    shares = {k: round(v / total, 3) for k, v in votes.most_common()}
    (top, n), *rest = votes.most_common()
    if top in ("id", "ms") and (votes["id"] + votes["ms"]) / total >= 0.5:
        family = spelling
        if family and family != top:
            top, n = family, votes[family] + votes[top]
    # Malay and Indonesian share most of their vocabulary; a few "ms" chunks in an
    # Indonesian text are noise, not a second language.
    second = next((k for k, _ in rest if not {k, top} <= {"id", "ms"}), None)
    mixed = second is not None and votes[second] / total >= _MIXED_SHARE
    return LanguageResult(top, round(n / total, 3), mixed, shares)


def annotate_language(doc: Document) -> None:
    """Set ``doc.language`` (and confidence, mixed flag in its metadata) unless already known."""
    if doc.language is None:
        res = detect_language(doc.text)
        doc.language = res.language
        doc.metadata["language_confidence"] = res.confidence
        doc.metadata["language_mixed"] = res.mixed
