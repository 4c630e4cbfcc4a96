"""From an :class:`~pipeline.schema.Analysis` to the structured, narrated summary."""

from pipeline.summarize.document import summarize_document
from pipeline.summarize.status import resolve_status

__all__ = ["summarize_document", "resolve_status"]
