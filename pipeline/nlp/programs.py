"""Named programmes (a gazetteer) and unnamed initiatives (a pattern over the lexicon).

Programmes match their aliases on whole tokens, so "menjajaki" can never be JAKI, and
case-sensitive aliases (JAKI, TJ) only in capitals. A programme marked ``fuzzy`` also
matches a close misspelling with the same first word and word count ("smart chance" →
Smart Change, 91.7) — but never a different second word such as "smart city" (63.6).

An initiative is an action noun plus a *facility* term of the pillar lexicon
("revitalisasi trotoar", "integrasi sarana transportasi"), or a facility right after a
building verb ("membuat penyeberangan ramah disabilitas"), with trailing modifiers.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401
from pipeline.lexicon import Lexicon, Program, load_lexicon

_NEGATORS = {"belum", "tidak", "tak", "bukan"}


class ProgramTagger:
    """Store programme and initiative spans in ``doc.spans["programs"]``."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_key: dict[int, Program] = {}
        self.fuzzy: list[tuple[list[str], Program]] = []
        for prog in lexicon.programs:
            key = nlp.vocab.strings.add(f"program|{prog.name}")
            self.by_key[key] = prog
            for alias in prog.aliases:
                exact = prog.case_sensitive or alias in prog.case_sensitive_aliases
                (self.exact if exact else self.lower).add(f"program|{prog.name}", [nlp.make_doc(alias)])
                words = [t.lower_ for t in nlp.make_doc(alias)]
                if prog.fuzzy and len(words) >= 2:
                    self.fuzzy.append((words, prog))
        cfg = lexicon.program_cfg
        self.threshold = float(cfg.get("fuzzy_threshold", 88))
        ini = cfg.get("initiatives", {})
        self.action_nouns = {w.lower() for w in ini.get("action_nouns", [])}
        self.build_verbs = {w.lower() for w in ini.get("build_verbs", [])}
        self.modifiers = {w.lower() for w in ini.get("modifiers_after", [])}
        self.max_gap = int(ini.get("max_gap", 2))

    @staticmethod
    def _program_span(doc: Doc, start: int, end: int, prog: Program, method: str, score: float) -> Span:
        span = Span(doc, start, end, label="PROGRAM")
        span._.program = prog.name
        span._.kind = prog.kind
        span._.pillar = prog.pillar
        span._.method = method
        span._.score = score
        return span

    def _fuzzy_matches(self, doc: Doc, taken: set[int]) -> list[Span]:
        out: list[Span] = []
        if not self.fuzzy:
            return out
        lowers = [t.lower_ for t in doc]
        firsts = {words[0] for words, _ in self.fuzzy}
        if not firsts.intersection(lowers):
            return out
        for words, prog in self.fuzzy:
            n = len(words)
            for i in range(len(doc) - n + 1):
                if lowers[i] != words[0] or i in taken or any(t.is_space or t.is_punct for t in doc[i : i + n]):
                    continue
                cand = " ".join(lowers[i : i + n])
                score = fuzz.ratio(cand, " ".join(words))
                if score >= self.threshold:
                    out.append(self._program_span(doc, i, i + n, prog, "fuzzy", score / 100))
        return out

    def _extend_modifiers(self, doc: Doc, end: int) -> int:
        if end < len(doc) and doc[end].lower_ in self.modifiers:
            end += 1
            if doc[end - 1].lower_ in {"ramah", "berbasis"} and end < len(doc) and doc[end].is_alpha:
                end += 1
        return end

    def _initiatives(self, doc: Doc) -> list[Span]:
        out = []
        for fac in doc.spans.get("pillars", []):
            if not fac._.facility:
                continue
            start, end = fac.start, fac.end
            if doc[start].lower_ in self.action_nouns:
                begin = start
            else:
                begin = None
                for j in range(start - 1, max(start - 2 - self.max_gap, -1), -1):
                    tok = doc[j]
                    if tok.is_punct or tok.is_space:
                        break
                    if tok.lower_ in self.action_nouns:
                        begin = j
                        break
                if begin is None:
                    prev = [t for t in doc[max(start - 2, 0) : start] if not t.is_space]
                    verbs = [t for t in prev if t.lower_ in self.build_verbs]
                    if not verbs:
                        continue
                    before = doc[verbs[0].i - 1].lower_ if verbs[0].i > 0 else ""
                    if before in _NEGATORS:  # "belum menyediakan transportasi publik": none built
                        continue
                    begin = start
            end = self._extend_modifiers(doc, end)
            span = Span(doc, begin, end, label="INITIATIVE")
            span._.program = " ".join(t.lower_ for t in span if not t.is_space)
            span._.kind = "initiative"
            span._.pillar = fac._.pillar
            span._.method = "pattern"
            out.append(span)
        return out

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.exact):
            for key, start, end in matcher(doc):
                spans.append(self._program_span(doc, start, end, self.by_key[key], "gazetteer", 1.0))
        taken = {s.start for s in spans}
        spans += self._fuzzy_matches(doc, taken)
        spans += self._initiatives(doc)
        doc.spans["programs"] = sorted(filter_spans(spans), key=lambda s: s.start)
        self._program_pillar_mentions(doc)
        return doc

    @staticmethod
    def _program_pillar_mentions(doc: Doc) -> None:
        """A named programme of one pillar is a mention of that pillar ("MBG" → smart living)."""
        pillars = list(doc.spans.get("pillars", []))
        covered = {i for sp in pillars for i in range(sp.start, sp.end)}
        added = False
        for prog in doc.spans["programs"]:
            if prog._.kind != "program" or not prog._.pillar:
                continue
            if any(i in covered for i in range(prog.start, prog.end)):
                continue
            span = Span(doc, prog.start, prog.end, label=prog._.pillar)
            span._.pillar = prog._.pillar
            span._.term = prog._.program
            span._.method = "program"
            span._.score = prog._.score
            pillars.append(span)
            added = True
        if added:
            doc.spans["pillars"] = sorted(pillars, key=lambda sp: sp.start)


@Language.factory("pilar_programs", default_config={"models_dir": None})
def make_program_tagger(nlp: Language, name: str, models_dir: str | None) -> ProgramTagger:
    return ProgramTagger(nlp, load_lexicon(models_dir))
