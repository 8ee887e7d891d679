"""Reading the clicked pixel's series of several rasters off the GUI thread (a ``QgsTask``), with each raster's
:class:`~.raster_info.RasterInfo` (its ``CRYO_*`` metadata), and what a ``follow_up`` adds from them (the
InSAR overlay's incidence angle and MintPy data, :mod:`.insar_overlay`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import CryoInputError
from ..core.io.pixel_series import PixelSeries, read_pixel_series
from .raster_info import RasterInfo, raster_info
from .series import SeriesLocation


@dataclass
class PixelRequest:
    """One raster to read at one point (``x``, ``y`` already in the raster's CRS). ``only_kind``: read only if
    the raster's ``CRYO_KIND`` is this (a raster the user did not tick, read for what it adds to a ticked one);
    ``on_model_grid``: a raster QGIS cannot place on the map (a MintPy file), read by the ``follow_up`` at the
    cell of the InSAR model stack picked with it. ``crs`` (the raster's CRS auth id), ``lon`` and ``lat`` (the
    point in WGS 84, None when it cannot be transformed) say where the series was read."""

    name: str
    path: str
    x: float
    y: float
    only_kind: str = ""
    on_model_grid: bool = False
    crs: str = ""
    lon: Optional[float] = None
    lat: Optional[float] = None


@dataclass
class PixelAnswer:
    request: PixelRequest
    series: Optional[PixelSeries]
    problem: str = ""  # why there is no series (outside the raster, unreadable file)
    info: RasterInfo = field(default_factory=RasterInfo)
    extras: Dict[str, object] = field(default_factory=dict)  # what a follow-up read for it (e.g. cos θ)


class PixelReadTask(QgsTask):
    """Reads every request with :func:`~..core.pixel_series.read_pixel_series`, then lets ``follow_up`` (in the
    same thread) complete the answers with the requests marked ``on_model_grid``; ``on_done`` gets the answers
    on the GUI thread. A failing raster never stops the others and never raises: its answer says why."""

    def __init__(self, requests: List[PixelRequest], on_done: Callable[[List[PixelAnswer]], None],
                 follow_up: Optional[Callable[[List[PixelAnswer], List[PixelRequest]], List[PixelAnswer]]] = None
                 ) -> None:
        super().__init__(QCoreApplication.translate("PixelReadTask", "Reading pixel time series"),
                         QgsTask.Flag.CanCancel)
        self.requests = requests
        self.on_done = on_done
        self.follow_up = follow_up
        self.answers: List[PixelAnswer] = []

    def run(self) -> bool:
        later = [r for r in self.requests if r.on_model_grid]
        for i, request in enumerate(self.requests):
            if self.isCanceled():
                return False
            if not request.on_model_grid:
                answer = read_answer(request)
                if answer is not None:
                    self.answers.append(answer)
            self.setProgress(100.0 * (i + 1) / len(self.requests))
        if self.follow_up is not None:
            self.answers = self.follow_up(self.answers, later)
        return True

    def finished(self, result: bool) -> None:
        if result:
            self.on_done(self.answers)


def read_answer(request: PixelRequest) -> Optional[PixelAnswer]:
    """The request's answer; None for a request ``only_kind`` whose raster is of another kind."""
    info = raster_info(request.path)
    if request.only_kind and info.kind != request.only_kind:
        return None
    try:
        return PixelAnswer(request, read_pixel_series(request.path, request.x, request.y), info=info)
    except (CryoInputError, RuntimeError) as exc:  # RuntimeError: GDAL could not read the file
        return PixelAnswer(request, None, str(exc), info=info)


def answer_location(answer: PixelAnswer) -> Optional[SeriesLocation]:
    """Where the answer's series was read (None without a series or a map point: a MintPy file)."""
    pixel, request = answer.series, answer.request
    if pixel is None or request.on_model_grid:
        return None
    return SeriesLocation(pixel.x, pixel.y, request.crs, request.lon, request.lat, pixel.column, pixel.row)


def point_text(xy: Tuple[float, float]) -> str:
    return "({:.6g}, {:.6g})".format(*xy)
