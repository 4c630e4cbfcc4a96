"""Stop 25: where the text's own mentions of a pillar carry no status, the status model's reading
of a sentence that speaks of it without a lexicon term decides (a list of the six dimensions,
then "Keenam dimensi ini akan disusun …")."""

from __future__ import annotations

from pipeline.summarize.document import _stated


class _M:
    def __init__(self, method: str, status: str | None) -> None:
        self.method, self.status = method, status


def test_model_readings_count_when_the_text_gives_no_status() -> None:
    plain, planned = _M("lexicon", None), _M("model", "planned")
    assert _stated([plain, planned]) == [plain, planned]


def test_beside_a_stated_mention_only_model_reports_count() -> None:
    stated, planned, done = _M("lexicon", "implemented"), _M("model", "planned"), _M("model", "implemented")
    assert _stated([stated, planned, done]) == [stated, done]
