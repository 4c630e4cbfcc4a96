"""pilar: text mining of Indonesian smart-city policy documents.

Public API::

    from pipeline import analyze_text, analyze_file
    result = analyze_text(open("bab6.txt").read())
    result["pillars"]["smart_mobility"]["status"]
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze_text", "analyze_file", "load_dataset", "__version__"]


def __getattr__(name: str):  # lazy: `import pipeline` stays cheap for the CLI's --help
    if name in ("analyze_text", "analyze_file"):
        from pipeline import api

        return getattr(api, name)
    if name == "load_dataset":
        from pipeline.store import load_dataset

        return load_dataset
    raise AttributeError(name)
