"""Task runners from the ``--dask`` option: an existing cluster, or a LocalCluster.

DESIGN.md §6: on a 2-core machine a LocalCluster is slower than Prefect's default thread
runner; Dask pays off on a real cluster (``--dask tcp://scheduler:8786``). Each Dask worker
process builds its own spaCy pipeline once, on its first batch.
"""

from __future__ import annotations

from typing import Any


def parse_dask(spec: str) -> dict[str, Any]:
    """``--dask`` to DaskTaskRunner keyword arguments.

    Args:
        spec: ``local:N`` (N worker processes), ``local:N:threads`` (N threads in this
            process) or a scheduler address such as ``tcp://10.0.0.5:8786``.

    Raises:
        ValueError: Malformed ``local:`` spec.
    """
    if spec.startswith("local"):
        parts = spec.split(":")
        try:
            n = int(parts[1]) if len(parts) > 1 and parts[1] else 2
        except ValueError:
            raise ValueError(f"--dask {spec}: expected local:N or local:N:threads") from None
        processes = not (len(parts) > 2 and parts[2] == "threads")
        return {"cluster_kwargs": {"n_workers": n, "threads_per_worker": 1, "processes": processes,
                                   "dashboard_address": None}}
    return {"address": spec}


def dask_task_runner(spec: str):
    """A ``prefect_dask.DaskTaskRunner`` for ``spec`` (see :func:`parse_dask`)."""
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(**parse_dask(spec))
