"""A corpus run over real news (60 Detik rows) with the default tagger: every table valid."""

import csv

import pipeline
from pipeline.corpora.run import run_corpus_direct


def test_direct_run_over_detik_rows(tmp_path, detik_csv):
    csv.field_size_limit(10**9)
    with detik_csv.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [r for _, r in zip(range(60), reader, strict=False)]
    sample = tmp_path / "sample.csv"
    with sample.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    toml = tmp_path / "news.toml"
    toml.write_text(
        'name = "news"\n[[sources]]\ntable = "sample.csv"\nkey = "id"\n'
        'columns = { text = "isi_berita", title = "judul", date = "tanggal", url = "tautan" }\n',
        encoding="utf-8",
    )
    report = run_corpus_direct(str(toml), data_dir=tmp_path / "data")
    assert (report.documents_seen, report.documents_rejected) == (60, 0)
    docs = pipeline.load_dataset("documents", data_dir=tmp_path / "data")
    assert len(docs) == 60 and docs["date"].notna().all()
    mentions = pipeline.load_dataset("mentions", data_dir=tmp_path / "data")
    assert mentions["term"].notna().all() and len(mentions) > 0
    again = run_corpus_direct(str(toml), data_dir=tmp_path / "data")
    assert again.documents_analyzed == 0
