"""Custom attributes on spaCy spans, registered once on import."""

from __future__ import annotations

from spacy.tokens import Doc, Span

_SPAN_ATTRS = {
    "pillar": None,
    "driver": None,
    "term": None,
    "method": None,
    "score": 1.0,
    "weak": False,
    "facility": False,
    "problem": False,
    "status": None,
    "cue": None,
    "rule": None,
    "program": None,
    "kind": None,
    "actor": None,
}

for _name, _default in _SPAN_ATTRS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)

if not Doc.has_extension("sentence_status"):
    Doc.set_extension("sentence_status", default=None)
