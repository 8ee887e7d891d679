"""The time-series dock with the outputs of cryo:insardeformation: a picked pixel's displacement data (put in the
model's frame: mm, re-referenced, line of sight to vertical), the fitted model, its long-term line and seasonal
part, checked against numbers computed here from what was written; the model alone; MintPy data read at the
model's cell; model nodata as gaps; a temperature table sharing the date axis on a right-hand y axis.

The rasters are written in the layout of ``core/permafrost/deformation.py`` (dataset metadata CRYO_KIND,
CRYO_RUN_ID, CRYO_T0, CRYO_INPUT_TO_MM, CRYO_REFERENCE_DATE, CRYO_INCIDENCE; components bands by name; model
bands dated) with made-up values, so that every expected number is plain arithmetic."""
import datetime as dt
import math

import h5py
import numpy as np
import pytest

from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.permafrost.deformation_fit import band_names
from test_gui_timeseries_dock import wait_for

DATES = [dt.date(2020, 1, 5) + dt.timedelta(days=36 * i) for i in range(11)]
ISO = [d.isoformat() for d in DATES]
GRID = Grid.from_extent(90.0, 34.0, 90.4, 34.3, 4, 3, "EPSG:4326")  # 0.1° cells
COL, ROW = 2, 1  # the picked cell: 90.25°E 34.15°N
LON, LAT = 90.25, 34.15
RUN = "0123456789abcdef0123456789abcdef"
V, SE, AMPLITUDE, OFFSET, R2 = -12.5, 0.4, 7.3, 3.0, 0.87
NODATA = -9999.0


def metadata(kind, reference="", incidence="", run=RUN):
    return {"CRYO_KIND": kind, "CRYO_RUN_ID": run, "CRYO_T0": ISO[0], "CRYO_INPUT_TO_MM": "1000",
            "CRYO_REFERENCE_DATE": reference, "CRYO_INCIDENCE": incidence}


def write_data(path):
    """The INPUT: LOS displacement in metres (float32, nodata -9999), dated bands; the picked cell misses date 4."""
    t = np.arange(len(DATES))[:, None, None]
    rows, cols = np.indices(GRID.shape)
    values = (0.004 - 0.0012 * t + 0.0005 * rows - 0.0003 * cols + 0.002 * np.sin(t)).astype(np.float32)
    values[4, ROW, COL] = NODATA
    with GeoTiffWriter(path, GRID, ISO, np.float32, nodata=NODATA, band_dates=ISO) as out:
        out.write(0, values)
    return values


def write_model(path, meta):
    """The model stack (mm); the picked cell's model is nodata on date 7."""
    t = np.arange(len(DATES))[:, None, None]
    rows, cols = np.indices(GRID.shape)
    values = (2.0 - 1.3 * t + rows + 0.5 * cols + 3.0 * np.cos(t)).astype(np.float32)
    values[7, ROW, COL] = NODATA
    with GeoTiffWriter(path, GRID, ISO, np.float32, nodata=NODATA, band_dates=ISO, metadata=meta) as out:
        out.write(0, values)
    return values


def write_components(path, meta, velocity=V):
    names = band_names(False, False)
    figures = {"velocity_mm_yr": velocity, "velocity_se": SE, "seasonal_coef": -0.5, "seasonal_coef_se": 0.05,
               "seasonal_amplitude_mm": AMPLITUDE, "r2": R2, "rmse_mm": 1.5, "n_dates": len(DATES),
               "offset_mm": OFFSET}
    values = np.zeros((len(names),) + GRID.shape, np.float32)
    for i, name in enumerate(names):
        values[i] = figures[name] + 0.1 * np.arange(GRID.width)[None, :] - 0.1 * COL  # the picked cell: figures
    with GeoTiffWriter(path, GRID, names, np.float32, nodata=NODATA, metadata=meta) as out:
        out.write(0, values)


def write_incidence(path):
    """Incidence angles (degrees) varying by cell: 30 + column + 2·row."""
    rows, cols = np.indices(GRID.shape)
    with GeoTiffWriter(path, GRID, ["incidence"], np.float32, nodata=0) as out:
        out.write(0, (30.0 + cols + 2 * rows)[None].astype(np.float32))


def pick(dock, lon=LON, lat=LAT):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    wait_for(dock, lambda: dock.pick(QgsPointXY(lon, lat), QgsCoordinateReferenceSystem("EPSG:4326")))


@pytest.fixture()
def project(qgis_app):
    """Adds layers to the project and gives a dock; everything removed afterwards."""
    from qgis.core import QgsProject, QgsRasterLayer

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    docks = []

    def load(paths_and_names):
        layers = [QgsRasterLayer(str(path), name) for path, name in paths_and_names]
        assert all(layer.isValid() for layer in layers)
        QgsProject.instance().addMapLayers(layers)
        dock = TimeSeriesDock()
        dock.resize(900, 450)
        docks.append(dock)
        return dock, {layer.name(): layer for layer in layers}

    yield load
    for dock in docks:
        dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def years(dates=DATES):
    return np.array([(d - DATES[0]).days for d in dates]) / 365.25


def plotted_items(dock):
    """The named curves drawn on the left axis, by name."""
    return {i.name(): i for i in dock.plot.getPlotItem().listDataItems() if i.name()}


def test_data_model_long_term_and_seasonal_in_the_model_frame(project, tmp_path):
    from qgis.PyQt.QtCore import Qt

    data = write_data(str(tmp_path / "los.tif"))
    model = write_model(str(tmp_path / "model.tif"), metadata("insar_model", reference=ISO[2], incidence="35"))
    write_components(str(tmp_path / "parts.tif"), metadata("insar_components", reference=ISO[2], incidence="35"))
    write_components(str(tmp_path / "other.tif"), metadata("insar_components", run="f" * 32), velocity=99.0)
    dock, layers = project([(tmp_path / "los.tif", "los"), (tmp_path / "model.tif", "model"),
                            (tmp_path / "parts.tif", "parts"), (tmp_path / "other.tif", "other")])
    dock.set_checked_layers([layers["los"], layers["model"]])  # the components raster is loaded, not ticked
    pick(dock)
    names = [s.name for s in dock.current]
    assert names == ["Data: los (col 3, row 2)", "Model (col 3, row 2)", "Long-term: -12.50 ± 0.40 mm/yr",
                     "Seasonal: amplitude 7.3 mm"]
    got_data, got_model, got_line, got_seasonal = dock.current
    # data: metres -> mm, minus the value of the reference date (the 3rd), / cos 35°; nodata stays a gap
    x = data[:, ROW, COL].astype(float)
    expected = (x * 1000 - x[2] * 1000) / math.cos(math.radians(35.0))
    expected[4] = np.nan
    np.testing.assert_allclose(got_data.y, expected, rtol=1e-12)
    assert got_data.y[2] == 0 and np.isnan(got_data.y[4])
    assert got_data.x[0] == (DATES[0] - dt.date(1970, 1, 1)).days * 86400.0 and got_data.dated
    # the model as written, its nodata a gap
    m = model[:, ROW, COL].astype(float)
    m[7] = np.nan
    np.testing.assert_array_equal(got_model.y, m)
    # long-term: offset + v·(t − t0)/365.25; seasonal: model − long-term
    line = OFFSET + V * years()
    np.testing.assert_allclose(got_line.y, line, rtol=1e-6)
    np.testing.assert_allclose(got_seasonal.y, m - line, rtol=1e-6)
    assert np.isnan(got_seasonal.y[7])
    assert [s.style for s in dock.current] == ["markers", "thick", "dash", "dot"]
    # drawn: markers without a line, the model solid, the long-term dashed, the seasonal part dotted, one legend
    items = plotted_items(dock)
    assert items[names[0]].opts["pen"] is None and items[names[0]].opts["symbol"] == "o"
    assert len(items[names[0]].getData()[0]) == len(DATES) - 1  # no marker for the missing date
    assert items[names[1]].opts["pen"].style() == Qt.PenStyle.SolidLine
    assert items[names[2]].opts["pen"].style() == Qt.PenStyle.DashLine
    assert items[names[3]].opts["pen"].style() == Qt.PenStyle.DotLine
    assert [label.text for _, label in dock.legend.items] == names
    assert dock.plot.getPlotItem().getAxis("left").labelText == "Displacement (mm)"
    assert not dock.plot.getPlotItem().getAxis("right").isVisible()
    status = dock.status.text()
    assert "velocity -12.50 ± 0.40 mm/yr, seasonal amplitude 7.3 mm, R² 0.87" in status
    assert "× 1000 to mm; minus the value on {}; ÷ cos θ = 0.8192".format(ISO[2]) in status
    assert "99" not in status  # the components of another run are not used
    # the read-out and the CSV export carry the overlay too
    assert "Model (col 3, row 2): {}".format(ISO[0]) in dock.readout_at(got_model.x[0])
    assert dock.export_csv(str(tmp_path / "overlay.csv")) == 4 * len(DATES)


def test_incidence_raster_is_read_at_the_picked_cell_and_the_model_plots_alone(project, tmp_path):
    write_incidence(str(tmp_path / "incidence.tif"))
    data = write_data(str(tmp_path / "los.tif"))
    write_model(str(tmp_path / "model.tif"), metadata("insar_model", incidence=str(tmp_path / "incidence.tif")))
    dock, layers = project([(tmp_path / "los.tif", "los"), (tmp_path / "model.tif", "model")])
    dock.set_checked_layers([layers["los"], layers["model"]])
    pick(dock)
    # no reference date: only × 1000 and / cos θ of the cell (30 + 2 + 2·1 = 34°); no components: no parts
    x = data[:, ROW, COL].astype(float)
    expected = x * 1000 / math.cos(math.radians(34.0))
    expected[4] = np.nan
    assert [s.name for s in dock.current] == ["Data: los (col 3, row 2)", "Model (col 3, row 2)"]
    np.testing.assert_allclose(dock.current[0].y, expected, rtol=1e-6)
    assert "Load the components raster of this run" in dock.status.text()
    # only the model stack ticked: the model alone, and a hint to tick the data
    dock.set_checked_layers([layers["model"]])
    pick(dock)
    assert [s.name for s in dock.current] == ["Model (col 3, row 2)"]
    assert "Tick the displacement raster of model (its 11 dates)" in dock.status.text()
    assert dock.status.styleSheet() == ""  # hints, not errors
    assert dock.plot.getPlotItem().getAxis("left").labelText == "Displacement (mm)"


def test_mintpy_data_are_read_at_the_model_cell(project, tmp_path):
    data = write_data(str(tmp_path / "los.tif"))
    metres = np.where(data == NODATA, np.nan, data)
    with h5py.File(tmp_path / "geo_timeseries.h5", "w") as h5:  # MintPy: metres, no geotransform QGIS can use
        h5["timeseries"] = metres
        h5["date"] = np.array([d.strftime("%Y%m%d").encode() for d in DATES])
        h5.attrs.update({"FILE_TYPE": "timeseries", "X_FIRST": "90.0", "Y_FIRST": "34.3", "X_STEP": "0.1",
                         "Y_STEP": "-0.1"})
    model = write_model(str(tmp_path / "model.tif"), metadata("insar_model", reference=ISO[0]))
    write_components(str(tmp_path / "parts.tif"), metadata("insar_components", reference=ISO[0]))
    dock, layers = project([(tmp_path / "geo_timeseries.h5", "mintpy"), (tmp_path / "model.tif", "model"),
                            (tmp_path / "parts.tif", "parts")])
    dock.set_checked_layers([layers["mintpy"], layers["model"], layers["parts"]])  # components ticked as well
    pick(dock)
    assert [s.name for s in dock.current][:2] == ["Data: mintpy (col 3, row 2)", "Model (col 3, row 2)"]
    assert len(dock.current) == 4  # the ticked components raster is drawn as the parts, not as bands
    x = metres[:, ROW, COL].astype(float)
    np.testing.assert_allclose(dock.current[0].y, (x - x[0]) * 1000, rtol=1e-12)
    assert dock.status.styleSheet() == ""
    # the MintPy file alone has no map position: the dock says what to tick
    dock.set_checked_layers([layers["mintpy"]])
    pick(dock)
    assert dock.current == [] and "tick the model stack too" in dock.status.text()
    del model


def test_unsolved_pixel_is_a_gap_and_other_rasters_keep_their_plot(project, tmp_path):
    """A pixel the fit did not solve (all nodata) draws nothing and says so; a components raster ticked without
    its model plots its bands as before."""
    write_data(str(tmp_path / "los.tif"))
    meta = metadata("insar_model")
    with GeoTiffWriter(str(tmp_path / "model.tif"), GRID, ISO, np.float32, nodata=NODATA, band_dates=ISO,
                       metadata=meta) as out:
        out.write(0, np.full((len(DATES),) + GRID.shape, NODATA, np.float32))
    with GeoTiffWriter(str(tmp_path / "parts.tif"), GRID, band_names(False, False), np.float32, nodata=NODATA,
                       metadata=metadata("insar_components")) as out:
        out.write(0, np.full((9,) + GRID.shape, NODATA, np.float32))
    dock, layers = project([(tmp_path / "los.tif", "los"), (tmp_path / "model.tif", "model"),
                            (tmp_path / "parts.tif", "parts")])
    dock.set_checked_layers([layers["los"], layers["model"]])
    pick(dock)
    model, line, seasonal = dock.current[1:]
    assert np.isnan(model.y).all() and np.isnan(line.y).all() and np.isnan(seasonal.y).all()
    assert (line.name, seasonal.name) == ("Long-term", "Seasonal")
    assert "the model was not solved at this pixel" in dock.status.text()
    dock.set_checked_layers([layers["parts"]])
    pick(dock)
    assert [s.name for s in dock.current] == ["parts 34.1500° N, 90.2500° E (col 3, row 2)"]
    assert not dock.current[0].dated
    assert dock.plot.getPlotItem().getAxis("left").labelText == "Value"


def test_temperature_table_shares_the_date_axis_on_a_right_axis(project, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    write_data(str(tmp_path / "los.tif"))
    write_model(str(tmp_path / "model.tif"), metadata("insar_model"))
    write_components(str(tmp_path / "parts.tif"), metadata("insar_components"))
    dock, layers = project([(tmp_path / "los.tif", "los"), (tmp_path / "model.tif", "model"),
                            (tmp_path / "parts.tif", "parts")])
    dock.set_checked_layers([layers["los"], layers["model"]])
    pick(dock)
    dock.pin()
    days = [dt.date(2019, 12, 1) + dt.timedelta(days=i) for i in range(420)]  # longer than the InSAR dates
    with open(tmp_path / "temperature.csv", "w") as fh:
        fh.write("date,t2m\n")
        for i, day in enumerate(days):
            fh.write("{},{:.2f}\n".format(day.isoformat(), -6 + 14 * math.sin(2 * math.pi * (i - 150) / 365.25)))
    table = QgsVectorLayer("file://{}?type=csv&detectTypes=yes&geomType=none".format(tmp_path / "temperature.csv"),
                           "temperature", "delimitedtext")
    assert table.isValid()
    QgsProject.instance().addMapLayer(table)
    dock.table_layer.setLayer(table)
    dock.date_field.setField("date")
    dock.value_field.setField("t2m")
    wait_for(dock, dock.plot_table)
    item = dock.plot.getPlotItem()
    assert [s.name for s in dock.plotted()][-1] == "temperature" and len(dock.plotted()) == 5
    assert item.getAxis("left").labelText == "Displacement (mm)"
    assert item.getAxis("right").isVisible() and item.getAxis("right").labelText == "Value"
    on_right = [i for i in dock.right.view.addedItems if hasattr(i, "name") and i.name()]
    assert [i.name() for i in on_right] == ["temperature"]
    assert "temperature" in [label.text for _, label in dock.legend.items]
    x0, x1 = item.vb.viewRange()[0]  # one date axis spanning the table and the InSAR dates
    first, last = [(d - dt.date(1970, 1, 1)).days * 86400.0 for d in (days[0], days[-1])]
    assert x0 <= first and x1 >= last
    dock.clear()
    assert not item.getAxis("right").isVisible()
