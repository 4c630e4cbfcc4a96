"""Test helpers: small corpora, child-process environments, comparing data folders."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from pipeline.store.schemas import SORT_KEYS, TABLES

RUN_COLUMNS = {"run_id", "analyzed_at", "rejected_at"}


def snapshot(data_dir: Path, *, drop_run_columns: bool = False) -> dict[str, pd.DataFrame]:
    """Every table but ``runs``, in canonical order."""
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
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


DOCS = {
    "a_trotoar.md": "# Trotoar\n\nPemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta.",
    "b_sampah.txt": "Pemerintah kota akan membangun fasilitas pengolahan sampah dan ruang terbuka hijau pada 2026.",
    "c_layanan.txt": "Pelayanan publik secara online melalui aplikasi JAKI sudah diterapkan di seluruh kelurahan.",
}


def write_corpus(root: Path, docs: dict[str, str], *, name: str = "mini", extra: str = "") -> Path:
    """A folder of documents plus ``NAME.toml`` pointing at it; returns the TOML path."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for fname, text in docs.items():
        (folder / fname).write_text(text, encoding="utf-8")
    toml = root / f"{name}.toml"
    toml.write_text(f'name = "{name}"\n\n[[sources]]\nfolder = "{name}"\n{extra}', encoding="utf-8")
    return toml


def subprocess_env(api_url: str, **extra: str) -> dict[str, str]:
    """Environment for a child `pilar` process that reuses the session's Prefect server."""
    env = dict(os.environ, PREFECT_API_URL=api_url, **extra)
    return env


