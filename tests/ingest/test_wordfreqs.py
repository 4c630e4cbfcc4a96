"""pilar's direct Zipf lookup gives wordfreq's own value, word for word."""

import pytest
from wordfreq import zipf_frequency

from pipeline.wordfreqs import zipf

WORDS = ["pembangunan", "dan", "transportasi", "sampah", "pemba", "ngunan", "xqzv", "the", "mobility",
         "puskesmas", "jakarta", "Jakarta", "e-ktp", "2024", "kota-kota", "naïve", "a", "monilitas"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_same_value_as_wordfreq(lang):
    for word in WORDS:
        assert zipf(word, lang) == zipf_frequency(word, lang), word
