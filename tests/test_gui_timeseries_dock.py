"""The time-series dock, offscreen: the plotted data equal the pixel values read independently with GDAL, class
codes plot as categories with the class table's labels and colours, pins and CSV/PNG export, clicks outside a
raster, table series grouped by a field with lake-ice phenology markers."""
import csv
import datetime as dt
import time

import numpy as np
import pytest
from osgeo import gdal, osr

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid

DAYS = [dt.date(2010, 12, 30) + dt.timedelta(days=i) for i in range(40)]


def write_codes_stack(path):
    """40 daily freeze/thaw grids, 10 x 20 cells of 0.5° over 10-20°E, 50-55°N; code of cell (r, c) on day t:
    frozen (1) while t < 10 + c, then thawed (2); row 0 is water (0); cell (3, 4) is precipitation (3) on day 7."""
    grid = Grid.from_extent(10.0, 50.0, 20.0, 55.0, 20, 10, "EPSG:4326")
    rows, cols = np.indices(grid.shape)
    t = np.arange(len(DAYS))[:, None, None]
    codes = np.where(t < 10 + cols, 1, 2).astype(np.uint8)
    codes[:, 0, :] = 0
    codes[7, 3, 4] = 3
    iso = [d.isoformat() for d in DAYS]
    with GeoTiffWriter(path, grid, iso, np.uint8, nodata=255, class_table=FREEZE_THAW, band_dates=iso) as out:
        out.write(0, codes)
    return codes


def write_temperature_stack(path):
    """The same 40 days of temperatures on a UTM grid (EPSG:32633, 10 km cells), one band nodata at a cell."""
    grid = Grid.from_extent(400000.0, 5800000.0, 600000.0, 6000000.0, 20, 20, "EPSG:32633")
    rows, cols = np.indices(grid.shape)
    values = (np.arange(len(DAYS))[:, None, None] * 0.5 - 10 + rows + 0.1 * cols).astype(np.float32)
    values[5, 8, 9] = -9999
    iso = [d.isoformat() for d in DAYS]
    with GeoTiffWriter(path, grid, iso, np.float32, nodata=-9999, band_dates=iso) as out:
        out.write(0, values)
    return values


def wait_for(dock, action):
    """Run ``action`` and wait (processing events) until the dock redraws."""
    from qgis.PyQt.QtWidgets import QApplication

    done = []
    dock.series_plotted.connect(lambda: done.append(True))
    result = action()
    deadline = time.time() + 20
    while not done and time.time() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert done, "the dock did not redraw: " + dock.status.text()
    return result


@pytest.fixture()
def dock_with_stacks(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    codes = write_codes_stack(str(tmp_path / "codes.tif"))
    temps = write_temperature_stack(str(tmp_path / "temps.tif"))
    layers = [QgsRasterLayer(str(tmp_path / name), name[:-4]) for name in ("codes.tif", "temps.tif")]
    assert all(layer.isValid() for layer in layers)
    QgsProject.instance().addMapLayers(layers)
    dock = TimeSeriesDock()
    dock.resize(700, 500)
    yield dock, layers, codes, temps
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def mercator(lon, lat):
    """The point in EPSG:3857 (the canvas CRS of the tests), computed with OSR, not QGIS."""
    wgs, merc = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    merc.ImportFromEPSG(3857)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    merc.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(wgs, merc).TransformPoint(lon, lat)
    return x, y


def gdal_column(path, col, row):
    """The pixel's values band by band with GDAL (NaN for nodata): the independent reading."""
    ds = gdal.Open(path)
    out = []
    for b in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(b)
        value = float(band.ReadAsArray(col, row, 1, 1)[0, 0])
        out.append(np.nan if value == band.GetNoDataValue() else value)
    return np.array(out)


def pick(dock, lon, lat):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    x, y = mercator(lon, lat)
    return wait_for(dock, lambda: dock.pick(QgsPointXY(x, y), QgsCoordinateReferenceSystem("EPSG:3857")))


def test_pick_plots_the_pixel_values_read_with_gdal(dock_with_stacks, tmp_path):
    dock, layers, codes, temps = dock_with_stacks
    dock.set_checked_layers(layers)
    # 14.3°E 53.2°N: codes column (14.3 - 10) / 0.5 = 8, row (55 - 53.2) / 0.5 = 3
    pick(dock, 14.3, 53.2)
    by_layer = {s.name.split(" ")[0]: s for s in dock.current}
    codes_series = by_layer["codes"]
    assert codes_series.name == "codes 53.2000° N, 14.3000° E (col 9, row 4)"
    np.testing.assert_array_equal(codes_series.y, gdal_column(str(tmp_path / "codes.tif"), 8, 3))
    np.testing.assert_array_equal(codes_series.y, codes[:, 3, 8])  # and the values written
    assert codes_series.dated and codes_series.x[0] == (DAYS[0] - dt.date(1970, 1, 1)).days * 86400
    # the temperature stack is in UTM 33N: the cell holding the point, from OSR
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32633)
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    e, n, _ = osr.CoordinateTransformation(wgs, utm).TransformPoint(14.3, 53.2)
    col, row = int((e - 400000) // 10000), int((6000000 - n) // 10000)
    expected = gdal_column(str(tmp_path / "temps.tif"), col, row)
    np.testing.assert_allclose(by_layer["temps"].y, expected)
    assert by_layer["temps"].name == "temps 53.2000° N, 14.3000° E (col {}, row {})".format(col + 1, row + 1)


def test_nodata_is_a_gap_and_outside_is_reported(dock_with_stacks):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    dock, layers, codes, temps = dock_with_stacks
    dock.set_checked_layers([layers[1]])
    utm, wgs = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32633)
    wgs.ImportFromEPSG(4326)
    utm.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(utm, wgs).TransformPoint(495000.0, 5915000.0)  # cell (8, 9)
    pick(dock, lon, lat)
    assert np.isnan(dock.current[0].y[5]) and np.count_nonzero(np.isnan(dock.current[0].y)) == 1
    # a click in the Atlantic misses both rasters: the dock says so, nothing is plotted, nothing raises
    dock.set_checked_layers(layers)
    wait_for(dock, lambda: dock.pick(QgsPointXY(*mercator(-30.0, 40.0)), QgsCoordinateReferenceSystem("EPSG:3857")))
    assert dock.current == []
    assert "codes" in dock.status.text() and "temps" in dock.status.text()


def test_class_codes_plot_as_categories(dock_with_stacks):
    from cryo_qgis_plugin.gui.plot_draw import class_positions

    dock, layers, codes, temps = dock_with_stacks
    dock.set_checked_layers([layers[0]])
    pick(dock, 12.2, 53.2)  # column 4, row 3: frozen on days 0-13, precipitation on day 7, thawed after
    series = dock.current[0]
    assert series.class_table == FREEZE_THAW and dock.class_axis() == FREEZE_THAW
    ticks = dock.plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == [c.label for c in FREEZE_THAW]
    positions = class_positions(series.y, FREEZE_THAW)
    assert list(positions[:14]) == [1] * 7 + [3] + [1] * 6 and set(positions[14:]) == {2}  # rows of the table
    assert list(class_positions(np.array([9.0, np.nan]), FREEZE_THAW)[:1]) == [-1]
    bars = [i for i in dock.plot.getPlotItem().items if i.__class__.__name__ == "PlotCurveItem"]
    days = {}  # day -> (row on the axis, colour) of the bar drawn for it
    for bar in bars:
        xs, ys = bar.getData()
        for k in range(0, len(xs), 2):
            days.setdefault((xs[k] + xs[k + 1]) / 2, []).append((ys[k], bar.opts["pen"].color().name()))
    colour = {code.value: "#{:02x}{:02x}{:02x}".format(*code.color) for code in FREEZE_THAW}
    assert days[series.x[0]] == [(1, colour[1])] and days[series.x[7]] == [(3, colour[3])]  # frozen, precipitation
    assert days[series.x[20]] == [(2, colour[2])] and len(days) == len(DAYS)  # thawed; every day one bar
    x_day7 = series.x[7]
    assert "2011-01-06" in dock.readout_at(x_day7 + 3600) and "Precipitation (3)" in dock.readout_at(x_day7)


def test_pin_compares_pixels_and_exports(dock_with_stacks, tmp_path):
    dock, layers, codes, temps = dock_with_stacks
    dock.set_checked_layers([layers[0]])
    pick(dock, 12.2, 53.2)
    dock.pin()
    pick(dock, 17.7, 51.1)  # column 15, row 7
    assert [s.name for s in dock.plotted()] == ["codes 53.2000° N, 12.2000° E (col 5, row 4)",
                                                "codes 51.1000° N, 17.7000° E (col 16, row 8)"]
    rows = dock.export_csv(str(tmp_path / "series.csv"))
    assert rows == 2 * len(DAYS)
    with open(tmp_path / "series.csv") as fh:
        table = list(csv.DictReader(fh))
    second = [r for r in table if r["series"] == "codes 51.1000° N, 17.7000° E (col 16, row 8)"]
    assert [int(r["value"]) for r in second] == list(codes[:, 7, 15])
    assert second[0]["date"] == "2010-12-30" and second[0]["band"] == "1" and second[0]["class"] == "Frozen"
    assert second[-1]["class"] == "Thawed"
    assert dock.export_png(str(tmp_path / "plot.png"))
    image = gdal.Open(str(tmp_path / "plot.png"))
    assert image.RasterXSize > 200 and image.RasterYSize > 150
    dock.clear()
    assert dock.plotted() == []


def test_table_series_grouped_with_phenology_markers(dock_with_stacks, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    dock, layers, codes, temps = dock_with_stacks
    series_csv = tmp_path / "ice.csv"
    with open(series_csv, "w") as fh:
        fh.write("lake,date,ice\n")
        for i, day in enumerate(DAYS):
            fh.write("North,{},{}\n".format(day.isoformat(), min(100, 5 * i)))
            fh.write("South,{},{}\n".format(day.isoformat(), "" if i == 3 else 2 * i))
    events_csv = tmp_path / "phenology.csv"
    with open(events_csv, "w") as fh:
        fh.write("lake,season,fus,fue,bus,bue\nNorth,2010,2011-01-02,2011-01-19,,\nSouth,2010,2011-01-20,,,\n")
    uri = "file://{}?type=csv&detectTypes=yes&geomType=none"
    table = QgsVectorLayer(uri.format(series_csv), "ice", "delimitedtext")
    events = QgsVectorLayer(uri.format(events_csv), "phenology", "delimitedtext")
    assert table.isValid() and events.isValid()
    QgsProject.instance().addMapLayers([table, events])
    dock.table_layer.setLayer(table)
    dock.date_field.setField("date")
    dock.value_field.setField("ice")
    dock.group_field.setField("lake")
    dock.phenology_layer.setLayer(events)
    wait_for(dock, dock.plot_table)
    north, south = dock.current
    assert (north.name, south.name) == ("ice: North", "ice: South")
    np.testing.assert_array_equal(north.y, [min(100, 5 * i) for i in range(len(DAYS))])
    assert np.isnan(south.y[3]) and south.y[4] == 8
    assert [m.text for m in north.markers] == ["freeze-up start 2011-01-02", "freeze-up end 2011-01-19"]
    assert [m.text for m in south.markers] == ["freeze-up start 2011-01-20"]
    assert north.markers[1].x == (dt.date(2011, 1, 19) - dt.date(1970, 1, 1)).days * 86400
