"""Zipf word frequencies (wordfreq), looked up directly for plain lower-case words.

``wordfreq.zipf_frequency`` tokenises every word it is asked about; for a word of lower-case
ASCII letters that tokenisation returns the word itself, so the frequency table answers
directly, with wordfreq's own rounding (three significant digits, then hundredths of a Zipf
unit). Other words (capitals, digits, accents, hyphens) still go through wordfreq. On unseen
news the cleaner, the pillar and the programme taggers look up a few thousand new words per
300 articles; ``tests/ingest/test_wordfreqs.py`` checks the two ways agree.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

_PLAIN = re.compile(r"[a-z]+\Z")


@cache
def _table(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang, "best")


@lru_cache(maxsize=400_000)
def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, the same value, faster for plain words."""
    if _PLAIN.match(word):
        freq = _table(lang).get(word)
        if not freq:
            return 0.0
        freq = round(freq, math.floor(-math.log10(freq)) + 3)
        return round(math.log10(freq) + 9, 2)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)
