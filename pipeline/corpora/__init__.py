"""The corpus application: definitions, sources, the incremental run, its report.

Above :mod:`pipeline.store` (which only persists) and :mod:`pipeline.analyzer` (which turns
a document into a record); below :mod:`pipeline.flows` (Prefect wraps these steps).

| module | what |
|---|---|
| ``spec`` | corpus definitions (``corpora/*.toml``) |
| ``sources`` | discovery, fingerprints, fetching (pages, RSS/Atom), reading an item |
| ``rows`` | an analysed document to table rows |
| ``run`` | plan / analyze / commit, and ``run_corpus_direct`` |
| ``report`` | the corpus summary and the comparison with a baseline |
"""
