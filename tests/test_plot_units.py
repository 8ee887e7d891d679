"""Units from the GeoTIFFs to the plot's y axes (issue #16 C): the writer records a unit per file or per band, the
pixel reader returns it readable ("degC" -> "°C"), the dock's series carry it, series of another unit go on the
right axis, and a y axis is titled with its unit."""
import datetime as dt

import numpy as np
import pytest
from osgeo import gdal

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.pixel_series import read_pixel_series, readable_units
from cryo_qgis_plugin.core.io.stack import open_stack
from cryo_qgis_plugin.core.permafrost import degreedays

GRID = Grid.from_extent(10.0, 50.0, 12.0, 52.0, 4, 4, "EPSG:4326")
DAYS = [dt.date(2010, 7, 1) + dt.timedelta(days=i) for i in range(30)]
ISO = [d.isoformat() for d in DAYS]


def write(path, units=None, bands=ISO, metadata=None, dates=True):
    values = np.arange(len(bands) * 16, dtype=np.float32).reshape(len(bands), 4, 4) - 100
    with GeoTiffWriter(str(path), GRID, bands, np.float32, nodata=-9999, band_dates=bands if dates else None,
                       units=units, metadata=metadata) as out:
        out.write(0, values)
    return str(path)


def test_writer_records_one_unit_for_every_band_and_in_the_metadata(tmp_path):
    ds = gdal.Open(write(tmp_path / "gst.tif", "degC"))
    assert [ds.GetRasterBand(b).GetUnitType() for b in (1, 30)] == ["degC", "degC"]
    assert ds.GetMetadataItem("UNITS") == "degC" and ds.GetRasterBand(1).GetMetadataItem("UNITS") is None
    # a UNITS item the caller gives wins in the metadata (the text some outputs already wrote)
    ds = gdal.Open(write(tmp_path / "dd.tif", "degC days", metadata={"UNITS": "degC days (positive)"}))
    assert ds.GetMetadataItem("UNITS") == "degC days (positive)" and ds.GetRasterBand(2).GetUnitType() == "degC days"
    ds = gdal.Open(write(tmp_path / "plain.tif"))
    assert ds.GetMetadataItem("UNITS") is None and ds.GetRasterBand(1).GetUnitType() == ""


def test_writer_records_a_unit_per_band(tmp_path):
    ds = gdal.Open(write(tmp_path / "rate.tif", ["m/yr", ""], bands=["rate", "count"], dates=False))
    assert [ds.GetRasterBand(b).GetUnitType() for b in (1, 2)] == ["m/yr", ""]
    assert ds.GetRasterBand(1).GetMetadataItem("UNITS") == "m/yr"
    assert ds.GetRasterBand(2).GetMetadataItem("UNITS") is None
    assert ds.GetMetadataItem("UNITS") is None
    with pytest.raises(CryoInputError, match="length is 1, the band count 2"):
        write(tmp_path / "bad.tif", ["m"], bands=["a", "b"], dates=False)


def test_pixel_reader_returns_readable_units(tmp_path):
    assert read_pixel_series(write(tmp_path / "gst.tif", "degC"), 10.6, 51.6).units == "°C"
    assert read_pixel_series(write(tmp_path / "cm.tif", "cm"), 10.6, 51.6).units == "cm"
    mixed = write(tmp_path / "mixed.tif", ["mm/yr", "", "mm"], bands=["v", "r2", "rmse"], dates=False)
    assert read_pixel_series(mixed, 10.6, 51.6).units == ""  # no unit common to the bands
    assert read_pixel_series(write(tmp_path / "none.tif"), 10.6, 51.6).units == ""
    # a raster of an older version: only the dataset item, no unit type
    old = write(tmp_path / "old.tif")
    ds = gdal.Open(old, gdal.GA_Update)
    ds.SetMetadataItem("UNITS", "degC days")
    ds = None
    assert read_pixel_series(old, 10.6, 51.6).units == "°C·d"
    assert [readable_units(u) for u in ("degC", "Kelvin", "percent", "days", "mm/yr", None)] == [
        "°C", "K", "%", "day", "mm/yr", ""]


def test_the_dock_series_carries_the_raster_unit(tmp_path):
    from cryo_qgis_plugin.gui.series import pixel_plot_series

    pixel = read_pixel_series(write(tmp_path / "gst.tif", "degC"), 11.1, 50.1)  # column 2, row 3
    series = pixel_plot_series("gst", pixel)
    assert series.units == "°C" and series.dated
    expected = gdal.Open(str(tmp_path / "gst.tif")).ReadAsArray()[:, 3, 2]
    np.testing.assert_array_equal(series.y, expected)


def test_degree_days_record_their_unit(tmp_path):
    year = [(dt.date(2010, 7, 1) + dt.timedelta(days=i)).isoformat() for i in range(365)]
    path = str(tmp_path / "t.tif")
    with GeoTiffWriter(path, GRID, year, np.float32, nodata=-9999, band_dates=year) as out:
        out.write(0, np.full((len(year), 4, 4), -3.0, np.float32))
    degreedays.degree_days(open_stack(path), str(tmp_path / "ddf.tif"), str(tmp_path / "ddt.tif"), max_gap=0)
    ddf = gdal.Open(str(tmp_path / "ddf.tif"))
    assert ddf.GetRasterBand(1).GetUnitType() == "degC days"
    assert read_pixel_series(str(tmp_path / "ddf.tif"), 10.6, 51.6).units == "°C·d"


def series(name, units="", quantity="", table=None):
    from cryo_qgis_plugin.gui.series import PlotSeries

    return PlotSeries(name, np.arange(3.0), np.array([1.0, 2.0, 1.0]), True, class_table=table, units=units,
                      quantity=quantity)


def test_series_of_another_unit_go_on_the_right_axis(qgis_app):
    from cryo_qgis_plugin.gui.plot_draw import axis_title, split_axes

    gst, ddf, table, codes = (series("gst", "°C"), series("ddf", "°C·d"), series("h", quantity="h (cm)"),
                              series("ft", "class", table=FREEZE_THAW))

    def names(axes):
        return tuple([s.name for s in side] for side in axes)

    assert names(split_axes([gst, series("t", "°C")])) == (["gst", "t"], [])
    assert names(split_axes([gst, ddf])) == (["gst"], ["ddf"])
    assert names(split_axes([codes, gst, ddf])) == (["ft"], ["gst", "ddf"])
    assert names(split_axes([table, series("snow", "cm")])) == (["h", "snow"], [])  # "h (cm)" is in cm
    assert names(split_axes([series("a"), gst])) == (["gst"], ["a"])  # the first unit given goes on the left
    assert axis_title([gst], "Value") == "Value (°C)" and axis_title([table], "Value") == "h (cm)"
    assert axis_title([gst, ddf], "Value") == "Value" and axis_title([codes], "Value") == "Value"
    assert axis_title([table, series("snow", "cm")], "Value") == "Value (cm)"


def test_plot_titles_its_axes_with_the_units(qgis_app):
    from cryo_qgis_plugin.gui.plot_panel import PlotPanel

    panel = PlotPanel()
    panel.resize(600, 400)
    panel.redraw([series("gst", "°C")])
    item = panel.plot.getPlotItem()
    assert item.getAxis("left").labelText == "Value (°C)" and not item.getAxis("right").isVisible()
    # class codes and temperatures: the classes on the left with their names, °C on the right
    panel.redraw([series("ft", "class", table=FREEZE_THAW), series("gst", "°C")])
    assert panel.class_axis() == FREEZE_THAW
    assert [label for _, label in item.getAxis("left")._tickLevels[0]][:2] == ["Water body or missing", "Frozen"]
    assert item.getAxis("right").isVisible() and item.getAxis("right").labelText == "Value (°C)"
    panel.deleteLater()
