"""``cryo:lsttogst``: apply a GST model to daily LST stacks (one per predictor), streamed by date."""
from __future__ import annotations

import contextlib
import os

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingParameterFile, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterRasterDestination)

from ...core.permafrost import gst
from ...qgis_io.run import run_for
from ..base import CryoAlgorithm, core_errors, logs_results, refuse_overwriting_inputs, translated
from ..stack_parameters import STACK_HELP, add_stack_options, open_stack_at
from ..temperature_parameters import PACKING_HELP, add_packing_parameters, packing_from


class LstToGst(CryoAlgorithm):
    GROUP = "permafrost"

    def name(self) -> str:
        return "lsttogst"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Apply GST model to LST stacks")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        gst_help = self.tr(
            "<p>Daily ground-surface temperature GST = b0 + Σ b<sub>i</sub>·LST<sub>i</sub> (°C) from a model "
            "fitted by <i>Fit ground-surface temperature model</i>, one LST stack per predictor in the model's "
            "order (e.g. Terra day, Terra night, Aqua day, Aqua night). The stacks must share one grid and the same "
            "dates. GST is missing on a day where any LST is missing (clouds); <i>Degree-day indices</i> fills "
            "short gaps in time. Read and written one slab of dates at a time, so stacks larger than memory "
            "work.</p>")
        return gst_help + translated(PACKING_HELP) + translated(STACK_HELP) + self.tr(
            "<p>Output: float32 GeoTIFF, one band per date (described by its ISO date), °C, nodata -9999.</p>")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", self.tr("LST stacks, one per model predictor, in the model's order"), QgsProcessing.TypeFile))
        self.parameterDefinition("INPUT").setHelp(
            self.tr("Each a multi-band GeoTIFF/netCDF with dated bands, an HDF5 file or a folder of daily files."))
        self.addParameter(QgsProcessingParameterFile(
            "MODEL", self.tr("GST model (JSON from cryo:gstmodel)"), extension="json"))
        add_packing_parameters(self)
        add_stack_options(self)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Daily GST")))
        self.addOutput(QgsProcessingOutputNumber("N_DATES", self.tr("Dates written")))
        self.addOutput(QgsProcessingOutputNumber("VALID_FRACTION", self.tr("Fraction of pixel-days with a GST value")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        paths = self.parameterAsFileList(parameters, "INPUT", context)
        if not paths:
            raise QgsProcessingException(self.tr("INPUT is empty: give one LST stack per model predictor"))
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise QgsProcessingException(self.tr("These LST stacks do not exist: {}").format(", ".join(missing)))
        with core_errors():
            model = gst.read_model(self.parameterAsFile(parameters, "MODEL", context))
        packing = packing_from(self, parameters, context)
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        with contextlib.ExitStack() as open_stacks:
            stacks = [open_stacks.enter_context(open_stack_at(self, path, parameters, context)) for path in paths]
            for predictor, stack in zip(model.predictors, stacks):
                feedback.pushInfo("{}: {}".format(predictor, stack.describe()))
            refuse_overwriting_inputs([output], [f for s in stacks for f in s.files])
            with core_errors():
                valid = gst.lst_to_gst(stacks, model, packing, output, run=run_for(feedback))
            n_dates = len(stacks[0].dates)
            total = n_dates * stacks[0].grid.width * stacks[0].grid.height
        return {"OUTPUT": output, "N_DATES": n_dates, "VALID_FRACTION": valid / total}
