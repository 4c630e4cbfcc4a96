"""`pilar report | compare | kwic` as a user calls them: files, exit codes, one-line errors, help."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from report.samples import UNRELATED


@pytest.fixture
def run():
    runner = CliRunner()

    def call(*args: str, **env: str):
        return runner.invoke(app, list(args), env={"COLUMNS": "80", **env})
    return call


def test_report_writes_html_and_markdown(run, corpora, tmp_path):
    out = tmp_path / "laporan.html"
    res = run("report", "--corpus", str(corpora.news_toml), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert out.exists() and (tmp_path / "laporan.md").exists()
    assert "compared with tesis" in res.output and "3 unrelated left out" in res.output
    html = out.read_text(encoding="utf-8")
    assert "Dibandingkan dengan tesis" in html
    res = run("report", "--data-dir", str(corpora.news), "--no-baseline", "--lang", "en", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "Compared with" not in out.read_text(encoding="utf-8")


def test_report_refuses_a_data_folder_of_another_corpus(run, corpora, tmp_path):
    """A corpus whose data folder holds another corpus's rows (its own run not done yet) gets
    no report of those rows under its name (the newcomer's `pilar report --corpus my/`)."""
    toml = tmp_path / "lain.toml"
    (tmp_path / "lain").mkdir()
    (tmp_path / "lain" / "a.txt").write_text("Pemkot membangun jalur sepeda.", encoding="utf-8")
    toml.write_text(f'name = "lain"\noutput = "{corpora.base}"\n\n[[sources]]\nfolder = "lain"\n',
                    encoding="utf-8")
    out = tmp_path / "r.html"
    res = run("report", "--corpus", str(toml), "-o", str(out))
    assert res.exit_code != 0
    assert "holds corpus 'tesis', not 'lain'" in res.output and not out.exists()


def test_report_default_goes_into_the_data_folder(run, corpora):
    res = run("report", "--data-dir", str(corpora.base))
    assert res.exit_code == 0, res.output
    assert (corpora.base / "report.html").exists() and (corpora.base / "report.md").exists()


def test_compare_json_and_table(run, corpora):
    res = run("compare", str(corpora.news), "--baseline", str(corpora.base), "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {p["pillar"]: p["counts"]["adds"] for p in out["pillars"]}["smart_environment"] == 1
    res = run("compare", str(corpora.news_toml), "--baseline", str(corpora.base_toml))
    assert res.exit_code == 0, res.output
    assert "smart_environment" in res.output
    for title in UNRELATED:
        assert title[:30] not in res.output


def test_kwic_csv_and_table(run, corpora):
    res = run("kwic", "--pillar", "environment", "--status", "not_addressed", "--data-dir", str(corpora.base),
              "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["pillar"] == "smart_environment"
    res = run("kwic", "sampah", "--corpus", str(corpora.news))
    assert res.exit_code == 0 and "| sampah" in res.stdout


def test_errors_are_one_line_and_say_what_to_do(run, tmp_path):
    res = run("report", "--data-dir", str(tmp_path / "nothing"))
    assert res.exit_code == 1
    assert res.output.strip().count("\n") == 0 and "run `pilar run" in res.output
    res = run("kwic", "--pillar", "transport", "--data-dir", str(tmp_path))
    assert res.exit_code == 2 and "unknown pillar" in res.output
    res = run("kwic", "--data-dir", str(tmp_path))
    assert res.exit_code == 2 and "TERM or --pillar" in res.output
    res = run("compare", "no-such-corpus")
    assert res.exit_code == 2 and "no corpus 'no-such-corpus'" in res.output


@pytest.mark.parametrize("command", ["report", "compare", "kwic"])
def test_help_fits_80_columns(run, command):
    res = run(command, "--help")
    assert res.exit_code == 0
    assert all(len(line) <= 80 for line in res.output.splitlines()), res.output
