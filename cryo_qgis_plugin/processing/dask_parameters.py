"""DASK_SCHEDULER (issue #18): an advanced option of the stack algorithms that computes on a running dask
scheduler instead of in QGIS (:mod:`..core.scale`). Empty (the default): in-process, as without it."""
from __future__ import annotations

from typing import Optional, Tuple

from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ..core import optional
from ..core.errors import CryoInputError
from .parameters import advanced, with_help

DASK_SCHEDULER = "DASK_SCHEDULER"
DASK_PACKAGES = ("dask", "distributed", "xarray")


def tr(text: str) -> str:
    """``text`` in the user's language (filed under "@default" by pylupdate5)."""
    return QCoreApplication.translate("@default", text)


def add_dask_parameter(algorithm) -> None:
    algorithm.addParameter(advanced(with_help(
        QgsProcessingParameterString(DASK_SCHEDULER, tr("Dask scheduler address (empty: compute in QGIS)"),
                                     defaultValue="", optional=True),
        tr("Address of a running dask scheduler, e.g. tcp://127.0.0.1:8786 (a LocalCluster, `dask scheduler` with "
           "`dask worker`s, or dask-jobqueue on an HPC system). The stack is then read and computed by the "
           "cluster's workers, which must see the input files at the same paths, with the same kernels, so the "
           "output is the same file; progress follows the finished chunks and Cancel cancels them. Needs the "
           "Python packages dask, distributed and xarray. Empty (default): computed in QGIS."))))


def scheduler_of(algorithm, parameters, context) -> str:
    value = parameters.get(DASK_SCHEDULER)
    return algorithm.parameterAsString(parameters, DASK_SCHEDULER, context).strip() if value else ""


def dask_modules(parameters) -> Tuple[str, ...]:
    """The packages a run needs for its DASK_SCHEDULER (none when it is empty)."""
    return DASK_PACKAGES if str(parameters.get(DASK_SCHEDULER) or "").strip() else ()


def dask_client(algorithm, parameters, context, feedback) -> Optional[object]:
    """A ``distributed.Client`` of DASK_SCHEDULER, or None when it is empty."""
    address = scheduler_of(algorithm, parameters, context)
    if not address:
        return None
    from ..core.scale.cluster import connect
    try:
        client = connect(address)
    except (CryoInputError, optional.MissingPackage) as exc:
        raise QgsProcessingException(str(exc)) from None
    workers = len(client.scheduler_info().get("workers", {}))
    feedback.pushInfo(tr("Computing on the dask scheduler {} ({} workers)").format(address, workers))
    return client
