"""The taxonomy and lexicons under ``models/``, loaded once and validated.

Everything the taggers know about words lives in YAML files (a pillar's words in
``models/lexicon/pillars.yaml``, status cues in ``status.yaml``, programmes in
``programs.yaml``, actors in ``actors.yaml``); this module only reads them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.config import models_dir
from pipeline.schema import PILLARS


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Term:
    pillar: str
    driver: str | None
    term: str | None = None
    regex: str | None = None
    weak: bool = False
    facility: bool = False
    exclude_next: frozenset[str] = frozenset()
    exclude_prev: frozenset[str] = frozenset()
    exclude_next_number: bool = False
    problem: bool = False
    street: bool = False
    fuzzy: bool = True  # a typo of it may be recalled (pillars.yaml `fuzzy_single`)

    @property
    def key(self) -> str:
        return f"{self.pillar}|{self.driver or ''}|{self.term or self.regex}"


@dataclass(frozen=True)
class Program:
    name: str
    kind: str
    pillar: str | None
    aliases: tuple[str, ...]
    case_sensitive: bool = False
    case_sensitive_aliases: tuple[str, ...] = ()
    fuzzy: bool = False


@dataclass
class Lexicon:
    version: str
    taxonomy: dict[str, Any]
    terms: list[Term]
    status: dict[str, Any]
    programs: list[Program]
    program_cfg: dict[str, Any]
    actors: dict[str, list[str]]
    #: actor aliases that are bare place names: actors only where the text makes them act
    actor_places: frozenset[str] = frozenset()
    actor_context: dict[str, Any] = field(default_factory=dict)
    digest: str = ""
    pillar_words: dict[str, str] = field(default_factory=dict)
    fuzzy: dict[str, Any] = field(default_factory=dict)
    institution_heads: frozenset[str] = frozenset()
    off_topic: frozenset[str] = frozenset()
    off_topic_weight: float = 0.5


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            # the C loader when libyaml is present: 10x faster than the pure-Python one
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise LexiconError(f"{path}: missing (set PILAR_MODELS_DIR to the models folder)") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return data


def _term(pillar: str, driver: str | None, raw: Any, path: Path) -> Term:
    if isinstance(raw, str):
        return Term(pillar, driver, term=raw.lower())
    if isinstance(raw, dict) and ("term" in raw or "regex" in raw):
        unknown = set(raw) - {"term", "regex", "weak", "facility", "exclude_next", "exclude_prev", "exclude_next_number", "problem", "street", "fuzzy"}
        if unknown:
            raise LexiconError(f"{path}: {pillar}/{driver}: unknown option(s) {sorted(unknown)} in {raw}")
        return Term(
            pillar,
            driver,
            term=str(raw["term"]).lower() if "term" in raw else None,
            regex=raw.get("regex"),
            weak=bool(raw.get("weak", False)),
            facility=bool(raw.get("facility", False)),
            exclude_next=frozenset(w.lower() for w in raw.get("exclude_next", [])),
            exclude_prev=frozenset(w.lower() for w in raw.get("exclude_prev", [])),
            exclude_next_number=bool(raw.get("exclude_next_number", False)),
            street=bool(raw.get("street", False)),
            fuzzy=bool(raw.get("fuzzy", True)),
            problem=bool(raw.get("problem", False)),
        )
    raise LexiconError(f"{path}: {pillar}/{driver}: a term is a string or a mapping with 'term': {raw!r}")


@lru_cache(maxsize=4)
def load_lexicon(root: str | None = None) -> Lexicon:
    """Load and validate every file under ``models/`` (cached per folder)."""
    base = Path(root) if root else models_dir()
    tax_path = base / "taxonomy" / "cohen.yaml"
    pil_path = base / "lexicon" / "pillars.yaml"
    files = [
        tax_path, pil_path, base / "lexicon" / "status.yaml", base / "lexicon" / "programs.yaml",
        base / "lexicon" / "actors.yaml", base / "lexicon" / "relevance.yaml",
    ]
    taxonomy = _load_yaml(tax_path)
    pillars_doc = _load_yaml(pil_path)
    status = _load_yaml(files[2])
    programs_doc = _load_yaml(files[3])
    actors_doc = _load_yaml(files[4])
    relevance_doc = _load_yaml(files[5])

    for kind, words in (status.get("cues") or {}).items():
        bad = [w for w in words if not isinstance(w, str)]
        if bad:  # YAML reads a bare `no`/`yes` as a boolean: quote such words
            raise LexiconError(f"{files[2]}: cues/{kind}: not strings: {bad!r} (quote them)")
    drivers = {p: set(v.get("drivers", {})) for p, v in taxonomy["pillars"].items()}
    if set(drivers) != set(PILLARS):
        raise LexiconError(f"{tax_path}: pillars must be exactly {PILLARS}")
    terms: list[Term] = []
    for pillar, spec in pillars_doc.get("pillars", {}).items():
        if pillar not in drivers:
            raise LexiconError(f"{pil_path}: unknown pillar {pillar!r}")
        for raw in spec.get("explicit", []):
            terms.append(_term(pillar, None, raw, pil_path))
        for driver, items in (spec.get("drivers") or {}).items():
            if driver not in drivers[pillar]:
                raise LexiconError(f"{pil_path}: {pillar}: unknown driver {driver!r}")
            terms.extend(_term(pillar, driver, raw, pil_path) for raw in items)

    programs = []
    for raw in programs_doc.get("programs", []):
        pillar = raw.get("pillar")
        if pillar is not None and pillar not in PILLARS:
            raise LexiconError(f"{files[3]}: {raw.get('name')}: unknown pillar {pillar!r}")
        programs.append(
            Program(
                name=raw["name"],
                kind=raw.get("kind", "program"),
                pillar=pillar,
                aliases=tuple(raw.get("aliases", [raw["name"]])),
                case_sensitive=bool(raw.get("case_sensitive", False)),
                case_sensitive_aliases=tuple(raw.get("case_sensitive_aliases", [])),
                fuzzy=bool(raw.get("fuzzy", False)),
            )
        )
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:12]
    version = str(pillars_doc.get("version", "0"))
    heads = pillars_doc.get("smart_heads", {})
    pillar_words = {str(k).lower(): v for k, v in heads.get("words", {}).items()}
    bad = {v for v in pillar_words.values() if v not in PILLARS}
    if bad:
        raise LexiconError(f"{pil_path}: smart_heads name unknown pillars {sorted(bad)}")
    return Lexicon(
        version=f"{version}+{digest}",
        taxonomy=taxonomy,
        terms=terms,
        status=status,
        programs=programs,
        program_cfg=programs_doc,
        actors=actors_doc.get("actors", {}),
        actor_places=frozenset(actors_doc.get("places", [])),
        actor_context=actors_doc.get("context", {}),
        digest=digest,
        pillar_words=pillar_words,
        off_topic=frozenset(w.lower() for ws in relevance_doc.get("off_topic", {}).values() for w in ws),
        off_topic_weight=float(relevance_doc.get("weight", 0.5)),
        institution_heads=frozenset(w.lower() for w in pillars_doc.get("institution_heads", [])),
        fuzzy={"smart_ratio": float(heads.get("fuzzy_ratio", 85)), **pillars_doc.get("fuzzy_single", {})},
    )
