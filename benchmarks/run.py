"""`make bench`: pilar's speed as ratios against baselines measured in the same run.

Writes ``benchmarks/results.json`` (the ratios, the raw figures behind them, the machine and
the versions) and prints a summary. Each part runs in its own process:

- ``tokenizer_ratio``: words/s of the default `pilar analyze` path (a CSV of articles read,
  tagged with the default ``combined`` tagger, summarised, rendered as JSON lines) pinned to
  one core ÷ words/s of the bare ``spacy.blank("id")`` tokenizer on the same texts, in the
  same process. Both are timed on 300 articles they have not seen, right after 300 others
  (their caches warm, but not with these texts): best of three rounds. Goal ≥ 0.5.
- ``parallel_speedup``: the same batches of a corpus run analysed by one worker ÷ by one
  worker per core (pools started before timing; three interleaved rounds, best of each: the
  machine is shared, and other load should hit both alike). Corpus: twice the Detik articles
  (1,934, with deterministic variations): since the analysis got twice as fast, the 967
  articles alone are a 4-second job on one core, where the last batch's idle tail and the
  workers' warm-up weigh ~10 % (1.54–1.60 there). Goal ≥ 1.7 on 2 cores.
- ``flow_overhead_ratio``: a full corpus run through the Prefect flow ÷ the same run through
  the core (``run_corpus_direct``, then the summary and the report the flow also writes),
  same worker processes, a warm Prefect server (its start-up is reported apart); two interleaved rounds, best of each. Corpus: the Detik articles with deterministic variations
  (``benchmarks/corpus.py``), 20,000 documents (~2 min per path on 2 cores; ``BENCH_FLOW_DOCS``
  scales it down). Goal ≤ 1.10.
- ``rerun_ratio``: an unchanged rerun ÷ the full run (same process, imports and pools warm;
  process start, imports and the Prefect server are reported apart). Goal ≤ 0.05.
- ``memory_growth_4x``: peak memory of `pilar run` on 4× the Detik articles ÷ on 1×, summed over
  the run's process tree (the run, its forkserver and workers), sampled every 50 ms. Goal ≤ 1.2.

    .venv/bin/python benchmarks/run.py            # everything (~11 min on 2 cores)
    .venv/bin/python benchmarks/run.py --part tokenizer   # one part, JSON on stdout
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOALS = {"tokenizer_ratio": (">=", 0.5), "parallel_speedup": (">=", 1.7), "flow_overhead_ratio": ("<=", 1.10),
         "rerun_ratio": ("<=", 0.05), "memory_growth_4x": ("<=", 1.2)}
FLOW_DOCS = int(os.environ.get("BENCH_FLOW_DOCS", "20000"))
FLOW_NOTE = ("scaled down with BENCH_FLOW_DOCS: Prefect's cost is per batch task plus a fixed part per run, "
             "so a smaller corpus gives a ratio no better than 20,000 would (the fixed part weighs more)")


def _cores() -> list[int]:
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else list(range(os.cpu_count() or 1))


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


# --- parts (each in its own process) ---------------------------------------------------------

def _forget_seen_text(analyzer) -> None:  # noqa: ANN001
    """Empty every per-word cache of the analysis path (see part_tokenizer)."""
    from pipeline.ingest import clean
    from pipeline.nlp.pillars import is_known_word
    from pipeline.nlp.programs import common_english, known_word, name_like

    tokenizer = analyzer.nlp.tokenizer
    if hasattr(tokenizer, "clear_cache"):
        tokenizer.clear_cache()
    is_known_word.cache_clear()
    common_english.cache_clear()
    known_word.cache_clear()
    name_like.cache_clear()
    clean._SEEN_KNOWN.clear()
    clean._SEEN_UNKNOWN.clear()
    analyzer.nlp.get_pipe("pilar_status").governor._parsed.clear()  # parsed sentences
    if analyzer.bundle is not None:
        tfidf = [analyzer.bundle.text.word, analyzer.bundle.text.char]
        tfidf += [m.tfidf for m in (analyzer.bundle.relevance or {}).values()]
        for block in tfidf:
            block._words.clear()


def part_tokenizer(n_texts: int = 300, repeat: int = 5) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {_cores()[0]})  # one core, threads included
    import csv

    import spacy
    from corpus import articles

    from pipeline.analyze import analyze_paths
    from pipeline.analyzer import Settings
    from pipeline.render import dumps

    what, rows = articles()
    other = rows[n_texts : 2 * n_texts]
    rows = rows[:n_texts]
    texts = [r["isi_berita"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="pilar-bench-tok-"))
    table, warm = work / "articles.csv", work / "other.csv"
    for path, part in ((table, rows), (warm, other or rows)):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(part)
    settings = Settings()

    def analyze(path: Path) -> None:
        results, _ = analyze_paths([str(path)], settings=settings)
        for res in results:
            dumps(res)

    analyze(table)  # warm-up: pipeline, models, word lists, language detector
    # Both sides are timed on text they have not seen, after 300 other articles: the bare
    # tokenizer is a fresh spacy.blank("id") each round (its own cache would otherwise hold
    # these very texts), warmed on the other articles first.
    other_texts = [r["isi_berita"] for r in other] or texts
    # pilar keeps what it learnt about words it has seen (tokenizer chunks, TF-IDF n-gram
    # columns, word-list lookups): each timed run starts from caches filled by *other*
    # articles, so the figure is for text it has not seen (the steady state of a corpus run),
    # not for the same 300 texts again
    from pipeline.analyzer import get_analyzer

    analyzer = get_analyzer(settings)

    def bare_round() -> float:
        tokenizer = spacy.blank("id").tokenizer
        for text in other_texts:
            tokenizer(text)
        t0 = time.perf_counter()
        for text in texts:
            tokenizer(text)
        return time.perf_counter() - t0

    def pilar_round() -> float:
        _forget_seen_text(analyzer)
        analyze(warm)
        t0 = time.perf_counter()
        analyze(table)
        return time.perf_counter() - t0

    # the two sides alternate round by round, so a slow spell of a shared machine falls on
    # both rather than on whichever happened to run then; each keeps its best round
    t_tok = t_pilar = float("inf")
    for _ in range(repeat):
        t_tok = min(t_tok, bare_round())
        t_pilar = min(t_pilar, pilar_round())
    return {"texts": what, "documents": len(texts), "words": words, "repeat": repeat, "cores_used": 1,
            "tokenizer_s": round(t_tok, 3), "tokenizer_words_per_s": round(words / t_tok),
            "analyze_s": round(t_pilar, 3), "analyze_words_per_s": round(words / t_pilar),
            "tokenizer_ratio": round(t_tok / t_pilar, 4)}


def _items(n: int):
    from corpus import build

    from pipeline.corpora.sources import discover
    from pipeline.corpora.spec import load_corpus

    toml = build(Path(tempfile.mkdtemp(prefix="pilar-bench-par-")), n)
    return discover(load_corpus(str(toml))).items


def part_parallel(n: int = 1934, batch_size: int | None = None, repeat: int = 3) -> dict:
    from pipeline.analyzer import Settings
    from pipeline.corpora.run import auto_batch_size, batches, versions
    from pipeline.corpora.workers import AnalysisPool, map_batches

    items = _items(n)
    settings = Settings()
    _, lexicon, version = versions(settings)
    # the batches a corpus run of these items would make (64 documents for the Detik corpus)
    batch_size = batch_size or auto_batch_size(len(items), len(_cores()))
    parts = batches(items, batch_size)

    def kwargs(b):
        return {"items": b, "settings": settings, "run_id": "bench", "analysis_version": version, "lexicon_version": lexicon}

    cores = len(_cores())
    out: dict = {"documents": len(items), "batch_size": batch_size, "cores": cores, "rounds": repeat}
    pools = {}
    for label, workers in (("one", 1), ("all", cores)):
        t0 = time.perf_counter()
        pools[label] = AnalysisPool(workers, settings)
        pools[label].start()
        out[f"{label}_start_s"] = round(time.perf_counter() - t0, 2)
    times: dict[str, list[float]] = {"one": [], "all": []}
    try:
        for _ in range(repeat):  # interleaved, so other load on a shared machine hits both alike
            for label in ("one", "all"):
                t0 = time.perf_counter()
                map_batches(pools[label], parts, kwargs)
                times[label].append(round(time.perf_counter() - t0, 3))
    finally:
        for pool in pools.values():
            pool.close()
    out.update({f"{k}_runs_s": v for k, v in times.items()})
    out["one_s"], out["all_s"] = min(times["one"]), min(times["all"])
    out["parallel_speedup"] = round(out["one_s"] / out["all_s"], 3)
    return out


def _outputs_without_prefect(toml: Path, data_dir: Path, report) -> None:  # noqa: ANN001
    """What the flow writes after its commit, done without Prefect: the corpus summary
    (publish-summary) and the HTML + Markdown report (write-report). The core path does the same
    work, so the ratio measures Prefect and not these ~6 s for 20,000 documents."""
    from pipeline.corpora.report import render_markdown, summarize_data_dir
    from pipeline.corpora.spec import load_corpus
    from pipeline.report.data import load_data_dir
    from pipeline.report.sources import write_report

    spec = load_corpus(str(toml))
    render_markdown(summarize_data_dir(data_dir, corpus=spec.name), run=report.to_dict())
    data = load_data_dir(data_dir, name=spec.name, description=spec.description, source_root=spec.root)
    write_report(data, baseline=None, out=data_dir / "report.html", lang="id")


def part_flow(n: int, rounds: int = 2) -> dict:
    from pipeline.flows.settings import configure_prefect

    work = Path(tempfile.mkdtemp(prefix="pilar-bench-flow-"))
    configure_prefect(work / "prefect-client", quiet_logs=True)
    os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"
    from corpus import build

    from pipeline.corpora.run import run_corpus_direct
    from pipeline.flows.corpus import run_corpus
    from pipeline.flows.settings import no_heartbeats

    toml = build(work / "corpus", n)
    run_corpus_direct("thesis", data_dir=work / "warm", full=True)  # imports, pipeline, models
    flows: list[float] = []
    directs: list[float] = []
    loads: list[float] = []
    with no_heartbeats():
        run_corpus(corpus="thesis", data_dir=str(work / "warm-flow"), full=True)  # client connected
        for r in range(rounds):  # interleaved, so other load on a shared machine hits both alike
            loads.append(os.getloadavg()[0])
            t0 = time.perf_counter()
            flow = run_corpus(corpus=str(toml), data_dir=str(work / f"flow{r}"), full=True)
            flows.append(round(time.perf_counter() - t0, 2))
            shutil.rmtree(work / f"flow{r}", ignore_errors=True)
            t0 = time.perf_counter()
            direct = run_corpus_direct(str(toml), data_dir=work / f"direct{r}", full=True, workers=len(_cores()))
            _outputs_without_prefect(toml, work / f"direct{r}", direct)
            directs.append(round(time.perf_counter() - t0, 2))
            assert flow["documents_analyzed"] == direct.documents_analyzed == n, (flow["documents_analyzed"], direct.documents_analyzed)
    t0 = time.perf_counter()
    rerun = run_corpus_direct(str(toml), data_dir=work / f"direct{rounds - 1}", workers=len(_cores()))
    t_rerun = time.perf_counter() - t0
    assert rerun.documents_analyzed == 0 and rerun.documents_skipped == n
    t_flow, t_direct = min(flows), min(directs)
    return {"documents": n, "rounds": rounds, "flow_runs_s": flows, "direct_runs_s": directs, "load_before_rounds": loads,
            "flow_s": t_flow, "direct_s": t_direct, "flow_overhead_ratio": round(t_flow / t_direct, 4),
            "rerun_s": round(t_rerun, 3), "rerun_ratio": round(t_rerun / t_direct, 4), "workers": len(_cores()),
            "batch_size": flow.get("batch_size") or "auto (64, or ~32 batches per worker)",
            "flow_task_runner": "ThreadPoolTaskRunner + worker processes"}


def _tree(pid: int) -> set[int]:
    out, todo = {pid}, [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            for k in kids:
                if k not in out:
                    out.add(k)
                    todo.append(k)
    return out


def _mem(pid: int) -> tuple[int, int]:
    """``(RSS, PSS)`` in bytes of one process (PSS: shared pages divided among their users)."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1]) * 1024
            elif line.startswith("Pss:"):
                pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


def _peak_run(toml: Path, data: Path, api: str) -> dict:
    env = dict(os.environ, PREFECT_API_URL=api)
    env.pop("PILAR_DATA_DIR", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--corpus", str(toml), "--data-dir", str(data)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        pids = _tree(proc.pid)
        mems = [_mem(p) for p in pids]
        peak_rss = max(peak_rss, sum(m[0] for m in mems))
        peak_pss = max(peak_pss, sum(m[1] for m in mems))
        time.sleep(0.05)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"pilar run failed: {err[-2000:]}")
    return {"peak_rss_mb": round(peak_rss / 2**20, 1), "peak_pss_mb": round(peak_pss / 2**20, 1),
            "wall_s": round(time.perf_counter() - t0, 2)}


def part_memory(api: str) -> dict:
    from corpus import articles, build

    _, rows = articles()
    work = Path(tempfile.mkdtemp(prefix="pilar-bench-mem-"))
    one = _peak_run(build(work / "one", len(rows)), work / "one-data", api)
    four = _peak_run(build(work / "four", 4 * len(rows)), work / "four-data", api)
    return {"documents_1x": len(rows), "documents_4x": 4 * len(rows), "one": one, "four": four,
            "memory_growth_4x": round(four["peak_rss_mb"] / one["peak_rss_mb"], 4),
            "memory_growth_4x_pss": round(four["peak_pss_mb"] / one["peak_pss_mb"], 4)}


# --- the whole benchmark -----------------------------------------------------------------------

def _part(name: str, *args: str, env: dict | None = None) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--part", name, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark part {name} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _machine() -> dict:
    import importlib.metadata as md

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    mem = next((int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    versions = {}
    for pkg in ("pilar", "spacy", "prefect", "pyarrow", "duckdb", "scikit-learn", "numpy", "lingua-language-detector", "pypdf", "httpx"):
        try:
            versions[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            versions[pkg] = None
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True).stdout.strip())
    return {"cpu": cpu, "cores": len(_cores()), "memory_gb": round(mem / 2**30, 1), "os": platform.platform(),
            "python": platform.python_version(), "versions": versions, "git_commit": commit + ("+dirty" if dirty else ""),
            "load_average_at_start": list(os.getloadavg())}


def main() -> None:
    t_all = time.perf_counter()
    results: dict = {"machine": _machine(), "goals": {k: f"{op} {v}" for k, (op, v) in GOALS.items()}}
    raw: dict = {}
    print("pilar benchmark: tokenizer ratio (one core)…", file=sys.stderr, flush=True)
    raw["tokenizer"] = _part("tokenizer")
    print("parallel speedup…", file=sys.stderr, flush=True)
    raw["parallel"] = _part("parallel")

    from pipeline.flows.server import temporary_server

    home = Path(tempfile.mkdtemp(prefix="pilar-bench-prefect-"))
    t0 = time.perf_counter()
    with temporary_server(home) as api:
        server_start = time.perf_counter() - t0
        print(f"flow overhead and rerun ({FLOW_DOCS} documents)…", file=sys.stderr, flush=True)
        raw["flow"] = _part("flow", str(FLOW_DOCS), env={"PREFECT_API_URL": api})
        print("memory at 1× and 4×…", file=sys.stderr, flush=True)
        raw["memory"] = _part("memory", api)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from pipeline.analyzer import get_analyzer; get_analyzer()"], check=True)
    raw["fixed_startup"] = {"prefect_temporary_server_s": round(server_start, 2),
                            "process_start_imports_and_analyzer_s": round(time.perf_counter() - t0, 2),
                            "worker_pool_start_s": raw["parallel"]["all_start_s"],
                            "note": "process start, imports and the Prefect server are excluded from "
                                    "flow_overhead_ratio and rerun_ratio; the worker pool's start is inside the "
                                    "full runs of both paths (a rerun with nothing to analyse starts none)"}
    if FLOW_DOCS < 20000:
        raw["flow"]["note"] = FLOW_NOTE
    results["ratios"] = {
        "tokenizer_ratio": raw["tokenizer"]["tokenizer_ratio"],
        "parallel_speedup": raw["parallel"]["parallel_speedup"],
        "flow_overhead_ratio": raw["flow"]["flow_overhead_ratio"],
        "rerun_ratio": raw["flow"]["rerun_ratio"],
        "memory_growth_4x": raw["memory"]["memory_growth_4x"],
    }
    results.update(results["ratios"])
    results["met"] = {k: (v >= GOALS[k][1] if GOALS[k][0] == ">=" else v <= GOALS[k][1]) for k, v in results["ratios"].items()}
    results["raw"] = raw
    results["machine"]["load_average_at_end"] = list(os.getloadavg())
    results["bench_seconds"] = round(time.perf_counter() - t_all, 1)
    out = ROOT / "benchmarks" / "results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"\npilar benchmark ({results['machine']['cores']} cores, {results['machine']['cpu']}; "
          f"load {results['machine']['load_average_at_start'][0]:.1f} at start)")
    print(f"{'ratio':22} {'value':>8}  {'goal':>8}  met")
    for k, v in results["ratios"].items():
        op, goal = GOALS[k]
        print(f"{k:22} {v:8.3f}  {op} {goal:<5}  {'yes' if results['met'][k] else 'NO'}")
    t, p, f, m = raw["tokenizer"], raw["parallel"], raw["flow"], raw["memory"]
    print(f"\ntokenizer {t['tokenizer_words_per_s']:,} words/s; pilar analyze {t['analyze_words_per_s']:,} words/s "
          f"({t['documents']} {t['texts']}, one core)")
    print(f"analysis of {p['documents']} documents: {p['one_s']} s with 1 worker, {p['all_s']} s with {p['cores']}")
    print(f"{f['documents']} documents: flow {f['flow_s']} s, core {f['direct_s']} s, unchanged rerun {f['rerun_s']} s")
    print(f"peak memory (RSS of the run's processes): {m['one']['peak_rss_mb']} MB at {m['documents_1x']} documents, "
          f"{m['four']['peak_rss_mb']} MB at {m['documents_4x']}")
    print(f"fixed start-up, apart: Prefect server {raw['fixed_startup']['prefect_temporary_server_s']} s, "
          f"process + imports + Analyzer {raw['fixed_startup']['process_start_imports_and_analyzer_s']} s, "
          f"worker pool {raw['fixed_startup']['worker_pool_start_s']} s")
    print(f"\nwritten {out.relative_to(ROOT)} in {results['bench_seconds']} s")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=["tokenizer", "parallel", "flow", "memory"])
    ap.add_argument("args", nargs="*")
    ns = ap.parse_args()
    if ns.part is None:
        main()
    else:
        fn = {"tokenizer": part_tokenizer, "parallel": part_parallel, "flow": lambda *a: part_flow(int(a[0])),
              "memory": lambda *a: part_memory(a[0])}[ns.part]
        print(json.dumps(fn(*ns.args)))
