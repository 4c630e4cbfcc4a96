"""What the combined tagger keeps of the rules whatever the model says (issue 8)."""

import numpy as np

from pipeline.classify.bundle import VETO_BELOW, rules_keep
from pipeline.classify.lexfeat import LexMention, SentenceView
from pipeline.schema import PILLARS


def _view(*mentions: LexMention) -> SentenceView:
    return SentenceView(text="…", mentions=list(mentions))


def _proba(**by_pillar: float) -> np.ndarray:
    return np.array([by_pillar.get(p, 0.0) for p in PILLARS])


def _mention(pillar, term, status="none", *, weak=False):
    return LexMention(pillar=pillar, term=term, status=status, cue=None if status == "none" else "telah",
                      explicit=False, weak=weak, fuzzy=False)


def test_named_pillar_and_stated_status_stay_whatever_the_model_says():
    low = _proba()
    assert rules_keep(_view(_mention("smart_mobility", "smart mobility")), low) == {"smart_mobility"}
    assert rules_keep(_view(_mention("smart_environment", "sampah", "implemented")), low) == {"smart_environment"}


def test_plain_strong_term_stands_unless_the_model_is_sure_it_is_a_look_alike():
    view = _view(_mention("smart_living", "puskesmas"))
    assert rules_keep(view, _proba(smart_living=VETO_BELOW)) == {"smart_living"}
    assert rules_keep(view, _proba(smart_living=VETO_BELOW / 2)) == set()


def test_a_weak_term_needs_the_model_even_with_a_cue():
    # "Kota Cimahi telah mengimplementasikan berbagai inovasi": "inovasi" is a look-alike of
    # smart economy in public-service news; the cue says something was done, not what
    view = _view(_mention("smart_economy", "inovasi", "implemented", weak=True))
    assert rules_keep(view, _proba(smart_economy=0.05)) == set()
    assert rules_keep(view, _proba(smart_economy=0.5)) == {"smart_economy"}
    assert rules_keep(_view(_mention("smart_economy", "inovasi", weak=True)), _proba(smart_economy=0.5)) == set()
