"""Computing on a dask ``distributed`` scheduler with the core's progress and cancel (:class:`~..run.Run`).

:func:`connect` reaches a running scheduler (``tcp://host:8786``: a ``LocalCluster``, ``dask-scheduler``, or
dask-jobqueue on an HPC system) and refuses, with what to check, one it cannot reach. :func:`computed` persists a
lazy result on the cluster, reports the finished share of its chunks as progress, and cancels every pending
future when the run is cancelled (then raising :class:`~..errors.Cancelled`); a chunk that fails raises its
error here, so a damaged input file is named as in the one-process path. :func:`persisted` and :func:`fetched` do
the same with or without a cluster (dask's threads in this process when there is none).
"""
from __future__ import annotations

import time

from ..errors import Cancelled, CryoInputError
from ..optional import require
from ..run import Run

CONNECT_TIMEOUT_S = 10
POLL_S = 0.1


def connect(address: str):
    """A ``distributed.Client`` of the scheduler at ``address``."""
    distributed = require("distributed")
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise CryoInputError(
            "No dask scheduler answers at {} ({}): start one (e.g. `dask scheduler` and `dask worker {}`, or a "
            "LocalCluster), check the address and port, or leave DASK_SCHEDULER empty to compute in "
            "QGIS".format(address, exc, address)) from None


def computed(client, result, run: Run = Run(), start: float = 0.0, end: float = 1.0):
    """``result`` (an xarray object or dask collection) persisted on ``client``'s cluster, waiting until every
    chunk is done with progress from ``start`` to ``end``; an error of a chunk is raised."""
    distributed = require("distributed")
    persisted = client.persist(result)
    futures = distributed.futures_of(persisted)
    total = max(1, len(futures))
    try:
        while True:
            done = sum(f.done() for f in futures)
            run.report(start + (end - start) * done / total)
            failed = next((f for f in futures if f.status == "error"), None)
            if failed is not None:
                failed.result()  # raises the chunk's error
            if done == len(futures):
                return persisted
            time.sleep(POLL_S)
    except Cancelled:
        client.cancel(futures)
        raise


def persisted(client, result, run: Run = Run(), start: float = 0.0, end: float = 1.0):
    """``result`` persisted: on ``client``'s cluster as :func:`computed` does, or by dask's threads in this process
    when ``client`` is None."""
    return computed(client, result, run, start, end) if client is not None else result.persist()


def fetched(client, result):
    """A (persisted) xarray result brought into this process, computed: from ``client``'s cluster, or here when
    ``client`` is None."""
    return client.compute(result).result() if client is not None else result.compute()
