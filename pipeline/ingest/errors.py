"""The one exception readers raise for input they cannot turn into a document."""

from __future__ import annotations


class IngestError(Exception):
    """A source was rejected; ``reason`` is a one-line, human-readable explanation.

    Every reader raises only this (or returns a document): callers record the reason in
    ``rejects`` and go on with the next source.
    """

    def __init__(self, reason: str, *, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.reason
