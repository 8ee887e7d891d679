"""The dock's map links, offscreen: a marker per plotted pixel in its curve's colour (gone on Clear), the pixel's
coordinates in its name and CSV (checked against OSR), and region series (a polygon in the canvas CRS, another CRS
than the rasters'): means and valid-cell counts, class fractions in the class colours, equal to the polygon burnt
with gdal.RasterizeLayer on each full grid; a polygon off the rasters; selected features; the drawing tool."""
import csv

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from test_gui_timeseries_dock import DAYS, mercator, wait_for, write_codes_stack, write_temperature_stack

# a region in UTM 33N over the temperature grid (400-600 km E, 5800-6000 km N, 10 km cells) and the codes grid
# (10-20°E, 50-55°N, 0.5° cells), given to the dock in EPSG:3857 (the canvas CRS)
REGION_UTM = [(421700, 5833300), (578300, 5851200), (566900, 5978800), (433100, 5962600)]


def srs(epsg):
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(epsg)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


def transformed(geometry_wkt, source, target):
    geometry = ogr.CreateGeometryFromWkt(geometry_wkt)
    geometry.Transform(osr.CoordinateTransformation(srs(source), srs(target)))
    return geometry.ExportToWkt()


def polygon_wkt(points):
    return "POLYGON (({}))".format(", ".join("{} {}".format(x, y) for x, y in list(points) + [points[0]]))


def burnt(path, wkt_in_raster_crs):
    """The polygon burnt on the raster's whole grid (cell centres inside), with gdal.RasterizeLayer."""
    ds = gdal.Open(path)
    ref = osr.SpatialReference(wkt=ds.GetProjection())
    vector = ogr.GetDriverByName("Memory").CreateDataSource("t")
    layer = vector.CreateLayer("t", ref, ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt_in_raster_crs))
    layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    target.SetGeoTransform(ds.GetGeoTransform())
    target.SetProjection(ds.GetProjection())
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.ReadAsArray() == 1


class Iface:
    def __init__(self, canvas):
        self.canvas, self.layer = canvas, None

    def mapCanvas(self):  # noqa: N802 (the QgisInterface method)
        return self.canvas

    def activeLayer(self):  # noqa: N802
        return self.layer


@pytest.fixture()
def linked_dock(qgis_app, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRasterLayer, QgsRectangle
    from qgis.gui import QgsMapCanvas

    from cryo_qgis_plugin.gui.timeseries_dock import TimeSeriesDock

    codes = write_codes_stack(str(tmp_path / "codes.tif"))
    temps = write_temperature_stack(str(tmp_path / "temps.tif"))
    layers = [QgsRasterLayer(str(tmp_path / name), name[:-4]) for name in ("codes.tif", "temps.tif")]
    QgsProject.instance().addMapLayers(layers)
    canvas = QgsMapCanvas()
    canvas.resize(600, 400)
    canvas.show()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(*mercator(9.0, 49.0), *mercator(21.0, 56.0)))
    dock = TimeSeriesDock(Iface(canvas))
    dock.resize(900, 450)
    dock.show()
    yield dock, canvas, layers, codes, temps
    dock.clear()
    dock.deleteLater()
    canvas.deleteLater()
    QgsProject.instance().removeAllMapLayers()


def pick(dock, lon, lat):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    return wait_for(dock, lambda: dock.pick(QgsPointXY(*mercator(lon, lat)), QgsCoordinateReferenceSystem("EPSG:3857")))


def vertex_markers(canvas):
    from qgis.gui import QgsVertexMarker

    return [item for item in canvas.scene().items() if isinstance(item, QgsVertexMarker)]


def test_markers_in_curve_colours_and_csv_coordinates(linked_dock, tmp_path):
    dock, canvas, layers, codes, temps = linked_dock
    dock.set_checked_layers([layers[1]])
    pick(dock, 14.3, 53.2)
    dock.pin()
    pick(dock, 15.7, 52.4)
    assert len(dock.plotted()) == 2 and len(dock.panel.colours) == 2
    markers = vertex_markers(canvas)
    assert len(markers) == 2 and dock.panel.colours[0] != dock.panel.colours[1]
    centres = sorted((m.center().x(), m.center().y(), m.color().name()) for m in markers)
    expected = sorted(mercator(lon, lat) + (colour,) for (lon, lat), colour in zip([(14.3, 53.2), (15.7, 52.4)],
                                                                                   dock.panel.colours))
    for got, want in zip(centres, expected):
        assert got[:2] == pytest.approx(want[:2], abs=1e-3) and got[2] == want[2]

    # names and CSV: lon/lat of the click and the point in the layer's CRS, from OSR
    utm = osr.CoordinateTransformation(srs(4326), srs(32633))
    names = [s.name for s in dock.plotted()]
    assert names[0].startswith("temps 53.2000° N, 14.3000° E (col ")
    assert dock.export_csv(str(tmp_path / "s.csv")) == 2 * len(DAYS)
    with open(tmp_path / "s.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:5] == ["series", "date", "band", "value", "class"]
    assert {"lon", "lat", "x", "y", "crs", "units"} <= set(rows[0])
    for (lon, lat), name in zip([(14.3, 53.2), (15.7, 52.4)], names):
        row = next(r for r in rows if r["series"] == name)
        merc_to_wgs = osr.CoordinateTransformation(srs(3857), srs(4326))
        want_lon, want_lat, _ = merc_to_wgs.TransformPoint(*mercator(lon, lat))
        assert float(row["lon"]) == pytest.approx(want_lon, abs=1e-9)
        assert float(row["lat"]) == pytest.approx(want_lat, abs=1e-9)
        e, n, _ = utm.TransformPoint(lon, lat)
        assert (float(row["x"]), float(row["y"])) == pytest.approx((e, n), abs=1e-3)
        assert row["crs"] == "EPSG:32633" and row["date"] == DAYS[0].isoformat()

    dock.clear()
    assert vertex_markers(canvas) == [] and dock.markers.markers == []
    # closing the dock takes the markers off the map, opening it again puts them back
    pick(dock, 14.3, 53.2)
    dock.hide()
    assert vertex_markers(canvas) == []
    dock.show()
    assert len(vertex_markers(canvas)) == 1


def region_in_canvas_crs(points_utm):
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from cryo_qgis_plugin.gui.region_series import drawn_region

    wkt = transformed(polygon_wkt(points_utm), 32633, 3857)
    return wkt, drawn_region(QgsGeometry.fromWkt(wkt), QgsCoordinateReferenceSystem("EPSG:3857"))


def test_region_means_counts_and_class_fractions(linked_dock, tmp_path):
    dock, canvas, layers, codes, temps = linked_dock
    dock.set_checked_layers(layers)
    wkt, region = region_in_canvas_crs(REGION_UTM)
    wait_for(dock, lambda: dock.region.compute(region))
    # temperatures: the mean of the valid cells whose centre is inside, per date
    mask = burnt(str(tmp_path / "temps.tif"), transformed(wkt, 3857, 32633))
    assert mask[8, 9] and 100 < mask.sum() < 400
    inside = temps[:, mask].astype(float)
    valid = inside != -9999
    means = np.array([band[ok].mean() for band, ok in zip(inside, valid)])
    by_name = {s.name: s for s in dock.current}
    mean_series = by_name["temps mean of {:,} cells (polygon)".format(int(mask.sum()))]
    np.testing.assert_allclose(mean_series.y, means, rtol=1e-6)
    np.testing.assert_array_equal(mean_series.counts, valid.sum(axis=1))
    assert mean_series.counts[5] == mask.sum() - 1  # the nodata cell
    assert "({} valid cells)".format(int(mask.sum()) - 1) in dock.readout_at(mean_series.x[5])
    # codes: the fraction of each class, one series per class present, in the class colour
    from cryo_qgis_plugin.core.codes import FREEZE_THAW

    cmask = burnt(str(tmp_path / "codes.tif"), transformed(wkt, 3857, 4326))
    cells = codes[:, cmask]
    fraction_series = [s for s in dock.current if s.name.startswith("codes: ")]
    present = [c for c in FREEZE_THAW if (cells == c.value).any()]
    assert [s.name for s in fraction_series] == ["codes: {}, fraction of {} cells (polygon)".format(
        c.label, int(cmask.sum())) for c in present]
    for s, code in zip(fraction_series, present):
        np.testing.assert_allclose(s.y, (cells == code.value).mean(axis=1))
        k = dock.panel.series.index(s)
        assert dock.panel.colours[k] == s.colour
    frozen = next(s for s in fraction_series if "Frozen" in s.name)
    assert frozen.colour == FREEZE_THAW.by_value()[1].hex_color
    curves = {i.name(): i for i in dock.plot.getPlotItem().listDataItems() if i.name()}
    if dock.right is not None:
        curves.update({i.name(): i for i in dock.right.view.addedItems if hasattr(i, "name") and i.name()})
    assert curves[frozen.name].opts["pen"].color().name() == frozen.colour
    # the region's outline is on the map; Pin keeps it, Clear takes it off
    assert len(dock.markers.outlines) == 1
    dock.pin()
    assert len(dock.markers.outlines) == 1
    dock.export_csv(str(tmp_path / "r.csv"))
    with open(tmp_path / "r.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["series"] == mean_series.name]
    assert [int(r["cells"]) for r in rows] == list(valid.sum(axis=1)) and rows[0]["lon"] == ""
    dock.clear()
    assert dock.markers.outlines == []


def test_region_off_the_rasters_is_reported(linked_dock):
    dock, canvas, layers, codes, temps = linked_dock
    dock.set_checked_layers(layers)
    pick(dock, 14.3, 53.2)
    before = [s.name for s in dock.current]
    away = [(x - 2_000_000, y) for x, y in REGION_UTM]  # over the Atlantic
    _, region = region_in_canvas_crs(away)
    wait_for(dock, lambda: dock.region.compute(region))
    text = dock.status.text()
    assert "codes: The polygon does not overlap codes.tif" in text and "temps: The polygon does not overlap" in text
    assert [s.name for s in dock.current] == before  # the plot stays


def test_selected_features_of_the_active_layer(linked_dock, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    dock, canvas, layers, codes, temps = linked_dock
    dock.set_checked_layers([layers[1]])
    lakes = QgsVectorLayer("Polygon?crs=EPSG:32633", "lakes", "memory")
    features = []
    for shift in (0, 300000):  # the second one off the raster: not selected
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(polygon_wkt([(x + shift, y) for x, y in REGION_UTM])))
        features.append(feature)
    lakes.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(lakes)
    first = next(lakes.getFeatures()).id()
    lakes.selectByIds([first])
    dock.iface.layer = lakes
    wait_for(dock, dock.region.start)
    mask = burnt(str(tmp_path / "temps.tif"), polygon_wkt(REGION_UTM))
    assert [s.name for s in dock.current] == ["temps mean of {:,} cells (feature {} of lakes)".format(
        int(mask.sum()), first)]


def test_drawing_tool(linked_dock):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtGui import QKeyEvent

    from cryo_qgis_plugin.gui.region_tool import PolygonMapTool

    dock, canvas, layers, codes, temps = linked_dock
    tool = PolygonMapTool(canvas)
    drawn, cancelled = [], []
    tool.drawn.connect(drawn.append)
    tool.cancelled.connect(lambda: cancelled.append(True))

    def click(x, y, button=Qt.MouseButton.LeftButton):
        tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button))

    pixels = [(100, 100), (300, 120), (250, 300)]
    for x, y in pixels:
        click(x, y)
    click(5, 5, Qt.MouseButton.RightButton)
    assert len(drawn) == 1
    to_map = canvas.getCoordinateTransform()
    ring = drawn[0].asPolygon()[0]
    assert len(ring) == 4 and ring[0] == ring[-1]
    for vertex, (x, y) in zip(ring, pixels):
        want = to_map.toMapCoordinates(x, y)
        assert QgsPointXY(vertex).distance(want) < 1e-6
    click(100, 100)
    click(5, 5, Qt.MouseButton.RightButton)  # two vertices do not close a polygon
    assert len(drawn) == 1
    tool.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))
    assert cancelled and tool.points == []
