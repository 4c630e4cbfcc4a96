"""Keyword in context over a data folder."""

from __future__ import annotations

import csv
import io

import pytest

from pipeline.report.data import load_data_dir
from pipeline.report.kwic import FIELDS, glob_regex, kwic, to_csv, to_table


def test_glob_is_quanteda_like():
    rx = glob_regex("transport*  publik")
    assert rx.search("integrasi Transportasi publik di Jakarta")
    assert not rx.search("transportasipublik")
    assert glob_regex("sampa?").search("sampah") and not glob_regex("sampa?").search("sampahnya")
    with pytest.raises(ValueError):
        glob_regex("  ")


def test_term_rows_have_context_and_offsets(corpora):
    data = load_data_dir(corpora.base)
    rows = kwic(data, term="trotoar", window=3)
    assert len(rows) == 1
    r = rows[0]
    assert r["keyword"] == "trotoar" and r["pre"] == "Revitalisasi" and r["post"].startswith("dan integrasi")
    text = (corpora.base.parent / "tesis" / "tesis.txt").read_text(encoding="utf-8")
    assert text[r["from"]:r["to"]] == "trotoar"  # offsets in the stored clean text (same here)


def test_pillar_and_status(corpora):
    data = load_data_dir(corpora.base)
    rows = kwic(data, pillar="smart_environment", status="not_addressed")
    assert rows and all(r["status"] == "not_addressed" and r["cue"] for r in rows)
    assert kwic(data, pillar="smart_environment", status="implemented") == []
    flipped = kwic(load_data_dir(corpora.flipped), pillar="smart_environment", status="implemented")
    assert flipped and {r["keyword"] for r in flipped} == {r["keyword"] for r in rows}


def test_unrelated_documents_only_when_asked(corpora):
    assert kwic(load_data_dir(corpora.news), term="rendang") == []
    everything = load_data_dir(corpora.news, relevant_only=False)
    assert kwic(everything, term="rendang")
    # the summary still counts the relevant ones only
    assert everything.summary.relevant == 3


def test_csv_and_table(corpora):
    rows = kwic(load_data_dir(corpora.news), term="sampah")
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert list(parsed[0]) == list(FIELDS) and len(parsed) == len(rows) >= 2
    table = to_table(rows, width=80)
    lines = table.splitlines()
    assert len(lines) == len(rows) and all(len(line) <= 80 for line in lines)
    assert len({line.index("| sampah") for line in lines}) == 1  # keywords in one column
