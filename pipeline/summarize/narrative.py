"""A short Indonesian narrative written from the resolved data (never from canned results)."""

from __future__ import annotations

from typing import Any

from pipeline.schema import PILLARS

_PHRASE = {
    "implemented": "sudah berjalan",
    "partial": "baru berjalan sebagian, ada bagian yang belum terlaksana",
    "planned": "masih pada tahap konsep atau rencana",
    "recommended": "baru direkomendasikan",
    "not_addressed": "belum disentuh",
    "mentioned": "disebut tanpa keterangan status",
}


def _name(pillar: str) -> str:
    return pillar.replace("_", " ")


def _decimal(x: float) -> str:
    """A score as Indonesian writes it: a decimal comma ("0,99")."""
    return f"{x:.2f}".replace(".", ",")


def _programme(p: dict[str, Any]) -> str:
    """"JAKI (3×, sudah berjalan)": its mentions and, where the text gives one, its status."""
    from pipeline.report.text import STATUS

    status = p.get("status")
    words = {**STATUS["id"], "not_addressed": "belum berjalan"}  # a programme is run, not "touched"
    said = f", {words[status]}" if status and status != "mentioned" and status in words else ""
    return f"{p['name']} ({p['mentions']}×{said})"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def narrate(
    *,
    relevance: float,
    statuses: dict[str, str],
    programs: list[dict[str, Any]],
    actors: list[str],
    years: list[int],
    periods: list[list[int]],
    gated: bool = False,
    cues: dict[str, str] | None = None,
    smart_city: bool = True,
) -> str:
    """Compose the summary sentence by sentence from what was found.

    ``smart_city``: the text speaks of smart cities in so many words (smart city, kota cerdas,
    a "smart …" pillar); otherwise it is urban public policy (a waste service, a hajj health
    rule), and the opening says so instead of "pengembangan kota cerdas".
    """
    if gated:
        return (
            f"Dokumen ini tidak membahas kebijakan kota cerdas atau kebijakan publik perkotaan "
            f"(relevansi {_decimal(relevance)}); tidak ada pilar yang ditandai."
        )
    parts: list[str] = []
    when = ""
    if periods:
        when = " pada periode " + _join([f"{a}–{b}" for a, b in periods[:3]])
    topic = "pengembangan kota cerdas" if smart_city else "kebijakan publik perkotaan"
    parts.append(f"Dokumen ini membahas {topic}{when} (relevansi {_decimal(relevance)}).")
    if actors:
        # the actors act in the text; "membahas … oleh X" would read as if X wrote the document
        parts.append(f"Pelaku yang disebut: {_join(actors[:4])}.")
    cues = cues or {}
    for status in ("implemented", "partial", "planned", "recommended", "not_addressed", "mentioned"):
        group = [p for p in PILLARS if statuses.get(p) == status]
        if not group:
            continue
        verb = "Pilar" if len(group) == 1 else "Pilar-pilar"
        shown = {cues[p] for p in group if cues.get(p)}
        why = f" («{'»; «'.join(cues[p] for p in group if cues.get(p))}»)" if len(shown) > 1 else (
            f" («{next(iter(shown))}»)" if shown else "")
        parts.append(f"{verb} {_join([_name(p) for p in group])} {_PHRASE[status]}{why}.")
    missing = [_name(p) for p in PILLARS if statuses.get(p) == "not_mentioned"]
    if len(missing) == len(PILLARS):
        parts.append("Tidak ada pilar yang dibahas.")
    elif missing:
        parts.append(f"Tidak disebut: {_join(missing)}.")
    named_progs = [p for p in programs if p["kind"] == "program"]
    inits = [p for p in programs if p["kind"] == "initiative"]
    if named_progs:
        parts.append("Program: " + _join([_programme(p) for p in named_progs[:6]]) + ".")
    if inits:
        by_pillar: dict[str, list[str]] = {}
        for p in inits:
            by_pillar.setdefault(p["pillar"] or "lainnya", []).append(p["name"])
        parts.append(
            "Inisiatif: "
            + "; ".join(f"{_join(names)} ({_name(pl)})" for pl, names in by_pillar.items())
            + "."
        )
    if years:
        parts.append("Tahun yang disebut: " + ", ".join(str(y) for y in years) + ".")
    return " ".join(parts)
