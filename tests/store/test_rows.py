"""Rows of every tagger's output fit the table schemas (model mentions have no lexicon term)."""

import dataclasses
from datetime import datetime, timezone

from pipeline.corpora.rows import document_rows
from pipeline.ingest import document_from_text
from pipeline.nlp import analyze_document
from pipeline.schema import Mention
from pipeline.store.schemas import build_table
from pipeline.summarize import summarize_document


def test_a_model_only_mention_is_a_valid_row():
    doc = document_from_text("Pemprov DKI sudah membangun trotoar baru di Sudirman.", source="t.txt")
    analysis = analyze_document(doc)
    sent = analysis.sentences[0]
    extra = Mention(pillar="smart_environment", driver=None, term=None, text=None, start=sent.start, end=sent.end,
                    sentence=0, method="model", score=0.7, status=None, cue=None)
    analysis = dataclasses.replace(analysis, mentions=analysis.mentions + [extra])
    rows = document_rows(doc, analysis, summarize_document(doc, analysis, relevant=True), origin="t.txt", kind="file",
                         source_hash="x", analysis_version="v", lexicon_version="l", run_id="r",
                         now=datetime.now(timezone.utc))
    table = build_table("mentions", rows["mentions"])
    assert table.num_rows == len(analysis.mentions)
    assert "model" in table.column("method").to_pylist()
