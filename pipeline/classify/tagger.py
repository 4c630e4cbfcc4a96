"""What ``pilar analyze --tagger lexicon|model|combined`` runs after the lexicon pipeline.

The lexicon pipeline always runs first (its mentions carry the evidence: term, status,
cue). Then, per sentence:

- ``combined``: the stacked pillar model decides which pillars the sentence has, on top of
  what the rules state: a lexicon mention with a status cue, or a pillar named as such, is
  always kept. Lexicon mentions of those pillars are kept (score = the model's probability);
  plain lexicon mentions the model rejects are dropped (look-alikes such as a developer's
  bridge); a pillar the
  model finds without any lexicon match gets one sentence-level mention with
  ``method = "model"``, ``match`` = the n-gram that spoke most for it, the status model's
  status and cue ``null`` (no words set it). A pillar named as such ("smart economy") is
  always kept. Kept lexicon mentions keep their status and cue, except a mention in whose
  sentence the rules found no cue at all: it takes the status model's status when that is
  sure (``bundle.PLAIN_OVERRIDE``; rule ``model``, cue ``null``). Relevance comes from the
  relevance model.
- ``model``: the text-only models decide pillars and statuses (cue ``null``); confirmed
  lexicon mentions still supply the term.
- ``lexicon``: nothing changes.

Relevance is decided first; a document the Analyzer's relevance rule gates keeps its lexicon
mentions untouched, since the summary drops them anyway and the sentence models are the
tagger's main cost.

Models are loaded once per process. If none are trained, the lexicon result is returned
with a one-line warning; a model file that fails its hash check is an error.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from spacy.lang.id.stop_words import STOP_WORDS as _STOP_WORDS

from pipeline.analyzer import DEFAULT_TAGGER, TAGGERS
from pipeline.classify.bundle import NO_CUE_RULES, Bundle, combined_pillars
from pipeline.classify.lexfeat import doc_view, views_from_analysis
from pipeline.classify.persist import ModelMissingError, classifier_dir, load_bundle
from pipeline.schema import PILLARS, Analysis, Document, Mention

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_CACHE: dict[str, Bundle | None] = {}


def get_bundle(folder: Path | None = None, *, models_dir: str | None = None) -> Bundle | None:
    """The process-wide bundle, or None (with one warning) when no model is trained.

    ``folder``: the classifier folder itself; else ``models_dir``/classifier; else the default.
    """
    key = str(folder or (Path(models_dir) / "classifier" if models_dir else classifier_dir()))
    with _LOCK:
        if key not in _CACHE:
            try:
                _CACHE[key] = load_bundle(Path(key))
            except ModelMissingError as exc:
                sys.stderr.write(f"warning: {exc}; using the lexicon tagger\n")
                _CACHE[key] = None
            else:
                _warn_if_stale(_CACHE[key])
        return _CACHE[key]


def _warn_if_stale(bundle: Bundle) -> None:
    """The combined models read lexicon matches: a changed lexicon deserves a retrain.

    Logged at INFO (not printed): ``analyze``'s stderr is reserved for rejected inputs;
    the model card and ``model.json`` record the lexicon version the models saw.
    """
    from pipeline.lexicon import load_lexicon

    trained = bundle.info.get("lexicon_version")
    current = load_lexicon().version
    if trained and trained != current:
        log.info("models were trained with lexicon %s, the lexicon is now %s; run `pilar train` to refresh them",
                    trained, current)


#: a sentence the lexicon found nothing in is tagged by the model only when it has at least
#: this many words: captions, date lines and photo credits carry their article's topic in the
#: model's context features but state nothing (training pages, 5-fold: see README)
MODEL_MIN_WORDS = 5
_WORD = re.compile(r"[^\W\d_]{2,}")


def apply_tagger(document: Document, analysis: Analysis, *, tagger: str = DEFAULT_TAGGER,
                 bundle: Bundle | None = None,
                 relevant: Callable[[float, int], bool] | None = None) -> Analysis:
    """Return ``analysis`` re-tagged by ``tagger`` (a new object; the input is not changed).

    ``relevant(relevance, word_count)``: the Analyzer's relevance rule; a gated document
    skips the sentence models.
    """
    if tagger not in TAGGERS:
        raise ValueError(f"unknown tagger {tagger!r}: expected one of {', '.join(TAGGERS)}")
    if tagger == "lexicon":
        return analysis
    bundle = bundle or get_bundle()
    if bundle is None or not analysis.sentences:
        return analysis
    relevance = analysis.relevance
    if bundle.relevance is not None:
        relevance = round(float(bundle.predict_relevance([doc_view(document.text, analysis)], system=tagger)[0]), 4)
    if relevant is not None and not relevant(relevance, document.word_count):
        # summaries drop every pillar mention below the threshold anyway: skip the sentence
        # models (most news is off-topic, so this is most of the tagger's cost saved)
        return dataclasses.replace(analysis, relevance=relevance)
    views = views_from_analysis(analysis, words=document.word_count)
    model = bundle.pillars[tagger]
    text_matrix = bundle.text.transform([v.text for v in views])  # once, for both models
    proba = model.proba(views, text_matrix=text_matrix)
    mentions: list[Mention] = []
    wanted: list[tuple[int, str]] = []
    for i, view in enumerate(views):
        if tagger == "combined":
            # the rules' word stands where the text states something: a pillar named as such,
            # or a lexicon mention with a status cue; the model adds and re-ranks, never drops
            # (and adds nothing to a sentence that names its own pillars)
            found = combined_pillars(view, proba[i], model.threshold)
        else:
            found = {p for p, v in zip(PILLARS, proba[i], strict=False) if v >= model.threshold}
        wanted += [(i, p) for p in sorted(found)]
    rows = [i for i, _ in wanted]
    statuses = dict(zip(wanted, bundle.predict_status([views[i] for i in rows], [p for _, p in wanted],
                                                      system=tagger, text_matrix=text_matrix[rows]), strict=False))
    by_sentence: dict[tuple[int, str], list[Mention]] = {}
    for m in analysis.mentions:
        by_sentence.setdefault((m.sentence, m.pillar), []).append(m)
    for i, p in wanted:
        prob = round(float(proba[i][PILLARS.index(p)]), 3)
        status = statuses[(i, p)]
        status = None if status == "none" else status
        kept = by_sentence.get((i, p), [])
        if kept:
            for m in kept:
                if tagger == "combined":
                    # the lexicon's status and cue stand, except where it found no cue and the
                    # status model is sure of one (bundle.PLAIN_OVERRIDE; as in evaluation)
                    if m.status is None and status is not None and (m.rule is None or m.rule in NO_CUE_RULES):
                        mentions.append(dataclasses.replace(m, score=prob, status=status, cue=None, rule="model"))
                    else:
                        mentions.append(dataclasses.replace(m, score=prob))
                else:
                    mentions.append(dataclasses.replace(m, score=prob, status=status, cue=None, rule="model"))
            continue
        sent = analysis.sentences[i]
        if len(_WORD.findall(sent.text)) < MODEL_MIN_WORDS:
            continue  # a caption, a date line, a credit ("ANTARA/Akhyar"): no statement to tag
        # the n-gram that spoke most for the pillar; "(model)" when none stands out
        term = model.top_term(sent.text, p)
        if not term or all(w in _STOP_WORDS or len(w) < 4 for w in term.split()):
            term = "(model)"  # a function word ("dan") explains nothing
        mentions.append(Mention(pillar=p, driver=None, term=term, text=term, start=sent.start, end=sent.end,
                                sentence=i, method="model", score=prob, status=status, cue=None,
                                section=sent.section, rule="model"))
    mentions.sort(key=lambda m: (m.sentence, m.start))
    # a programme named without a cue takes the status the model read for its own span, so the
    # programme and its pillar mention agree ("menghadirkan program Smart Kampung")
    read = {(m.start, m.end): m.status for m in mentions if m.rule == "model" and m.status}
    programs = [dataclasses.replace(p, status=read[(p.start, p.end)])
                if p.status is None and (p.start, p.end) in read else p for p in analysis.programs]
    return dataclasses.replace(analysis, mentions=mentions, programs=programs, relevance=relevance)
