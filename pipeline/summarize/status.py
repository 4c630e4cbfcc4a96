"""Resolve a pillar's document status from the statuses of all its mentions.

Order, least to most done: not_mentioned < not_addressed < recommended < planned <
partial < implemented (DESIGN.md §3).

- no mention → ``not_mentioned``;
- something reported done: ``implemented`` when done-mentions are at least twice the
  planned/absent ones, else ``partial`` (some done, the core not yet);
- nothing done but a plan or concept → ``planned``;
- only urged → ``recommended`` (when urgings are at least as many as absences);
- named as absent, or only named (a list, a definition, a focus with nothing reported done,
  planned or urged) → ``not_addressed``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def resolve_status(statuses: Iterable[str | None]) -> str:
    """The document status of one pillar from its mention statuses (``None`` = plain)."""
    statuses = list(statuses)
    if not statuses:
        return "not_mentioned"
    c = Counter(s for s in statuses if s)
    impl, plan, absent, rec = c["implemented"], c["planned"], c["not_addressed"], c["recommended"]
    if impl:
        return "implemented" if impl >= 2 * (plan + absent) else "partial"
    if plan:
        return "planned"
    if rec and rec >= absent:
        return "recommended"
    return "not_addressed"
