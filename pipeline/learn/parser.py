"""``pilar train --parser``: a small Indonesian tagger and dependency parser from the UD treebanks.

The status rules read a clause's aspect and modality from its words; the parser adds one
signal beside them: which verb governs a pillar mention, and which verbs govern that verb
("berencana → menanam → pohon"). It is trained on the three Universal Dependencies treebanks
in ``../shared/corpora/ud-indonesian`` (GSD, CSUI, PUD; CC BY-SA):

* train: CSUI train + GSD dev + PUD, less every tenth PUD sentence (the dev set spaCy uses to
  keep its best model);
* test: CSUI test + GSD test (931 sentences), never seen in training; UPOS accuracy, UAS and
  LAS on it go into ``models/parser/MODEL_CARD.md``.

spaCy's CPU "efficiency" configuration (hash-embedding tok2vec, tagger, parser), a fixed
seed, a fixed number of epochs: the same data and seed give the same scores.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import models_dir, shared_dir

TREEBANKS = {
    "gsd": ("UD_Indonesian-GSD", "CC BY-SA 4.0"),
    "csui": ("UD_Indonesian-CSUI", "CC BY-SA 4.0"),
    "pud": ("UD_Indonesian-PUD", "CC BY-SA 3.0"),
}
TRAIN_FILES = ("csui/id_csui-ud-train.conllu", "gsd/id_gsd-ud-dev.conllu", "pud/id_pud-ud-test.conllu")
TEST_FILES = ("csui/id_csui-ud-test.conllu", "gsd/id_gsd-ud-test.conllu")
DEV_EVERY = 10  # every tenth PUD sentence is the dev set


def treebank_dir() -> Path:
    return shared_dir() / "corpora" / "ud-indonesian"


def parser_dir() -> Path:
    return models_dir() / "parser"


def _docs(path: Path, vocab: Any) -> list[Any]:
    from spacy.tokens import Doc
    from spacy.training.converters import conllu_to_docs

    # one Doc per sentence: the parser learns sentence by sentence
    docs = list(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=1, no_print=True))
    return [Doc(vocab).from_bytes(d.to_bytes()) for d in docs]


@dataclass
class ParserResult:
    folder: Path
    scores: dict[str, float]
    sentences: dict[str, int]


def _config(train: Path, dev: Path, seed: int, epochs: int) -> Any:
    from spacy.cli.init_config import init_config

    cfg = init_config(lang="id", pipeline=["tagger", "parser"], optimize="efficiency", silent=True)
    cfg["paths"]["train"] = str(train)
    cfg["paths"]["dev"] = str(dev)
    cfg["system"]["seed"] = seed
    cfg["training"]["max_epochs"] = epochs
    cfg["training"]["max_steps"] = 0
    cfg["training"]["patience"] = 0
    cfg["training"]["eval_frequency"] = 400
    return cfg


def evaluate_parser(nlp: Any, docs: list[Any]) -> dict[str, float]:
    from spacy.training import Example

    examples = []
    for gold in docs:
        pred = nlp.make_doc(gold.text)
        examples.append(Example(pred, gold))
    # score on the gold tokenization: the question is the parse, not the tokenizer
    for ex in examples:
        ex.predicted = nlp(type(ex.reference)(nlp.vocab, words=[t.text for t in ex.reference],
                                             spaces=[bool(t.whitespace_) for t in ex.reference]))
    scores = nlp.evaluate(examples)
    return {"upos_acc": round(float(scores.get("tag_acc") or 0.0), 4),
            "uas": round(float(scores.get("dep_uas") or 0.0), 4),
            "las": round(float(scores.get("dep_las") or 0.0), 4)}


def train_parser(*, seed: int = 20261130, folder: Path | None = None, epochs: int = 8,
                 source: Path | None = None) -> ParserResult:
    """Convert the treebanks, train with spaCy, keep the best model, score it on the test part."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    src = Path(source) if source else treebank_dir()
    missing = [f for f in TRAIN_FILES + TEST_FILES if not (src / f).exists()]
    if missing:
        raise FileNotFoundError(f"UD treebank files missing under {src}: {', '.join(missing)}")
    folder = Path(folder) if folder else parser_dir()
    blank = spacy.blank("id")
    train_docs: list[Any] = []
    dev_docs: list[Any] = []
    for name in TRAIN_FILES:
        docs = _docs(src / name, blank.vocab)
        if name.startswith("pud/"):
            dev_docs += docs[::DEV_EVERY]
            train_docs += [d for i, d in enumerate(docs) if i % DEV_EVERY]
        else:
            train_docs += docs
    test_docs = [d for name in TEST_FILES for d in _docs(src / name, blank.vocab)]
    # the UPOS tag set: the tagger predicts UPOS into token.tag_ (CoNLL-U XPOS is sparse here)
    for d in train_docs + dev_docs + test_docs:
        for t in d:
            t.tag_ = t.pos_
    with tempfile.TemporaryDirectory(prefix="pilar-parser-") as tmp:
        t = Path(tmp)
        DocBin(docs=train_docs).to_disk(t / "train.spacy")
        DocBin(docs=dev_docs).to_disk(t / "dev.spacy")
        cfg = _config(t / "train.spacy", t / "dev.spacy", seed, epochs)
        cfg.to_disk(t / "config.cfg")
        spacy_train(t / "config.cfg", t / "out")
        best = t / "out" / "model-best"
        nlp = spacy.load(best)
        scores = evaluate_parser(nlp, test_docs)
        if folder.exists():
            shutil.rmtree(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(folder)
    sentences = {"train": len(train_docs), "dev": len(dev_docs), "test": len(test_docs)}
    (folder / "scores.json").write_text(
        json.dumps({"test": scores, "sentences": sentences, "seed": seed, "epochs": epochs},
                   indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (folder / "MODEL_CARD.md").write_text(render_parser_card(scores, sentences, seed, epochs),
                                          encoding="utf-8")
    return ParserResult(folder, scores, sentences)


def render_parser_card(scores: dict[str, float], sentences: dict[str, int], seed: int,
                       epochs: int) -> str:
    rows = "\n".join(f"| {key} | {name} | {lic} |" for key, (name, lic) in TREEBANKS.items())
    return f"""# pilar parser: Indonesian UPOS tagger and dependency parser

**What it is for.** One signal for pilar's status rules: which verb governs a pillar mention
and which verbs govern that verb. It runs only on sentences that hold a mention.

**Architecture.** spaCy 3 CPU "efficiency" pipeline: hash-embedding tok2vec, tagger (UPOS
in `token.tag_`), transition-based parser; seed {seed}, {epochs} epochs, best model on dev.
Rebuild with `pilar train --parser`.

**Data.** Universal Dependencies treebanks for Indonesian (credit and licence):

| folder | treebank | licence |
|---|---|---|
{rows}

Train: CSUI train + GSD dev + PUD less every tenth sentence ({sentences['train']} sentences);
dev: every tenth PUD sentence ({sentences['dev']}); test: CSUI test + GSD test
({sentences['test']} sentences, never trained on). The model is a derived work of
CC BY-SA data and is shared under the same terms.

**Test scores** (gold tokens): UPOS accuracy {scores['upos_acc']:.3f}, UAS {scores['uas']:.3f},
LAS {scores['las']:.3f}.

**Limits.** Formal news and Wikipedia sentences; policy prose, lists and headlines parse
worse. Long coordinations and verb-to-verb links are the weakest part, so the status rules
use the parse beside their surface cues, never instead of them.
"""
