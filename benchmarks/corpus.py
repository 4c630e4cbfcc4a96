"""Benchmark corpora: the Detik articles, multiplied with deterministic variations.

Copy ``v`` of article ``i`` has its paragraphs rotated by ``v`` and ``(versi v)`` appended to
its last paragraph, so every copy is a distinct text (its own content hash, analysed anew)
that reads like the original. Rows go to CSV files of 1,000 rows (under the 50 MiB file
limit) with a corpus definition beside them. Without ``../shared`` the thesis chapter's
paragraphs stand in for the articles.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.config import PROJECT_DIR, shared_dir

ROWS_PER_FILE = 1000


def articles() -> tuple[str, list[dict[str, str]]]:
    """``(what, rows)``: the Detik articles with text, else thesis paragraphs."""
    path = shared_dir() / "corpora" / "detik-2025" / "data_berita.csv"
    if path.exists():
        csv.field_size_limit(10**9)
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.DictReader(handle) if r["isi_berita"].strip()]
        return f"Detik articles ({len(rows)})", [
            {"id": r["id"], "judul": r["judul"], "tanggal": r["tanggal"], "tautan": r["tautan"], "isi_berita": r["isi_berita"]}
            for r in rows]
    text = (PROJECT_DIR / "corpora" / "thesis" / "bab6-penutup.txt").read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if len(p.split()) > 20]
    return f"thesis paragraphs ({len(paras)})", [
        {"id": str(i), "judul": f"Bab 6 bagian {i}", "tanggal": "", "tautan": "", "isi_berita": p}
        for i, p in enumerate(paras)]


def vary(text: str, v: int) -> str:
    """Copy ``v`` of ``text`` (``v = 0``: the text itself)."""
    if v == 0:
        return text
    paras = [p for p in text.split("\n") if p.strip()] or [text]
    k = v % len(paras)
    paras = paras[k:] + paras[:k]
    paras[-1] = f"{paras[-1]} (versi {v})"
    return "\n".join(paras)


def build(folder: Path, n: int, *, name: str = "bench") -> Path:
    """``n`` documents (``n / len(articles)`` copies of each) in ``folder``; returns the TOML."""
    _, rows = articles()
    folder.mkdir(parents=True, exist_ok=True)
    out: list[dict[str, str]] = []
    for k in range(n):
        r, v = rows[k % len(rows)], k // len(rows)
        out.append({**r, "id": f"{v}-{r['id']}", "judul": r["judul"] + (f" ({v})" if v else ""),
                    "isi_berita": vary(r["isi_berita"], v)})
    sources = []
    for part in range(0, len(out), ROWS_PER_FILE):
        path = folder / f"part-{part // ROWS_PER_FILE:03d}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(out[0]))
            writer.writeheader()
            writer.writerows(out[part:part + ROWS_PER_FILE])
        sources.append(f'[[sources]]\ntable = "{path.name}"\nkey = "id"\n'
                       'columns = { text = "isi_berita", title = "judul", date = "tanggal", url = "tautan" }\n')
    toml = folder / f"{name}.toml"
    toml.write_text(f'name = "{name}"\n\n' + "\n".join(sources), encoding="utf-8")
    return toml
