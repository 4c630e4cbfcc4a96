"""Tabular sources: one document per row, a column mapping, per-row errors, duplicates."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from pipeline.analyze import analyze_paths
from pipeline.ingest import ColumnMap, IngestError, read_path, read_source
from pipeline.schema import Document

ROWS = [
    {"id": "a1", "judul": "Halte baru", "isi_berita": "Pemprov DKI sudah membangun halte baru di Sudirman.\nWarga senang.", "tanggal": "10/21/2025 20:43", "tautan": "https://x.id/a1"},
    {"id": "a2", "judul": "Kosong", "isi_berita": "   ", "tanggal": "10/22/2025 08:00", "tautan": "https://x.id/a2"},
    {"id": "a3", "judul": "Halte baru (lagi)", "isi_berita": "Pemprov DKI sudah membangun halte baru di Sudirman.\nWarga senang.", "tanggal": "10/23/2025 09:00", "tautan": "https://x.id/a3"},
]


def _csv(path):
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    return path


def _jsonl(path):
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n{not json\n", encoding="utf-8")
    return path


def _parquet(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(ROWS), path)
    return path


@pytest.mark.parametrize("writer, suffix", [(_csv, ".csv"), (_jsonl, ".jsonl"), (_parquet, ".parquet")])
def test_rows_become_documents_with_mapped_metadata(writer, suffix, tmp_path):
    path = writer(tmp_path / f"news{suffix}")
    items = read_source(path)
    first = items[0]
    assert isinstance(first, Document)
    assert first.title == "Halte baru" and first.date == "2025-10-21T20:43+07:00" and first.url == "https://x.id/a1"
    assert first.source == str(path) and first.source_key == f"{path}#a1"
    assert first.text == "Pemprov DKI sudah membangun halte baru di Sudirman.\n\nWarga senang."
    bad = items[1]
    assert isinstance(bad, IngestError) and bad.source == f"{path}#a2" and "empty text" in bad.reason
    assert items[2].doc_id == first.doc_id  # same text: a duplicate, caught downstream
    if suffix == ".jsonl":
        assert isinstance(items[3], IngestError) and "not JSON" in items[3].reason
    assert [d.title for d in read_path(path)] == ["Halte baru", "Halte baru (lagi)"]


def test_analyze_reports_row_errors_and_duplicates(tmp_path):
    path = _csv(tmp_path / "news.csv")
    results, rejected = analyze_paths([str(path)])
    assert rejected == 1
    first, bad, dup = results
    assert first["source_key"] == f"{path}#a1" and first["title"] == "Halte baru"
    assert bad == {"source": f"{path}#a2", "error": bad["error"]}
    assert dup["duplicate_of"] == first["doc_id"]
    assert dup["source_key"] == f"{path}#a3" and dup["title"] == "Halte baru (lagi)" and dup["date"] == "2025-10-23T09:00+07:00"


def test_explicit_column_mapping(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("kode;headline;naskah\nk9;Judul;Pemerintah kota meluncurkan aplikasi layanan publik.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no text column"):
        read_source(path)
    (doc,) = read_source(path, columns=ColumnMap.parse(["text=naskah", "id=kode"]))
    assert doc.source_key == f"{path}#k9" and doc.title == "Judul"
    with pytest.raises(IngestError, match="no column 'isi'"):
        read_source(path, columns=ColumnMap(text="isi"))
    with pytest.raises(ValueError):
        ColumnMap.parse(["body=naskah"])


def test_cli_column_option(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("kode,naskah\nk9,Pemerintah kota meluncurkan aplikasi layanan publik.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(path), "-c", "text=naskah,id=kode", "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source_key"] == f"{path}#k9"
    bad = subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(path), "-c", "body=naskah"], capture_output=True, text=True)
    assert bad.returncode == 2


@pytest.mark.shared
def test_detik_csv_reads_every_row(detik_csv):
    items = read_source(detik_csv)
    assert len(items) == 967 and all(isinstance(i, Document) for i in items)
    first = next(i for i in items if i.source_key.endswith("#1"))
    assert first.title.startswith("Presiden Banggakan Inflasi")
    assert first.date == "2025-10-21T20:43+07:00"
    assert first.url.startswith("https://news.detik.com/")
    assert first.metadata["fields"]["keyword_sumber"] == "inflasi"
    assert all("SCROLL TO CONTINUE WITH CONTENT" not in i.text for i in items)
    assert sum(i.metadata["cleaning"].get("debris_lines", 0) for i in items) >= 967
    assert len({i.doc_id for i in items}) < len(items)  # the dump repeats articles


@pytest.mark.shared
@pytest.mark.slow
def test_detik_full_corpus_through_the_cli(detik_csv):
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pipeline", "analyze", str(detik_csv), "--format", "jsonl"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == 967
    dups = [r for r in results if "duplicate_of" in r]
    assert len(dups) == 91
    assert len({r["doc_id"] for r in results}) == 876
    not_id = [r for r in results if r["language"] != "id"]
    assert len(not_id) <= 10
    print(f"\nDetik: {elapsed:.1f}s, {len(dups)} duplicates, {len(not_id)} not Indonesian")
