"""Helpers for the safety tests: small corpora, damaged model folders, comparing data folders."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from pipeline.config import PROJECT_DIR
from pipeline.store.schemas import SORT_KEYS, TABLES

#: Columns that differ between two runs of the same content (who made a row, when).
RUN_COLUMNS = {"run_id", "analyzed_at", "rejected_at"}

DOCS = {
    "a_trotoar.md": "# Trotoar\n\nPemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta.",
    "b_sampah.txt": "Pemerintah kota akan membangun fasilitas pengolahan sampah dan ruang terbuka hijau pada 2026.",
    "c_layanan.txt": "Pelayanan publik secara online melalui aplikasi JAKI sudah diterapkan di seluruh kelurahan.",
}

SENTENCES = [
    "Pemprov DKI telah merevitalisasi trotoar di kawasan {n}.",
    "Pemerintah kota akan membangun fasilitas pengolahan sampah nomor {n} pada 2026.",
    "Aplikasi layanan publik JAKI versi {n} sudah diterapkan di kelurahan.",
    "Dinas Perhubungan berencana mengintegrasikan tarif transportasi publik di koridor {n}.",
    "Sekolah Rakyat {n} akan dibuka untuk anak dari keluarga miskin.",
]


def text(n: int) -> str:
    """A short policy text, different for every ``n``."""
    return " ".join(SENTENCES[(n + i) % len(SENTENCES)].format(n=n) for i in range(3))


def write_corpus(root: Path, docs: dict[str, str], *, name: str = "mini") -> Path:
    """A folder of documents plus ``NAME.toml`` pointing at it; returns the TOML path."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for fname, body in docs.items():
        (folder / fname).write_text(body, encoding="utf-8")
    toml = root / f"{name}.toml"
    toml.write_text(f'name = "{name}"\n\n[[sources]]\nfolder = "{name}"\n', encoding="utf-8")
    return toml


def write_table_corpus(root: Path, rows: list[dict[str, str]], *, name: str = "tab", key: str | None = None,
                       fmt: str = "csv", extra: str = "") -> tuple[Path, Path]:
    """A CSV or JSONL table plus its TOML; returns ``(toml, table path)``."""
    root.mkdir(parents=True, exist_ok=True)
    table = root / f"{name}.{fmt}"
    write_rows(table, rows)
    key_line = f'key = "{key}"\n' if key else ""
    (root / f"{name}.toml").write_text(
        f'name = "{name}"\n[[sources]]\ntable = "{table.name}"\n{key_line}columns = {{ text = "text" }}\n{extra}',
        encoding="utf-8")
    return root / f"{name}.toml", table


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def snapshot(data_dir: Path, *, drop_run_columns: bool = True) -> dict[str, pd.DataFrame]:
    """Every table but ``runs``, in canonical order (read with pandas, as a user would)."""
    out = {}
    for name in TABLES:
        if name == "runs":
            continue
        df = pd.read_parquet(Path(data_dir) / name)
        if drop_run_columns:
            df = df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS])
        out[name] = df.sort_values(SORT_KEYS[name]).reset_index(drop=True)
    return out


def assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert set(a) == set(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def models_copy(dest: Path) -> Path:
    """A private copy of the checkout's models folder (to damage)."""
    shutil.copytree(PROJECT_DIR / "models", dest)
    return dest


def flip_byte(path: Path, offset: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    i = len(data) // 2 if offset is None else offset
    data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def rehash_manifest(classifier: Path) -> None:
    """Make the manifest agree with whatever the files now hold (a damage the checksum cannot see)."""
    manifest = json.loads((classifier / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest["files"]:
        manifest["files"][name] = hashlib.sha256((classifier / name).read_bytes()).hexdigest()
    (classifier / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def table_file(data_dir: Path, name: str) -> Path:
    return Path(data_dir) / name / "part-0.parquet"


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, **extra)
    env.pop("PILAR_DATA_DIR", None)
    return env
