"""The UD parser: shipped with a card that credits the treebanks, trained by `pilar train --parser`,
and used by the status rules as the word on which verb governs a mention."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.analyzer import Settings, get_analyzer
from pipeline.config import models_dir, shared_dir
from pipeline.ingest import document_from_text
from pipeline.learn.parser import TEST_FILES, TRAIN_FILES, train_parser
from pipeline.nlp.govern import Governor, load_parser

PARSER = models_dir() / "parser"
needs_parser = pytest.mark.skipif(not (PARSER / "meta.json").exists(), reason="no parser in models/parser")


@needs_parser
def test_shipped_parser_has_scores_and_credits_the_treebanks():
    scores = json.loads((PARSER / "scores.json").read_text())
    assert scores["test"]["upos_acc"] >= 0.85 and scores["test"]["las"] >= 0.55
    assert scores["sentences"]["test"] == 931
    card = (PARSER / "MODEL_CARD.md").read_text()
    for name in ("UD_Indonesian-GSD", "UD_Indonesian-CSUI", "UD_Indonesian-PUD", "CC BY-SA"):
        assert name in card


@needs_parser
def test_governor_knows_which_verb_stands_above_a_mention():
    gov = Governor(load_parser(PARSER))
    s = "Warga yang memanfaatkan ruang publik itu membicarakan transportasi umum."
    cue = (s.index("memanfaatkan"), s.index("memanfaatkan") + len("memanfaatkan"))
    assert gov.governs(s, (s.index("ruang publik"), s.index("ruang publik") + 12), cue) is True
    assert gov.governs(s, (s.index("transportasi"), len(s) - 1), cue) is False
    assert gov.governs("The city has launched a portal.", (0, 3), (9, 12)) is None  # English: abstain


def _models_with_parse_scope(tmp_path: Path) -> str:
    """A copy of the models folder with rule parse_scope turned on (status.yaml)."""
    import shutil

    folder = tmp_path / "models"
    shutil.copytree(models_dir(), folder)
    status = folder / "lexicon" / "status.yaml"
    status.write_text(status.read_text(encoding="utf-8").replace("parse_scope: false", "parse_scope: true"),
                      encoding="utf-8")
    return str(folder)


def test_the_default_path_does_not_parse():
    an = get_analyzer(Settings(tagger="lexicon"))
    assert not an.nlp.get_pipe("pilar_status").governor.available
    res = an.analyze(document_from_text(
        "Warga yang memanfaatkan ruang publik itu membicarakan transportasi umum.", source="t"))
    assert all(e["rule"] != "parse_scope" for v in res.summary.pillars.values() for e in v.evidence)


@needs_parser
def test_a_bare_verb_reports_only_what_it_governs(tmp_path):
    an = get_analyzer(Settings(tagger="lexicon", models_dir=_models_with_parse_scope(tmp_path)))
    res = an.analyze(document_from_text(
        "Warga yang memanfaatkan ruang publik itu membicarakan transportasi umum.", source="t"))
    ev = {p: v.evidence[0] for p, v in res.summary.pillars.items() if v.evidence}
    assert (ev["smart_living"]["status"], ev["smart_living"]["rule"]) == ("implemented", "cue")
    assert (ev["smart_mobility"]["status"], ev["smart_mobility"]["rule"]) == (None, "parse_scope")
    # a marked cue is not second-guessed by the parse
    res = an.analyze(document_from_text(
        "Warga yang memanfaatkan ruang publik itu sudah memakai transportasi umum.", source="t"))
    assert res.summary.pillars["smart_mobility"].evidence[0]["status"] == "implemented"


def test_without_a_parser_the_rules_run_alone(tmp_path):
    assert load_parser(tmp_path / "none") is None
    assert Governor(None).governs("Kota membangun halte.", (0, 4), (5, 14)) is None


UD = shared_dir() / "corpora" / "ud-indonesian"


@pytest.mark.slow
@pytest.mark.skipif(not (UD / TRAIN_FILES[0]).exists(), reason="UD treebanks not in ../shared")
def test_train_parser_end_to_end_on_a_sample(tmp_path):
    src = tmp_path / "ud"
    for name in TRAIN_FILES + TEST_FILES:
        blocks = (UD / name).read_text(encoding="utf-8").split("\n\n")[:40]
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    res = train_parser(folder=tmp_path / "parser", epochs=1, source=src)
    assert (tmp_path / "parser" / "meta.json").exists()
    assert 0.0 < res.scores["upos_acc"] <= 1.0 and res.sentences["test"] == 80
    assert "UD_Indonesian-CSUI" in (tmp_path / "parser" / "MODEL_CARD.md").read_text()
    assert Path(tmp_path / "parser" / "scores.json").exists()
