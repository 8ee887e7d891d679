"""InSAR deformation decomposition on points: an EGMS CSV in the exact EGMS column layout (L2b, L3), a generic CSV
and a GeoPackage point layer with date fields give, point by point, the numbers the raster path gives for the
same data in a dated GeoTIFF (issue 20: "MintPy-layout HDF5, dated GeoTIFF and EGMS-like CSV inputs all give the
same numbers for the same data"); bad CSVs are refused naming what is wrong."""
import datetime as dt
import zipfile

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from cryo_qgis_plugin.core.errors import Cancelled, CryoInputError
from cryo_qgis_plugin.core.io.egms import date_of_column, read_point_csv
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.incidence import Incidence
from cryo_qgis_plugin.core.io.mintpy import open_displacement
from cryo_qgis_plugin.core.permafrost import deformation, deformation_fit, thaw_index
from cryo_qgis_plugin.core.permafrost.deformation_points import deformation_points
from cryo_qgis_plugin.core.run import Run
from test_insar_deformation import COLS, DAYS, INSAR, ROWS, planted, read_bands, temperatures, write_inputs

# EGMS L2a/L2b (Basic, Calibrated) and L3 (Ortho) columns before the dates, as distributed (EGMS Product
# Description and Format Specification)
L2_COLUMNS = ["pid", "mp_type", "latitude", "longitude", "easting", "northing", "height", "height_wgs84", "line",
              "pixel", "rmse", "temporal_coherence", "amplitude_dispersion", "incidence_angle", "track_angle",
              "los_east", "los_north", "los_up", "mean_velocity", "mean_velocity_std", "acceleration",
              "acceleration_std", "seasonality", "seasonality_std"]
L3_COLUMNS = ["pid", "easting", "northing", "height", "rmse", "mean_velocity", "mean_velocity_std", "acceleration",
              "acceleration_std", "seasonality", "seasonality_std"]
GRID = Grid.from_extent(90.0, 35.0 - 0.01 * ROWS, 90.0 + 0.01 * COLS, 35.0, COLS, ROWS, "EPSG:4326")


def pixel_centres():
    rows, cols = np.meshgrid(np.arange(ROWS), np.arange(COLS), indexing="ij")
    return 90.0 + 0.01 * (cols.ravel() + 0.5), 35.0 - 0.01 * (rows.ravel() + 0.5)


def to_laea(lon, lat):
    wgs84, laea = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    laea.ImportFromEPSG(3035)
    for srs in (wgs84, laea):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    moved = np.array(osr.CoordinateTransformation(wgs84, laea).TransformPoints(np.column_stack([lon, lat])))
    return moved[:, 0], moved[:, 1]


def stored_mm(d_mm):
    """The displacements (dates, points) in mm exactly as the raster path sees the GeoTIFF write_inputs writes:
    float32 metres, pixel (0, 0) empty from the 6th date."""
    d = d_mm.astype(np.float32) / 1000.0
    d[5:, 0, 0] = np.nan
    return d.astype(float).reshape(len(INSAR), -1) * 1000.0


def angles():
    """Incidence angles (degrees) varying over the scene, as float32 like a raster holds them."""
    lon, lat = pixel_centres()
    return (31.0 + 60.0 * (lon - 90.0) + 50.0 * (35.0 - lat)).astype(np.float32)


def cell(value, decimal_comma=False):
    text = "" if np.isnan(value) else repr(float(value))
    return text.replace(".", ",") if decimal_comma else text


def write_egms(path, mm, level="L2", sep=",", bom=False, decimal_comma=False, header_dates=None):
    """A CSV in EGMS's column layout: one row per pixel centre, the dates as YYYYMMDD columns (mm)."""
    lon, lat = pixel_centres()
    east, north = to_laea(lon, lat)
    theta = angles()
    dates = header_dates or [x.strftime("%Y%m%d") for x in INSAR]
    lines = [sep.join((L2_COLUMNS if level == "L2" else L3_COLUMNS) + dates)]
    for p in range(mm.shape[1]):
        own = {"pid": "1ABCD{:04d}".format(p), "mp_type": "0", "latitude": repr(float(lat[p])),
               "longitude": repr(float(lon[p])), "easting": repr(float(east[p])), "northing": repr(float(north[p])),
               "height": "4612.3", "height_wgs84": "4580.1",
               "line": str(100 + p), "pixel": str(200 + p), "rmse": "1.8", "temporal_coherence": "0.82",
               "amplitude_dispersion": "0.31", "incidence_angle": repr(float(theta[p])), "track_angle": "-12.4",
               "los_east": "0.61", "los_north": "-0.11", "los_up": "0.78", "mean_velocity": "-9.7",
               "mean_velocity_std": "0.4", "acceleration": "0.1", "acceleration_std": "0.2", "seasonality": "3.1",
               "seasonality_std": "0.5"}
        meta = [own[c].replace(".", ",") if decimal_comma else own[c]
                for c in (L2_COLUMNS if level == "L2" else L3_COLUMNS)]
        lines.append(sep.join(meta + [cell(v, decimal_comma) for v in mm[:, p]]))
    with open(str(path), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    return str(path)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """The planted displacements as a dated GeoTIFF (metres) and an EGMS L2b CSV (mm), and an incidence raster."""
    d, v, e, _ = planted()
    folder = tmp_path_factory.mktemp("insar_points")
    _, tif_path, _ = write_inputs(folder, d)
    mm = stored_mm(d)
    csv_path = write_egms(folder / "EGMS_L2b_146_0415_IW2_VV_2017_2020_1.csv", mm)
    incidence_path = str(folder / "incidence.tif")
    with GeoTiffWriter(incidence_path, GRID, ["incidence_angle"], np.float32) as w:
        w.write(0, angles().reshape(1, ROWS, COLS))
    return dict(folder=folder, tif=tif_path, csv=csv_path, mm=mm, v=v, e=e, incidence=incidence_path)


def design(dates=INSAR):
    return thaw_index.design_matrix(dates, DAYS, temperatures())


def raster_bands(data, name, **options):
    out = str(data["folder"] / "{}.tif".format(name))
    with open_displacement(data["tif"]) as stack:
        result = deformation.deformation_raster(stack, design(stack.dates), out, units="m", **options)
    return result, {band: values.ravel() for band, values in read_bands(out).items()}


def assert_same_as_pixels(result, pixel_result, pixels):
    assert result.bands == pixel_result.bands
    for name in result.bands:
        expected = np.where(pixels[name] == -9999, np.nan, pixels[name])
        np.testing.assert_allclose(result.band(name), expected, rtol=1e-6, atol=1e-5, err_msg=name)
    assert (result.n_pixels, result.n_unsolved) == (pixel_result.n_pixels, pixel_result.n_unsolved)
    assert result.median_velocity == pytest.approx(pixel_result.median_velocity, rel=1e-9)
    assert result.median_r2 == pytest.approx(pixel_result.median_r2, rel=1e-9)


def test_egms_csv_is_read_in_its_layout(data, tmp_path):
    messages = []
    points = read_point_csv(data["csv"], run=Run(log=lambda m, s: messages.append(m)))
    assert points.crs == "EPSG:3035" and points.dates == INSAR and len(points) == ROWS * COLS
    assert points.displacement.shape == (len(INSAR), ROWS * COLS) and points.displacement.dtype == np.float64
    np.testing.assert_array_equal(points.displacement, data["mm"])  # empty cells are NaN
    assert points.ids[0] == "1ABCD0000" and points.ids[-1] == "1ABCD{:04d}".format(ROWS * COLS - 1)
    np.testing.assert_array_equal(points.incidence_angle, angles().astype(float))
    lon, lat = points.coordinates_in("EPSG:4326")
    np.testing.assert_allclose(np.column_stack([lon, lat]), np.column_stack(pixel_centres()), atol=1e-9)
    assert any("EGMS L2a/L2b, line of sight" in m and "120 points × 110 dates" in m for m in messages)
    download = str(tmp_path / "EGMS_L2b_146_0415_IW2_VV_2017_2020_1.zip")  # as EGMS delivers: CSV + XML
    with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(data["csv"], "EGMS_L2b_146_0415_IW2_VV_2017_2020_1.csv")
        archive.writestr("EGMS_L2b_146_0415_IW2_VV_2017_2020_1.xml", "<metadata/>")
    progress = []
    zipped = read_point_csv(download, run=Run(progress=progress.append, budget_bytes=50_000))
    np.testing.assert_array_equal(zipped.displacement, data["mm"])
    assert progress[-1] == pytest.approx(1.0)


def test_points_give_the_numbers_of_the_pixels(data):
    reference = INSAR[3]
    pixel_result, pixels = raster_bands(data, "pixels", reference_date=reference, porosity=0.4, saturation=0.8,
                                        model_path=str(data["folder"] / "model.tif"))
    messages = []
    result = deformation_points(read_point_csv(data["csv"]), design(), units="mm", reference_date=reference,
                                porosity=0.4, saturation=0.8,
                                run=Run(log=lambda m, s: messages.append(m), budget_bytes=100_000))
    assert result.bands == deformation_fit.band_names(False, True)
    assert_same_as_pixels(result, pixel_result, pixels)
    assert result.n_points == ROWS * COLS - 1 and result.n_unsolved == 1
    assert np.isnan(result.values[:, 0]).all()  # the point with 5 dates
    assert any("fewer than 4 valid dates" in m for m in messages)
    np.testing.assert_allclose(result.band("velocity_mm_yr")[1:], data["v"].ravel()[1:], rtol=0.05)
    np.testing.assert_allclose(result.band("seasonal_coef")[1:], data["e"].ravel()[1:], rtol=0.05)
    model = gdal.Open(str(data["folder"] / "model.tif")).ReadAsArray().reshape(len(INSAR), -1)
    np.testing.assert_allclose(result.model, np.where(model == -9999, np.nan, model), rtol=1e-6, atol=1e-4)


def test_los_to_vertical_with_the_csvs_own_angles_equals_the_incidence_raster(data):
    pixel_result, pixels = raster_bands(data, "vertical", incidence=Incidence(path=data["incidence"], grid=GRID))
    points = read_point_csv(data["csv"])
    own = deformation_points(points, design(), incidence=points.incidence_cosines())
    assert_same_as_pixels(own, pixel_result, pixels)
    sampled = deformation_points(points, design(), incidence=Incidence(path=data["incidence"], grid=GRID),
                                 raster_crs=GRID.crs_wkt)  # the points (EPSG:3035) sample the raster (EPSG:4326)
    np.testing.assert_array_equal(sampled.values, own.values)
    cosines = points.incidence_cosines()
    cosines[5] = np.nan
    messages = []
    partly = deformation_points(points, design(), incidence=cosines, run=Run(log=lambda m, s: messages.append(m)))
    assert partly.n_no_angle == 1 and np.isnan(partly.values[:, 5]).all()
    assert any("1 points have no incidence angle" in m for m in messages)


def test_semicolons_bom_decimal_commas_and_small_chunks_read_the_same(data, tmp_path):
    path = write_egms(tmp_path / "merged_clipped.csv", data["mm"], sep=";", bom=True, decimal_comma=True)
    progress = []
    points = read_point_csv(path, run=Run(progress=progress.append, budget_bytes=50_000))
    np.testing.assert_array_equal(points.displacement, data["mm"])
    assert points.ids[0] == "1ABCD0000" and points.crs == "EPSG:3035"
    assert len(progress) > 3 and progress == sorted(progress) and progress[-1] == pytest.approx(1.0)


def test_l3_and_generic_layouts(data, tmp_path):
    l3 = read_point_csv(write_egms(tmp_path / "EGMS_L3_E40N23_100km_U_2018_2022_1.csv", data["mm"], level="L3"))
    assert l3.crs == "EPSG:3035" and l3.incidence_angle is None
    np.testing.assert_array_equal(l3.displacement, data["mm"])
    with pytest.raises(CryoInputError, match="no incidence_angle column.*L3 Ortho is already vertical"):
        l3.incidence_cosines()
    messages = []
    read_point_csv(write_egms(tmp_path / "EGMS_L3_E40N23_100km_E_2018_2022_1.csv", data["mm"][:, :3], level="L3"),
                   run=Run(log=lambda m, s: messages.append(m)))
    assert any("east-west component" in m for m in messages)
    generic = tmp_path / "generic.csv"
    generic.write_text("id,lon,lat,2017-01-18,d_20170106\nA,90.1,34.9,1.5,0\nB,90.2,34.8,,0\n")
    points = read_point_csv(str(generic))
    assert points.crs == "EPSG:4326" and list(points.ids) == ["A", "B"]
    assert points.dates == [dt.date(2017, 1, 6), dt.date(2017, 1, 18)]
    np.testing.assert_array_equal(points.displacement, [[0, 0], [1.5, np.nan]])
    projected = tmp_path / "projected.csv"
    projected.write_text("x,y,20170106,20170118\n500000,4000000,0,1\n")
    with pytest.raises(CryoInputError, match="CRS of its x/y columns is unknown"):
        read_point_csv(str(projected))
    assert read_point_csv(str(projected), crs="EPSG:32645").crs == "EPSG:32645"
    assert [date_of_column(n) for n in ("20180106", "2018-01-06", "X20180106", "height_wgs84", "20181306")] == [
        dt.date(2018, 1, 6)] * 3 + [None, None]


def test_bad_csvs_are_refused_with_clear_messages(data, tmp_path):
    def refused(text, match):
        path = tmp_path / "bad.csv"
        path.write_text(text)
        with pytest.raises(CryoInputError, match=match):
            read_point_csv(str(path))

    refused("pid,easting,northing,mean_velocity\n1,4e6,3e6,2.0\n",
            r"has no date column: name each displacement column by its date.*mean_velocity")
    refused("pid,easting,northing,20170106,20170118,20170130\n1,4e6,3e6,0,1.2,2.5\n2,4e6,3e6,0,1.1,n/a\n"
            "3,4e6,3e6,0,x1.0,2.0\n", r"row 2 \(line 3\), column 20170130: 'n/a' is not a number")
    refused("pid,easting,northing,20170106,20170118\n1,4e6,3e6,0,inf\n", r"row 1 \(line 2\), column 20170118")
    refused("pid,easting,northing,20170106,2017-01-06\n1,4e6,3e6,0,0\n",
            r"the columns '20170106' and '2017-01-06' are both the date 2017-01-06")
    refused("pid,easting,northing,20170106\n1,4e6,3e6,0,5\n", r"row 1 \(line 2\) has 5 cells, the header 4")
    refused("pid,height,20170106\n1,4e6,0\n", "no coordinate columns")
    metres_as_mm = tmp_path / "metres.csv"
    write_egms(metres_as_mm, data["mm"])
    with pytest.raises(CryoInputError, match=r"a displacement of .* m \(points 1ABCD0000 .*units mixed up\?"):
        deformation_points(read_point_csv(str(metres_as_mm)), design(), units="m")  # mm read as metres
    with pytest.raises(CryoInputError, match="does not exist"):
        read_point_csv(str(tmp_path / "absent.csv"))
    two = str(tmp_path / "two.zip")
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.csv", "x,y,20170106\n")
        archive.writestr("b.csv", "x,y,20170106\n")
    with pytest.raises(CryoInputError, match="a zip archive holding one .csv is expected.*holds a.csv, b.csv"):
        read_point_csv(two)


def test_too_few_dates_reference_date_and_cancel(data, tmp_path):
    points = read_point_csv(data["csv"])
    with pytest.raises(CryoInputError, match="REFERENCE_DATE 2017-01-07 is not an acquisition date"):
        deformation_points(points, design(), reference_date=dt.date(2017, 1, 7))
    few = tmp_path / "few.csv"
    few.write_text("pid,easting,northing,20170106,20170118,20170130\n1,4e6,3e6,0,1,2\n")
    with pytest.raises(CryoInputError, match="3 InSAR dates, fewer than the 4"):
        deformation_points(read_point_csv(str(few)), design(INSAR[:3]))
    with pytest.raises(Cancelled):
        read_point_csv(data["csv"], run=Run(cancelled=lambda: True))
    with pytest.raises(Cancelled):
        deformation_points(points, design(), run=Run(cancelled=lambda: True))


def write_gpkg(path, mm, bad_cell=None, prefix="d_"):
    """A GeoPackage of the pixel centres (EPSG:4326) with pid, incidence_angle and one Real field per date."""
    lon, lat = pixel_centres()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("points", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("pid", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("incidence_angle", ogr.OFTReal))
    names = [prefix + x.strftime("%Y%m%d") for x in INSAR]
    for i, name in enumerate(names):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString if bad_cell and i == bad_cell[1] else ogr.OFTReal))
    for p in range(mm.shape[1]):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("pid", "1ABCD{:04d}".format(p))
        feature.SetField("incidence_angle", float(angles()[p]))
        for name, value in zip(names, mm[:, p]):
            if np.isfinite(value):
                feature.SetField(name, float(value))
        if bad_cell and p == bad_cell[0]:
            feature.SetField(names[bad_cell[1]], "12 mm")
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({!r} {!r})".format(float(lon[p]), float(lat[p]))))
        layer.CreateFeature(feature)
    ds = None
    return str(path)


def test_point_layer_gives_the_numbers_of_the_csv_and_the_pixels(qgis_app, data, tmp_path, monkeypatch):
    from qgis.core import QgsVectorLayer

    from cryo_qgis_plugin.qgis_io import point_series
    from cryo_qgis_plugin.qgis_io.point_series import point_series_from_source

    layer = QgsVectorLayer(write_gpkg(tmp_path / "points.gpkg", data["mm"]), "points", "ogr")
    assert layer.isValid()
    monkeypatch.setattr(point_series, "CHUNK", 50)  # 120 features: three chunks
    progress = []
    points = point_series_from_source(layer, id_field="pid", run=Run(progress=progress.append))
    assert progress == [50 / 120, 100 / 120, 1.0]
    assert points.dates == INSAR and list(points.ids) == list(read_point_csv(data["csv"]).ids)
    np.testing.assert_array_equal(points.displacement, data["mm"])
    np.testing.assert_array_equal(np.column_stack([points.xs, points.ys]), np.column_stack(pixel_centres()))
    np.testing.assert_array_equal(points.incidence_angle, angles().astype(float))
    pixel_result, pixels = raster_bands(data, "pixels_layer")
    assert_same_as_pixels(deformation_points(points, design()), pixel_result, pixels)
    by_fid = point_series_from_source(layer)
    assert list(by_fid.ids[:2]) == [1, 2]


def test_bad_point_layers_are_refused(qgis_app, data, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    from cryo_qgis_plugin.qgis_io.point_series import point_series_from_source

    text = QgsVectorLayer(write_gpkg(tmp_path / "text.gpkg", data["mm"][:, :4], bad_cell=(2, 7)), "t", "ogr")
    with pytest.raises(QgsProcessingException, match=r"Row 3: the value '12 mm' in field d_20170331"):
        point_series_from_source(text)
    with pytest.raises(QgsProcessingException, match="has no field 'station'"):
        point_series_from_source(text, id_field="station")
    undated = QgsVectorLayer(write_gpkg(tmp_path / "undated.gpkg", data["mm"][:, :4], prefix="v"), "u", "ogr")
    assert point_series_from_source(undated).dates == INSAR  # v20170106: a prefix of letters is allowed
    polygons = QgsVectorLayer("Polygon?crs=EPSG:4326&field=20170106:double", "p", "memory")
    headerless = QgsVectorLayer("Point?crs=EPSG:3035&field=field_1:string&field=field_2:string", "h", "memory")
    with pytest.raises(QgsProcessingException, match="GDAL took the CSV's header for a row of data"):
        point_series_from_source(headerless)
    with pytest.raises(CryoInputError, match="no date column"):
        point_series_from_source(QgsVectorLayer("Point?crs=EPSG:4326&field=height:double", "n", "memory"))
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(polygons.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
    feature.setAttributes([1.0])
    polygons.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="must hold points; feature 1 is a Polygon"):
        point_series_from_source(polygons)
    with pytest.raises(Cancelled):
        point_series_from_source(text, run=Run(cancelled=lambda: True))
