"""The package as others use it: a built wheel in a fresh venv, spaCy's entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "Pemprov DKI sudah meluncurkan aplikasi layanan publik daring, sedangkan jalur sepeda belum ada."


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


def test_spacy_finds_the_components_after_a_plain_import(tmp_path):
    """`spacy.blank("id").add_pipe("pilar_pillars")` in a fresh process; to_disk → spacy.load."""
    code = f"""
import json, spacy
nlp = spacy.blank("id", config={{"nlp": {{"tokenizer": {{"@tokenizers": "pilar.id_tokenizer.v1"}}}}}})
for name in ("pilar_sentences", "pilar_pillars", "pilar_programs", "pilar_status", "pilar_actors"):
    nlp.add_pipe(name)
nlp.to_disk({str(tmp_path / "pipe")!r})
loaded = spacy.load({str(tmp_path / "pipe")!r})
doc = loaded({SENTENCE!r})
print(json.dumps({{"pipes": loaded.pipe_names,
                   "pillars": [(s._.pillar, s._.status) for s in doc.spans["pillars"]]}}))
"""
    # no `import pipeline` anywhere in the child: spaCy must find it through the entry points
    res = _run([sys.executable, "-c", code], cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["pipes"] == ["pilar_sentences", "pilar_pillars", "pilar_programs", "pilar_status", "pilar_actors"]
    found = dict(out["pillars"])
    assert found.get("smart_government") == "implemented"
    assert found.get("smart_mobility") == "not_addressed"


@pytest.mark.slow
def test_wheel_installs_and_analyses_in_a_fresh_venv(tmp_path):
    """Build the wheel, install it (no checkout on the path), analyse a sentence with the packaged models."""
    wheels = tmp_path / "wheels"
    res = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(wheels), str(ROOT)])
    if res.returncode != 0:  # `build` needs setuptools from the index for its isolated env
        pytest.skip(f"could not build the wheel: {res.stderr[-300:]}")
    wheel = next(wheels.glob("pilar-*.whl"))
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)]).returncode == 0
    py = venv / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # the dependencies come from this environment's site-packages (a plain path entry: its
    # .pth files, among them the editable install of the checkout, are not processed)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    res = _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--quiet", str(wheel)])
    if res.returncode != 0 and "--python" in res.stderr:
        pytest.skip("pip too old for --python")
    assert res.returncode == 0, res.stderr[-2000:]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PILAR_")}
    code = (
        "import json, pipeline; from pipeline import analyze_text; from pipeline.config import models_dir;"
        f"r = analyze_text({SENTENCE!r}, tagger='combined');"
        "print(json.dumps({'file': pipeline.__file__, 'models': str(models_dir()),"
        " 'statuses': {p: v['status'] for p, v in r['pillars'].items()}}))"
    )
    res = _run([str(py), "-c", code], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert str(venv) in out["file"] and str(ROOT) not in out["file"]
    assert out["models"].startswith(str(venv))
    assert out["statuses"]["smart_government"] == "implemented"
    assert out["statuses"]["smart_mobility"] == "not_addressed"
    # the console script works too
    res = _run([str(venv / "bin" / "pilar"), "version"], cwd=tmp_path, env=env)
    assert res.returncode == 0 and "lexicon" in res.stdout.lower()
