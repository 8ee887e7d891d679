"""``cryo:lsttogst``: apply a GST model to daily LST stacks (one per predictor), streamed by date."""
from __future__ import annotations

import contextlib
import os

from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterFile,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterRasterDestination)

from ...compat import SOURCE_FILE
from ...core.permafrost import gst
from ...qgis_io.run import run_for
from .. import stack_parameters, temperature_parameters
from ..base import CryoAlgorithm, logs_results, refuse_overwriting_inputs, translated
from ..parameters import with_help
from ..stack_parameters import STACK_HELP, add_stack_options, open_stack_at
from ..temperature_parameters import PACKING_HELP, add_packing_parameters, packing_from


class LstToGst(CryoAlgorithm):
    GROUP = "permafrost"
    INPUT = "INPUT"
    MODEL = "MODEL"
    SCALE = temperature_parameters.SCALE
    OFFSET = temperature_parameters.OFFSET
    UNITS = temperature_parameters.UNITS
    DATASET = stack_parameters.DATASET
    START_DATE = stack_parameters.START_DATE
    EXTENT = stack_parameters.EXTENT
    CRS = stack_parameters.CRS
    OUTPUT = "OUTPUT"
    N_DATES = "N_DATES"
    VALID_FRACTION = "VALID_FRACTION"
    REQUIRES_FOR_SOME_INPUTS = ("h5py",)  # HDF5 stacks

    def required_modules(self, parameters, context):
        return self.REQUIRES + stack_parameters.hdf5_needs(self.parameterAsFileList(parameters, self.INPUT, context))

    def name(self) -> str:
        return "lsttogst"

    def displayName(self) -> str:
        return self.tr("Apply GST model to LST stacks")

    def shortHelpString(self) -> str:
        gst_help = self.tr(
            "<p>Daily ground-surface temperature GST = b0 + Σ b<sub>i</sub>·LST<sub>i</sub> (°C) from a model "
            "fitted by <i>Fit ground-surface temperature model</i>, one LST stack per predictor in the model's "
            "order (e.g. Terra day, Terra night, Aqua day, Aqua night). The stacks must share one grid and the same "
            "dates. GST is missing on a day where any LST is missing (clouds); <i>Degree-day indices</i> fills "
            "short gaps in time. Read and written one slab of dates at a time, so stacks larger than memory "
            "work.</p>")
        return gst_help + translated(PACKING_HELP) + translated(STACK_HELP) + self.tr(
            "<p>Output: float32 GeoTIFF, one band per date (described by its ISO date), °C, nodata -9999.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(with_help(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, self.tr("LST stacks, one per model predictor, in the model's order"), SOURCE_FILE),
            self.tr("Each a multi-band GeoTIFF/netCDF with dated bands, an HDF5 file or a folder of daily files.")))
        self.addParameter(with_help(
            QgsProcessingParameterFile(
                self.MODEL, self.tr("GST model (JSON from cryo:gstmodel)"), extension="json"),
            self.tr("The OUTPUT_MODEL of Fit ground-surface temperature model: its predictors say how many LST "
                    "stacks INPUT needs and in which order, its coefficients turn them into GST (°C).")))
        add_packing_parameters(self)
        add_stack_options(self)
        self.addParameter(with_help(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Daily GST")),
            self.tr("Float32 GeoTIFF on the grid of the LST stacks, one band per date described by its ISO date, "
                    "GST in °C, nodata −9999 where any LST is missing.")))
        self.addOutput(QgsProcessingOutputNumber(self.N_DATES, self.tr("Dates written")))
        self.addOutput(QgsProcessingOutputNumber(self.VALID_FRACTION,
                                                 self.tr("Fraction of pixel-days with a GST value")))

    @logs_results
    def processAlgorithm(self, parameters, context, feedback):
        paths = self.parameterAsFileList(parameters, self.INPUT, context)
        if not paths:
            raise QgsProcessingException(self.tr("INPUT is empty: give one LST stack per model predictor"))
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise QgsProcessingException(self.tr("These LST stacks do not exist: {}").format(", ".join(missing)))
        model = gst.read_model(self.parameterAsFile(parameters, self.MODEL, context))
        packing = packing_from(self, parameters, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        with contextlib.ExitStack() as open_stacks:
            stacks = [open_stacks.enter_context(open_stack_at(self, path, parameters, context)) for path in paths]
            for predictor, stack in zip(model.predictors, stacks):
                feedback.pushInfo("{}: {}".format(predictor, stack.describe()))
            refuse_overwriting_inputs([output], [f for s in stacks for f in s.files])
            valid = gst.lst_to_gst(stacks, model, packing, output, run=run_for(feedback))
            n_dates = len(stacks[0].dates)
            total = n_dates * stacks[0].grid.width * stacks[0].grid.height
        return {self.OUTPUT: output, self.N_DATES: n_dates, self.VALID_FRACTION: valid / total}
