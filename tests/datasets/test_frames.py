"""to_frames: ad hoc results as the same tidy tables the datasets hold."""

from __future__ import annotations

import pandas as pd

import pipeline
from pipeline.analyzer import Settings, get_analyzer
from pipeline.frames import pillar_table, to_frames
from pipeline.ingest import read_path
from pipeline.schema import PILLARS
from pipeline.store.schemas import TABLES

LEX = Settings(tagger="lexicon")


def _canon(frame: pd.DataFrame, drop=("run_id",)) -> pd.DataFrame:
    frame = frame.drop(columns=[c for c in drop if c in frame.columns])
    return frame.sort_values(list(frame.columns[:4])).reset_index(drop=True)


def test_results_give_the_datasets_tables(news, news_data):
    analyzer = get_analyzer(LEX)
    results = [analyzer.analyze(doc) for doc in read_path(news.with_suffix(".csv"))]
    frames = to_frames(results, settings=LEX)
    for name in ("sentences", "mentions", "programs", "pillar_summary", "texts"):
        stored = pipeline.load_dataset(name, data_dir=news_data)
        assert list(frames[name].columns) == TABLES[name].names
        assert (frames[name].run_id == "adhoc").all()
        pd.testing.assert_frame_equal(_canon(frames[name]), _canon(stored), obj=name)
    docs = pipeline.load_dataset("documents", data_dir=news_data)
    same = ["doc_id", "title", "date", "date_precision", "date_raw", "word_count", "relevance", "relevant", "summary"]
    pd.testing.assert_frame_equal(frames["documents"][same].sort_values("doc_id").reset_index(drop=True),
                                  docs[same].sort_values("doc_id").reset_index(drop=True))


def test_contract_objects_give_documents_pillars_and_mentions(news, news_data):
    records = pipeline.analyze_file(news.with_suffix(".csv"), tagger="lexicon")
    records.append({"source": "gone.txt", "error": "no such file"})
    frames = to_frames(records)
    assert list(frames["rejects"].itertuples(index=False)) == [("gone.txt", "no such file")]
    stored = pipeline.load_dataset("pillar_summary", data_dir=news_data)
    pd.testing.assert_frame_equal(_canon(frames["pillar_summary"]), _canon(stored))
    mentions = pipeline.load_dataset("mentions", data_dir=news_data)
    cols = list(frames["mentions"].columns)
    pd.testing.assert_frame_equal(_canon(frames["mentions"]), _canon(mentions[cols]))
    docs = frames["documents"].set_index("title")
    assert docs.loc["Sampah Makassar", "date"] == pd.Timestamp("2025-12-02 08:30", tz="+07:00")
    assert str(frames["documents"].date.dtype) == "datetime64[us, UTC+07:00]"


def test_pillar_table_is_long_and_keeps_duplicates(tmp_path):
    text = "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta."
    records = [pipeline.analyze_text(text, source="a.txt", tagger="lexicon"),
               pipeline.analyze_text("Pemkot akan membangun bank sampah.", source="b.txt", tagger="lexicon")]
    dup = dict(records[0], source="c.txt", duplicate_of=records[0]["doc_id"])
    table = pillar_table(to_frames([*records, dup]))
    assert len(table) == 18 and list(table.source[::6]) == ["a.txt", "b.txt", "c.txt"]
    assert list(table.pillar[:6]) == list(PILLARS)
    c = table[table.source == "c.txt"].set_index("pillar")
    assert c.loc["smart_mobility", "status"] == "implemented" and c.loc["smart_mobility", "duplicate_of"] == records[0]["doc_id"]
