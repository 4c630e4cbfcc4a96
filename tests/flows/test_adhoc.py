"""analyze_documents: an ad hoc list of files, contract objects back, optionally into a data folder."""

from __future__ import annotations

import pandas as pd

from pipeline.flows.corpus import analyze_documents
from pipeline.schema import PILLARS


def test_analyze_documents_returns_contract_objects_in_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.txt").write_text("Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    out = analyze_documents(paths=["b.txt", "a.txt"])
    assert [("error" in r) for r in out] == [False, True]
    assert set(out[0]["pillars"]) == set(PILLARS) and out[0]["pillars"]["smart_mobility"]["status"] == "implemented"

    out = analyze_documents(paths=["b.txt"], data_dir=str(tmp_path / "data"))
    assert len(out) == 1
    docs = pd.read_parquet(tmp_path / "data" / "documents")
    assert list(docs.source_key) == ["b.txt"]
