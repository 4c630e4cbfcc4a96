"""The spaCy side of pilar: registered components and the one ``Language`` per process.

``get_nlp()`` builds ``spacy.blank("id")`` plus the project's components once and caches
it; ``analyze_document()`` runs it on a :class:`~pipeline.schema.Document` and returns an
:class:`~pipeline.schema.Analysis` of plain records.
"""

from pipeline.nlp.pipeline import analyze_document, analyze_documents, get_nlp

__all__ = ["get_nlp", "analyze_document", "analyze_documents"]
