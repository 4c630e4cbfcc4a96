"""The fault campaign: damage, refuse, kill, rerun; every table compared with a clean run.

    .venv/bin/python benchmarks/faults.py [--kills 12] [--seed 1]

Not part of `make test` (it takes a few minutes). Every case works on a real data folder with
real `pilar run` processes (one warm Prefect server for all of them, as `pilar server` would
be), then compares every table but ``runs`` with a clean run of the same final corpus
(``run_corpus_direct`` into a fresh folder): rows are compared as whole rows (run ids and
timestamps left out); a row of the clean run missing from the faulted folder is *lost*, a row
present more often than in the clean run is *duplicated*. A case also fails when its
one-line message, exit code or bound is not what it should be, or when a process of a stopped
or killed run is left behind.

Cases: a model file with one byte changed; a model that passes its checksum and does not load;
a deleted table; corrupt Parquet files (documents, mentions); rows lost inside a table; every
item failing; a mass deletion (refused, then allowed); an unavailable folder; a CSV's first row
deleted; duplicate ids; a NUL byte in a CSV row; a deeply nested JSONL line; a slow-drip URL,
a gzip bomb and a huge response (loopback); a FIFO and ``/dev/zero`` as file sources; bad corpus
definitions (wrong type, bad encoding, unknown key, ``retries = -1``); a read-only data folder
and a full disk (private mounts, where the machine allows); two runs at once; SIGTERM mid-run;
and ``--kills`` SIGKILLs at random moments of runs that add, change and delete sources (some
timed into the commit), each followed by a rerun.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from pipeline.corpora.run import run_corpus_direct  # noqa: E402
from pipeline.store.schemas import TABLES  # noqa: E402
from pipeline.store.tables import COMMIT, COMMIT_DELAY_ENV, STAGING  # noqa: E402

RUN_COLUMNS = {"run_id", "analyzed_at", "rejected_at"}
SENTENCES = [
    "Pemprov DKI telah merevitalisasi trotoar di kawasan {n}.",
    "Pemerintah kota akan membangun fasilitas pengolahan sampah nomor {n} pada 2026.",
    "Aplikasi layanan publik JAKI versi {n} sudah diterapkan di kelurahan.",
    "Dinas Perhubungan berencana mengintegrasikan tarif transportasi publik di koridor {n}.",
    "Sekolah Rakyat {n} akan dibuka untuk anak dari keluarga miskin.",
    "Banjir di wilayah {n} belum tertangani karena drainase belum dibangun.",
]


def text(n: int, k: int = 6) -> str:
    return "\n\n".join(" ".join(SENTENCES[(n + i + j) % len(SENTENCES)].format(n=n + j) for i in range(3))
                       for j in range(k))


# --- corpora ---------------------------------------------------------------------------------

def base_corpus(root: Path, *, docs: int = 30, rows: int = 40) -> Path:
    """A folder of text files and a CSV table with ids; returns the TOML."""
    folder = root / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        (folder / f"d{i:03d}.txt").write_text(text(i), encoding="utf-8")
    write_csv(root / "news.csv", [{"id": f"n{i}", "judul": f"Berita {i}", "isi": text(100 + i, 3)} for i in range(rows)])
    toml = root / "corpus.toml"
    toml.write_text('name = "faults"\n[[sources]]\nfolder = "docs"\n\n[[sources]]\ntable = "news.csv"\nkey = "id"\n'
                    'columns = { text = "isi", title = "judul" }\n', encoding="utf-8")
    return toml


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def copy_corpus(src: Path, dest: Path) -> Path:
    shutil.copytree(src.parent, dest, symlinks=True)
    return dest / src.name


# --- comparing data folders --------------------------------------------------------------------

def _rows(data: Path, name: str) -> Counter[str]:
    path = data / name / "part-0.parquet"
    if not path.exists():
        return Counter()
    df = pd.read_parquet(path)
    df = df.drop(columns=[c for c in df.columns if c in RUN_COLUMNS])
    return Counter(json.dumps(r, sort_keys=True, default=str) for r in df.to_dict("records"))


def compare(actual: Path, clean: Path) -> tuple[int, int, int]:
    """``(rows compared, lost, duplicated)`` over every table but ``runs``."""
    compared = lost = duplicated = 0
    for name in TABLES:
        if name == "runs":
            continue
        want, have = _rows(clean, name), _rows(actual, name)
        compared += sum(want.values())
        lost += sum((want - have).values())
        duplicated += sum((have - want).values())
    return compared, lost, duplicated


def clean_run(toml: Path, work: Path, **kwargs) -> Path:
    data = Path(tempfile.mkdtemp(prefix="clean-", dir=work))
    run_corpus_direct(str(toml), data_dir=data, **kwargs)
    return data


# --- processes ----------------------------------------------------------------------------------

def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (not ``pid`` itself), as ``run.py`` walks them."""
    from run import _tree  # benchmarks/run.py, beside this script

    return _tree(pid) - {pid}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def wait_gone(pids: set[int], timeout: float = 20) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    left = [p for p in pids if alive(p)]
    for p in left:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass
    return left


class Pilar:
    """`pilar run` processes against one warm Prefect server."""

    def __init__(self, api: str, home: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if k != "PILAR_DATA_DIR"}
        self.env.update(PREFECT_API_URL=api, PREFECT_HOME=str(home))

    def cmd(self, toml: Path, data: Path, *extra: str) -> list[str]:
        return [sys.executable, "-m", "pipeline", "run", "--corpus", str(toml), "--data-dir", str(data), "--workers", "2",
                "--batch-size", "8", *extra]

    def run(self, toml: Path, data: Path, *extra: str, env: dict[str, str] | None = None, prefix: tuple[str, ...] = (),
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *self.cmd(toml, data, *extra)], capture_output=True, text=True, timeout=timeout,
                              env={**self.env, **(env or {})})

    def start(self, toml: Path, data: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
        return subprocess.Popen(self.cmd(toml, data, *extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env={**self.env, **(env or {})})


def one_line(proc: subprocess.CompletedProcess[str]) -> str | None:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    return lines[0] if len(lines) == 1 and "Traceback" not in proc.stderr else None


# --- the campaign ---------------------------------------------------------------------------------

@dataclass
class Outcome:
    case: str
    kills: int = 0
    compared: int = 0
    lost: int = 0
    duplicated: int = 0
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.problems.append(what)

    def tally(self, actual: Path, clean: Path) -> None:
        c, lo, du = compare(actual, clean)
        self.compared += c
        self.lost += lo
        self.duplicated += du

    @property
    def ok(self) -> bool:
        return not self.problems and self.lost == 0 and self.duplicated == 0


class Campaign:
    def __init__(self, work: Path, pilar: Pilar, base: Path, seed: int) -> None:
        self.work, self.pilar, self.base = work, pilar, base
        self.rng = random.Random(seed)
        self.outcomes: list[Outcome] = []
        self._n = 0

    def fresh(self, name: str) -> tuple[Path, Path]:
        """A copy of the base corpus and a data folder with one completed run of it."""
        self._n += 1
        root = self.work / f"{self._n:02d}-{name}"
        toml = copy_corpus(self.base, root / "corpus")
        data = root / "data"
        proc = self.pilar.run(toml, data)
        if proc.returncode != 0:
            raise RuntimeError(f"{name}: the first run failed: {proc.stderr[-2000:]}")
        return toml, data

    def case(self, name: str, fn: Callable[[Outcome], None]) -> None:
        out = Outcome(name)
        t0 = time.monotonic()
        try:
            fn(out)
        except Exception as exc:  # a case that breaks is a failed case, not a broken campaign
            out.problems.append(f"{type(exc).__name__}: {exc}"[:300])
        self.outcomes.append(out)
        print(f"  {name:44s} {'ok' if out.ok else 'FAILED'} ({time.monotonic() - t0:.0f} s)"
              + (f"  {out.problems}" if out.problems else ""), file=sys.stderr, flush=True)

    # refusals that must leave the folder as it was, then a good run that completes it
    def refused_then_fixed(self, out: Outcome, name: str, damage: Callable[[Path, Path], dict[str, str]],
                           expect: str, code: int = 1) -> None:
        toml, data = self.fresh(name)
        before = snapshot_rows(data)
        env = damage(toml, data)
        proc = self.pilar.run(toml, data, env=env)
        line = one_line(proc)
        out.check(proc.returncode == code, f"exit {proc.returncode}, wanted {code}")
        out.check(line is not None and expect in line, f"stderr: {proc.stderr[-300:]!r}")
        out.check(snapshot_rows(data) == before, "the refused run changed the folder")
        proc = self.pilar.run(toml, data)
        out.check(proc.returncode == 0, f"rerun: {proc.stderr[-300:]}")
        out.tally(data, clean_run(toml, self.work))


def snapshot_rows(data: Path) -> dict[str, Counter[str]]:
    return {name: _rows(data, name) for name in TABLES}


def _models(work: Path) -> Path:
    dest = Path(tempfile.mkdtemp(prefix="models-", dir=work))
    shutil.copytree(ROOT / "models", dest / "models")
    return dest / "models"


def cases(c: Campaign, server: str, kills: int) -> None:
    pilar, work = c.pilar, c.work

    def damaged_model(toml: Path, data: Path) -> dict[str, str]:
        models = _models(work)
        weights = models / "classifier" / "weights.npz"
        raw = bytearray(weights.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        weights.write_bytes(bytes(raw))
        return {"PILAR_MODELS_DIR": str(models)}

    def unloadable_model(toml: Path, data: Path) -> dict[str, str]:
        import hashlib

        models = _models(work)
        weights = models / "classifier" / "weights.npz"
        weights.write_bytes(weights.read_bytes()[:1000])
        manifest = json.loads((models / "classifier" / "manifest.json").read_text())
        manifest["files"]["weights.npz"] = hashlib.sha256(weights.read_bytes()).hexdigest()
        (models / "classifier" / "manifest.json").write_text(json.dumps(manifest))
        return {"PILAR_MODELS_DIR": str(models)}

    c.case("model: one byte changed", lambda o: c.refused_then_fixed(o, "model-byte", damaged_model, "SHA-256"))
    c.case("model: passes checksum, does not load", lambda o: c.refused_then_fixed(o, "model-load", unloadable_model, "do not load"))

    def repaired(name: str, damage: Callable[[Path], None], note: str) -> Callable[[Outcome], None]:
        def fn(out: Outcome) -> None:
            toml, data = c.fresh(name)
            damage(data)
            proc = pilar.run(toml, data)
            out.check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-300:]}")
            out.check(note in proc.stderr and "Traceback" not in proc.stderr, f"stderr: {proc.stderr[-300:]!r}")
            out.tally(data, clean_run(toml, work))
        return fn

    def corrupt(table: str) -> Callable[[Path], None]:
        def damage(data: Path) -> None:
            part = data / table / "part-0.parquet"
            part.write_bytes(part.read_bytes()[: len(part.read_bytes()) // 3])
        return damage

    def lose_rows(data: Path) -> None:
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        part = data / "mentions" / "part-0.parquet"
        t = pq.read_table(part)
        pq.write_table(t.filter(pc.not_equal(t["doc_id"], t["doc_id"][0])), part)

    c.case("table deleted (mentions/)", repaired("table-deleted", lambda d: shutil.rmtree(d / "mentions"), "repairing"))
    c.case("corrupt parquet: mentions", repaired("corrupt-mentions", corrupt("mentions"), "repairing"))
    c.case("corrupt parquet: documents", repaired("corrupt-documents", corrupt("documents"), "re-analysing every source"))
    c.case("corrupt parquet: sentences, rejects", repaired(
        "corrupt-two", lambda d: (corrupt("sentences")(d), corrupt("rejects")(d)), "repairing"))
    c.case("rows lost inside a table", repaired("rows-lost", lose_rows, "lost rows in mentions"))

    def every_item_fails(out: Outcome) -> None:
        toml, data = c.fresh("all-fail")
        before = snapshot_rows(data)
        kept = Path(tempfile.mkdtemp(prefix="before-", dir=work)) / "data"
        shutil.copytree(data, kept)
        for f in (toml.parent / "docs").glob("*.txt"):
            f.write_bytes(b"")
        rows = [{"id": f"n{i}", "judul": f"Berita {i}", "isi": ""} for i in range(40)]
        write_csv(toml.parent / "news.csv", rows)
        proc = pilar.run(toml, data)
        line = one_line(proc)
        out.check(proc.returncode == 1 and line is not None and "every one of the 70 source(s)" in line, proc.stderr[-300:])
        out.check(snapshot_rows(data) == before, "the refused run changed the folder")
        out.tally(data, kept)  # every row still there, none twice

    c.case("every item fails", every_item_fails)

    def mass_deletion(out: Outcome) -> None:
        toml, data = c.fresh("mass-deletion")
        before = snapshot_rows(data)
        for f in sorted((toml.parent / "docs").glob("*.txt"))[1:]:
            f.unlink()
        write_csv(toml.parent / "news.csv", [{"id": "n0", "judul": "Berita 0", "isi": text(100, 3)}])
        proc = pilar.run(toml, data)
        line = one_line(proc)
        out.check(proc.returncode == 1 and line is not None and "--allow-shrink" in line, proc.stderr[-300:])
        out.check(snapshot_rows(data) == before, "the refused run changed the folder")
        proc = pilar.run(toml, data, "--allow-shrink")
        out.check(proc.returncode == 0, proc.stderr[-300:])
        out.tally(data, clean_run(toml, work))

    c.case("mass deletion (refused, then allowed)", mass_deletion)

    def unavailable_folder(out: Outcome) -> None:
        toml, data = c.fresh("unavailable")
        (toml.parent / "docs").rename(toml.parent / "elsewhere")
        proc = pilar.run(toml, data)
        out.check(proc.returncode == 0 and "0 deleted" in proc.stdout, proc.stderr[-300:] + proc.stdout[-200:])
        (toml.parent / "elsewhere").rename(toml.parent / "docs")
        proc = pilar.run(toml, data)
        out.check(proc.returncode == 0 and "0 analysed" in proc.stdout, proc.stdout[-200:])
        out.tally(data, clean_run(toml, work))

    c.case("folder unavailable (rows kept)", unavailable_folder)

    def first_row_deleted(out: Outcome) -> None:
        import csv

        toml, data = c.fresh("first-row")
        with (toml.parent / "news.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        write_csv(toml.parent / "news.csv", rows[1:])
        proc = pilar.run(toml, data)
        out.check(proc.returncode == 0 and "0 analysed" in proc.stdout and "1 deleted" in proc.stdout,
                  proc.stdout[-200:] + proc.stderr[-200:])
        out.tally(data, clean_run(toml, work))

    c.case("CSV first row deleted (nothing re-analysed)", first_row_deleted)

    def bad_rows(out: Outcome) -> None:
        toml, data = c.fresh("bad-rows")
        csv_path = toml.parent / "news.csv"
        raw = csv_path.read_bytes().replace(b"Berita 3,", b"Ber\x00ita 3,", 1)
        raw += b"n5,Salinan,Teks lain dengan id yang sama.\n"
        csv_path.write_bytes(raw)
        jsonl = toml.parent / "extra.jsonl"
        jsonl.write_text(json.dumps({"id": "j1", "text": text(300, 2)}) + "\n" + '{"id": "deep", "text": '
                         + "[" * 50_000 + "]" * 50_000 + "}\n" + json.dumps({"id": "j2", "text": text(301, 2)}) + "\n",
                         encoding="utf-8")
        with toml.open("a", encoding="utf-8") as handle:
            handle.write('\n[[sources]]\ntable = "extra.jsonl"\nkey = "id"\ncolumns = { text = "text" }\n')
        proc = pilar.run(toml, data)
        out.check(proc.returncode == 0 and "3 rejected" in proc.stdout, proc.stdout[-200:] + proc.stderr[-300:])
        reasons = sorted(pd.read_parquet(data / "rejects").reason)
        out.check(any("NUL byte" in r for r in reasons) and any("nested too deeply" in r for r in reasons)
                  and any(r.startswith("duplicate id") for r in reasons), str(reasons))
        out.tally(data, clean_run(toml, work))

    c.case("NUL row, nested JSON line, duplicate id", bad_rows)

    def web(out: Outcome) -> None:
        toml, data = c.fresh("web")
        with toml.open("a", encoding="utf-8") as handle:
            for path in ("page.html", "drip.html", "bomb.html", "huge.html"):
                handle.write(f'\n[[sources]]\nurl = "{server}/{path}"\nmax_bytes = 65536\ndeadline = 2\ntimeout = 5\n'
                             "retries = 1\nretry_delay = 0\n")
        t0 = time.monotonic()
        proc = pilar.run(toml, data)
        took = time.monotonic() - t0
        out.check(proc.returncode == 0 and "3 rejected" in proc.stdout, proc.stdout[-200:] + proc.stderr[-300:])
        out.check(took < 90, f"took {took:.0f} s")
        reasons = " | ".join(pd.read_parquet(data / "rejects").reason)
        out.check("deadline of 2 s" in reasons and "gzip body inflates" in reasons and "bytes received" in reasons, reasons)
        out.tally(data, clean_run(toml, work))

    c.case("slow drip, gzip bomb, huge response", web)

    def special_files(out: Outcome) -> None:
        toml, data = c.fresh("special-files")
        os.mkfifo(toml.parent / "pipe.txt")
        with toml.open("a", encoding="utf-8") as handle:
            handle.write('\n[[sources]]\nfile = "pipe.txt"\n\n[[sources]]\nfile = "/dev/zero"\n')
        proc = pilar.run(toml, data, timeout=120)
        out.check(proc.returncode == 0 and "2 rejected" in proc.stdout, proc.stdout[-200:] + proc.stderr[-300:])
        out.tally(data, clean_run(toml, work))

    c.case("FIFO and /dev/zero as file sources", special_files)

    def bad_definitions(out: Outcome) -> None:
        toml, data = c.fresh("toml")
        before = snapshot_rows(data)
        good = toml.read_text(encoding="utf-8")
        for body, expect in [
            (good.replace('key = "id"', 'key = 7'), "key must be a string"),
            (good.replace('folder = "docs"', 'folder = "docs"\nglop = "*.txt"'), "did you mean 'glob'"),
            (good + '\n[[sources]]\nurl = "http://127.0.0.1:9/x"\nretries = -1\n', "retries must be ≥ 0"),
        ]:
            toml.write_text(body, encoding="utf-8")
            proc = pilar.run(toml, data)
            line = one_line(proc)
            out.check(proc.returncode == 2 and line is not None and expect in line, f"{expect}: {proc.stderr[-200:]!r}")
        toml.write_bytes(good.replace('name = "faults"', 'name = "fault — é"').encode("cp1252"))
        proc = pilar.run(toml, data)
        out.check(proc.returncode == 2 and (one_line(proc) or "").endswith("TOML files are UTF-8"), proc.stderr[-200:])
        out.check(snapshot_rows(data) == before, "a refused definition changed the folder")
        toml.write_text(good, encoding="utf-8")
        out.tally(data, clean_run(toml, work))

    c.case("bad corpus definitions", bad_definitions)

    namespaces = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"],
                                capture_output=True).returncode == 0 if shutil.which("unshare") else False

    def read_only(out: Outcome) -> None:
        toml, data = c.fresh("read-only")
        before = snapshot_rows(data)
        (toml.parent / "docs" / "d000.txt").write_text(text(900), encoding="utf-8")
        prefix = ("unshare", "-m", "sh", "-c", f"mount --bind '{data}' '{data}' && mount -o remount,ro,bind '{data}' && exec \"$@\"", "sh")
        proc = pilar.run(toml, data, prefix=prefix)
        line = one_line(proc)
        out.check(proc.returncode == 1 and line is not None and "Read-only file system" in line, proc.stderr[-300:])
        out.check(snapshot_rows(data) == before, "the folder changed")
        proc = pilar.run(toml, data)
        out.tally(data, clean_run(toml, work))

    def full_disk(out: Outcome) -> None:
        toml = copy_corpus(c.base, work / "full-disk" / "corpus")
        data = work / "full-disk" / "data"
        data.mkdir(parents=True)
        prefix = ("unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{data}' && exec \"$@\"", "sh")
        proc = pilar.run(toml, data, prefix=prefix)
        line = one_line(proc)
        out.check(proc.returncode == 1 and line is not None and "No space left on device" in line, proc.stderr[-300:])
        proc = pilar.run(toml, data)  # the same folder, on the real disk
        out.check(proc.returncode == 0, proc.stderr[-300:])
        out.tally(data, clean_run(toml, work))

    if namespaces:
        c.case("read-only data folder", read_only)
        c.case("full disk (64 KiB tmpfs)", full_disk)
    else:
        print("  (read-only folder and full disk skipped: no private mounts on this machine)", file=sys.stderr)

    def two_at_once(out: Outcome) -> None:
        toml, data = c.fresh("two-at-once")
        (toml.parent / "docs" / "new.txt").write_text(text(700), encoding="utf-8")
        procs = [pilar.start(toml, data, env={COMMIT_DELAY_ENV: "0.5"}) for _ in range(2)]
        errs = [p.communicate(timeout=600)[1] for p in procs]
        codes = sorted(p.returncode for p in procs)
        out.check(codes == [0, 1], f"exit codes {codes}")
        loser = errs[[p.returncode for p in procs].index(1)] if 1 in codes else ""
        lines = [x for x in loser.splitlines() if x.strip()]
        out.check(len(lines) == 1 and "in use by another pilar run" in lines[0], loser[-300:])
        out.tally(data, clean_run(toml, work))

    c.case("two runs at once", two_at_once)

    def stopped(sig: int, code: int) -> Callable[[Outcome], None]:
        def fn(out: Outcome) -> None:
            toml, data = c.fresh(f"signal-{sig}")
            evolve(toml.parent, c.rng, 50)
            proc = pilar.start(toml, data)
            kids = wait_for_workers(proc)
            proc.send_signal(sig)
            err = proc.communicate(timeout=120)[1]
            out.check(proc.returncode == code and "Traceback" not in err, f"exit {proc.returncode}: {err[-300:]}")
            left = wait_gone(kids)
            out.check(not left, f"left behind: {left}")
            out.kills += 1
            proc2 = pilar.run(toml, data)
            out.check(proc2.returncode == 0, proc2.stderr[-300:])
            out.tally(data, clean_run(toml, work))
        return fn

    c.case("SIGTERM mid-run, rerun", stopped(signal.SIGTERM, 143))
    c.case("SIGINT mid-run, rerun", stopped(signal.SIGINT, 130))

    def random_kills(out: Outcome) -> None:
        toml, data = c.fresh("kills")
        evolve(toml.parent, c.rng, 20)
        t0 = time.monotonic()
        pilar.run(toml, data)
        typical = time.monotonic() - t0  # a run's length: kills land inside it
        for k in range(kills):
            evolve(toml.parent, c.rng, c.rng.randint(3, 25))
            into_commit = k % 3 == 2  # every third kill waits for the commit marker
            proc = pilar.start(toml, data, env={COMMIT_DELAY_ENV: "0.3"} if into_commit else None)
            seen: set[int] = set()
            if into_commit:
                deadline = time.monotonic() + 300
                while proc.poll() is None and time.monotonic() < deadline:
                    seen |= descendants(proc.pid)
                    if any((d / COMMIT).exists() for d in (data / STAGING).glob("*")):
                        time.sleep(c.rng.uniform(0.1, 1.5))
                        break
                    time.sleep(0.02)
            else:
                end = time.monotonic() + c.rng.uniform(0.2, 0.9) * typical
                while proc.poll() is None and time.monotonic() < end:
                    seen |= descendants(proc.pid)
                    time.sleep(0.05)
            seen |= descendants(proc.pid)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                out.kills += 1
            proc.communicate(timeout=60)
            left = wait_gone(seen)
            out.check(not left, f"kill {k}: left behind {left}")
            rerun = pilar.run(toml, data)
            out.check(rerun.returncode == 0, f"rerun after kill {k}: {rerun.stderr[-300:]}")
            out.tally(data, clean_run(toml, work))

    c.case(f"{kills} random SIGKILLs, each rerun", random_kills)


def evolve(root: Path, rng: random.Random, n: int) -> None:
    """Add, change and delete a few sources (files and table rows)."""
    import csv

    docs = sorted((root / "docs").glob("*.txt"))
    for _ in range(n):
        action = rng.choice(["add", "add", "change", "delete"]) if docs else "add"
        if action == "add":
            i = rng.randint(1000, 10**6)
            (root / "docs" / f"a{i}.txt").write_text(text(i), encoding="utf-8")
        elif action == "change":
            rng.choice(docs).write_text(text(rng.randint(1000, 10**6)), encoding="utf-8")
        else:
            victim = rng.choice(docs)
            victim.unlink()
            docs.remove(victim)
    with (root / "news.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and rng.random() < 0.5:
        rows.pop(rng.randrange(len(rows)))
    rows.append({"id": f"x{rng.randint(0, 10**9)}", "judul": "Baru", "isi": text(rng.randint(0, 10**6), 2)})
    write_csv(root / "news.csv", rows)


def wait_for_workers(proc: subprocess.Popen[str], timeout: float = 120) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        kids = descendants(proc.pid)
        if sum("forkserver" in Path(f"/proc/{k}/cmdline").read_text(errors="replace") for k in kids if alive(k)) >= 3:
            time.sleep(0.5)
            return descendants(proc.pid)
        time.sleep(0.05)
    return descendants(proc.pid)


# --- a loopback server for the URL cases ---------------------------------------------------------

def serve() -> tuple[str, ThreadingHTTPServer]:
    page = ("<!doctype html><html><head><title>Trotoar</title></head><body><article><p>"
            + text(5, 1) + "</p></article></body></html>").encode()
    bomb = gzip.compress(b" " * (64 << 20), 9)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            try:
                if self.path == "/page.html":
                    self._send(page, {"Content-Type": "text/html"})
                elif self.path == "/drip.html":
                    self.send_response(200)
                    self.end_headers()
                    for _ in range(100):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.5)
                elif self.path == "/bomb.html":
                    self._send(bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
                elif self.path == "/huge.html":
                    self.send_response(200)
                    self.end_headers()
                    for _ in range(10_000):
                        self.wfile.write(b"<p>x</p>" * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _send(self, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(200)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()

    from pipeline.flows.server import temporary_server

    work = Path(tempfile.mkdtemp(prefix="pilar-faults-"))
    t0 = time.monotonic()
    server, httpd = serve()
    base = base_corpus(work / "base")
    print(f"pilar fault campaign in {work} (seed {args.seed})", file=sys.stderr, flush=True)
    with temporary_server(work / "prefect") as api:
        campaign = Campaign(work, Pilar(api, work / "prefect"), base, args.seed)
        cases(campaign, server, args.kills)
    httpd.shutdown()

    rows = campaign.outcomes
    print(f"\n{'case':46} {'kills':>5} {'rows compared':>14} {'lost':>5} {'duplicated':>10}  result")
    for o in rows:
        print(f"{o.case:46} {o.kills:5d} {o.compared:14,d} {o.lost:5d} {o.duplicated:10d}  {'ok' if o.ok else 'FAILED'}")
    total = Outcome("total", sum(o.kills for o in rows), sum(o.compared for o in rows), sum(o.lost for o in rows),
                    sum(o.duplicated for o in rows))
    print(f"{'total (' + str(len(rows)) + ' cases)':46} {total.kills:5d} {total.compared:14,d} {total.lost:5d} "
          f"{total.duplicated:10d}  {sum(o.ok for o in rows)}/{len(rows)} ok")
    for o in rows:
        for p in o.problems:
            print(f"  {o.case}: {p}")
    print(f"\n{time.monotonic() - t0:.0f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(o.ok for o in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
