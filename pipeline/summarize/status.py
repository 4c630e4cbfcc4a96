"""Resolve a pillar's document status from the statuses of all its mentions.

Order, least to most done: not_mentioned < not_addressed < recommended < planned <
partial < implemented (DESIGN.md §3).

- no mention → ``not_mentioned``;
- something reported done: ``implemented`` when the sentences reporting it done are at least
  ``DONE_RATIO`` (3) times those saying not yet (absences, plans said to be unrealised), else
  ``partial`` (some done, the core not yet). The caller counts one vote per sentence and status.
  Chosen on the training pages (fold models) and two hand-written development sets: per
  sentence with 3 gives 0.612 / 0.822 / 0.795 document status against 0.608 / 0.781 / 0.771
  per mention with 2. Reports the status model read into sentences without a cue
  (``unstated``) make a pillar done but are not weighed against its shortfalls (training
  pages, fold models: 969 → 985 of 1,652 right; weights 0.25 and 0.5 for them gave 983–986, 1
  gave 969; leaving the model's shortfalls out too: one fewer);
- nothing done but a plan or concept → ``planned``; so too where the only reports of something
  done are the status model's readings and plans outnumber them three to one (a page of
  "akan …" whose footer's related-news line the model reads as a report). Training pages,
  fold models: 1,086 → 1,090 of 1,866 at three to one (1,084 at two, 1,079 at one);
  hand-written development documents 0.751 → 0.753;
- only urged → ``recommended``, whatever absences stand beside the urging (the furthest
  status, GUIDELINE §8; stop 27: training pages 1,497 → 1,498 of 1,987, hand-written
  development documents 1,654 → 1,656 against "at least as many urgings as absences");
- said to be absent ("belum ada", "tidak tersentuh", left out of a stated scope) →
  ``not_addressed``;
- only named (a list, a definition, a focus, a topic: no mention carries a status) →
  ``mentioned``: the text makes no claim, and ``not_addressed`` would put words in its mouth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipeline.schema import MENTIONED

#: done-sentences needed per not-yet sentence for ``implemented`` rather than ``partial``
DONE_RATIO = 3


def resolve_status(statuses: Iterable[str | None], *, not_yet: int = 0, unstated: int = 0,
                   shortfalls: int = 0) -> str:
    """The document status of one pillar from its mention statuses (``None`` = plain).

    ``statuses`` and ``not_yet`` count what the caller passes: one vote per sentence and status
    (``summarize.document``). ``not_yet``: how many of the ``planned`` votes say the plan is
    explicitly not carried out yet ("konsep … ada, implementasinya belum terlaksana"). ``partial`` needs such an
    explicit not-yet (or an absence) beside what was done; a plan beside a done thing is not
    a shortfall (the furthest status stands). ``unstated``: how many of the ``implemented``
    votes are the status model's reading of a sentence without a cue; they say that something
    was done, but only votes of the text's own words are weighed against its shortfalls.
    ``shortfalls``: reports whose own sentence goes on to say the rest is not done yet ("…,
    sedangkan 18 kelurahan lainnya belum terhubung"); each weighs as an absence.
    """
    statuses = list(statuses)
    if not statuses:
        return "not_mentioned"
    c = Counter(s for s in statuses if s)
    impl, plan, absent, rec = c["implemented"], c["planned"], c["not_addressed"], c["recommended"]
    # the model's cue-less reports alone do not outweigh a text of plans
    if impl and not (impl == min(unstated, impl) and plan >= 3 * impl):
        unstated = min(unstated, impl)
        short = absent + min(not_yet, plan) + shortfalls
        return "implemented" if impl - unstated >= DONE_RATIO * short else "partial"
    if plan:
        return "planned"
    if rec:
        return "recommended"
    if absent:
        return "not_addressed"
    return MENTIONED
