"""``pilar train`` and ``pilar evaluate`` (registered on the main app by ``register``)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from pipeline.learn import DEFAULT_SEED


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def train(
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Random seed (same seed and data → same model files).")] = DEFAULT_SEED,
    out: Annotated[Path | None, typer.Option("--out", metavar="DIR", help="Model folder (default: models/classifier).")] = None,
    no_shared: Annotated[bool, typer.Option("--no-shared", help="Train on the repository's own texts only (no Detik corpus, no cached pages).")] = False,
    parser: Annotated[bool, typer.Option(
        "--parser", help="Train the UD tagger and parser (models/parser) instead.")] = False,
    epochs: Annotated[int, typer.Option("--epochs", min=1, metavar="N", help="Parser epochs (with --parser).")] = 8,
) -> None:
    """Train the pillar, status and relevance models on the train + dev splits.

    With --parser: train the Indonesian UPOS tagger and dependency parser on the UD
    treebanks in ../shared/corpora/ud-indonesian (about 10 minutes on 2 cores).
    """
    if parser:
        from pipeline.learn.parser import train_parser

        try:
            pres = train_parser(seed=seed, folder=out, epochs=epochs)
        except FileNotFoundError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        sc = pres.scores
        typer.echo(f"parser: {pres.sentences['train']} training sentences; test UPOS "
                   f"{sc['upos_acc']:.3f}, UAS {sc['uas']:.3f}, LAS {sc['las']:.3f}; wrote {pres.folder}")
        return
    from pipeline.learn.agreement import agreement
    from pipeline.learn.card import render_card
    from pipeline.learn.train import train as run_train

    res = run_train(seed=seed, folder=out, use_shared=not no_shared)
    for note in res.notes:
        typer.echo(f"note: {note}", err=True)
    info = res.bundle.info
    (res.folder / "MODEL_CARD.md").write_text(
        render_card(info=info, manifest=res.manifest, evaluation=None, agreement=agreement()), encoding="utf-8")
    typer.echo(f"trained on {info['train_documents']} documents, {info['train_sentences']} sentences "
               f"(seed {seed}); wrote {res.folder} (run `pilar evaluate --write-card` for metrics)")
    for name, digest in res.manifest["files"].items():
        typer.echo(f"  {name}  sha256 {digest}")


def evaluate(
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="table or json.")] = EvalFormat.table,
    folds: Annotated[int, typer.Option("--folds", min=0, metavar="K", help="Document-grouped CV folds (0: test split only).")] = 5,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Random seed of the CV folds and models.")] = DEFAULT_SEED,
    agreement_only: Annotated[bool, typer.Option("--agreement", help="Only the inter-annotator agreement.")] = False,
    compare: Annotated[bool, typer.Option("--compare/--no-compare", help="Also score a LinearSVC pillar classifier.")] = True,
    write_card: Annotated[bool, typer.Option("--write-card", help="Write the metrics into models/classifier/MODEL_CARD.md.")] = False,
    no_shared: Annotated[bool, typer.Option("--no-shared", help="Ignore the shared Detik corpus.")] = False,
    blind: Annotated[bool, typer.Option("--blind", help="Only the blind split of web pages beyond Detik "
                                        "(needs the local page cache; see GUIDELINE.md §8).")] = False,
) -> None:
    """Score lexicon-only, model-only and combined on the test split and by grouped CV."""
    from pipeline.learn.agreement import agreement

    if blind:
        from pipeline.learn.blind import evaluate_blind, render, to_json

        result = evaluate_blind()
        typer.echo(to_json(result) if format == EvalFormat.json else render(result))
        return

    agree = agreement()
    if agreement_only:
        _emit({"agreement": agree}, format, _agreement_table)
        return
    import time

    from pipeline.learn.dataset import build_dataset
    from pipeline.learn.evaluate import evaluate_cv, evaluate_test_split

    started = time.perf_counter()

    def step(what: str) -> None:  # where a two-minute evaluation is, on stderr
        typer.echo(f"[{time.perf_counter() - started:5.0f} s] {what}", err=True)

    step("reading the gold labels and their texts …")
    data = build_dataset(use_shared=not no_shared)
    for note in data.notes:
        typer.echo(f"note: {note}", err=True)
    step("test split: fitting on train + dev, scoring lexicon, model, combined …")
    test = evaluate_test_split(data, seed=seed)
    cv = evaluate_cv(data, seed=seed, folds=folds,
                     on_fold=lambda k, n: step(f"grouped CV: fold {k} of {n} …")) if folds >= 2 else None
    alt = None
    if compare:
        step("LinearSVC comparison on the test split (--no-compare skips it) …")
        alt_res = evaluate_test_split(data, seed=seed, estimator="linear_svc")
        alt = {"linear_svc_model": alt_res["model"], "linear_svc_combined": alt_res["combined"]}
    out: dict[str, Any] = {}
    for system in ("lexicon", "model", "combined"):
        out[system] = dict(test[system], split="test")
        if cv:
            out[system]["cv"] = cv[system]
    if alt:
        out["model"]["alternatives"] = alt
    if write_card:
        _write_card({"test": test, "cv": cv, "alternatives": alt, "folds": folds}, agree)
    # JSON keeps exactly {"lexicon", "model", "combined"}; the table also shows the agreement
    _emit(out, format, lambda obj: (_results_table(obj), _agreement_table({"agreement": agree})))


def _write_card(evaluation: dict[str, Any], agree: dict[str, Any]) -> None:
    from pipeline.classify.persist import MANIFEST_FILE, classifier_dir, load_bundle
    from pipeline.learn.card import render_card

    folder = classifier_dir()
    bundle = load_bundle(folder)
    manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    (folder / "MODEL_CARD.md").write_text(
        render_card(info=bundle.info, manifest=manifest, evaluation=evaluation, agreement=agree), encoding="utf-8")


def _emit(obj: dict[str, Any], format: EvalFormat, table) -> None:
    if format == EvalFormat.json:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
    else:
        table(obj)


def _agreement_table(obj: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    a = obj["agreement"]
    t = Table(title=f"Inter-annotator agreement (Cohen's kappa): {a['documents']} documents, {a['sentences']} sentences")
    t.add_column("field")
    t.add_column("kappa", justify="right")
    t.add_column("n", justify="right")
    for p, v in a["pillar_presence"].items():
        t.add_row(f"presence {p}", _fmt(v["kappa"]), str(a["sentences"]))
    t.add_row("presence, pooled", _fmt(a["pillar_presence_pooled"]["kappa"]), str(a["pillar_presence_pooled"]["units"]))
    t.add_row("status (both labelled)", _fmt(a["status"]["kappa"]), str(a["status"]["pairs"]))
    t.add_row("driver (both labelled)", _fmt(a["driver"]["kappa"]), str(a["driver"]["pairs"]))
    t.add_row("document relevance", _fmt(a["relevance"]["kappa"]), str(a["documents"]))
    Console().print(t)


def _fmt(x: Any) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _results_table(obj: dict[str, Any]) -> None:
    import shutil

    from rich.console import Console
    from rich.table import Table

    from pipeline.schema import PILLARS

    # wide enough for every column's header even when piped (rich would assume 80 columns)
    console = Console(width=max(shutil.get_terminal_size((120, 24)).columns, 120))
    systems = ("lexicon", "model", "combined")
    for label, pick in (("test split", lambda s: obj[s]), ("grouped CV", lambda s: obj[s].get("cv"))):
        if pick("lexicon") is None:
            continue
        first = pick("combined")
        t = Table(title=f"{label}: {first['sentences']} sentences, {first['documents_relevance']} documents with relevance")
        for col in ("tagger", "micro-P", "micro-R", "micro-F1", "macro-F1", "status acc.", "status acc. (all)", "relevance AUC"):
            t.add_column(col, justify="right" if col != "tagger" else "left")
        for s in systems:
            r = pick(s)
            t.add_row(s, *(_fmt(r[k]) for k in ("micro_precision", "micro_recall", "micro_f1", "macro_f1",
                                                 "status_accuracy", "status_accuracy_all", "relevance_auc")))
        for name, r in (obj["model"].get("alternatives") or {}).items() if label == "test split" else ():
            t.add_row(name, *(_fmt(r[k]) for k in ("micro_precision", "micro_recall", "micro_f1", "macro_f1",
                                                    "status_accuracy", "status_accuracy_all", "relevance_auc")))
        console.print(t)
        pt = Table(title=f"{label}: per pillar (P / R / F1)")
        pt.add_column("pillar")
        pt.add_column("support", justify="right")
        for s in systems:
            pt.add_column(s, justify="right")
        for p in PILLARS:
            cells = [f"{_fmt(pick(s)['per_pillar'][p]['precision'])} / {_fmt(pick(s)['per_pillar'][p]['recall'])} / "
                     f"{_fmt(pick(s)['per_pillar'][p]['f1'])}" for s in systems]
            pt.add_row(p, str(first["per_pillar"][p]["support"]), *cells)
        console.print(pt)


def register(app: typer.Typer) -> None:
    """Add ``train`` and ``evaluate`` to the ``pilar`` app."""
    app.command(short_help="Train the pillar, status and relevance models.")(train)
    app.command(short_help="Score the taggers: test split, grouped CV, blind split.")(evaluate)
