"""Model files: plain formats, hash-checked, and a tampered file is refused."""

import json

import numpy as np
import pytest

from pipeline.classify.persist import (
    MANIFEST_FILE,
    MODEL_FILE,
    WEIGHTS_FILE,
    ModelIntegrityError,
    ModelMissingError,
    load_bundle,
    save_bundle,
)


@pytest.fixture()
def saved(tmp_path, small_bundle):
    save_bundle(small_bundle, tmp_path, trained_at="2026-11-30T00:00:00Z")
    return tmp_path


def test_round_trip_gives_the_same_predictions(saved, small_bundle, small_data):
    loaded = load_bundle(saved)
    views = [s.view for s in small_data.sentences]
    for system in ("model", "combined"):
        a = small_bundle.pillars[system].proba(views)
        b = loaded.pillars[system].proba(views)
        assert np.allclose(a, b, atol=1e-9)
        assert small_bundle.predict_sentences(views, system=system) == loaded.predict_sentences(views, system=system)


def test_weights_load_without_pickle(saved):
    with np.load(saved / WEIGHTS_FILE, allow_pickle=False) as npz:
        assert all(npz[name].dtype != object for name in npz.files)
    meta = json.loads((saved / MODEL_FILE).read_text(encoding="utf-8"))
    assert meta["format"] == 1 and "vocabulary" in meta["text"]["word"]


def test_tampered_weights_are_refused(saved):
    path = saved / WEIGHTS_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError) as err:
        load_bundle(saved)
    msg = str(err.value)
    assert "SHA-256" in msg and "pilar train" in msg and WEIGHTS_FILE in msg


def test_tampered_json_is_refused(saved):
    path = saved / MODEL_FILE
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["pillars"]["combined"]["threshold"] = 0.01
    path.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelIntegrityError, match="pilar train"):
        load_bundle(saved)


def test_missing_model_is_reported(tmp_path):
    with pytest.raises(ModelMissingError, match="pilar train"):
        load_bundle(tmp_path)


def test_manifest_records_hashes(saved):
    manifest = json.loads((saved / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {MODEL_FILE, WEIGHTS_FILE}
    assert all(len(h) == 64 for h in manifest["files"].values())


def test_tfidf_rebuilt_from_arrays_matches_sklearn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pipeline.classify.features import CHAR, WORD, TfidfFeatures

    texts = ["Pemkot membangun trotoar baru", "trotoar di  halte baru", "bank sampah warga", "halte bus baru",
             "Ia ke RS, di-cek 2x"]
    for params in (dict(WORD, min_df=1), dict(CHAR, min_df=1)):
        ours = TfidfFeatures.fit(texts, params=params)
        rebuilt = TfidfFeatures.from_params(*ours.to_params())
        ref = TfidfVectorizer(lowercase=True, sublinear_tf=True, **params).fit(texts)
        new = ["trotoar halte", "sampah baru baru", "ia di RS  x", ""]
        assert np.allclose(rebuilt.transform(new).toarray(), ref.transform(new).toarray())
