"""How a pillar's document status follows from its mention statuses (DESIGN.md §3)."""

from __future__ import annotations

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
    assert resolve_status(["implemented", None], unstated=1) == "implemented"


def test_without_anything_done() -> None:
    assert resolve_status(["planned", "not_addressed"]) == "planned"
    assert resolve_status(["recommended", "not_addressed"]) == "recommended"
    assert resolve_status(["recommended", "not_addressed", "not_addressed"]) == "not_addressed"
