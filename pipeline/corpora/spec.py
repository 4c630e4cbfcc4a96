"""Corpus definitions: one small TOML file per corpus under ``corpora/``.

Example (``corpora/detik.toml``)::

    name = "detik"
    description = "967 Detik news articles from 2025"
    baseline = "thesis"                 # a corpus to compare with (name or path), optional
    output = "data/detik"               # the data folder, unless --data-dir/PILAR_DATA_DIR

    [[sources]]
    table = "{shared}/corpora/detik-2025/data_berita.csv"
    key = "id"
    columns = { text = "isi_berita", title = "judul", date = "tanggal", url = "tautan" }

Source kinds: ``folder`` (+ ``glob``), ``file``, ``table`` (CSV/JSONL/Parquet + ``key`` +
``columns``), ``url`` (a page) and ``feed`` (RSS/Atom); the last two take ``timeout`` and
``retries``. Relative source paths are relative to the TOML file; ``{project}`` and
``{shared}`` expand to the checkout and the shared folder (``PILAR_SHARED_DIR``).

The data folder (``output``) is the exception: a relative one is relative to the **current
directory**, like ``./data`` when a corpus names none. Decided in issue 11: ``pilar run`` from
any directory used to write into the installed checkout's ``data/`` (``{project}/data``), so a
user's runs and a developer's tree mixed; now data goes where you run, as with most tools
(``--data-dir``/``PILAR_DATA_DIR`` still win; ``{project}/data`` is there for who wants it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SOURCE_KINDS = ("folder", "file", "table", "url", "feed")


class CorpusError(ValueError):
    """A corpus definition is missing or malformed."""


@dataclass(frozen=True)
class SourceSpec:
    """One entry of a corpus's ``[[sources]]``."""

    kind: str
    location: str
    glob: str | None = None
    key: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    timeout: float = 20.0
    retries: int = 2
    retry_delay: float = 1.0

    @property
    def remote(self) -> bool:
        return self.kind in ("url", "feed")


@dataclass(frozen=True)
class CorpusSpec:
    """A parsed corpus definition."""

    name: str
    root: Path
    sources: tuple[SourceSpec, ...]
    baseline: str | None = None
    output: str | None = None
    description: str = ""
    path: Path | None = None


def _expand(value: str, *, root: Path) -> str:
    value = value.replace("{project}", str(config.PROJECT_DIR)).replace("{shared}", str(config.shared_dir()))
    if "://" in value:
        return value
    p = Path(value).expanduser()
    return str(p if p.is_absolute() else (root / p))


def _output(value: str) -> str:
    """A data folder: ``{project}``/``{shared}`` expanded; a relative one is relative to the
    current directory (not to the TOML file, nor the checkout), made absolute now."""
    value = value.replace("{project}", str(config.PROJECT_DIR)).replace("{shared}", str(config.shared_dir()))
    return str(Path.cwd() / Path(value).expanduser())


def _source(raw: dict[str, Any], *, root: Path, where: str) -> SourceSpec:
    kinds = [k for k in SOURCE_KINDS if k in raw]
    if len(kinds) != 1:
        raise CorpusError(f"{where}: a source needs exactly one of {', '.join(SOURCE_KINDS)}")
    kind = kinds[0]
    loc = _expand(str(raw[kind]), root=root)
    columns = {str(k): str(v) for k, v in (raw.get("columns") or {}).items()}
    if kind == "table" and "text" not in columns:
        raise CorpusError(f"{where}: a table source needs columns.text (the column holding the text)")
    return SourceSpec(
        kind=kind,
        location=loc,
        glob=raw.get("glob"),
        key=raw.get("key"),
        columns=columns,
        timeout=float(raw.get("timeout", 20.0)),
        retries=int(raw.get("retries", 2)),
        retry_delay=float(raw.get("retry_delay", 1.0)),
    )


def parse_corpus(data: dict[str, Any], *, root: Path, name: str, path: Path | None = None) -> CorpusSpec:
    """Build a :class:`CorpusSpec` from parsed TOML."""
    where = str(path or name)
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list) or not raw_sources:
        raise CorpusError(f"{where}: no [[sources]]")
    output = data.get("output")
    return CorpusSpec(
        name=str(data.get("name") or name),
        root=root,
        sources=tuple(_source(s, root=root, where=where) for s in raw_sources),
        baseline=data.get("baseline") or None,
        output=_output(output) if output else None,
        description=str(data.get("description", "")),
        path=path,
    )


def load_corpus(ref: str | Path | None = None) -> CorpusSpec:
    """A corpus by name (``corpora/NAME.toml``), by TOML path, or a folder as an ad hoc corpus.

    Args:
        ref: ``None`` for the default corpus (``thesis``), a name, a ``.toml`` path or a folder.
    """
    ref = str(ref or "thesis")
    p = Path(ref)
    if p.suffix == ".toml" or p.is_file():
        if not p.is_file():
            raise CorpusError(f"no such corpus definition: {ref}")
        return _from_file(p)
    named = config.corpora_dir() / f"{ref}.toml"
    if "/" not in ref and named.is_file():
        return _from_file(named)
    if p.is_dir():  # a plain folder: every supported file in it, no baseline
        root = p.resolve()
        return CorpusSpec(name=root.name, root=root, sources=(SourceSpec(kind="folder", location=str(root)),))
    known = sorted(f.stem for f in config.corpora_dir().glob("*.toml"))
    raise CorpusError(f"no corpus {ref!r}: not a folder, a .toml file, or one of {', '.join(known) or '(none)'}")


def _from_file(path: Path) -> CorpusSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"{path}: {exc}") from None
    return parse_corpus(data, root=path.resolve().parent, name=path.stem, path=path.resolve())
