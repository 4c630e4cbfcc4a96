"""spaCy's Indonesian tokenizer without its 15,600 hyphenated special cases, with a word cache.

``spacy.blank("id")`` spends ~4.5 s of a cold start (measured on 2 cores) loading special
cases, almost all of them hyphenated reduplications in three casings ("kota-kota",
"Kota-Kota", "KOTA-KOTA"). They only make ~3,900 listed words one token while every other
reduplication ("pilar-pilar") is split anyway. Dropping them makes tokenization uniform —
every letter-hyphen-letter word is split by the infix rule — and the start-up ~25× faster.
Punctuation, prefixes, suffixes, infixes, URLs and the non-hyphen exceptions ("a.", emoticons)
are Indonesian's own. Lexicon patterns go through the same tokenizer, so "e-government"
still matches "e-government".

**The word cache.** spaCy tokenizes the text one space-separated chunk at a time, each on
its own; its own cache skips every chunk that holds a special case or an affix split (about
two in five words of news: "Jakarta,", "(BPS)"), so warm runs still spend most of their time in
the prefix and suffix regexes. :class:`CachedTokenizer` keeps each chunk's pieces in a dict and
builds the ``Doc`` from words and spaces; the chunks it has not seen go to spaCy in one call.
The same tokens (``tests/nlp/test_tokens.py``); on news it has not seen, after other news, ~1.5×
faster (80–85 % of the chunks are known by then), ~7× on text seen before. Texts where a chunk's
tokens could depend on its neighbours go to spaCy whole: two spaces in a row, a leading or
trailing space, another whitespace character next to a space, or a special case that
contains a space ("Dr. med").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.lang.id import Indonesian
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

#: another whitespace character next to a space: spaCy merges them into one token
_WS_BY_SPACE = re.compile(r"[^\S ] | [^\S ]")
#: chunks kept; cleared when full (a corpus of unique tokens must not grow memory forever)
CACHE_SIZE = 200_000


class CachedTokenizer:
    """A spaCy ``Tokenizer`` with a cache of each space-separated chunk's tokens."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self._cache: dict[str, tuple[str, ...]] = {}
        self._spaced = tuple(k for k in tokenizer.rules if " " in k.strip())

    def _exact_only(self, text: str) -> bool:
        """Could a chunk's tokens depend on its neighbours here?"""
        return ("  " in text or text[:1] == " " or text[-1:] == " "
                or _WS_BY_SPACE.search(text) is not None or any(k in text for k in self._spaced))

    def _fill(self, chunks: list[str]) -> None:
        """Tokenize the chunks not cached yet, all in one call to spaCy, and keep their tokens."""
        joined = " ".join(chunks)
        if not self._exact_only(joined):
            doc = self.tokenizer(joined)
            pieces: list[list[str]] = [[]]
            # offsets, lengths and trailing-space flags in one array: no Token objects
            for i, n, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():
                pieces[-1].append(joined[i : i + n])
                if space:  # a space only ever ends a chunk
                    pieces.append([])
            if len(pieces) == len(chunks) and all(pieces):
                self._cache.update(zip(chunks, map(tuple, pieces), strict=True))
                return
        for chunk in chunks:  # joined, the chunks could meet a special case: one at a time
            self._cache[chunk] = tuple(t.text for t in self.tokenizer(chunk))

    def __call__(self, text: str) -> Doc:
        if not text or self._exact_only(text):
            return self.tokenizer(text)
        parts = text.split(" ")
        cache = self._cache
        missing = [p for p in dict.fromkeys(parts) if p not in cache]
        if len(cache) + len(missing) > CACHE_SIZE:
            cache.clear()
            missing = list(dict.fromkeys(parts))
        if missing:
            self._fill(missing)
        words: list[str] = []
        spaces: list[bool] = []
        for part in parts:
            pieces = cache[part]
            words += pieces
            spaces += [False] * (len(pieces) - 1)
            spaces.append(True)  # the space that separated this chunk from the next
        spaces[-1] = False
        return Doc(self.vocab, words=words, spaces=spaces)

    def clear_cache(self) -> None:
        """Forget every cached chunk (benchmarks measure unseen text this way)."""
        self._cache.clear()

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:  # rules, to_disk, from_bytes … as spaCy's
        return getattr(self.tokenizer, name)


@registry.tokenizers("pilar.id_tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        d = Indonesian.Defaults
        rules = {k: v for k, v in d.tokenizer_exceptions.items() if "-" not in k}
        return CachedTokenizer(Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(d.prefixes).search,
            suffix_search=compile_suffix_regex(d.suffixes).search,
            infix_finditer=compile_infix_regex(d.infixes).finditer,
            token_match=d.token_match,
            url_match=d.url_match,
        ))

    return make
