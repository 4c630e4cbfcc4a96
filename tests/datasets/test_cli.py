"""The analyst's side of the CLI: tidy CSV/Parquet from analyze, exports opened by pandas,
stdin, streaming JSONL, progress only on a terminal's stderr, help that fits 80 columns."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys

import pandas as pd
import pytest

from pipeline.schema import PILLARS

DOC = "Pemprov DKI telah merevitalisasi trotoar dan halte TransJakarta di Jakarta."


def pilar(*args, cwd=None, input=None, env=None, timeout=180):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          input=input, env=env, timeout=timeout)


def test_analyze_csv_is_one_row_per_document_and_pillar(news, tmp_path):
    proc = pilar("analyze", str(news.with_suffix(".csv")), "--format", "csv", "--tagger", "lexicon")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "a.csv"
    out.write_text(proc.stdout, encoding="utf-8")
    frame = pd.read_csv(out)
    assert len(frame) == 4 * 6 and list(frame.pillar[:6]) == list(PILLARS)
    assert frame.groupby("doc_id").size().eq(6).all()
    first = frame[frame.title == "Halte baru"].set_index("pillar")
    assert first.loc["smart_mobility", "status"] == "implemented" and first.loc["smart_mobility", "mentions"] >= 1
    assert first.loc["smart_mobility", "date"] == "2025-12-01T10:15:00+07:00"
    assert first.loc["smart_mobility", "date_raw"] == "Senin, 01 Des 2025 | 10:15 WIB"
    assert frame.source_key.str.endswith("#n1").sum() == 6


def test_analyze_parquet_file_and_date_filter(news, tmp_path):
    target = tmp_path / "out" / "analysis.parquet"
    proc = pilar("analyze", str(news.with_suffix(".csv")), "-f", "parquet", "-o", str(target),
                 "--since", "2025-12-01", "--until", "2025-12-01", "--tagger", "lexicon")
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_parquet(target)
    assert list(frame.title.unique()) == ["Halte baru"] and len(frame) == 6
    assert str(frame.date.dtype) == "datetime64[us, UTC+07:00]"
    assert "3 document(s) outside --since/--until, or undated, left out" in proc.stderr
    assert not list(target.parent.glob(".*tmp*"))  # written atomically, nothing left beside it


def test_analyze_reads_stdin(tmp_path):
    proc = pilar("analyze", "-", "--format", "json", "--tagger", "lexicon", input=DOC)
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert obj["source"] == "<stdin>" and obj["pillars"]["smart_mobility"]["status"] == "implemented"
    table = "id,judul,isi_berita\n1,Halte,Pemprov DKI telah membangun halte.\n2,Sampah,Pemkot akan membangun bank sampah.\n"
    proc = pilar("analyze", "-", "-f", "jsonl", "--tagger", "lexicon", input=table)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["Halte", "Sampah"] and rows[1]["source_key"] == "<stdin>#2"
    assert pilar("analyze", "-", "-", input=DOC).returncode == 2


def test_jsonl_streams_each_document_as_it_is_done(tmp_path):
    """The first line arrives while the second input (stdin) has not even been written."""
    first = tmp_path / "a.txt"
    first.write_text(DOC, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "analyze", str(first), "-", "-f", "jsonl",
                             "--tagger", "lexicon"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready, "no line before the input ended: not streamed"
        line = json.loads(proc.stdout.readline())
        assert line["source"] == str(first)
        proc.stdin.write("Pemkot akan membangun bank sampah.")
        proc.stdin.close()
        rest = proc.stdout.read()
        assert json.loads(rest)["source"] == "<stdin>"
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def _with_terminal_stderr(args, *, stdout_tty=False):
    """Run pilar with stderr on a pseudo-terminal (stdout a pipe unless stdout_tty)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args], stdin=subprocess.DEVNULL,
                            stdout=slave if stdout_tty else subprocess.PIPE, stderr=slave,
                            env=dict(os.environ, COLUMNS="80", TERM="xterm"))
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, out, seen


def test_progress_only_on_a_terminal_stderr(news):
    table = str(news.with_suffix(".csv"))
    code, out, terminal = _with_terminal_stderr(["analyze", table, "-f", "jsonl", "--tagger", "lexicon"])
    assert code == 0
    assert b"analysing" in terminal and b"documents" in terminal
    lines = out.decode().splitlines()  # stdout: pure JSONL, no blank line, no escape codes
    assert len(lines) == 4 and all(line.startswith("{") for line in lines) and b"\x1b" not in out
    quiet = pilar("analyze", table, "-f", "jsonl", "--tagger", "lexicon")
    assert "analysing" not in quiet.stderr and quiet.stderr == ""


def test_help_fits_80_columns():
    from typer.main import get_command

    from pipeline.cli import app

    env = dict(os.environ, COLUMNS="80")
    commands = sorted(get_command(app).commands)
    assert {"analyze", "run", "server", "export", "versions"} <= set(commands)
    for cmd in ["", *commands]:
        proc = pilar(*([cmd] if cmd else []), "--help", env=env)
        assert proc.returncode == 0, (cmd, proc.stderr)
        lines = proc.stdout.splitlines()
        assert all(len(line) <= 80 for line in lines), (cmd, [x for x in lines if len(x) > 80])
        body = [x for x in lines if not x.startswith("Usage:")]
        assert not [x for x in body if x.rstrip().endswith("...")], (cmd, proc.stdout)


@pytest.fixture
def exported(news_data, tmp_path):
    return news_data, tmp_path / "out"


def test_export_xlsx_and_csv_open_in_pandas(exported):
    data, out = exported
    book = out / "pilar.xlsx"
    proc = pilar("export", "--format", "xlsx", "-o", str(book), "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    sheets = pd.read_excel(book, sheet_name=None)
    assert {"documents", "pillar_summary", "mentions", "runs"} <= set(sheets) and "texts" not in sheets
    docs = sheets["documents"].set_index("title")
    assert docs.loc["Halte baru", "date (WIB)"] == pd.Timestamp("2025-12-01 10:15")
    assert docs.loc["Sampah Makassar", "date (WIB)"] == pd.Timestamp("2025-12-02 08:30")
    assert len(sheets["pillar_summary"]) == 24

    proc = pilar("export", "--format", "csv", "-o", str(out / "csv"), "--data-dir", str(data),
                 "--since", "2025-12-01")
    assert proc.returncode == 0, proc.stderr
    docs = pd.read_csv(out / "csv" / "documents.csv")
    assert sorted(docs.title) == ["Halte baru", "Sampah Makassar"]
    assert set(pd.to_datetime(docs.date, format="ISO8601").dt.strftime("%z")) == {"+0700"}
    summary = pd.read_csv(out / "csv" / "pillar_summary.csv")
    assert set(summary.doc_id) == set(docs.doc_id) and len(summary) == 12
    assert len(pd.read_csv(out / "csv" / "runs.csv")) == 1  # runs and rejects are not date-filtered
    assert docs.set_index("title").loc["Sampah Makassar", "actors"] == "Pemkot Makassar"

    proc = pilar("export", "mentions", "-f", "csv", "-o", "-", "--data-dir", str(data))
    assert proc.stdout.startswith("doc_id,sentence,start,end,pillar")


def test_export_parquet_keeps_the_schema_and_reads_a_snapshot(exported):
    data, out = exported
    proc = pilar("export", "documents", "-f", "parquet", "-o", str(out / "d.parquet"), "--data-dir", str(data),
                 "--version", "1")
    assert proc.returncode == 0, proc.stderr
    import pyarrow.parquet as pq

    schema = pq.read_schema(out / "d.parquet")
    assert b"WIB" in schema.field("date").metadata[b"description"]
    assert len(pd.read_parquet(out / "d.parquet")) == 4


def test_export_errors_are_one_line(exported, tmp_path):
    data, out = exported
    bad = pilar("export", "nope", "--data-dir", str(data))
    assert bad.returncode == 2 and bad.stderr.startswith("pilar export: unknown table(s) nope")
    # (not a bare "9": a digit string no version has is read as a run-id prefix, and one run in
    # sixteen has a hex id that starts with it; nine runs back cannot exist after one run)
    assert pilar("export", "--version", "-9", "--data-dir", str(data)).returncode == 1
    empty = pilar("export", "--data-dir", str(tmp_path / "nothing"))
    assert empty.returncode == 1 and "run `pilar run` first" in empty.stderr and "Traceback" not in empty.stderr
    assert pilar("export", "-f", "xlsx", "-o", "x.csv", "--data-dir", str(data)).returncode == 2


def test_versions_lists_runs(exported):
    data, _ = exported
    proc = pilar("versions", "--data-dir", str(data))
    assert proc.returncode == 0 and "      1  " in proc.stdout and "documents" in proc.stdout


def test_lists_and_zoned_times_in_csv():
    from pipeline.export import csv_bytes

    frame = pd.DataFrame({"actors": [["Pemprov DKI", "Kominfo"], []], "years": [[2024, 2026], None],
                          "date": pd.to_datetime(["2025-12-01 10:15", None]).tz_localize("+07:00")})
    text = csv_bytes(frame).decode()
    assert text.splitlines() == ["actors,years,date", "Pemprov DKI; Kominfo,2024; 2026,2025-12-01T10:15:00+07:00", ",,"]
