"""Which verbs govern a pillar mention: the dependency-parse signal beside the status rules.

The surface rules take the nearest cue of the mention's clause. That is right when the cue is
an aspect or modal marker (sudah, akan, belum, perlu) and often wrong when the cue is a bare
verb: in "Aplikasi ini memberikan kemudahan bagi warga yang ingin mengurus izin usaha" the
verb *memberikan* describes the app, and says nothing about whether business licensing was
reformed. The parser (``models/parser``, trained on the UD Indonesian treebanks by
``pilar train --parser``) tells which verbs stand above the mention:

* the **governing chain** of a mention: the verbs met walking up from the mention's head
  token to the root ("berencana → menanam → pohon": both verbs govern *pohon*);
* a cue **governs** the mention when its verb is on that chain (a marker counts through the
  verb it modifies), or when the cue's verb sits inside the mention's own phrase (a relative
  clause: "Command Center yang sudah beroperasi").

It runs only on sentences where a bare-verb cue would decide a mention's status, so its cost
is small. Without a parser model the rules run alone (``Governor.available`` is False).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, LENGTH

VERBAL = {"VERB", "AUX"}
_ENGLISH = frozenset("the a an is are was were has have will of to and with its their this that".split())


def _english(sentence: str) -> bool:
    """Two or more English function words: an English sentence (or a quotation in one)."""
    words = sentence.lower().split()
    return sum(w in _ENGLISH for w in words) >= 2
_LOCK = threading.Lock()
_CACHE: dict[str, Any] = {}


def load_parser(folder: Path) -> Any | None:
    """The spaCy parser in ``folder`` (shared per process), or ``None`` when there is none."""
    key = str(folder)
    with _LOCK:
        if key not in _CACHE:
            if (folder / "config.cfg").exists() and (folder / "meta.json").exists():
                import spacy

                import pipeline.nlp.tokenizer  # noqa: F401  (registers pilar.id_tokenizer.v1)

                # pilar's own tokenizer, not the saved one: spaCy's Indonesian special cases
                # take ~2.7 s to load (pipeline/nlp/tokenizer.py); with ours the load is ~0.2 s
                # and the parse sees the tokens the rules see
                _CACHE[key] = spacy.load(folder, exclude=["tokenizer"],
                                         config={"nlp": {"tokenizer": {"@tokenizers": "pilar.id_tokenizer.v1"}}})
            else:
                _CACHE[key] = None
        return _CACHE[key]


class Governor:
    """Answer "does this cue govern this mention?" for spans of one sentence."""

    def __init__(self, parser: Any | None) -> None:
        self.parser = parser
        self._parsed: dict[str, Any] = {}

    @property
    def available(self) -> bool:
        return self.parser is not None

    def _parse(self, text: str) -> Any:
        doc = self._parsed.get(text)
        if doc is None:
            if len(self._parsed) > 256:
                self._parsed.clear()
            doc = self._parsed[text] = self.parser(text)
        return doc

    @staticmethod
    def _tokens(pdoc: Any, start: int, end: int) -> list[Any]:
        """The parsed tokens overlapping ``[start, end)`` (offsets read once per parse, so only
        the tokens wanted become Token objects)."""
        offsets = pdoc.user_data.get("pilar_offsets")
        if offsets is None:
            offsets = pdoc.user_data["pilar_offsets"] = pdoc.to_array([IDX, LENGTH]).tolist() if len(pdoc) else []
        return [pdoc[i] for i, (a, n) in enumerate(offsets) if a < end and a + n > start]

    @staticmethod
    def _head_of(tokens: list[Any]) -> Any:
        inside = {t.i for t in tokens}
        for t in tokens:
            if t.head.i not in inside or t.head.i == t.i:
                return t
        return tokens[0]

    @staticmethod
    def _chain(token: Any) -> list[Any]:
        chain = []
        t = token
        seen = {t.i}
        while t.head.i != t.i and t.head.i not in seen:
            t = t.head
            seen.add(t.i)
            if t.tag_ in VERBAL or t.pos_ in VERBAL:
                chain.append(t)
        return chain

    def governs(self, sentence: str, mention: tuple[int, int], cue: tuple[int, int]) -> bool | None:
        """Does the cue at ``cue`` (character offsets in ``sentence``) govern the mention?

        ``None`` when the parser is missing or the spans cannot be aligned.
        """
        if self.parser is None or _english(sentence):
            return None  # the parser knows Indonesian only
        pdoc = self._parse(sentence)
        m_toks = self._tokens(pdoc, *mention)
        c_toks = self._tokens(pdoc, *cue)
        if not m_toks or not c_toks:
            return None
        m_head = self._head_of(m_toks)
        chain = {t.i for t in self._chain(m_head)}
        for c in c_toks:
            verb = c if (c.tag_ in VERBAL or c.pos_ in VERBAL) else c.head
            if c.i in chain or verb.i in chain:
                return True
            # the cue's verb inside the mention's phrase: "X yang sudah beroperasi"
            if any(a.i == m_head.i for a in verb.ancestors) and verb.i not in {t.i for t in m_toks}:
                return True
        return False
