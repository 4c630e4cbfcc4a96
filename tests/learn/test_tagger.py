"""The combined tagger keeps the evidence contract, and the CLI chooses the tagger."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.classify.tagger import apply_tagger
from pipeline.ingest import document_from_text
from pipeline.nlp import analyze_document
from pipeline.schema import PILLARS

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta. "
        "Pemerintah kota akan membangun bank sampah di setiap kelurahan.")


@pytest.mark.parametrize("tagger", ["model", "combined"])
def test_mentions_keep_the_evidence_fields(small_bundle, tagger):
    doc = document_from_text(TEXT, source="t")
    lex = analyze_document(doc)
    res = apply_tagger(doc, lex, tagger=tagger, bundle=small_bundle)
    assert 0.0 <= res.relevance <= 1.0
    for m in res.mentions:
        assert m.pillar in PILLARS
        assert 0 <= m.sentence < len(res.sentences)
        assert isinstance(m.method, str) and m.method
        assert m.status in (None, "implemented", "planned", "not_addressed", "recommended")
        if m.method == "model":
            assert m.cue is None and (m.term is None or isinstance(m.term, str))
    assert lex.mentions is not res.mentions  # the lexicon analysis is left as it was


def test_lexicon_tagger_changes_nothing(small_bundle):
    doc = document_from_text(TEXT, source="t")
    lex = analyze_document(doc)
    assert apply_tagger(doc, lex, tagger="lexicon", bundle=small_bundle) is lex


def test_unknown_tagger_is_an_error(small_bundle):
    doc = document_from_text(TEXT, source="t")
    with pytest.raises(ValueError):
        apply_tagger(doc, analyze_document(doc), tagger="magic", bundle=small_bundle)


def _models_copy(tmp_path: Path) -> Path:
    models = tmp_path / "models"
    for sub in ("lexicon", "taxonomy", "classifier"):
        shutil.copytree(ROOT / "models" / sub, models / sub)
    return models


def _run(*args, env_models: Path):
    import os

    env = dict(os.environ, PILAR_MODELS_DIR=str(env_models))
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, env=env)


@pytest.mark.skipif(not (ROOT / "models" / "classifier" / "manifest.json").exists(), reason="no trained model")
def test_cli_refuses_a_tampered_model_and_lexicon_still_works(tmp_path):
    models = _models_copy(tmp_path)
    weights = models / "classifier" / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:-10] + b"0123456789")
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    proc = _run("analyze", str(f), "--format", "json", env_models=models)
    assert proc.returncode == 2
    assert "SHA-256" in proc.stderr and "pilar train" in proc.stderr and "Traceback" not in proc.stderr
    proc = _run("analyze", str(f), "--format", "json", "--tagger", "lexicon", env_models=models)
    assert proc.returncode == 0, proc.stderr
    assert set(json.loads(proc.stdout)["pillars"]) == set(PILLARS)


def test_cli_falls_back_to_lexicon_without_models(tmp_path):
    models = _models_copy(tmp_path)
    shutil.rmtree(models / "classifier")
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    proc = _run("analyze", str(f), "--format", "json", env_models=models)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("warning:") == 1 and "pilar train" in proc.stderr
    assert json.loads(proc.stdout)["pillars"]["smart_mobility"]["mentions"] >= 1
