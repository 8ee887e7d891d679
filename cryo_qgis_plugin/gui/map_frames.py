"""Frames of an animation: the map canvas rendered at each date of a dated stack, one PNG per date
(``frame_0001_YYYY-MM-DD.png``, ...), which a video tool joins in name order (e.g.
``ffmpeg -framerate 5 -pattern_type glob -i 'frame_*.png' stack.mp4``).

QGIS ≥ 3.38 has an animation export of its own (the Temporal Controller's movie button); this one also works on
QGIS 3.22, where the stacks' band is switched by the plugin (:mod:`..qgis_io.temporal_stack`) before each
render."""
from __future__ import annotations

import datetime as dt
import os
from typing import Callable, List, Optional, Sequence

from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QProgressDialog, QWidget

from ..core.io.outputs import atomic_path


def tr(text: str) -> str:
    """Translation of a text of this module (pylupdate5 files module-level ``tr`` calls under "@default")."""
    return QCoreApplication.translate("@default", text)


def frame_name(number: int, day: dt.date) -> str:
    """``frame_0001_2020-01-04.png`` for the first frame, on 4 January 2020."""
    return "frame_{:04d}_{}.png".format(number, day.isoformat())


def render_png(settings: QgsMapSettings, path: str) -> None:
    """Render the map of ``settings`` (layers, extent, size, temporal range) into the PNG ``path``."""
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    with atomic_path(path) as tmp:
        if not job.renderedImage().save(tmp, "PNG"):
            raise OSError(tr("Could not write {}").format(path))


def export_frames(canvas, dates: Sequence[dt.date], show: Callable[[dt.date], object], folder: str,
                  parent: Optional[QWidget] = None) -> List[str]:
    """For each of ``dates``: ``show(day)`` (which puts the map at that date), then render the canvas's map to
    ``folder``; a progress dialog lets the user cancel (the frames written so far stay). Returns their paths."""
    progress = QProgressDialog(tr("Writing one map per date…"), tr("Cancel"), 0, len(dates), parent)
    progress.setWindowTitle(tr("Frames"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    paths = []
    try:
        for number, day in enumerate(dates, start=1):
            progress.setValue(number - 1)
            progress.setLabelText(tr("Writing the map of {} ({} of {})…").format(day.isoformat(), number, len(dates)))
            QCoreApplication.processEvents()
            if progress.wasCanceled():
                break
            show(day)
            path = os.path.join(folder, frame_name(number, day))
            render_png(canvas.mapSettings(), path)
            paths.append(path)
        progress.setValue(len(dates))
    finally:
        progress.close()
        progress.deleteLater()
    return paths
