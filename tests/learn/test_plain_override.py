"""`combined`: a lexicon mention whose sentence gives no cue takes a sure status model's status."""

from __future__ import annotations

import dataclasses

import numpy as np

from pipeline.classify.bundle import PLAIN_OVERRIDE, Bundle, plain_pair
from pipeline.classify.features import TextFeatures
from pipeline.classify.lexfeat import LexMention, SentenceView
from pipeline.classify.linear import LinearModel
from pipeline.classify.models import StatusModel
from pipeline.schema import PILLARS

CLASSES = ["implemented", "none", "planned"]
TEXT = TextFeatures.fit(["Pemkot memberikan beasiswa bagi mahasiswa", "Bus listrik akan beroperasi tahun depan",
                         "beasiswa pendidikan untuk pelajar", "bus listrik dan halte baru"],
                        word={"analyzer": "word", "ngram_range": (1, 1), "min_df": 1},
                        char={"analyzer": "char_wb", "ngram_range": (3, 3), "min_df": 1})


def bundle(p_implemented: float) -> Bundle:
    """A status model that gives every pair the same probabilities (intercepts only)."""
    width = len(TEXT.word.vocabulary) + len(TEXT.char.vocabulary) + len(PILLARS)
    rest = (1.0 - p_implemented) / 2
    lm = LinearModel("softmax", CLASSES, np.zeros((3, width)), np.log([p_implemented, rest, rest]))
    status = StatusModel(TEXT, lm, use_lexicon=False)
    return Bundle(TEXT, {}, {"combined": status, "model": status}, None)


def view(status: str, rule: str | None) -> SentenceView:
    m = LexMention("smart_people", "beasiswa", status, None, explicit=False, weak=False, fuzzy=False, rule=rule)
    return SentenceView("Pemkot memberikan beasiswa bagi mahasiswa.", [m])


def test_no_cue_mention_takes_a_sure_model_status() -> None:
    sure = bundle(PLAIN_OVERRIDE + 0.1)
    assert sure.predict_status([view("none", "none")], ["smart_people"], system="combined") == ["implemented"]
    assert sure.predict_status([view("none", "parse_scope")], ["smart_people"], system="combined") == ["implemented"]


def test_unsure_model_or_deliberate_plain_or_a_cue_keeps_the_rules() -> None:
    unsure = bundle(PLAIN_OVERRIDE - 0.1)
    assert unsure.predict_status([view("none", "none")], ["smart_people"], system="combined") == ["none"]
    sure = bundle(0.95)
    # a definition, a purpose clause, a focus: the rules said "plain" on purpose
    for rule in ("definition", "purpose", "focus"):
        assert sure.predict_status([view("none", rule)], ["smart_people"], system="combined") == ["none"]
    # a cue stands whatever the model says
    assert sure.predict_status([view("planned", "cue")], ["smart_people"], system="combined") == ["planned"]
    # the lexicon tagger never asks the model
    assert sure.predict_status([view("none", "none")], ["smart_people"], system="lexicon") == ["none"]


def test_plain_pair_needs_every_mention_of_the_pillar_plain() -> None:
    v = view("none", "none")
    assert plain_pair(v, "smart_people")
    assert not plain_pair(v, "smart_mobility")
    mixed = dataclasses.replace(v, mentions=[*v.mentions, dataclasses.replace(v.mentions[0], rule="definition")])
    assert not plain_pair(mixed, "smart_people")
