"""Small dated corpora for the dataset tests (no Prefect: ``run_corpus_direct``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

#: Four news rows: two zones, a date alone, one undated; texts about three pillars.
ROWS = [
    {"id": "n1", "judul": "Halte baru", "tanggal": "Senin, 01 Des 2025 | 10:15 WIB",
     "isi_berita": "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta. Warga senang."},
    {"id": "n2", "judul": "Sampah Makassar", "tanggal": "Selasa, 02 Des 2025 | 09:30 WITA",
     "isi_berita": "Pemkot Makassar akan membangun fasilitas pengolahan sampah dan ruang terbuka hijau pada 2026."},
    {"id": "n3", "judul": "Layanan JAKI", "tanggal": "15 November 2025",
     "isi_berita": "Pelayanan publik secara online melalui aplikasi JAKI sudah diterapkan di seluruh kelurahan."},
    {"id": "n4", "judul": "Tanpa tanggal", "tanggal": "",
     "isi_berita": "Dinas Perhubungan akan mengintegrasikan tarif transportasi publik di Jakarta."},
]


def write_news(root: Path, rows: list[dict[str, str]] = ROWS, *, name: str = "news") -> Path:
    """``root/news.csv`` and ``root/news.toml`` (a table source); returns the TOML path."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "judul", "tanggal", "isi_berita"])
        writer.writeheader()
        writer.writerows(rows)
    toml = root / f"{name}.toml"
    toml.write_text(
        f'name = "{name}"\n[[sources]]\ntable = "{name}.csv"\nkey = "id"\n'
        'columns = { text = "isi_berita", title = "judul", date = "tanggal" }\n', encoding="utf-8")
    return toml


@pytest.fixture
def news(tmp_path) -> Path:
    return write_news(tmp_path / "corpus")


@pytest.fixture
def news_data(news, tmp_path) -> Path:
    """The news corpus run once into ``tmp_path/data``."""
    from pipeline.corpora.run import run_corpus_direct

    data = tmp_path / "data"
    run_corpus_direct(str(news), data_dir=data, settings=_lexicon())
    return data


def _lexicon():
    from pipeline.analyzer import Settings

    return Settings(tagger="lexicon")
