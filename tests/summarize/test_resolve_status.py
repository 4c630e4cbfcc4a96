"""How a pillar's document status follows from its mention statuses (DESIGN.md §3)."""

from __future__ import annotations

from pipeline.ingest import document_from_text
from pipeline.schema import Analysis, Mention, Sentence
from pipeline.summarize import summarize_document
from pipeline.summarize.status import resolve_status


def test_no_mention_and_plain_mentions() -> None:
    assert resolve_status([]) == "not_mentioned"
    assert resolve_status([None, None]) == "mentioned"


def test_done_against_not_yet() -> None:
    assert resolve_status(["implemented"] * 3 + ["not_addressed"]) == "implemented"
    assert resolve_status(["implemented"] * 2 + ["not_addressed"]) == "partial"
    # a plan beside a done thing is no shortfall, unless it says it is not carried out yet
    assert resolve_status(["implemented", "planned"]) == "implemented"
    assert resolve_status(["implemented", "planned"], not_yet=1) == "partial"


def test_unstated_reports_are_not_weighed_against_shortfalls() -> None:
    votes = ["implemented"] * 4 + ["not_addressed"]
    assert resolve_status(votes) == "implemented"
    # three of the four reports are the status model's reading of sentences without a cue
    assert resolve_status(votes, unstated=3) == "partial"
    # … but they still make a pillar done where nothing falls short
    assert resolve_status(["implemented", "planned"], unstated=1) == "implemented"
    assert resolve_status(["implemented", "not_addressed"], unstated=1) == "partial"


def test_the_models_reports_alone_do_not_outweigh_a_text_of_plans() -> None:
    plans = ["planned"] * 3
    assert resolve_status(["implemented", *plans], unstated=1) == "planned"
    # one of the text's own reports, or fewer plans, and the furthest status stands
    assert resolve_status(["implemented", *plans]) == "implemented"
    assert resolve_status(["implemented", "planned", "planned"], unstated=1) == "implemented"


def test_without_anything_done() -> None:
    assert resolve_status(["planned", "not_addressed"]) == "planned"
    assert resolve_status(["recommended", "not_addressed"]) == "recommended"
    # an urging is further than absences, however many (stop 27)
    assert resolve_status(["recommended", "not_addressed", "not_addressed"]) == "recommended"
    assert resolve_status(["not_addressed", "not_addressed"]) == "not_addressed"


def _mention(sentence: int, status: str | None, *, rule: str | None, method: str = "lexicon") -> Mention:
    return Mention(pillar="smart_government", driver=None, term="layanan", text="layanan", start=0, end=7,
                   sentence=sentence, method=method, status=status, cue=None if rule != "cue" else "sudah",
                   rule=rule)


def _document_status(mentions: list) -> str:
    sentences = [Sentence(index=i, start=0, end=10, text="s") for i in range(10)]
    analysis = Analysis(sentences=sentences, mentions=mentions, programs=[], actors=[], years=[], periods=[],
                        relevance=0.9)
    document = document_from_text("Layanan daring sudah berjalan.", source="t")
    return summarize_document(document, analysis, relevant=True).pillars["smart_government"].status


def test_document_weighs_only_the_texts_reports_against_its_shortfalls() -> None:
    cued = [_mention(i, "implemented", rule="cue") for i in range(3)]
    absent = [_mention(5, "not_addressed", rule="cue")]
    # three reports in the text's own words outweigh one shortfall
    assert _document_status(cued + absent) == "implemented"
    # two reports in words and two the status model read do not
    assert _document_status(cued[:2] + [_mention(6, "implemented", rule="model"),
                                        _mention(7, "implemented", rule="model")] + absent) == "partial"
    # a sentence with a cued and a model-read report counts as cued, whatever the order
    mixed = [_mention(0, "implemented", rule="model"), _mention(0, "implemented", rule="cue"),
             _mention(1, "implemented", rule="cue"), _mention(2, "implemented", rule="cue")]
    assert _document_status(mixed + absent) == "implemented"


def test_with_the_model_tagger_every_vote_counts() -> None:
    # every status is the model's (``--tagger model``): none is discounted
    model = [_mention(i, "implemented", rule="model", method="model") for i in range(3)]
    assert _document_status(model + [_mention(5, "not_addressed", rule="model", method="model")]) == "implemented"


def test_forms_of_one_programme_name_are_one_programme() -> None:
    from pipeline.schema import ProgramMention
    from pipeline.summarize.document import aggregate_programs

    def prog(name: str, sentence: int, status: str | None = None) -> ProgramMention:
        return ProgramMention(name=name, kind="program", pillar=None, text=name, start=0, end=1, sentence=sentence,
                              status=status)
    analysis = Analysis(sentences=[], mentions=[], programs=[
        prog("Aplikasi Semarang Hebat", 0, "implemented"), prog("Semarang Hebat", 1),
        prog("Cek Bansos Kemensos", 2), prog("Cek Bansos", 3), prog("Semarang Sehat", 4)],
        actors=[], years=[], periods=[], relevance=0.9)
    out = {p["name"]: (p["mentions"], p["surface"], p["status"]) for p in aggregate_programs(analysis, relevant=True)}
    assert out == {"Aplikasi Semarang Hebat": (2, ["Aplikasi Semarang Hebat", "Semarang Hebat"], "implemented"),
                   "Cek Bansos Kemensos": (2, ["Cek Bansos Kemensos", "Cek Bansos"], "mentioned"),
                   "Semarang Sehat": (1, ["Semarang Sehat"], "mentioned")}
