"""pilar: text mining of Indonesian smart-city policy documents.

Public API::

    from pipeline import analyze_text, analyze_file, to_frames, load_dataset, connect
    result = analyze_text(open("bab6.txt").read())
    result["pillars"]["smart_mobility"]["status"]
    to_frames([result])["pillar_summary"]            # ad hoc results as the datasets' tables
    load_dataset("documents", "data", since="2025-10-01", version=-2)   # a run's datasets
    connect("data").sql("SELECT * FROM pillar_summary")                # DuckDB, read-only
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze_text", "analyze_file", "load_dataset", "to_frames", "connect", "__version__"]


def __getattr__(name: str):  # lazy: `import pipeline` stays cheap for the CLI's --help
    if name in ("analyze_text", "analyze_file"):
        from pipeline import api

        return getattr(api, name)
    if name == "load_dataset":
        from pipeline.store import load_dataset

        return load_dataset
    if name == "to_frames":
        from pipeline.frames import to_frames

        return to_frames
    if name == "connect":
        from pipeline.store.catalog import connect

        return connect
    raise AttributeError(name)
