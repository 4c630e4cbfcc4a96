"""Prefect flows and schedules: thin wrappers over :mod:`pipeline.store`.

| module | what |
|---|---|
| ``settings`` | Prefect's environment defaults (set before Prefect is imported) |
| ``corpus`` | the ``run_corpus`` and ``analyze_documents`` flows and their tasks |
| ``runners`` | ``--dask`` to a DaskTaskRunner |
| ``cli`` | ``pilar run``, ``pilar schedule``, ``pilar server`` |

Nothing here imports Prefect at package import: call
``pipeline.flows.settings.configure_prefect()`` first, then import ``pipeline.flows.corpus``.
"""
