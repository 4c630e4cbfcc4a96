"""The `pilar analyze` contract (DESIGN.md §3), through the real console entry point."""

import json
import subprocess
import sys

import pytest

from pipeline.schema import PILLARS


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, thesis_text):
    d = tmp_path_factory.mktemp("corpus")
    (d / "a_thesis.txt").write_text(thesis_text, encoding="utf-8")
    (d / "b_news.md").write_text("# Trotoar baru\n\nPemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta.", encoding="utf-8")
    (d / "c_copy.txt").write_text(thesis_text, encoding="utf-8")
    (d / "d_empty.txt").write_text("", encoding="utf-8")
    return d


def test_jsonl_one_object_per_document_in_order(corpus):
    files = [str(corpus / n) for n in ("a_thesis.txt", "b_news.md", "c_copy.txt", "d_empty.txt")]
    proc = run("analyze", *files, "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [obj["source"] for obj in lines] == files
    thesis, news, copy, empty = lines
    assert set(thesis["pillars"]) == set(PILLARS)
    for key in ("doc_id", "title", "language", "relevance", "word_count", "programs", "actors", "years", "periods", "summary"):
        assert key in thesis
    assert thesis["language"] == "id"
    assert copy["duplicate_of"] == thesis["doc_id"] and copy["pillars"] == thesis["pillars"]
    assert empty == {"source": files[3], "error": empty["error"]} and "empty" in empty["error"]
    assert f"{files[3]}: " in proc.stderr
    assert "Traceback" not in proc.stderr
    assert news["title"] == "Trotoar baru"


def test_json_single_object_and_exit_zero(corpus):
    proc = run("analyze", str(corpus / "a_thesis.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert isinstance(obj, dict) and obj["pillars"]["smart_people"]["status"] == "not_addressed"


def test_json_array_for_many(corpus):
    proc = run("analyze", str(corpus / "a_thesis.txt"), str(corpus / "b_news.md"), "--format", "json")
    assert proc.returncode == 0
    assert isinstance(json.loads(proc.stdout), list)


def test_usage_errors_exit_2(corpus):
    assert run("analyze", str(corpus / "a_thesis.txt"), "--format", "xml").returncode == 2
    assert run("analyze", str(corpus / "a_thesis.txt"), "--since", "kemarin").returncode == 2


def test_a_missing_path_is_reported_and_the_rest_analysed(corpus):
    """Issue 11: one missing path used to exit 2 and analyse nothing."""
    missing = str(corpus / "nope.txt")
    proc = run("analyze", missing, str(corpus / "b_news.md"), "--format", "jsonl")
    assert proc.returncode == 1
    gone, news = [json.loads(line) for line in proc.stdout.splitlines()]
    assert gone == {"source": missing, "error": "no such file or folder"}
    assert news["title"] == "Trotoar baru" and news["pillars"]["smart_mobility"]["status"] == "implemented"
    assert proc.stderr.strip() == f"{missing}: no such file or folder"


def test_a_folder_of_only_unsupported_files_is_reported(tmp_path):
    """Issue 11: it used to print nothing and exit 0."""
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "catatan.xyz").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    proc = run("analyze", str(tmp_path), str(tmp_path / "empty"), "--format", "jsonl")
    assert proc.returncode == 1
    folder, empty = [json.loads(line) for line in proc.stdout.splitlines()]
    assert folder["source"] == str(tmp_path) and "no supported files in folder (2 file(s)" in folder["error"]
    assert ".jpg" in folder["error"] and "it is empty" in empty["error"]
    assert len(proc.stderr.splitlines()) == 2


def test_table_for_people(corpus):
    proc = run("analyze", str(corpus / "a_thesis.txt"), "--format", "table")
    assert proc.returncode == 0
    assert "smart_mobility" in proc.stdout and "not_addressed" in proc.stdout


def test_table_shows_every_status(tmp_path):
    # a pillar only named ("mentioned") once crashed the table (its status had no style)
    text = tmp_path / "dimensi.txt"
    text.write_text("Penilaian kota cerdas mencakup enam indikator: tata kelola, pengembangan ekonomi, kualitas "
                    "sumber daya manusia, kenyamanan hidup, sistem transportasi, dan pengelolaan lingkungan. "
                    "Pemkot sudah mengoperasikan sistem antrean daring di semua puskesmas.", encoding="utf-8")
    proc = run("analyze", str(text), "--format", "table")
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert "mentioned" in proc.stdout and "implemented" in proc.stdout and "Traceback" not in proc.stderr


def test_help_is_clear():
    proc = run("analyze", "--help")
    assert proc.returncode == 0 and "--format" in proc.stdout


def test_version_option_and_command_agree():
    option, command = run("--version"), run("version")
    assert option.returncode == command.returncode == 0
    assert option.stdout == command.stdout and option.stdout.startswith("pilar ") and "lexicon" in option.stdout
