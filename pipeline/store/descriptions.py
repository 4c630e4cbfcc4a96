"""What every dataset table and column means: the one place, read three ways.

:func:`pipeline.store.schemas.schema_for` attaches these texts to the Arrow schema (a table's
``pilar.description``, each field's ``description``: they travel inside every Parquet file),
:mod:`pipeline.store.catalog` writes them as DuckDB ``COMMENT``s, and
:mod:`pipeline.store.dictionary` renders ``docs/datasets.md`` from them. A column without a
text here fails ``tests/datasets/test_dictionary.py``.

Plain data, no imports: the schemas import it.
"""

from __future__ import annotations

#: One paragraph per table: what a row is.
TABLES: dict[str, str] = {
    "documents": "One row per source item (a file, a table row, a page, a feed entry) that was analysed: "
                 "where it came from, its metadata and the document-level results.",
    "sentences": "One row per sentence of a document's clean text (headings are sections, not sentences), "
                 "with the status its clause states, if any.",
    "mentions": "One row per pillar mention counted in a document's summary (none below the relevance bar).",
    "programs": "One row per mention of a named programme or initiative that the document's summary lists.",
    "pillar_summary": "One row per document and pillar (always six per document): the resolved status.",
    "texts": "The clean text of each document, which every start/end offset points into.",
    "rejects": "One row per source item that could not be read or analysed, with the reason.",
    "runs": "One row per corpus run: what it did, how long it took, and the snapshot version it wrote.",
}

_DOC_ID = "Content hash (SHA-256 prefix) of the clean text: joins every per-document table."
_RUN_ID = "The run that wrote this row (runs.run_id); rows kept unchanged keep their run."
_START = "Start offset (characters, 0-based) in the document's clean text (texts.text)."
_END = "End offset (exclusive) in the clean text: texts.text[start:end] == text."
_SENTENCE = "0-based index of the sentence in the document (sentences.sentence)."

#: Table → column → meaning.
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "source_key": "Where the document came from, unique per row: a path relative to the corpus definition, "
                      "a URL, or file#row-id for a table row. A changed source replaces its earlier rows.",
        "origin": "The source item's key (the unit of incremental work); equals source_key except for "
                  "items that yield several documents.",
        "doc_id": _DOC_ID,
        "source": "The source as given (path or URL).",
        "source_kind": "file, row (of a CSV/JSONL/Parquet table), page (a fetched URL) or entry (of a feed).",
        "source_hash": "SHA-256 of the source item's raw content; an unchanged hash is not re-read.",
        "title": "First heading, the table's title column, the page title, else the file stem.",
        "date": "Publication date and time as an instant, shown in WIB (+07:00). WITA/WIT times keep their "
                "instant (10:15 WITA is 09:15+07:00); a time given without a zone is read as WIB; a date "
                "alone is midnight WIB (see date_precision). Null when the source gives none.",
        "date_precision": "day (the source gave a date only), minute or second; null without a date.",
        "date_raw": "The date exactly as the source wrote it (kept even when it could not be read).",
        "url": "The document's URL (table url column, canonical link, feed link), if any.",
        "format": "Reader used: txt, md, pdf, docx, html, csv, jsonl or parquet.",
        "language": "ISO 639-1 code from offline language identification (id, ms, en, …).",
        "word_count": "Words (whitespace-separated) in the clean text.",
        "relevance": "How much the document is about smart-city or urban public policy, 0–1.",
        "relevant": "The one relevance decision: true keeps pillar mentions (>= 0.5; under 60 words >= 0.2, or any status stated of a strong pillar term or named programme).",
        "sentences": "Number of sentences (rows in sentences).",
        "mentions": "Number of pillar mentions counted (rows in mentions).",
        "actors": "Institutions and places that act in the text (Pemprov DKI, Kominfo, …).",
        "years": "Years named in the text, ascending.",
        "summary": "Indonesian narrative of the document's conclusions.",
        "duplicate_of": "doc_id of the same text met first (another source_key), else null. "
                        "Per-document tables hold a text's rows once.",
        "analysis_version": "Code + lexicon (+ model) version the rows were made with; a new one re-analyses.",
        "run_id": _RUN_ID,
        "analyzed_at": "When the document was analysed (UTC).",
    },
    "sentences": {
        "doc_id": _DOC_ID,
        "sentence": "0-based index of the sentence in the document.",
        "start": _START,
        "end": "End offset (exclusive) in the clean text: texts.text[start:end] == text.",
        "section": "Title of the innermost section (heading) the sentence is in, if any.",
        "status": "Status the sentence's clause states: implemented, planned, not_addressed, recommended; "
                  "null when it states none.",
        "cue": "The words that set the status, null when none did.",
        "text": "The sentence as it stands in the clean text.",
        "run_id": _RUN_ID,
    },
    "mentions": {
        "doc_id": _DOC_ID,
        "sentence": _SENTENCE,
        "start": _START + " A model-made mention (method = model) spans its whole sentence: "
                          "the model reads sentences, not words.",
        "end": _END,
        "pillar": "smart_economy, smart_government, smart_people, smart_living, smart_mobility or "
                  "smart_environment (Cohen's wheel).",
        "driver": "The pillar's driver the term belongs to (models/taxonomy/cohen.yaml), if known.",
        "term": "The lexicon term matched; for a model-made mention the n-gram that spoke most for the "
                "pillar ('(model)' when none stands out).",
        "text": "The mention as written: exactly texts.text[start:end].",
        "method": "lexicon (exact term), fuzzy (a typo matched by similarity) or model (the learned tagger).",
        "score": "1.0 for an exact match; the similarity for fuzzy; the model's probability when a model "
                 "confirmed or found it.",
        "status": "The mention's status: implemented, planned, not_addressed, recommended, or null (a plain "
                  "mention: a definition, a focus, a list).",
        "cue": "The words that set the status, null when none did.",
        "rule": "The named status rule that decided it (cue, cue_plan_noun, modal_scope, definition, purpose, "
                "focus, contrast, inherited, section, problem, mitigation, capability, question, topic, "
                "condition, denial, shared_subject, relative, cleft, table, warning, counterfactual, "
                "no_comment, no_more, answer, parse_scope, none; model for the tagger's own).",
        "section": "Title of the section the mention is in, if any.",
        "lexicon_version": "Version of models/lexicon the mention was found with.",
        "run_id": _RUN_ID,
    },
    "programs": {
        "doc_id": _DOC_ID,
        "sentence": _SENTENCE,
        "start": _START,
        "end": _END,
        "name": "Canonical programme name (gazetteer name, or the name as found by its form).",
        "kind": "program (a named programme, app or service) or initiative (a described action).",
        "pillar": "The pillar the programme serves, if known.",
        "text": "The mention as written: exactly texts.text[start:end].",
        "method": "gazetteer, fuzzy (a misspelt gazetteer name), pattern (found by its form) or program.",
        "score": "1.0 for an exact match, else the similarity.",
        "status": "The status this mention's clause gives the programme (implemented, planned, "
                  "not_addressed, recommended); null when it is only named.",
        "cue": "The words that set the status (null when none did).",
        "run_id": _RUN_ID,
    },
    "pillar_summary": {
        "doc_id": _DOC_ID,
        "pillar": "One of the six pillars (all six present for every document).",
        "status": "Resolved document status: implemented, partial, planned, recommended, not_addressed "
                  "(ordered, most to least done), mentioned (named, no status stated) or not_mentioned.",
        "mentions": "Number of mentions of the pillar counted in the document.",
        "mentions_per_1k_words": "mentions per 1,000 words of the document.",
        "relevant": "The document's relevance decision (documents.relevant), repeated for filtering.",
        "run_id": _RUN_ID,
    },
    "texts": {
        "doc_id": _DOC_ID,
        "text": "The clean text (scraping debris removed, paragraphs separated by a blank line, headings "
                "left out): context beyond a sentence is texts.text[start - n:end + n].",
        "run_id": _RUN_ID,
    },
    "rejects": {
        "source_key": "The source item that was rejected (as documents.source_key).",
        "source": "The source as given (path or URL).",
        "source_hash": "SHA-256 of its raw content when it could be read; an unchanged one is not retried.",
        "stage": "Where it failed: discover, fetch, read or analyze.",
        "reason": "One line saying why.",
        "run_id": "The run that rejected it.",
        "rejected_at": "When (UTC).",
    },
    "runs": {
        "run_id": "Identifier of the run (hex UUID).",
        "version": "The snapshot version this run's commit created (load_dataset(name, version=…)); "
                   "null for runs before snapshots (schema version 3).",
        "corpus": "Name of the corpus definition.",
        "flow_run_id": "The Prefect flow run, when run through Prefect.",
        "task_runner": "Prefect task runner (ThreadPoolTaskRunner, DaskTaskRunner) or direct.",
        "full": "Whether every source was re-analysed (--full, or a schema change).",
        "started_at": "Start (UTC).",
        "finished_at": "End of the commit (UTC).",
        "duration_s": "Wall time of the run in seconds (Prefect server start-up not included).",
        "discover_s": "Seconds spent discovering and fetching sources.",
        "analyze_s": "Seconds spent analysing.",
        "write_s": "Seconds spent merging and writing tables.",
        "code_version": "pilar's version.",
        "lexicon_version": "Version of models/lexicon.",
        "schema_version": "Version of these schemas (pipeline/store/schemas.py).",
        "documents_seen": "Source items discovered or fetched.",
        "documents_analyzed": "Items analysed this run (new or changed).",
        "documents_skipped": "Items unchanged since the last run (not read).",
        "documents_rejected": "Items rejected (the rejects table).",
        "documents_deleted": "Items gone from the corpus whose rows were dropped.",
    },
}
