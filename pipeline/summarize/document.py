"""Per-document summary: pillar statuses with evidence, programmes, actors, narrative."""

from __future__ import annotations

import re
from typing import Any

from pipeline.schema import PILLARS, Analysis, DocSummary, Document, PillarStatus
from pipeline.summarize.narrative import narrate
from pipeline.summarize.status import resolve_status


def _model_read(m: Any) -> bool:
    """The mention's status is the status model's reading, not a cue of the text."""
    return getattr(m, "method", None) == "model" or getattr(m, "rule", None) == "model"


def _one_per_sentence(mentions: list) -> list:
    """One vote per sentence and status: a sentence that names a thing twice ("Mal Pelayanan
    Publik (MPP)") states it once (pillar mentions and programme mentions alike). The vote is
    a mention with a cue of the text where the sentence has one, whatever the order of its
    terms."""
    chosen: dict[tuple[int, str | None], Any] = {}
    for m in mentions:
        key = (m.sentence, m.status)
        if key not in chosen or (_model_read(chosen[key]) and not _model_read(m)):
            chosen[key] = m
    return list(chosen.values())


#: words a text puts before a programme's name ("Aplikasi Semarang Hebat") or after it ("Cek
#: Bansos Kemensos") without changing which programme it is
_NAME_NOUNS = frozenset({"aplikasi", "program", "programme", "layanan", "gerakan", "inovasi", "sistem", "platform",
                         "app", "the"})
_NAME_OWNERS = frozenset({"kemensos", "kemenkes", "kemendagri", "kominfo", "komdigi", "pemkot", "pemkab", "pemprov",
                          "pemda", "dinkes", "dinsos", "diskominfo"})


def _programme_key(name: str) -> str:
    """One key for the forms of one programme's name: "Aplikasi Semarang Hebat" and "Semarang
    Hebat" are one programme, "Cek Bansos Kemensos" and "Cek Bansos" too."""
    words = name.lower().split()
    while len(words) > 1 and words[0] in _NAME_NOUNS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _NAME_OWNERS:
        words = words[:-1]
    return " ".join(words)


def aggregate_programs(analysis: Analysis, *, relevant: bool) -> list[dict[str, Any]]:
    """One entry per programme or initiative, in order of first mention, with surface forms
    (names that differ only by a programme noun before them or an owner after them are one)."""
    out: dict[str, dict[str, Any]] = {}
    named: dict[str, list] = {}
    for p in analysis.programs:
        if p.kind == "initiative" and not relevant:
            continue
        key = f"{p.kind}:{_programme_key(p.name) if p.kind == 'program' else p.name}"
        entry = out.setdefault(
            key, {"name": p.name, "kind": p.kind, "pillar": p.pillar, "mentions": 0, "surface": []}
        )
        entry["mentions"] += 1
        if p.text not in entry["surface"]:
            entry["surface"].append(p.text)
        named.setdefault(key, []).append(p)
    for key, entry in out.items():
        # resolved like a pillar's (DESIGN.md §3): "mentioned" when named without a status
        entry["status"] = resolve_status(p.status for p in _one_per_sentence(named[key]))
    return list(out.values())


# Which mention statuses explain a resolved status best: the ones that hold it back.
TELLING = {
    "implemented": ("implemented",),
    "partial": ("planned", "not_addressed"),
    "planned": ("planned",),
    "recommended": ("recommended",),
    "not_addressed": ("not_addressed",),
}


def telling_evidence(status: str, evidence: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The evidence whose cue best explains a pillar's resolved ``status`` (None if no cue).

    A cue of the sentence itself beats one borrowed from a neighbour; a pillar named as such
    beats one implied by its vocabulary; then the first in the text.
    """
    for wanted in TELLING.get(status, ()):
        candidates = [ev for ev in evidence if ev["status"] == wanted and ev["cue"]]
        if candidates:
            return min(
                enumerate(candidates),
                key=lambda ie: (ie[1].get("rule") == "inherited", ie[1]["driver"] is not None, ie[0]),
            )[1]
    return None


def _cue_phrase(ev: dict[str, Any]) -> str:
    """The cue as a reader can follow it: a one-word cue ("udh", "telah", "should") with the
    words after it in its sentence ("udh lapor lewat aplikasi"); a longer cue as it is."""
    cue = ev["cue"]
    if " " in cue or len(cue) > 8:
        return str(cue)
    text = ev.get("text") or ""
    m = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text, re.IGNORECASE)
    if m is None:
        return str(cue)
    words = text[m.start():].split()[:4]
    return " ".join(words).rstrip(",.;:!?\"'”’)") or str(cue)


def _telling_cue(ps: PillarStatus) -> str | None:
    ev = telling_evidence(ps.status, ps.evidence)
    return _cue_phrase(ev) if ev else None


#: The text names smart cities as such (its pillars named explicitly count too).
_SMART_CITY = re.compile(r"\b(?:smart[ -]?(?:city|cities|change|economy|government|governance|people|living|mobility|"
                         r"environment|kampung|village|villages|regency|province|district|nation|island|society)|"
                         r"kota (?:cerdas|pintar)|kabupaten cerdas|desa cerdas|100 smart)\b")


def _names_smart_cities(text: str) -> bool:
    """Does the text name smart cities as such? (lower-cased once: a case-insensitive regex
    over a whole article costs more)"""
    low = text.lower()
    return ("smart" in low or "cerdas" in low or "pintar" in low) and _SMART_CITY.search(low) is not None

#: A plan's cue that says it is not carried out yet ("… belum terlaksana", "not yet").
#: a contrast clause that says the rest is not done yet
_REST_NOT_YET = re.compile(r"\b(?:sedangkan|sementara|tetapi|tapi|namun|but|while|whereas)\b[^.;]*?"
                           r"\b(?:lainnya|sisanya|selebihnya|sisa|the rest|the remaining|the other)\b[^.;]*?"
                           r"\b(?:belum|blm|not yet|has not|have not|hasn't|haven't|yet to|slipped|ditunda|tertunda)\b",
                           re.IGNORECASE)
_NOT_YET = re.compile(r"\b(belum|tidak|tak|not yet|has not|have not|ditunda|tertunda|diundur|postponed|delayed|slipped)\b", re.IGNORECASE)


def _stated(mentions: list) -> list:
    """The mentions whose status counts for the pillar's document status.

    A sentence the learned model tags without any lexicon match carries the status model's
    reading, not a cue of the text. It sets the pillar's status when nothing else speaks of
    the pillar, or when the text's own mentions of it carry no status (a list names the six
    dimensions, and "Keenam dimensi ini akan disusun …" plans them: training pages 1,475 →
    1,491 of 1,987, fitted models; hand-written development documents 1,197 → 1,198); beside
    lexicon mentions with a status it counts only when it reads a report of something
    done (``implemented``): news describes running services without aspect words ("Warga
    cukup memindai kartu …"). Measured by 5-fold CV over the 114 relevant training pages
    (models refitted without each fold): document status 0.506 with model mentions left out,
    0.532 with all of them, 0.536 with their ``implemented`` ones.
    """
    textual = [m for m in mentions if m.method != "model"]
    if not textual or not any(m.status for m in textual):
        return mentions
    return textual + [m for m in mentions if m.method == "model" and m.status == "implemented"]


def summarize_document(document: Document, analysis: Analysis, *, relevant: bool) -> DocSummary:
    """Resolve every pillar and narrate the result.

    ``relevant`` is the Analyzer's one relevance decision
    (:meth:`pipeline.analyzer.Settings.is_relevant`): a document that is not relevant carries
    no pillar mentions (a recipe that says "sampah" is not about waste policy); its named
    programmes are still listed.
    """
    sentences = analysis.sentences
    pillars: dict[str, PillarStatus] = {}
    for pillar in PILLARS:
        ms = [m for m in analysis.mentions if m.pillar == pillar] if relevant else []
        evidence = [
            {
                "sentence": m.sentence,
                "section": m.section,
                "text": sentences[m.sentence].text if sentences else "",
                "term": m.text,
                "match": m.term,
                "driver": m.driver,
                "method": m.method,
                "status": m.status,
                "cue": m.cue,
                "rule": m.rule,
                "start": m.start,
                "end": m.end,
            }
            for m in ms
        ]
        stated = _one_per_sentence(_stated(ms))
        not_yet = sum(1 for m in stated if m.status == "planned" and m.cue and _NOT_YET.search(m.cue))
        # a report whose own sentence goes on to a not-yet of the rest ("… telah digunakan di
        # 12 dari 30 kelurahan, sedangkan 18 kelurahan lainnya belum terhubung")
        absent_in = {m.sentence for m in stated if m.status == "not_addressed"}
        shortfalls = sum(1 for m in stated if m.status == "implemented" and not _model_read(m) and sentences
                         and m.sentence not in absent_in and _REST_NOT_YET.search(sentences[m.sentence].text))
        # the status model's reports are not weighed against shortfalls where the text's own
        # cues speak; where none does (``--tagger model``: every status is the model's) all count
        cued = any(m.status and not _model_read(m) for m in stated)
        unstated = sum(1 for m in stated if m.status == "implemented" and _model_read(m)) if cued else 0
        pillars[pillar] = PillarStatus(
            status=resolve_status((m.status for m in stated), not_yet=not_yet, unstated=unstated,
                                  shortfalls=shortfalls),
            mentions=len(ms), evidence=evidence,
        )
    programs = aggregate_programs(analysis, relevant=relevant)
    cues = {p: _telling_cue(ps) for p, ps in pillars.items()}
    periods = [list(p) for p in analysis.periods]
    summary = narrate(
        relevance=analysis.relevance,
        statuses={p: s.status for p, s in pillars.items()},
        programs=programs,
        actors=analysis.actors,
        years=analysis.years,
        periods=periods,
        gated=not relevant,
        cues={p: c for p, c in cues.items() if c},
        smart_city=_names_smart_cities(document.text),
    )
    return DocSummary(
        doc_id=document.doc_id,
        source=document.source,
        title=document.title,
        language=document.language,
        relevance=analysis.relevance,
        relevant=relevant,
        word_count=document.word_count,
        pillars=pillars,
        programs=programs,
        actors=analysis.actors,
        years=analysis.years,
        periods=periods,
        summary=summary,
    )
