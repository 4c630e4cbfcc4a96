"""The README's pandas and DuckDB examples run, as written, against a real data folder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from datasets.conftest import _lexicon
from pipeline.corpora.run import run_corpus_direct

README = Path(__file__).resolve().parents[2] / "README.md"
MARK = "<!-- The two examples below are run by tests/datasets/test_readme.py. -->"


def _examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    after = text[text.index(MARK) + len(MARK):]
    return re.findall(r"```python\n(.*?)```", after, re.S)[:2]


def test_readme_pandas_and_duckdb_examples_run(news, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    data = work / "data"
    run_corpus_direct(str(news), data_dir=data, settings=_lexicon())
    run_corpus_direct(str(news), data_dir=data, settings=_lexicon())  # a second version, for version=-2
    pandas_example, duckdb_example = _examples()
    assert "load_dataset" in pandas_example and "pipeline.connect" in duckdb_example
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", pandas_example], cwd=work, capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "smart_mobility" in out.stdout and "implemented" in out.stdout
    out = subprocess.run([sys.executable, "-c", duckdb_example], cwd=work, capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "smart_mobility" in out.stdout and "Publication date" in out.stdout
