"""Small corpora for the report tests, run through the real pipeline (no Prefect:
``run_corpus_direct``) into temporary data folders: a baseline text, the same text with one
"belum" turned into "sudah", a news table (dated, with links, an exact duplicate and three
unrelated articles), and the thesis chapter itself.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pipeline.schema import PILLARS

BASE_TEXT = (
    "Kerja sama kota cerdas antara Pemprov DKI Jakarta dan Berlin berlangsung sejak 2017. "
    "Layanan publik online melalui aplikasi JAKI sudah diterapkan di seluruh kelurahan. "
    "Revitalisasi trotoar dan integrasi transportasi publik telah dilakukan oleh Pemprov DKI. "
    "Namun pengelolaan sampah dan ruang terbuka hijau belum disentuh dalam kerja sama ini.\n"
)
#: The one edit that turns the baseline's environment from untouched to running.
FLIP = ("belum disentuh", "sudah berjalan")

SAMPAH = ("Pemerintah kota telah membangun fasilitas pengolahan sampah dan ruang terbuka hijau di Jakarta Timur. "
          "Fasilitas pengolahan sampah itu sudah beroperasi sejak Maret 2025 dan ditargetkan menampung seluruh "
          "sampah kota pada 2027.")
NEWS = [
    {"id": "1", "judul": "Pemkot Bangun Fasilitas Pengolahan Sampah", "tanggal": "2025-03-10",
     "tautan": "https://news.example.id/sampah", "isi_berita": SAMPAH},
    {"id": "2", "judul": "Integrasi Transportasi Publik Belum Ada Kemajuan", "tanggal": "2025-04-02",
     "tautan": "https://news.example.id/transportasi",
     "isi_berita": "Integrasi transportasi publik di Jakarta belum ada kemajuan. Trotoar di banyak ruas jalan "
                   "juga belum diperbaiki oleh Dinas Bina Marga."},
    {"id": "3", "judul": "Pemprov Luncurkan Gerakan Literasi Digital", "tanggal": "2025-04-15",
     "tautan": "https://news.example.id/literasi",
     "isi_berita": "Pemprov DKI meluncurkan program Gerakan Literasi Digital (GLD) untuk pendidikan warga pada "
                   "2025. Program GLD ditargetkan menjangkau seluruh sekolah negeri hingga 2030."},
    {"id": "4", "judul": "Resep Rendang Padang yang Empuk dan Gurih", "tanggal": "2025-03-12",
     "tautan": "https://news.example.id/rendang",
     "isi_berita": "Rendang adalah masakan khas Padang. Siapkan satu kilogram daging sapi, santan kental, cabai, "
                   "bawang merah, dan bawang putih. Masak dengan api kecil selama tiga jam sambil terus diaduk "
                   "hingga bumbu meresap dan daging empuk."},
    {"id": "5", "judul": "Persija Tundukkan Persib 2-1 di Stadion Utama", "tanggal": "2025-04-20",
     "tautan": "https://news.example.id/bola",
     "isi_berita": "Persija Jakarta menang 2-1 atas Persib Bandung dalam laga Liga 1. Gol kemenangan dicetak pada "
                   "menit ke-88 lewat sundulan kepala. Pelatih memuji mental para pemain yang terus menekan hingga "
                   "akhir laga."},
    {"id": "6", "judul": "Polisi Tangkap Pencuri Sepeda Motor di Bekasi", "tanggal": "2025-04-22",
     "tautan": "https://news.example.id/motor",
     "isi_berita": "Polisi menangkap dua pria yang mencuri sepeda motor di sebuah perumahan di Bekasi. Pelaku "
                   "ditangkap setelah rekaman kamera pengawas beredar. Keduanya kini ditahan dan dijerat pasal "
                   "pencurian dengan pemberatan."},
    {"id": "7", "judul": "Salinan: Pemkot Bangun Fasilitas Pengolahan Sampah", "tanggal": "2025-03-11",
     "tautan": "https://news.example.id/sampah-2", "isi_berita": SAMPAH},
]
#: Titles of the articles that are not about urban policy: they must appear nowhere.
UNRELATED = [n["judul"] for n in NEWS[3:6]]


@dataclass
class Corpora:
    base: Path          # data folder of the baseline text
    base_toml: Path
    flipped: Path       # data folder of the same text with FLIP applied
    news: Path          # data folder of the news table
    news_toml: Path
    thesis: Path        # data folder of corpora/thesis


def _folder_corpus(root: Path, name: str, text: str, out: Path) -> Path:
    (root / name).mkdir(parents=True)
    (root / name / f"{name}.txt").write_text(text, encoding="utf-8")
    toml = root / f"{name}.toml"
    toml.write_text(f'name = "{name}"\noutput = "{out}"\n\n[[sources]]\nfolder = "{name}"\n', encoding="utf-8")
    return toml


def build(root: Path) -> Corpora:
    """Write the corpora under ``root`` and run each into its data folder."""
    from pipeline.corpora.run import run_corpus_direct

    base_toml = _folder_corpus(root, "tesis", BASE_TEXT, root / "data-tesis")
    flip_toml = _folder_corpus(root, "tesis_balik", BASE_TEXT.replace(*FLIP), root / "data-balik")
    with (root / "berita.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(NEWS[0]))
        w.writeheader()
        w.writerows(NEWS)
    news_toml = root / "berita.toml"
    news_toml.write_text(
        f'name = "berita"\nbaseline = "{base_toml}"\noutput = "{root / "data-berita"}"\n\n[[sources]]\n'
        'table = "berita.csv"\nkey = "id"\n'
        'columns = { text = "isi_berita", title = "judul", date = "tanggal", url = "tautan" }\n', encoding="utf-8")
    for toml in (base_toml, flip_toml, news_toml):
        run_corpus_direct(toml)
    run_corpus_direct("thesis", data_dir=root / "data-thesis")
    return Corpora(base=root / "data-tesis", base_toml=base_toml, flipped=root / "data-balik",
                   news=root / "data-berita", news_toml=news_toml, thesis=root / "data-thesis")


def rows(docs: dict[str, dict[str, tuple[str, str | None]]], *, unrelated: tuple[str, ...] = ()) -> dict:
    """Table rows for ``{doc_id: {pillar: (status, cue)}}``; one sentence per document."""
    out: dict[str, list[dict]] = {t: [] for t in ("documents", "sentences", "mentions", "programs", "pillar_summary")}
    for d in (*docs, *unrelated):
        text = " ".join(f"{cue or 'disebut'} {p.replace('_', ' ')}." for p, (_, cue) in docs.get(d, {}).items()) or "Resep."
        out["documents"].append({"doc_id": d, "source_key": d, "source": d, "title": f"judul {d}", "date": None,
                                 "url": None, "relevance": 0.9 if d in docs else 0.1, "relevant": d in docs,
                                 "word_count": 10, "years": [], "summary": "", "duplicate_of": None})
        out["sentences"].append({"doc_id": d, "sentence": 0, "start": 0, "end": len(text), "section": None,
                                 "status": None, "cue": None, "text": text})
        for p in PILLARS:
            status, cue = docs.get(d, {}).get(p, ("not_mentioned", None))
            out["pillar_summary"].append({"doc_id": d, "pillar": p, "status": status, "mentions": 1, "relevant": d in docs})
            if status != "not_mentioned":
                term = p.replace("_", " ")
                start = text.index(term)
                out["mentions"].append({
                    "doc_id": d, "sentence": 0, "start": start, "end": start + len(term), "pillar": p, "driver": None,
                    "term": term, "text": term, "method": "lexicon", "rule": "cue" if cue else "none", "section": None,
                    "status": None if status == "mentioned" else {"partial": "implemented"}.get(status, status), "cue": cue})
    return out
