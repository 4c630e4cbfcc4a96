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
``columns``), ``url`` (a page) and ``feed`` (RSS/Atom); the last two take ``timeout`` (per
network operation), ``deadline`` (the whole fetch), ``retries`` and ``retry_delay``. Every
source takes ``max_bytes`` (its file, table or response size limit). Relative paths are
relative to the TOML file; ``{project}`` and ``{shared}`` expand to the checkout and the shared
folder (``PILAR_SHARED_DIR``).

A definition is checked whole before anything runs: an unknown key is named (with the
closest known one: ``glop`` → ``glob``), a value of the wrong type or out of range is named
with what it should be, and a key that does not apply to its source kind is refused.

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


TOP_KEYS = ("name", "description", "baseline", "output", "sources")
COLUMN_KEYS = ("text", "title", "id", "date", "url")
#: Which keys each source kind takes, besides its own kind key.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "folder": ("glob", "max_bytes"),
    "file": ("max_bytes",),
    "table": ("key", "columns", "max_bytes"),
    "url": ("timeout", "deadline", "retries", "retry_delay", "max_bytes"),
    "feed": ("timeout", "deadline", "retries", "retry_delay", "max_bytes"),
}
_ALL_SOURCE_KEYS = tuple(dict.fromkeys([*SOURCE_KINDS, *(k for ks in KIND_KEYS.values() for k in ks)]))


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
    #: Seconds for a whole fetch (url, feed).
    deadline: float = 60.0
    #: Size limit of the source's file, table or response (``None``: the defaults).
    max_bytes: int | None = None

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


def _unknown(key: str, known: tuple[str, ...], where: str) -> CorpusError:
    import difflib

    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
    return CorpusError(f"{where}: unknown key {key!r}{hint}")


def _check_keys(raw: dict[str, Any], known: tuple[str, ...], where: str) -> None:
    for key in raw:
        if key not in known:
            raise _unknown(str(key), known, where)


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


def _string(raw: dict[str, Any], key: str, where: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorpusError(f"{where}: {key} must be a string, not {_type_name(value)} ({value!r})")
    return value


def _number(raw: dict[str, Any], key: str, default: float, where: str, *, minimum: float, strict: bool) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise CorpusError(f"{where}: {key} must be a number of seconds, not {_type_name(value)} ({value!r})")
    if value < minimum or (strict and value == minimum):
        raise CorpusError(f"{where}: {key} must be {'>' if strict else '≥'} {minimum:g}, not {value!r}")
    return float(value)


def _integer(raw: dict[str, Any], key: str, default: int | None, where: str, *, minimum: int) -> int | None:
    value = raw.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise CorpusError(f"{where}: {key} must be an integer, not {_type_name(value)} ({value!r})")
    if value < minimum:
        raise CorpusError(f"{where}: {key} must be ≥ {minimum}, not {value}")
    return value


def _source(raw: Any, *, root: Path, where: str) -> SourceSpec:
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: each [[sources]] entry must be a table, not {_type_name(raw)}")
    kinds = [k for k in SOURCE_KINDS if k in raw]
    if len(kinds) != 1:
        for key in raw:  # a misspelt kind ("folders") is the likeliest cause: name it
            if key not in _ALL_SOURCE_KEYS:
                raise _unknown(str(key), _ALL_SOURCE_KEYS, where)
        raise CorpusError(f"{where}: a source needs exactly one of {', '.join(SOURCE_KINDS)}")
    kind = kinds[0]
    allowed = (kind, *KIND_KEYS[kind])
    for key in raw:
        if key not in allowed:
            if key in _ALL_SOURCE_KEYS:
                raise CorpusError(f"{where}: {key!r} does not apply to a {kind} source (it takes {', '.join(KIND_KEYS[kind])})")
            raise _unknown(str(key), allowed, where)
    location = _string(raw, kind, where)
    if not location:
        raise CorpusError(f"{where}: {kind} must be a non-empty string")
    loc = _expand(location, root=root)
    raw_columns = raw.get("columns") or {}
    if not isinstance(raw_columns, dict):
        raise CorpusError(f"{where}: columns must be a table such as {{ text = \"isi\" }}, not {_type_name(raw_columns)}")
    _check_keys(raw_columns, COLUMN_KEYS, f"{where} columns")
    for k, v in raw_columns.items():
        if not isinstance(v, str) or not v:
            raise CorpusError(f"{where}: columns.{k} must be a column name (a string), not {v!r}")
    columns = {str(k): str(v) for k, v in raw_columns.items()}
    if kind == "table" and "text" not in columns:
        raise CorpusError(f"{where}: a table source needs columns.text (the column holding the text)")
    return SourceSpec(
        kind=kind,
        location=loc,
        glob=_string(raw, "glob", where),
        key=_string(raw, "key", where),
        columns=columns,
        timeout=_number(raw, "timeout", 20.0, where, minimum=0, strict=True),
        retries=int(_integer(raw, "retries", 2, where, minimum=0) or 0),
        retry_delay=_number(raw, "retry_delay", 1.0, where, minimum=0, strict=False),
        deadline=_number(raw, "deadline", 60.0, where, minimum=0, strict=True),
        max_bytes=_integer(raw, "max_bytes", None, where, minimum=1),
    )


def parse_corpus(data: dict[str, Any], *, root: Path, name: str, path: Path | None = None) -> CorpusSpec:
    """Build a :class:`CorpusSpec` from parsed TOML.

    Raises:
        CorpusError: An unknown key, a value of the wrong type or range, no sources.
    """
    where = str(path or name)
    _check_keys(data, TOP_KEYS, where)
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list) or not raw_sources:
        raise CorpusError(f"{where}: no [[sources]]")
    for key in ("name", "description", "baseline", "output"):
        _string(data, key, where)
    output = data.get("output")
    return CorpusSpec(
        name=str(data.get("name") or name),
        root=root,
        sources=tuple(_source(s, root=root, where=f"{where}: [[sources]] #{i}") for i, s in enumerate(raw_sources, 1)),
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
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); TOML files are UTF-8") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path}: invalid TOML: {' '.join(str(exc).split())}") from None
    return parse_corpus(data, root=path.resolve().parent, name=path.stem, path=path.resolve())
