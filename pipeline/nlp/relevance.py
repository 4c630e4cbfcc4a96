"""How much a document is about smart-city or urban public policy, in [0, 1].

The lexicon score: pillar evidence per 100 words (explicit pillar names weigh most, weak
generic words least), smart-city vocabulary and named programmes, squashed with
``1 - exp(-x)``. The learned relevance model (``pilar train``) replaces it when present.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

SMART_CITY_RE = re.compile(
    r"\b(smart[ -]?city|kota (?:cerdas|pintar)|smart[ -]?change|sister[ -]?city|kota kembar|"
    r"pembangunan perkotaan|kebijakan publik|pelayanan publik|pemerintah (?:provinsi|kota|daerah)|"
    r"pemprov|pemkot|pemkab|pemda)\b",
    re.IGNORECASE,
)
_SMART_CITY_LOWER = re.compile(SMART_CITY_RE.pattern)


@lru_cache(maxsize=8)
def smart_words(text: str) -> int:
    """How many smart-city and urban-policy words ``text`` holds (``SMART_CITY_RE``, any case).

    Matched on the lower-cased text: the same matches, twice as fast as a case-insensitive regex.
    Kept for the last few texts: the lexicon's relevance and the relevance model's features
    both count them in the same document.
    """
    return len(_SMART_CITY_LOWER.findall(text.lower()))


def lexicon_relevance(
    *, words: int, weights: list[float], programs: int, text: str, off_topic: int = 0, off_weight: float = 0.5
) -> float:
    """Score from weighted pillar mentions, programmes and smart-city words, less off-topic words."""
    if words <= 0:
        return 0.0
    scale = max(words / 100.0, 1.0)
    per100 = sum(weights) / scale
    distinct_strong = len({round(w, 3) for w in weights if w >= 1.0})
    smart = smart_words(text)
    x = 0.45 * per100 + 0.35 * min(smart, 6) + 0.15 * min(programs, 6) + 0.05 * distinct_strong
    x -= off_weight * off_topic / scale
    return round(max(0.0, 1.0 - math.exp(-x)), 4)


def mention_weight(*, explicit: bool, weak: bool, fuzzy: bool) -> float:
    if weak:
        return 0.3
    if explicit:
        return 3.0
    return 0.8 if fuzzy else 1.0
