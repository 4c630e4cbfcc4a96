"""The report's words, in Indonesian and English: labels, and phrases the narrative is built from.

Nothing here states a result: the narrative (:mod:`pipeline.report.narrative`) fills these
phrases with what the data says. Pillar names stay as Cohen wrote them ("smart economy"),
as Indonesian policy writing (and the thesis) uses them.
"""

from __future__ import annotations

import re

LANGS = ("id", "en")

#: Short status labels (chart legend, tables).
STATUS: dict[str, dict[str, str]] = {
    "id": {
        "implemented": "sudah berjalan", "partial": "berjalan sebagian", "planned": "konsep/rencana",
        "recommended": "baru disarankan", "not_addressed": "belum disentuh", "mentioned": "disebut saja",
        "not_mentioned": "tidak disebut",
    },
    "en": {
        "implemented": "implemented", "partial": "partly implemented", "planned": "concept/plan",
        "recommended": "recommended only", "not_addressed": "not addressed", "mentioned": "named only",
        "not_mentioned": "not mentioned",
    },
}

#: Status as a predicate ("smart mobility ___").
PREDICATE: dict[str, dict[str, str]] = {
    "id": {
        "implemented": "sudah berjalan",
        "partial": "baru berjalan sebagian: sebagian sudah terlaksana, sebagian lagi belum",
        "planned": "masih sebatas konsep atau rencana",
        "recommended": "baru disarankan, belum direncanakan",
        "not_addressed": "belum disentuh",
        "mentioned": "hanya disebut, tanpa keterangan status",
        "not_mentioned": "tidak disebut sama sekali",
    },
    "en": {
        "implemented": "is under way",
        "partial": "is partly under way: some of it is done, some not yet",
        "planned": "is still only a concept or a plan",
        "recommended": "is only recommended, not yet planned",
        "not_addressed": "is not addressed yet",
        "mentioned": "is only named, with no status",
        "not_mentioned": "is not mentioned at all",
    },
}

#: The same predicate for several pillars (Indonesian needs no change; English agrees in number).
PREDICATE_PLURAL: dict[str, dict[str, str]] = {
    "id": PREDICATE["id"],
    "en": {
        "implemented": "are under way",
        "partial": "are partly under way: some of it is done, some not yet",
        "planned": "are still only concepts or plans",
        "recommended": "are only recommended, not yet planned",
        "not_addressed": "are not addressed yet",
        "mentioned": "are only named, with no status",
        "not_mentioned": "are not mentioned at all",
    },
}

RELATION: dict[str, dict[str, str]] = {
    "id": {"agrees": "sejalan", "adds": "menambahkan (lebih maju)", "contradicts": "bertentangan (kurang maju)",
           "beyond": "di luar baseline"},
    "en": {"agrees": "agree", "adds": "add (further along)", "contradicts": "contradict (less far along)",
           "beyond": "beyond the baseline"},
}

MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

L: dict[str, dict[str, str]] = {
    "id": {
        "title": "Pilar kota cerdas dalam korpus {corpus}",
        "lang_attr": "id",
        "toc": "Isi",
        "conclusions": "Kesimpulan",
        "chart_section": "Pilar menurut status",
        "comparison": "Dibandingkan dengan {baseline}",
        "programmes": "Program dan inisiatif",
        "evidence": "Bukti",
        "about": "Tentang laporan ini",
        "runs": "Yang sudah berjalan",
        "concept": "Yang baru sebagian, konsep, atau saran",
        "untouched": "Yang belum disentuh",
        "suggests": "Apa artinya",
        "adds_h": "Yang ditambahkan",
        "contradicts_h": "Yang bertentangan",
        "agrees_h": "Yang sejalan",
        "beyond_h": "Yang tidak dinilai baseline",
        "new_programmes_h": "Program dan inisiatif baru",
        "ref": "bukti",
        "counts": "{total} dibaca; {relevant} relevan dengan kebijakan kota cerdas atau perkotaan.",
        "unrelated": "{n} dokumen lain tidak berkaitan dengan kebijakan perkotaan dan tidak dipakai di mana pun dalam laporan ini.",
        "duplicates": "{n} salinan persis dihitung sekali.",
        "rejected": "{n} sumber tidak dapat dibaca (tabel `rejects`).",
        "dates": "Tanggal dokumen: {first} sampai {last}.",
        "date_one": "Tanggal dokumen: {date}.",
        "dates_undated": " ({n} dokumen tanpa tanggal).",
        "no_dates": "Dokumen tidak bertanggal.",
        "rule": ("Status korpus sebuah pilar adalah status yang diberikan oleh paling banyak dokumen relevan "
                 "yang menyatakan status untuk pilar itu (bila seri, yang kurang maju). Angka a/b: a dari b "
                 "dokumen itu. Dokumen yang hanya menyebut pilar tanpa status tidak ikut menentukan."),
        "chart_caption": ("Panjang batang: dokumen relevan, masing-masing dibobot dengan skor relevansinya "
                          "(0,5 sampai 1); angka di batang: jumlah dokumen. Dokumen yang tidak menyebut pilar "
                          "tidak digambar."),
        "chart_label": "Jumlah dokumen per pilar dan status",
        "pillar": "pilar", "corpus_status": "status korpus", "documents": "dokumen", "mentions": "sebutan",
        "kind": "jenis", "program": "program", "initiative": "inisiatif", "name": "nama",
        "not_mentioned_n": "tidak disebut",
        "table_caption": "Dokumen relevan per pilar dan status; status korpus dengan dukungannya (a/b).",
        "timeline_dates": "Program menurut bulan terbit dokumen",
        "timeline_dates_caption": "Lingkaran: jumlah dokumen yang terbit pada bulan itu dan menyebut program tersebut.",
        "timeline_years": "Program menurut tahun yang disebut di dekatnya",
        "timeline_years_caption": ("Lingkaran: jumlah dokumen yang menyebut tahun itu dalam kalimat yang "
                                   "menyebut program, atau dalam kalimat sesudahnya (sasaran, periode, awal)."),
        "no_programmes": "Tidak ada program atau inisiatif yang disebut.",
        "no_years": "Tidak ada tahun yang disebut di dekat program.",
        "legend_marks": "Kuning: istilah pilar atau nama program. Biru: kata yang menentukan status.",
        "cells": "Angka di sel",
        "cue": "isyarat", "sentence": "kalimat", "source": "sumber", "model_status": "status dari model terlatih, tanpa isyarat",
        "more_docs": "{n} dokumen lain menyatakan hal yang sama; semuanya: `{cmd}`.",
        "ev_status": "{pillar}: {status}",
        "ev_recommend": "Saran dalam teks",
        "ev_programmes": "Program dan inisiatif baru: kalimat yang menyebutnya",
        "baseline_says": "Baseline {baseline}: {status}",
        "no_baseline": "Korpus ini tidak punya baseline untuk dibandingkan.",
        "versions": "Data dari run {run} ({finished}); kode {code}, leksikon {lexicon}.",
        "made_by": "Dibuat oleh `pilar report` dari folder data `{data_dir}`. Setiap angka dan kalimat di atas berasal dari data itu.",
        "how_status": ("Status dokumen: sudah berjalan (teks menyatakan sudah terlaksana), berjalan sebagian, "
                       "konsep/rencana, baru disarankan, belum disentuh (teks menyatakan belum ada), disebut saja "
                       "(tanpa keterangan status)."),
    },
    "en": {
        "title": "Smart-city pillars in the corpus {corpus}",
        "lang_attr": "en",
        "toc": "Contents",
        "conclusions": "Conclusions",
        "chart_section": "Pillars by status",
        "comparison": "Compared with {baseline}",
        "programmes": "Programmes and initiatives",
        "evidence": "Evidence",
        "about": "About this report",
        "runs": "What runs",
        "concept": "What is partial, a concept or a recommendation",
        "untouched": "What is untouched",
        "suggests": "What it suggests",
        "adds_h": "What it adds",
        "contradicts_h": "What it contradicts",
        "agrees_h": "Where it agrees",
        "beyond_h": "Where the baseline states nothing",
        "new_programmes_h": "New programmes and initiatives",
        "ref": "evidence",
        "counts": "{total} read; {relevant} relevant to smart-city or urban policy.",
        "unrelated": "Unrelated to urban policy, and used nowhere in this report: {n}.",
        "duplicates": "Exact copies, counted once: {n}.",
        "rejected": "Sources that could not be read: {n} (the `rejects` table).",
        "dates": "Document dates: {first} to {last}.",
        "date_one": "Document date: {date}.",
        "dates_undated": " ({n} documents undated).",
        "no_dates": "The documents carry no date.",
        "rule": ("A pillar's corpus status is the status given by the most relevant documents that state one "
                 "for it (on a tie, the less advanced). a/b: a of those b documents. Documents that only name "
                 "the pillar do not count."),
        "chart_caption": ("Bar length: relevant documents, each weighted by its relevance score (0.5 to 1); "
                          "numbers on the bars: documents. Documents that do not mention a pillar are not drawn."),
        "chart_label": "Documents per pillar and status",
        "pillar": "pillar", "corpus_status": "corpus status", "documents": "documents", "mentions": "mentions",
        "kind": "kind", "program": "programme", "initiative": "initiative", "name": "name",
        "not_mentioned_n": "not mentioned",
        "table_caption": "Relevant documents per pillar and status; the corpus status with its support (a/b).",
        "timeline_dates": "Programmes by the month their documents appeared",
        "timeline_dates_caption": "Circles: documents of that month naming the programme.",
        "timeline_years": "Programmes by the years named beside them",
        "timeline_years_caption": ("Circles: documents naming that year in the sentence that names the "
                                   "programme or in the next one (targets, periods, starts)."),
        "no_programmes": "No programme or initiative is named.",
        "no_years": "No year is named beside a programme.",
        "legend_marks": "Yellow: the pillar term or programme name. Blue: the words that set the status.",
        "cells": "Cells",
        "cue": "cue", "sentence": "sentence", "source": "source", "model_status": "status from the learned model, no cue",
        "more_docs": "{n} more documents say the same; all of them: `{cmd}`.",
        "ev_status": "{pillar}: {status}",
        "ev_recommend": "Recommendations in the texts",
        "ev_programmes": "New programmes and initiatives: the sentences naming them",
        "baseline_says": "Baseline {baseline}: {status}",
        "no_baseline": "This corpus has no baseline to compare with.",
        "versions": "Data from run {run} ({finished}); code {code}, lexicon {lexicon}.",
        "made_by": "Made by `pilar report` from the data folder `{data_dir}`. Every number and sentence above comes from that data.",
        "how_status": ("Document statuses: implemented (the text says it is done), partly implemented, "
                       "concept/plan, recommended only, not addressed (the text says it is absent), named only "
                       "(no status stated)."),
    },
}


def documents(n: int, lang: str) -> str:
    """``3 dokumen`` / ``3 documents`` (``1 document``)."""
    return f"{n} dokumen" if lang == "id" else f"{n} document{'s' if n != 1 else ''}"


def pillar_name(pillar: str) -> str:
    """``smart_mobility`` → ``smart mobility``."""
    return pillar.replace("_", " ")


def join(items: list[str], lang: str) -> str:
    """``a, b dan c`` / ``a, b and c``."""
    word = " dan " if lang == "id" else " and "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def date_label(value: str | None, lang: str) -> str:
    """``2025-10-21T20:43`` → ``21 Okt 2025``; a year or a month alone as given."""
    if not value:
        return ""
    s = str(value)
    try:
        y = int(s[0:4])
        if len(s) >= 10:
            return f"{int(s[8:10])} {MONTHS[lang][int(s[5:7]) - 1]} {y}"
        if len(s) >= 7:
            return f"{MONTHS[lang][int(s[5:7]) - 1]} {y}"
        return str(y)
    except (ValueError, IndexError):
        return s


def month_label(ym: str, lang: str) -> str:
    """``2025-10`` → ``Okt 2025``."""
    return date_label(ym, lang)


def number(value: float, lang: str, digits: int = 2) -> str:
    """A decimal with the language's decimal mark."""
    s = f"{value:.{digits}f}"
    return s.replace(".", ",") if lang == "id" else s


_PILLAR_IN_ANCHOR = re.compile(r"-(smart_[a-z]+)-")


def ref_label(anchor: str, refs: int, lang: str) -> str:
    """The label of an evidence link; with several links in one sentence, each names its pillar."""
    label = L[lang]["ref"]
    m = _PILLAR_IN_ANCHOR.search(anchor)
    if refs > 1 and m:
        label += ": " + pillar_name(m.group(1)).replace("smart ", "")
    return label
