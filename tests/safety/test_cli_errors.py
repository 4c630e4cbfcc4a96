"""`pilar run`: every failure a user can cause is one line on stderr, never a traceback.

Real `pilar run` processes against a shared Prefect server (``prefect_api``). A read-only
data folder and a full disk are real ones where the machine allows (a private mount namespace
with a read-only bind mount, a 16 KiB tmpfs); elsewhere those two tests are skipped, saying why.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile

import pytest

from pipeline.store.tables import COMMIT_DELAY_ENV

from .helpers import DOCS, child_env, flip_byte, models_copy, table_file, write_corpus

RUN = [sys.executable, "-m", "pipeline", "run"]


def _run(args, *, api, env=None, timeout=300, prefix=()):
    env = child_env(PREFECT_API_URL=api, PREFECT_HOME=tempfile.mkdtemp(prefix="pilar-cli-home-"), **(env or {}))
    return subprocess.run([*prefix, *RUN, *args], capture_output=True, text=True, timeout=timeout, env=env)


def _one_line(proc) -> str:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    return lines[0]


@pytest.mark.parametrize(("body", "expected"), [
    ('name = "t"\n[[sources]]\nfolder = "d"\nglop = "*.txt"\n',
     r"\[\[sources\]\] #1: unknown key 'glop'; did you mean 'glob'\?"),
    ('name = "t"\n[[sources]]\nurl = "http://127.0.0.1:9/x"\nretries = -1\n',
     r"\[\[sources\]\] #1: retries must be ≥ 0, not -1"),
    ('name = "t"\n[[sources]]\nurl = "http://127.0.0.1:9/x"\ntimeout = "soon"\n',
     r"timeout must be a number of seconds, not a string \('soon'\)"),
    ('name = 3\n[[sources]]\nfolder = "d"\n', r"name must be a string, not an integer \(3\)"),
    ('nmae = "t"\n[[sources]]\nfolder = "d"\n', r"unknown key 'nmae'; did you mean 'name'\?"),
    ('name = "t"\n[[sources]\nfolder = "d"\n', r"invalid TOML: "),
])
def test_bad_corpus_definitions_are_named_in_one_line(tmp_path, prefect_api, body, expected):
    toml = tmp_path / "t.toml"
    toml.write_text(body, encoding="utf-8")
    proc = _run(["--corpus", str(toml), "--data-dir", str(tmp_path / "data")], api=prefect_api)
    assert proc.returncode == 2
    line = _one_line(proc)
    assert line.startswith(f"pilar: {toml}: ")
    import re

    assert re.search(expected, line), line
    assert not (tmp_path / "data").exists()


def test_a_corpus_definition_in_another_encoding_is_one_line(tmp_path, prefect_api):
    toml = tmp_path / "t.toml"
    toml.write_bytes('name = "pembangunan kota — ringkasan"\n'.encode("cp1252") + b'[[sources]]\nfolder = "d"\n')
    proc = _run(["--corpus", str(toml)], api=prefect_api)
    assert proc.returncode == 2
    assert _one_line(proc) == f"pilar: {toml}: not UTF-8 text (byte 25: invalid start byte); TOML files are UTF-8"


def test_a_damaged_model_stops_the_run_in_one_line_and_debug_shows_the_traceback(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    models = models_copy(tmp_path / "models")
    flip_byte(models / "classifier" / "weights.npz")
    args = ["--corpus", str(toml), "--data-dir", str(tmp_path / "data"), "--full"]
    proc = _run(args, api=prefect_api, env={"PILAR_MODELS_DIR": str(models)})
    assert proc.returncode == 1
    assert "weights.npz failed its SHA-256 check" in _one_line(proc)
    assert not (tmp_path / "data" / "documents").exists()
    debug = _run([*args, "--debug"], api=prefect_api, env={"PILAR_MODELS_DIR": str(models)})
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "PreflightError" in debug.stderr


def test_a_data_folder_that_cannot_be_created_is_one_line(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = _run(["--corpus", str(toml), "--data-dir", str(blocker / "data")], api=prefect_api)
    assert proc.returncode == 1
    assert _one_line(proc).startswith(f"pilar: data folder {blocker / 'data'} cannot be written: Not a directory")


def _namespace_works() -> str | None:
    """Why a private mount namespace cannot be used here, or ``None`` when it can."""
    if not shutil.which("unshare") or not sys.platform.startswith("linux"):
        return "no unshare(1)"
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
                           capture_output=True, text=True)
    return None if probe.returncode == 0 else f"no private mounts here ({probe.stderr.strip()[:80]})"


def _in_namespace(setup: str) -> tuple[str, ...]:
    return ("unshare", "-m", "sh", "-c", f'{setup} && exec "$@"', "sh")


@pytest.mark.skipif(_namespace_works() is not None, reason=str(_namespace_works()))
def test_a_read_only_data_folder_is_one_line(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    data = tmp_path / "data"
    assert _run(["--corpus", str(toml), "--data-dir", str(data)], api=prefect_api).returncode == 0
    before = sorted(p.name for p in data.iterdir())
    ro = _in_namespace(f"mount --bind '{data}' '{data}' && mount -o remount,ro,bind '{data}'")
    proc = _run(["--corpus", str(toml), "--data-dir", str(data), "--full"], api=prefect_api, prefix=ro)
    assert proc.returncode == 1
    assert _one_line(proc).startswith(f"pilar: data folder {data} cannot be written: Read-only file system")
    assert sorted(p.name for p in data.iterdir()) == before


@pytest.mark.skipif(_namespace_works() is not None, reason=str(_namespace_works()))
def test_a_full_disk_is_one_line_and_commits_nothing(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    data = tmp_path / "data"
    data.mkdir()
    full = _in_namespace(f"mount -t tmpfs -o size=16k tmpfs '{data}'")
    probe = ["sh", "-c", f"ls -A '{data}'"]
    proc = _run(["--corpus", str(toml), "--data-dir", str(data)], api=prefect_api, prefix=full)
    assert proc.returncode == 1
    line = _one_line(proc)
    assert line.startswith(f"pilar: data folder {data} cannot be written: ") and "No space left on device" in line
    assert "free some space" in line
    assert subprocess.run(probe, capture_output=True, text=True).stdout == ""  # the tmpfs went with its namespace


def test_a_corrupt_dataset_file_is_repaired_by_the_next_run(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    data = tmp_path / "data"
    assert _run(["--corpus", str(toml), "--data-dir", str(data)], api=prefect_api).returncode == 0
    table_file(data, "mentions").write_bytes(b"PAR1 torn PAR1")
    proc = _run(["--corpus", str(toml), "--data-dir", str(data)], api=prefect_api)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "pilar: note: table mentions: " in proc.stderr and "repairing" in proc.stderr
    assert "3 analysed, 0 unchanged, 0 rejected, 0 deleted, 3 repaired in " in proc.stdout


def test_two_runs_started_at_the_same_moment(tmp_path, prefect_api):
    toml = write_corpus(tmp_path / "c", DOCS)
    data = tmp_path / "data"
    env = child_env(PREFECT_API_URL=prefect_api, PREFECT_HOME=tempfile.mkdtemp(prefix="pilar-cli-home-"),
                    **{COMMIT_DELAY_ENV: "1"})  # a commit of ≥ 7 s: the two surely overlap
    cmd = [*RUN, "--corpus", str(toml), "--data-dir", str(data)]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1], outs
    _, err = outs[[p.returncode for p in procs].index(1)]
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "is in use by another pilar run (pid " in lines[0] and "Traceback" not in err


def test_run_help_states_the_new_options():
    proc = subprocess.run([*RUN, "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for option in ("--allow-shrink", "--workers", "--debug"):
        assert option in proc.stdout


def test_a_prefect_server_that_does_not_answer_is_one_line(tmp_path):
    toml = write_corpus(tmp_path / "c", DOCS)
    proc = _run(["--corpus", str(toml), "--data-dir", str(tmp_path / "data")], api="http://127.0.0.1:9/api")
    assert proc.returncode == 1
    assert _one_line(proc) == ("pilar: no Prefect server answers at PREFECT_API_URL=http://127.0.0.1:9/api; "
                               "start one (`pilar server`) or unset PREFECT_API_URL for a temporary one")
