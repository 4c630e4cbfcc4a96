"""``pilar train``: fit every model on train + dev and write the model files.

Reproducible: the data are read in a fixed order, every estimator gets the seed, the
solvers are deterministic (liblinear, lbfgs), and the files are written byte-stable, so
the same seed and data give the same SHA-256 (``tests/learn/test_determinism.py``).
The test split is never used for fitting or for choosing thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.classify.bundle import Bundle
from pipeline.classify.persist import classifier_dir, save_bundle
from pipeline.learn import DEFAULT_SEED
from pipeline.learn.dataset import Dataset, build_dataset
from pipeline.learn.fit import fit_bundle

TRAIN_SPLITS = ("train", "dev")


@dataclass
class TrainResult:
    bundle: Bundle
    manifest: dict[str, Any]
    folder: Path
    notes: list[str]


def training_data(data: Dataset) -> Dataset:
    return data.subset(data.doc_ids(*TRAIN_SPLITS))


def train(*, seed: int = DEFAULT_SEED, folder: Path | None = None, use_shared: bool = True,
          data: Dataset | None = None, trained_at: str | None = None) -> TrainResult:
    """Build the dataset (unless given), fit, save; return what was written."""
    data = data or build_dataset(use_shared=use_shared)
    train_set = training_data(data)
    bundle = fit_bundle(train_set, seed=seed)
    bundle.info["splits"] = list(TRAIN_SPLITS)
    bundle.info["shared_corpus"] = not any("not found" in n for n in data.notes)
    bundle.info["unaligned_sentences"] = data.unaligned
    folder = Path(folder) if folder else classifier_dir()
    manifest = save_bundle(bundle, folder, trained_at=trained_at)
    return TrainResult(bundle, manifest, folder, list(data.notes))
