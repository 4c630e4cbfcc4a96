"""Snapshots: every commit of a run is a numbered version that stays readable.

Layout, beside the live tables::

    DIR/.versions/000007.json              version 7: run id, time, and one object per table
    DIR/.versions/objects/<sha256>.parquet  table files by content (hard links of live files)

A version's manifest names, per table, the content hash of the file that was live right after
that run's commit. Files are stored by content, so a table a run did not change costs nothing
(an unchanged rerun adds a manifest of ~1 KB), and the live ``DIR/<table>/part-0.parquet`` is
a hard link to its object (no second copy; a copy where the file system has no hard links).
A live file is never written in place (commits swap in new files with ``os.replace``), so an
object never changes after it is linked.

Why not Delta Lake or DuckLake (measured and decided for issue 11): a Delta table keeps every
version's files in the table's own folder, so ``pandas.read_parquet(DIR/<table>)``, the
datasets' contract, would read stale rows beside the current ones, and readers would need the
``deltalake`` package (~40 MB) to read a table at all; DuckLake needs a DuckDB extension that
is downloaded at run time, which this offline machine cannot do. Whole-table versions by
content hash keep the contract, need nothing new, and cost one table file per changed table
per run (the Detik figures are in the README).

The manifest is written after the commit it records; a crash between the two is repaired on
the next open (:func:`repair`): the live files are then exactly that commit's.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline.store.tables import PART, table_path

VERSIONS = ".versions"
OBJECTS = "objects"


class VersionError(LookupError):
    """No such snapshot version (or run) in the data folder."""


def versions_dir(data_dir: Path) -> Path:
    return Path(data_dir) / VERSIONS


def _manifest_path(data_dir: Path, version: int) -> Path:
    return versions_dir(data_dir) / f"{version:06d}.json"


def list_versions(data_dir: Path) -> list[dict[str, Any]]:
    """Every version's manifest, oldest first."""
    folder = versions_dir(data_dir)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("[0-9]*.json")):
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):  # a torn manifest cannot exist (atomic writes); skip junk
            continue
    return out


def latest_version(data_dir: Path) -> int:
    """The newest version number (0 when there is none)."""
    versions = list_versions(data_dir)
    return int(versions[-1]["version"]) if versions else 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _store_object(data_dir: Path, live: Path, digest: str) -> str:
    """Link (else copy) ``live`` into the object store under its hash; the relative object path."""
    rel = f"{OBJECTS}/{digest}.parquet"
    target = versions_dir(data_dir) / rel
    if target.exists():
        return rel
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{digest}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(live, tmp)
    except OSError:  # no hard links here (another file system, FAT, some network mounts)
        shutil.copyfile(live, tmp)
    os.replace(tmp, target)
    return rel


def _write_json(path: Path, obj: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(obj, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def record_version(data_dir: Path, *, run_id: str, tables: Iterable[str], version: int | None = None,
                   schema_version: str = "") -> int:
    """Record the live tables as a new version; return its number.

    Args:
        data_dir: The data folder.
        run_id: The run whose commit this is.
        tables: The tables to record (those not written yet are left out).
        version: The number to give it (default: the next one).
        schema_version: Stamped on the manifest.
    """
    data_dir = Path(data_dir)
    previous = list_versions(data_dir)
    last = previous[-1] if previous else {"tables": {}}
    number = version if version is not None else (int(last.get("version", 0)) + 1)
    entries: dict[str, dict[str, Any]] = {}
    for name in tables:
        live = table_path(data_dir, name) / PART
        if not live.exists():
            continue
        st = live.stat()
        known = last["tables"].get(name)
        stamp = [st.st_ino, st.st_size, st.st_mtime_ns]
        if known and known.get("stamp") == stamp:  # the same file as last time: no need to hash it
            entries[name] = known
            continue
        digest = _sha256(live)
        obj = _store_object(data_dir, live, digest)
        entries[name] = {"object": obj, "sha256": digest, "bytes": st.st_size, "stamp": stamp}
    manifest = {"version": number, "run_id": run_id, "schema_version": schema_version,
                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "tables": entries}
    versions_dir(data_dir).mkdir(parents=True, exist_ok=True)
    _write_json(_manifest_path(data_dir, number), manifest)
    return number


def resolve(data_dir: Path, version: int | str) -> dict[str, Any]:
    """The manifest of ``version``: a number (negative counts back from the newest: -1 is the
    newest, -2 the one before) or a run id (or its unique prefix).

    A string of digits is a version number first; when no version has that number it is read as
    a run id prefix, since hex run ids can begin with digits only ("26502671…").

    Raises:
        VersionError: No such version.
    """
    versions = list_versions(data_dir)
    if not versions:
        raise VersionError(f"no snapshot versions in {data_dir} (run `pilar run` first)")
    if isinstance(version, int) or (isinstance(version, str) and version.lstrip("-").isdigit()):
        n = int(version)
        if n < 0:
            if -n > len(versions):
                raise VersionError(f"version {n}: {data_dir} holds only {len(versions)} version(s)")
            return versions[n]
        for v in versions:
            if int(v["version"]) == n:
                return v
        if isinstance(version, int) or not any(str(v["run_id"]).startswith(version) for v in versions):
            raise VersionError(f"no version {n} in {data_dir}; versions: "
                               f"{versions[0]['version']}–{versions[-1]['version']}")
    found = [v for v in versions if str(v["run_id"]).startswith(version)]
    if len(found) != 1:
        raise VersionError(f"no single version for run {version!r} in {data_dir}" + (" (ambiguous)" if found else ""))
    return found[0]


def object_path(data_dir: Path, manifest: dict[str, Any], table: str) -> Path:
    """The Parquet file of ``table`` as it was in ``manifest``'s version.

    Raises:
        VersionError: The table did not exist yet in that version.
    """
    entry = manifest["tables"].get(table)
    if entry is None:
        raise VersionError(f"table {table!r} did not exist in version {manifest['version']}")
    return versions_dir(data_dir) / str(entry["object"])


def repair(data_dir: Path, *, runs_version: int | None, run_id: str | None, tables: Iterable[str],
           schema_version: str = "") -> int | None:
    """Record the version a crash left unrecorded (the runs table is ahead of the manifests).

    Returns:
        The version recorded, or ``None`` when nothing was missing.
    """
    if runs_version is None or run_id is None or runs_version <= latest_version(data_dir):
        return None
    return record_version(data_dir, run_id=run_id, tables=tables, version=runs_version,
                          schema_version=schema_version)


def prune(data_dir: Path, *, keep: int) -> dict[str, int]:
    """Keep the newest ``keep`` versions; delete older manifests and objects no version uses.

    Returns:
        ``{"versions": removed, "objects": removed, "bytes": freed}``.
    """
    if keep < 1:
        raise ValueError("keep at least one version")
    data_dir = Path(data_dir)
    versions = list_versions(data_dir)
    drop, kept = versions[:-keep], versions[-keep:]
    for v in drop:
        _manifest_path(data_dir, int(v["version"])).unlink(missing_ok=True)
    used = {e["object"] for v in kept for e in v["tables"].values()}
    removed = freed = 0
    folder = versions_dir(data_dir) / OBJECTS
    if folder.is_dir():
        for obj in sorted(folder.glob("*.parquet")):
            if f"{OBJECTS}/{obj.name}" not in used:
                freed += obj.stat().st_size
                obj.unlink()
                removed += 1
    return {"versions": len(drop), "objects": removed, "bytes": freed}


def storage(data_dir: Path) -> dict[str, int]:
    """Bytes the snapshots cost beyond the live tables (hard-linked objects cost nothing)."""
    folder = versions_dir(data_dir)
    live = {(p.stat().st_ino) for p in Path(data_dir).glob(f"*/{PART}")}
    extra = objects = 0
    if (folder / OBJECTS).is_dir():
        for obj in (folder / OBJECTS).glob("*.parquet"):
            st = obj.stat()
            objects += 1
            if st.st_ino not in live:
                extra += st.st_size
    manifests = sum(p.stat().st_size for p in folder.glob("[0-9]*.json")) if folder.is_dir() else 0
    return {"objects": objects, "extra_bytes": extra + manifests, "manifest_bytes": manifests}
