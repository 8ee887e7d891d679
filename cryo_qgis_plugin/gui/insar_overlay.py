"""The InSAR deformation overlay of the time-series dock: a picked pixel's displacement data with the model
``cryo:insardeformation`` fitted to it, and the model's two parts.

A model stack (``CRYO_KIND=insar_model``, one band per acquisition date) holds the fitted model
d0 + v·(t − t0) + e·sqrt(A_T) [+ f·sqrt(A_F)] in mm, vertical when the run converted the line of sight
(``CRYO_INCIDENCE``) and fitted to data re-referenced to ``CRYO_REFERENCE_DATE``. The data (the run's INPUT: a
ticked raster with the same dates, or a ticked MintPy file read at the model's cell) are in their own units and
frame, and are put in the model's::

    d(t) = (x(t) − x(t_ref)) · CRYO_INPUT_TO_MM / cos θ

(no reference subtracted when the run had none, no cos θ without an incidence). The components raster of the same
run (``CRYO_KIND=insar_components``, same ``CRYO_RUN_ID``; loaded in the project, ticked or not) gives the
long-term line offset_mm + velocity_mm_yr·(t − CRYO_T0)/365.25 d; the seasonal part is the model minus it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set

import numpy as np
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import CryoInputError
from ..core.io.pixel_series import PixelSeries
from ..core.permafrost.deformation import (COMPONENTS_KIND, INCIDENCE_KEY, MODEL_KIND, REFERENCE_KEY, RUN_KEY,
                                           T0_KEY, TO_MM_KEY)
from .pixel_task import PixelAnswer, PixelRequest
from .raster_info import RasterInfo, incidence_cosine, mintpy_pixel
from .series import PlotSeries, date_seconds

YEAR_DAYS = 365.25
COSINE, COSINE_PROBLEM = "cosine", "cosine_problem"  # PixelAnswer.extras of a model stack


def tr(text: str) -> str:
    """Translation of a text of this module (pylupdate5 files module-level ``tr`` calls under "@default")."""
    return QCoreApplication.translate("@default", text)


def displacement_quantity() -> str:
    """The y axis title of the overlay's series."""
    return tr("Displacement (mm)")


@dataclass
class Overlays:
    """The overlays of one pick: their series, the answers they drew (not plotted on their own), the notes (how
    the data were converted, what else could be shown) and the problems met."""

    series: List[PlotSeries] = field(default_factory=list)
    used: Set[int] = field(default_factory=set)
    notes: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)


# -- in the pick's background task --------------------------------------------------------------------------------
def complete_models(answers: List[PixelAnswer], later: List[PixelRequest]) -> List[PixelAnswer]:
    """The ``follow_up`` of the pick's task: cos θ at the cell of every model stack, and the MintPy files
    (``later``) read at a model's cell (the one whose dates they have, else the first)."""
    models = [a for a in answers if a.series is not None and a.info.kind == MODEL_KIND]
    for model in models:
        try:
            model.extras[COSINE] = incidence_cosine(model.info.metadata.get(INCIDENCE_KEY, ""), model.series.column,
                                                    model.series.row)
        except (CryoInputError, RuntimeError, OSError, KeyError) as exc:
            model.extras[COSINE_PROBLEM] = str(exc)
    for request in later:
        answers.append(_read_on_model_grid(request, models))
    return answers


def _read_on_model_grid(request: PixelRequest, models: List[PixelAnswer]) -> PixelAnswer:
    if not models:
        return PixelAnswer(request, None, tr("a MintPy file has no map position QGIS can read: it is plotted with "
                                             "the InSAR model stack of its run; tick the model stack too"))
    found = None
    for model in models:
        pixel = model.series
        try:
            dates, values = mintpy_pixel(request.path, pixel.column, pixel.row)
        except (CryoInputError, RuntimeError, OSError, KeyError, ValueError) as exc:
            return PixelAnswer(request, None, str(exc))
        found = found or (pixel, dates, values)
        if dates == pixel.dates:
            found = (pixel, dates, values)
            break
    pixel, dates, values = found
    series = PixelSeries(request.path, pixel.column, pixel.row, pixel.x, pixel.y, dates,
                         [d.isoformat() for d in dates], values, None)
    return PixelAnswer(request, series, info=RasterInfo())


# -- on the GUI thread --------------------------------------------------------------------------------------------
def to_model_frame(values: np.ndarray, dates: List[dt.date], metadata: Dict[str, str], cosine: float = 1.0,
                   scale: float = 1.0, offset: float = 0.0) -> np.ndarray:
    """Data ``values`` (INPUT units, packed with ``scale`` and ``offset``) in the frame of the model whose
    metadata is ``metadata``: mm, minus the value on the reference date, divided by cos θ."""
    mm = (np.asarray(values, float) * scale + offset) * float(metadata.get(TO_MM_KEY) or 1.0)
    reference = (metadata.get(REFERENCE_KEY) or "").strip()
    if reference:
        day = dt.date.fromisoformat(reference[:10])
        if day not in dates:
            raise CryoInputError(tr("the reference date {} of the model is not a date of the data").format(day))
        mm = mm - mm[dates.index(day)]
    return mm / cosine


def long_term(dates: List[dt.date], t0: dt.date, offset_mm: float, velocity: float) -> np.ndarray:
    """offset + v·(t − t0) in years of 365.25 days, at ``dates``."""
    return offset_mm + velocity * np.array([(d - t0).days for d in dates], float) / YEAR_DAYS


def build_overlays(answers: List[PixelAnswer]) -> Overlays:
    """One overlay per ticked model stack among ``answers``: its data, model, long-term and seasonal series."""
    out = Overlays()
    for i, model in enumerate(answers):
        if (model.series is None or model.info.kind != MODEL_KIND or model.request.only_kind
                or model.series.dates is None):
            continue
        out.used.add(i)
        data = next((j for j, a in enumerate(answers) if _is_data_of(a, model)), None)
        run = model.info.metadata.get(RUN_KEY, "")
        parts = next((j for j, a in enumerate(answers) if a.series is not None and a.info.kind == COMPONENTS_KIND
                      and run and a.info.metadata.get(RUN_KEY) == run), None)
        out.used.update(j for j in (data, parts) if j is not None)
        _overlay(out, model, None if data is None else answers[data], None if parts is None else answers[parts])
    return out


def _is_data_of(answer: PixelAnswer, model: PixelAnswer) -> bool:
    return (answer.series is not None and not answer.request.only_kind
            and answer.info.kind not in (MODEL_KIND, COMPONENTS_KIND) and answer.series.dates == model.series.dates)


def _overlay(out: Overlays, model: PixelAnswer, data: Optional[PixelAnswer], parts: Optional[PixelAnswer]) -> None:
    pixel, metadata = model.series, model.info.metadata
    dates = pixel.dates
    x = np.array([date_seconds(d) for d in dates])
    bands = np.arange(1, len(dates) + 1)
    where = tr("col {}, row {}").format(pixel.column + 1, pixel.row + 1)
    quantity = displacement_quantity()
    name = model.request.name
    first_note = len(out.notes)  # the pixel's figures go before the overlay's other notes
    if data is not None:
        problem = model.extras.get(COSINE_PROBLEM)
        try:
            if problem:
                raise CryoInputError(problem)
            cosine = float(model.extras.get(COSINE, 1.0))
            y = to_model_frame(data.series.values, dates, metadata, cosine, data.info.scale, data.info.offset)
        except (CryoInputError, ValueError) as exc:
            out.problems.append(tr("{}: the data cannot be put in the model's frame: {}").format(name, exc))
        else:
            out.series.append(PlotSeries(tr("Data: {} ({})").format(data.request.name, where), x, y, True, bands,
                                         style="markers", quantity=quantity))
            out.notes.append(_frame_note(data.request.name, metadata, cosine))
    else:
        out.notes.append(tr("Tick the displacement raster of {} (its {} dates) to plot the data with the "
                            "model.").format(name, len(dates)))
    model_y = np.asarray(pixel.values, float)
    out.series.append(PlotSeries(tr("Model ({})").format(where), x, model_y, True, bands, style="thick",
                                 quantity=quantity))
    if parts is None:
        out.notes.append(tr("Load the components raster of this run (the OUTPUT of InSAR deformation) to plot the "
                            "long-term and seasonal parts."))
        return
    values = dict(zip(parts.series.labels, parts.series.values))
    if "offset_mm" not in values or "velocity_mm_yr" not in values:
        out.problems.append(tr("{}: no offset_mm or velocity_mm_yr band; run InSAR deformation again").format(
            parts.request.name))
        return
    try:
        t0 = dt.date.fromisoformat(metadata.get(T0_KEY, "")[:10])
    except ValueError:
        t0 = dates[0]
    v, se = values["velocity_mm_yr"], values.get("velocity_se", np.nan)
    amplitude, r2 = values.get("seasonal_amplitude_mm", np.nan), values.get("r2", np.nan)
    line = long_term(dates, t0, values["offset_mm"], v)
    if np.isfinite(v):
        line_name = tr("Long-term: {:+.2f} ± {:.2f} mm/yr").format(v, se)
        seasonal_name = tr("Seasonal: amplitude {:.1f} mm").format(amplitude)
        out.notes.insert(first_note, tr("{} ({}): velocity {:+.2f} ± {:.2f} mm/yr, seasonal amplitude {:.1f} mm, "
                                        "R² {:.2f}").format(name, where, v, se, amplitude, r2))
    else:
        line_name, seasonal_name = tr("Long-term"), tr("Seasonal")
        out.notes.insert(first_note, tr("{} ({}): the model was not solved at this pixel").format(name, where))
    out.series.append(PlotSeries(line_name, x, line, True, bands, style="dash", quantity=quantity))
    out.series.append(PlotSeries(seasonal_name, x, model_y - line, True, bands, style="dot", quantity=quantity))


def _frame_note(data_name: str, metadata: Dict[str, str], cosine: float) -> str:
    steps = [tr("× {:g} to mm").format(float(metadata.get(TO_MM_KEY) or 1.0))]
    reference = (metadata.get(REFERENCE_KEY) or "").strip()
    if reference:
        steps.append(tr("minus the value on {}").format(reference[:10]))
    if cosine != 1.0:
        steps.append(tr("÷ cos θ = {:.4f} (line of sight to vertical)").format(cosine))
    return tr("Data of {} in the model's frame: {}").format(data_name, "; ".join(steps))
