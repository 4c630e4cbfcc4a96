"""Per-run overhead of Prefect: the same corpus run through the flow and through the core.

    .venv/bin/python benchmarks/prefect_overhead.py [--corpus thesis detik] [--repeat 2]

For each corpus, every measurement is a full (``full=True``) run into a fresh data folder,
so every document is analysed and every table written:

- ``direct``: :func:`pipeline.corpora.run.run_corpus_direct` (no Prefect at all; the same
  worker processes as the flow);
- ``flow (cold)``: the first ``run_corpus`` flow call of the process, which starts Prefect's
  temporary server on a fresh ``PREFECT_HOME``;
- ``flow (warm)``: later flow calls (server up, client connected).

Overhead = flow wall time − direct wall time. spaCy is loaded before timing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.flows.settings import configure_prefect

WORK = Path(tempfile.mkdtemp(prefix="pilar-bench-"))
configure_prefect(WORK)  # before Prefect is imported


def _timed(fn) -> tuple[float, dict]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


_COUNT = [0]


def _fresh() -> str:
    """A new, empty data folder (so every run analyses and writes everything)."""
    _COUNT[0] += 1
    d = WORK / f"run{_COUNT[0]}"
    shutil.rmtree(d, ignore_errors=True)
    return str(d)


def _measure(corpus: str, repeat: int, run_corpus, run_corpus_direct) -> dict:
    from pipeline.corpora.workers import default_workers

    # the same worker processes as the flow uses (one per core)
    direct = [_timed(lambda: run_corpus_direct(corpus, data_dir=_fresh(), full=True, workers=default_workers()).to_dict())
              for _ in range(repeat)]
    flows = [_timed(lambda: run_corpus(corpus=corpus, data_dir=_fresh(), full=True)) for _ in range(repeat + 1)]
    best = min(t for t, _ in direct)
    warm = min(t for t, _ in flows[1:])
    return {"corpus": corpus, "documents": direct[0][1]["documents_analyzed"], "direct_s": round(best, 2),
            "flow_first_s": round(flows[0][0], 2), "flow_warm_s": round(warm, 2),
            "overhead_warm_s": round(warm - best, 2), "overhead_warm_pct": round(100 * (warm - best) / best, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", default=["thesis", "detik"])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    from pipeline.corpora.run import run_corpus_direct
    from pipeline.nlp import get_nlp

    get_nlp()
    import prefect  # noqa: F401  - import time is not run overhead

    from pipeline.flows.corpus import run_corpus
    from pipeline.flows.settings import no_heartbeats

    run_corpus_direct("thesis", data_dir=_fresh(), full=True)  # warm-up: lexicon, language detector
    with no_heartbeats():
        for corpus in args.corpus:
            print(json.dumps(_measure(corpus, args.repeat, run_corpus, run_corpus_direct)), flush=True)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
