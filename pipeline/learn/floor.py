"""The keyword floor: the simplest tagger any evaluation of pilar should beat.

As the issue describes the shared naive peer (its file is not in ``../shared/tools`` here, so
this is our own statement of it): one regular expression per pillar, the status of the cue
word nearest the match in the same sentence, ``mentioned`` when the sentence has none; a
document's pillar status is the most frequent status of its matches (``partial`` when both
done and not-done cues occur). It names no programmes and no actors.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.schema import PILLARS

_PILLAR = {
    "smart_economy": r"smart econom\w*|ekonomi|umkm|investasi|pariwisata|wirausaha",
    "smart_government": r"smart govern\w*|e-?government|pelayanan publik|layanan publik|birokrasi|aplikasi|pemerintahan",
    "smart_people": r"smart people|smart society|pendidikan|sekolah|literasi|masyarakat cerdas",
    "smart_living": r"smart living|kesehatan|puskesmas|rumah sakit|keamanan|cctv|budaya",
    "smart_mobility": r"smart mobility|transportasi|lalu lintas|kemacetan|trotoar|angkutan|bus|mrt|krl",
    "smart_environment": r"smart environment|lingkungan hidup|sampah|polusi|banjir|ruang terbuka hijau|rth|emisi",
}
_CUES = {
    "implemented": r"sudah|telah|diluncurkan|meluncurkan|beroperasi|diterapkan|menerapkan|launched|implemented",
    "planned": r"akan|rencana|berencana|direncanakan|ditargetkan|target|will|plans?",
    "not_addressed": r"belum|tidak ada|minim|kurang|not yet|lack\w*",
    "recommended": r"perlu|harus|sebaiknya|disarankan|should|must|need\w*",
}
_P = {p: re.compile(rf"\b(?:{rx})\b", re.I) for p, rx in _PILLAR.items()}
_C = [(k, m) for k, rx in _CUES.items() for m in [re.compile(rf"\b(?:{rx})\b", re.I)]]


def keyword_record(text: str) -> dict[str, Any]:
    """A record in the contract's shape (pillars → status), from keywords alone."""
    found: dict[str, list[str]] = {p: [] for p in PILLARS}
    for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
        cues = [(m.start(), kind) for kind, rx in _C for m in rx.finditer(sent)]
        for p, rx in _P.items():
            for m in rx.finditer(sent):
                near = min(cues, key=lambda c: abs(c[0] - m.start()), default=None)
                found[p].append(near[1] if near else "mentioned")
    pillars = {}
    for p, sts in found.items():
        if not sts:
            status = "not_mentioned"
        else:
            c = Counter(sts)
            status = "partial" if c["implemented"] and c["not_addressed"] else c.most_common(1)[0][0]
        pillars[p] = {"status": status}
    return {"pillars": pillars, "programs": [], "actors": []}
