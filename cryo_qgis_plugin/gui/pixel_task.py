"""Reading the clicked pixel's series of several rasters off the GUI thread (a ``QgsTask``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import CryoInputError
from ..core.io.pixel_series import PixelSeries, read_pixel_series


@dataclass
class PixelRequest:
    """One raster to read at one point (``x``, ``y`` already in the raster's CRS)."""

    name: str
    path: str
    x: float
    y: float


@dataclass
class PixelAnswer:
    request: PixelRequest
    series: Optional[PixelSeries]
    problem: str = ""  # why there is no series (outside the raster, unreadable file)


class PixelReadTask(QgsTask):
    """Reads every request with :func:`~..core.pixel_series.read_pixel_series`; ``on_done`` gets the answers
    on the GUI thread. A failing raster never stops the others and never raises: its answer says why."""

    def __init__(self, requests: List[PixelRequest], on_done: Callable[[List[PixelAnswer]], None]) -> None:
        super().__init__(QCoreApplication.translate("PixelReadTask", "Reading pixel time series"),
                         QgsTask.Flag.CanCancel)
        self.requests = requests
        self.on_done = on_done
        self.answers: List[PixelAnswer] = []

    def run(self) -> bool:
        for i, request in enumerate(self.requests):
            if self.isCanceled():
                return False
            self.answers.append(read_answer(request))
            self.setProgress(100.0 * (i + 1) / len(self.requests))
        return True

    def finished(self, result: bool) -> None:
        if result:
            self.on_done(self.answers)


def read_answer(request: PixelRequest) -> PixelAnswer:
    try:
        return PixelAnswer(request, read_pixel_series(request.path, request.x, request.y))
    except (CryoInputError, RuntimeError) as exc:  # RuntimeError: GDAL could not read the file
        return PixelAnswer(request, None, str(exc))


def point_text(xy: Tuple[float, float]) -> str:
    return "({:.6g}, {:.6g})".format(*xy)
