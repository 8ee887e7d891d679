"""The run contract (core/run.py): every core entry point takes one ``run``; progress is clipped and mapped,
messages carry their severity, a cancel stops the computation with no output, and QGIS feedback is adapted once
(qgis_io.run.run_for)."""
import inspect

import pytest

from cryo_qgis_plugin.core import freezethaw, glaciers, lakeice, permafrost, stats
from cryo_qgis_plugin.core.errors import Cancelled
from cryo_qgis_plugin.core.io import open_stack
from cryo_qgis_plugin.core.run import DEFAULT_BUDGET, Run, Severity, blocks
from test_freezethaw_core import season_folder

ENTRY_POINTS = [freezethaw.decode, freezethaw.indicators, permafrost.degree_days, permafrost.lst_to_gst,
                permafrost.fit_gst_model, permafrost.ttop_map, glaciers.dem_difference, glaciers.altimetry_rate,
                lakeice.phenology, lakeice.zonal_series, stats.trend_raster]


@pytest.mark.parametrize("function", ENTRY_POINTS, ids=lambda f: f.__name__)
def test_every_entry_point_takes_one_run_and_nothing_else_of_the_kind(function):
    parameters = inspect.signature(function).parameters
    assert "run" in parameters and parameters["run"].default == Run()
    assert not {"progress", "log", "budget_bytes", "note"} & set(parameters)


def test_progress_is_clipped_and_parts_map_onto_the_whole():
    seen = []
    run = Run(progress=seen.append)
    run.report(-0.5)
    run.report(1.5)
    run.part(0.5, 0.75).report(0.5)
    assert seen == [0.0, 1.0, 0.625]


def test_messages_keep_their_severity_and_budget_is_one_number():
    messages = []
    run = Run(log=lambda message, severity: messages.append((severity, message)))
    run.info("read 3 files")
    run.warning("2 unknown codes")
    assert messages == [(Severity.INFO, "read 3 files"), (Severity.WARNING, "2 unknown codes")]
    assert Run().budget_bytes == DEFAULT_BUDGET == 256 * 1024 * 1024
    assert blocks(10, 100, 250) == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]


def test_a_cancel_stops_the_indicators_and_leaves_no_file(tmp_path):
    georef = season_folder(str(tmp_path / "daily"))
    polls = []

    def cancelled():
        polls.append(1)
        return len(polls) > 1  # the caller asks to stop after the computation has started

    output = tmp_path / "indicators.tif"
    with open_stack(str(tmp_path / "daily"), georef=georef) as stack:
        with pytest.raises(Cancelled):
            freezethaw.indicators(stack, str(output), run=Run(cancelled=cancelled, budget_bytes=4096))
    assert len(polls) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daily"]


def test_qgis_feedback_becomes_one_run(qgis_app):
    from qgis.core import QgsProcessingFeedback

    from cryo_qgis_plugin.qgis_io.run import run_for

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            self.lines.append(("info", info))

        def pushWarning(self, warning):  # noqa: N802 (QGIS API)
            self.lines.append(("warning", warning))

    feedback = Recording()
    run = run_for(feedback)
    run.info("a step")
    run.warning("check this")
    run.report(0.25)
    assert feedback.lines == [("info", "a step"), ("warning", "check this")]
    assert feedback.progress() == pytest.approx(25.0)
    feedback.cancel()
    with pytest.raises(Cancelled):
        run.report(0.5)
