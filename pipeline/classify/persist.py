"""Model files in plain formats, checked against a SHA-256 manifest before use.

A bundle is three files in one folder (``models/classifier`` by default):

- ``model.json``: vocabularies, analyzer settings, class names, thresholds, training info;
- ``weights.npz``: idf vectors, coefficients and intercepts, read with
  ``numpy.load(allow_pickle=False)`` (so no object arrays, no code);
- ``manifest.json``: the SHA-256 of both files, the format version and the training date.

Nothing is unpickled: the models are rebuilt from these arrays and strings by the same
code that training uses. A file whose hash differs from the manifest is refused with
:class:`ModelIntegrityError`; the fix is ``pilar train``. The archive is written with fixed
entry dates and a sorted layout, so the same seed and data give byte-identical files.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.classify.bundle import Bundle
from pipeline.classify.features import TextFeatures, TfidfFeatures
from pipeline.classify.linear import LinearModel
from pipeline.classify.models import PillarModel, RelevanceModel, StatusModel
from pipeline.config import models_dir

FORMAT_VERSION = 1
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
MANIFEST_FILE = "manifest.json"


class ModelIntegrityError(RuntimeError):
    """A model file is missing from the manifest, altered, or unreadable."""


class ModelMissingError(FileNotFoundError):
    """No trained model in the folder."""


def classifier_dir() -> Path:
    return models_dir() / "classifier"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# -- bundle ⇄ (meta, arrays) --------------------------------------------------------------

def _tfidf_out(f: TfidfFeatures, name: str, arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    meta, arr = f.to_params()
    arrays[f"{name}.idf"] = arr["idf"]
    return meta


def _tfidf_in(meta: dict[str, Any], name: str, arrays: dict[str, np.ndarray]) -> TfidfFeatures:
    return TfidfFeatures.from_params(meta, {"idf": arrays[f"{name}.idf"]})


def bundle_to_parts(bundle: Bundle) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    arrays: dict[str, np.ndarray] = {}
    meta: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "info": bundle.info,
        "text": {"word": _tfidf_out(bundle.text.word, "text.word", arrays),
                 "char": _tfidf_out(bundle.text.char, "text.char", arrays)},
        "pillars": {}, "status": {}, "relevance": None,
    }
    for name, m in bundle.pillars.items():
        arrays.update(m.lm.to_arrays(f"pillars.{name}"))
        meta["pillars"][name] = {"lm": m.lm.to_meta(), "use_lexicon": m.use_lexicon, "threshold": m.threshold}
    for name, s in bundle.status.items():
        arrays.update(s.lm.to_arrays(f"status.{name}"))
        meta["status"][name] = {"lm": s.lm.to_meta(), "use_lexicon": s.use_lexicon}
    if bundle.relevance:
        first = next(iter(bundle.relevance.values()))
        meta["relevance"] = {"tfidf": _tfidf_out(first.tfidf, "doc", arrays), "models": {}}
        for name, r in bundle.relevance.items():
            arrays.update(r.lm.to_arrays(f"relevance.{name}"))
            meta["relevance"]["models"][name] = {"lm": r.lm.to_meta(), "use_lexicon": r.use_lexicon}
    return meta, arrays


def bundle_from_parts(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> Bundle:
    if meta.get("format") != FORMAT_VERSION:
        raise ModelIntegrityError(f"model format {meta.get('format')!r} is not {FORMAT_VERSION}: run `pilar train`")
    text = TextFeatures(_tfidf_in(meta["text"]["word"], "text.word", arrays),
                        _tfidf_in(meta["text"]["char"], "text.char", arrays))
    pillars = {
        name: PillarModel(text, LinearModel.from_parts(m["lm"], arrays, f"pillars.{name}"), m["use_lexicon"], m["threshold"])
        for name, m in meta["pillars"].items()
    }
    status = {
        name: StatusModel(text, LinearModel.from_parts(m["lm"], arrays, f"status.{name}"), m["use_lexicon"])
        for name, m in meta["status"].items()
    }
    relevance = None
    if meta.get("relevance"):
        tfidf = _tfidf_in(meta["relevance"]["tfidf"], "doc", arrays)
        relevance = {
            name: RelevanceModel(tfidf, LinearModel.from_parts(m["lm"], arrays, f"relevance.{name}"), m["use_lexicon"])
            for name, m in meta["relevance"]["models"].items()
        }
    return Bundle(text, pillars, status, relevance, dict(meta.get("info", {})))


# -- files --------------------------------------------------------------------------------

def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """An ``.npz`` numpy can read, with fixed entry dates so that equal arrays give equal bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def save_bundle(bundle: Bundle, folder: Path | None = None, *, trained_at: str | None = None) -> dict[str, Any]:
    """Write the bundle and its manifest; return the manifest."""
    folder = Path(folder) if folder else classifier_dir()
    folder.mkdir(parents=True, exist_ok=True)
    meta, arrays = bundle_to_parts(bundle)
    (folder / MODEL_FILE).write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=None) + "\n",
                                     encoding="utf-8")
    _write_npz(folder / WEIGHTS_FILE, arrays)
    manifest = {
        "format": FORMAT_VERSION,
        "trained_at": trained_at or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seed": bundle.info.get("seed"),
        "files": {name: sha256_file(folder / name) for name in (MODEL_FILE, WEIGHTS_FILE)},
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def verify(folder: Path) -> dict[str, Any]:
    """Check every model file against the manifest; raise on any mismatch."""
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.exists():
        raise ModelMissingError(f"no trained model in {folder} (run `pilar train`)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected = manifest["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelIntegrityError(f"{manifest_path}: unreadable manifest ({exc}); run `pilar train` to rebuild the model") from None
    for name in (MODEL_FILE, WEIGHTS_FILE):
        path = folder / name
        if not path.exists():
            raise ModelIntegrityError(f"{path} is missing; run `pilar train` to rebuild the model")
        actual = sha256_file(path)
        if expected.get(name) != actual:
            raise ModelIntegrityError(
                f"{path} failed its SHA-256 check (expected {str(expected.get(name))[:12]}…, got {actual[:12]}…): "
                "refusing to load a model file that was changed after training; run `pilar train` to rebuild it"
            )
    return manifest


def load_bundle(folder: Path | None = None) -> Bundle:
    """Verify, then rebuild the bundle from JSON and a pickle-free NPZ."""
    folder = Path(folder) if folder else classifier_dir()
    manifest = verify(folder)
    meta = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    bundle = bundle_from_parts(meta, arrays)
    bundle.info["trained_at"] = manifest.get("trained_at")
    return bundle
