"""One Analyzer, one record: the CLI, the Python API, a corpus run's batch and the flow agree byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.analyzer import Settings
from pipeline.api import analyze_file
from pipeline.corpora.run import analyze_batch, versions
from pipeline.corpora.sources import discover_local
from pipeline.corpora.spec import CorpusSpec, SourceSpec
from pipeline.flows.corpus import analyze_documents

TEXT = (
    "# Kota cerdas\n\n"
    "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta. Aplikasi JAKI sudah diluncurkan, "
    "sedangkan jalur sepeda belum tersedia. Pemkot akan membangun ruang terbuka hijau pada 2026. "
    "Pilar smart economy disebut dalam dokumen perencanaan."
)


def _canon(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def test_cli_api_corpus_batch_and_flow_give_identical_records(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(TEXT, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "pipeline", "analyze", "doc.md", "--format", "json"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert cli.returncode == 0, cli.stderr
    from_cli = json.loads(cli.stdout)
    (from_api,) = analyze_file("doc.md")
    settings = Settings()
    spec = CorpusSpec(name="eq", root=tmp_path, sources=(SourceSpec(kind="file", location="doc.md"),))
    items, _ = discover_local(spec)
    _, lexicon, version = versions(settings)
    batch = analyze_batch(items, settings=settings, run_id="r", analysis_version=version,
                          lexicon_version=lexicon, keep_records=True)
    (from_run,) = [record for _, record in batch.records]
    (from_flow,) = analyze_documents(paths=["doc.md"])
    # the record says what the document says (not an empty shell that would trivially agree)
    assert from_cli["pillars"]["smart_mobility"]["status"] in ("implemented", "partial")
    assert from_cli["pillars"]["smart_economy"]["status"] == "mentioned"
    assert from_cli["relevant"] is True and from_cli["language"] == "id" and from_cli["format"] == "md"
    assert _canon(from_api) == _canon(from_cli)
    assert _canon(from_run) == _canon(from_cli)
    assert _canon(from_flow) == _canon(from_cli)
