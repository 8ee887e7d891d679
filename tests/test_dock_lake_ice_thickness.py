"""The time-series dock plots the daily thickness table of cryo:lakeicethickness (lake, date, h_cm) per lake with
the dates of a cryo:lakeicephenology table as markers, on a y axis titled with the unit ("h (cm)"). Both tables
are the CSV files the algorithms write, loaded through OGR as Processing loads its outputs (every field text).

Run as a script to regenerate ``docs/screenshots/dock_lake_ice_thickness.png`` (real fonts under Xvfb):
``xvfb-run -a /usr/bin/python3 tests/test_dock_lake_ice_thickness.py [out.png]``.
"""
import datetime as dt
import math
import os
import sys
import tempfile
import time

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.dirname(HERE))
FIRST = dt.date(2005, 8, 1)
SCREENSHOT = os.path.join(os.path.dirname(HERE), "docs", "screenshots", "dock_lake_ice_thickness.png")


def air_temperature(colder):
    """A year of daily air temperature from 2005-08-01 (°C): coldest in mid-January, below 0 °C from about
    late October to mid-April; ``colder`` °C colder all year."""
    d = np.arange(365)
    return np.round(2.5 - 15 * np.cos(2 * math.pi * (d - 170) / 365) - colder, 2)


def lake_ice_outputs(folder):
    """The phenology of lakes A and B (cryo:lakeicephenology: A freezes up 2005-11-10..18 and breaks up
    2006-04-10..18, B two weeks later) and their thickness from it (cryo:lakeicethickness): the two CSV files."""
    from test_lake_ice_thickness import write_air
    from test_lakeice_core import season_series
    from test_processing_freezethaw import run
    from test_processing_lakeice import write_table

    phenology, thickness = os.path.join(folder, "phenology.csv"), os.path.join(folder, "thickness.csv")
    ice = write_table(os.path.join(folder, "ice.csv"), [
        (lake, (FIRST + dt.timedelta(days=d)).isoformat(), value) for lake, shift in (("A", 0), ("B", 14))
        for d, value in enumerate(season_series(up=100 + shift, down=250 + shift))])
    run("cryo:lakeicephenology", {"INPUT": ice, "OUTPUT": phenology})
    air = write_air(os.path.join(folder, "air.csv"), {"A": air_temperature(0.0), "B": air_temperature(1.5)})
    run("cryo:lakeicethickness", {"INPUT": air, "PHENOLOGY": phenology, "OUTPUT": thickness,
                                  "OUTPUT_SEASONS": os.path.join(folder, "seasons.csv")})
    return thickness, phenology


def load(path, name):
    """``path`` as Processing loads a CSV output: through OGR, every field text."""
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(path, name, "ogr")
    assert layer.isValid(), path
    QgsProject.instance().addMapLayer(layer)
    return layer


def plot_thickness(dock, thickness, phenology, wait):
    dock.table_layer.setLayer(thickness)
    dock.date_field.setField("date")
    dock.value_field.setField("h_cm")
    dock.group_field.setField("lake")
    dock.phenology_layer.setLayer(phenology)
    assert (dock.date_field.currentField(), dock.value_field.currentField()) == ("date", "h_cm")
    wait(dock, dock.plot_table)


def seconds(day):
    return (day - dt.date(1970, 1, 1)).days * 86400.0


@pytest.fixture()
def dock(qgis_app):
    from qgis.core import QgsProject

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    dock = TimeSeriesDock()
    dock.resize(900, 420)
    yield dock
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def test_thickness_per_lake_with_the_phenology_dates_as_markers(dock, tmp_path):
    import pyqtgraph as pg

    from test_gui_timeseries_dock import wait_for
    from test_lake_ice_thickness import read

    thickness_csv, phenology_csv = lake_ice_outputs(str(tmp_path))
    thickness, phenology = load(thickness_csv, "thickness"), load(phenology_csv, "phenology")
    assert thickness.fields().field("h_cm").typeName() == "String"  # as Processing loads the CSV
    plot_thickness(dock, thickness, phenology, wait_for)
    a, b = dock.current
    assert (a.name, b.name) == ("thickness: A", "thickness: B")
    rows = read(thickness_csv)
    for series, lake in ((a, "A"), (b, "B")):
        mine = [r for r in rows if r["lake"] == lake]
        assert list(series.x) == [seconds(dt.date.fromisoformat(r["date"])) for r in mine]
        np.testing.assert_array_equal(series.y, [float(r["h_cm"]) if r["h_cm"] else np.nan for r in mine])
    events = read(phenology_csv)
    for series, event in zip((a, b), events):
        names = ("freeze-up start", "freeze-up end", "break-up start", "break-up end")
        dates = [event[k] for k in ("fus", "fue", "bus", "bue")]
        assert [m.text for m in series.markers] == ["{} {}".format(n, d) for n, d in zip(names, dates)]
        # the ice grows from the freeze-up end and is gone on the break-up end: the curve meets its markers
        fue, bue = (series.x.tolist().index(seconds(dt.date.fromisoformat(d))) for d in (dates[1], dates[3]))
        assert series.y[fue - 1] == 0 < series.y[fue] and series.y[bue - 1] > 0 == series.y[bue]
        assert series.y.max() > 50  # cm: a winter of some 1,000 freezing degree-days
    item = dock.plot.getPlotItem()
    assert item.getAxis("left").labelText == "h (cm)"
    lines = [i for i in item.items if isinstance(i, pg.InfiniteLine) and i not in (dock.vline, dock.panel.date_line)]
    assert sorted(line.value() for line in lines) == sorted(m.x for s in (a, b) for m in s.markers)
    assert {label.text for _, label in dock.legend.items} == {"thickness: A", "thickness: B"}


@pytest.mark.parametrize("field, title", [
    ("h_cm", "h (cm)"), ("max_thickness_cm", "max_thickness (cm)"), ("area_km2", "area (km²)"),
    ("v_mm_yr", "v (mm/yr)"), ("depth_m", "depth (m)"), ("value", ""), ("t2m", ""), ("cm", ""), ("h_CM", "h (cm)")])
def test_axis_title_from_a_field_name_with_a_unit(field, title):
    from cryo_qgis_plugin.gui.series import field_quantity

    assert field_quantity(field) == title


def screenshot(out):
    """Plot the two lakes' thickness with their phenology markers and save the dock (see the module docstring)."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    app = start_app()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock
    from cryo_qgis_plugin.processing.provider import CryoProvider

    Processing.initialize()
    provider = CryoProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    def wait(dock, action):
        done = []
        dock.series_plotted.connect(lambda: done.append(True))
        action()
        deadline = time.time() + 30
        while not done and time.time() < deadline:
            app.processEvents()
            time.sleep(0.01)

    with tempfile.TemporaryDirectory(prefix="cryo_") as folder:
        thickness_csv, phenology_csv = lake_ice_outputs(folder)
        dock = TimeSeriesDock()
        dock.resize(1180, 470)
        dock.show()
        dock.table_layer.parentWidget().setCollapsed(False)  # show the Table series settings
        plot_thickness(dock, load(thickness_csv, "thickness"), load(phenology_csv, "phenology"), wait)
        dock.plot.getPlotItem().setXRange(seconds(dt.date(2005, 10, 15)), seconds(dt.date(2006, 6, 30)), padding=0)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        dock.grab().save(out)
        dock.close()
    print("wrote", out)


if __name__ == "__main__":
    screenshot(sys.argv[1] if len(sys.argv) > 1 else SCREENSHOT)
