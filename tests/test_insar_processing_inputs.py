"""cryo:insardeformation through Processing with its other inputs: an EGMS CSV and a point layer (results as
points equal to the pixels' of the same data), a daily temperature stack instead of the table (a stack holding the
table's series everywhere gives the table's numbers), UNITS auto, and the either/or parameters refused when both
or none are given."""
import numpy as np
import pytest
from osgeo import gdal, ogr

from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from test_insar_deformation import DAYS, ROWS, COLS, planted, read_bands, run_alg, temperatures, write_inputs
from test_insar_points import stored_mm, write_egms, write_gpkg


@pytest.fixture(scope="module")
def insar(tmp_path_factory):
    """The planted displacements as a dated GeoTIFF (and MintPy file) with the temperature CSV."""
    d, v, e, _ = planted()
    folder = tmp_path_factory.mktemp("insar_inputs")
    return (folder,) + write_inputs(folder, d) + (v, e)


@pytest.fixture(scope="module")
def raster_run(qgis_app, insar):
    folder, _, tif_path, csv_path, _, _ = insar
    out = str(folder / "pixels.tif")
    result = run_alg(qgis_app, INPUT=tif_path, TEMPERATURE=csv_path, OUTPUT=out)  # UNITS auto: m for a GeoTIFF
    return result, read_bands(out)


def point_values(path):
    """{band: values in pid order} and the EPSG code of an OUTPUT_POINTS GeoPackage."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    rows = sorted((f.GetField("pid"), f) for f in layer)
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    values = {n: np.array([np.nan if f.GetField(n) is None else f.GetField(n) for _, f in rows])
              for n in names if n not in ("pid", "fid")}
    return values, layer.GetSpatialRef().GetAuthorityCode(None)


def assert_points_equal_pixels(values, pixels):
    for band in ("velocity_mm_yr", "seasonal_coef", "offset_mm", "r2"):
        expected = np.where(pixels[band] == -9999, np.nan, pixels[band]).ravel()
        np.testing.assert_allclose(values[band], expected, rtol=1e-5, atol=1e-4, err_msg=band)


def test_egms_csv_and_point_layer_give_the_pixels_numbers(qgis_app, insar, raster_run, tmp_path):
    folder, _, _, csv_path, _, _ = insar
    d, _, _, _ = planted()
    mm = stored_mm(d)
    egms = write_egms(tmp_path / "EGMS_L2b_146_0415_IW2_VV_2017_2020_1.csv", mm)
    result, pixels = raster_run
    out = str(tmp_path / "points.gpkg")
    points = run_alg(qgis_app, INPUT=egms, TEMPERATURE=csv_path, OUTPUT_POINTS=out)  # UNITS auto: mm for EGMS
    values, epsg = point_values(out)
    assert epsg == "3035" and len(values["velocity_mm_yr"]) == ROWS * COLS
    assert_points_equal_pixels(values, pixels)
    assert points["N_PIXELS"] == result["N_PIXELS"]
    assert points["MEDIAN_VELOCITY"] == pytest.approx(result["MEDIAN_VELOCITY"], rel=1e-6)
    layer_out = str(tmp_path / "layer_points.gpkg")
    run_alg(qgis_app, INPUT_POINTS=write_gpkg(tmp_path / "in.gpkg", mm), ID_FIELD="pid", TEMPERATURE=csv_path,
            OUTPUT_POINTS=layer_out)
    values, epsg = point_values(layer_out)
    assert epsg == "4326"
    assert_points_equal_pixels(values, pixels)


def test_a_temperature_stack_of_the_tables_series_gives_the_tables_numbers(qgis_app, insar, raster_run, tmp_path):
    folder, _, tif_path, _, _, _ = insar
    grid = Grid.from_extent(89.5, 34.5, 90.5, 35.5, 4, 4, "EPSG:4326")  # coarser than the InSAR grid, covering it
    stack = str(tmp_path / "gst.tif")
    with GeoTiffWriter(stack, grid, [d.isoformat() for d in DAYS], np.float32, nodata=-9999.0,
                       band_dates=[d.isoformat() for d in DAYS]) as w:
        w.write(0, np.repeat(temperatures().astype(np.float32)[:, None, None], 4, axis=1).repeat(4, axis=2))
    out = str(tmp_path / "from_stack.tif")
    run_alg(qgis_app, INPUT=tif_path, TEMPERATURE_STACK=stack, OUTPUT=out)
    _, pixels = raster_run
    got = read_bands(out)
    for band in ("velocity_mm_yr", "seasonal_coef", "seasonal_amplitude_mm", "offset_mm"):
        np.testing.assert_allclose(got[band], pixels[band], rtol=1e-4, atol=1e-3, err_msg=band)


def test_either_or_inputs_are_refused_when_both_or_none(qgis_app, insar, tmp_path):
    from qgis.core import QgsProcessingException

    folder, _, tif_path, csv_path, _, _ = insar
    for parameters, match in (
            (dict(TEMPERATURE=csv_path), "Give the displacements"),
            (dict(INPUT=tif_path, INPUT_POINTS=write_gpkg(tmp_path / "p.gpkg", np.zeros((110, 120)))),
             "INPUT_POINTS .a point layer., not both"),
            (dict(INPUT=tif_path), "Give the temperature"),
            (dict(INPUT=tif_path, TEMPERATURE=csv_path, TEMPERATURE_STACK=tif_path), "stack., not both")):
        out = tmp_path / "refused.tif"
        with pytest.raises(QgsProcessingException, match=match):
            run_alg(qgis_app, OUTPUT=str(out), **parameters)
        assert not out.exists()
    assert gdal.Open(tif_path) is not None  # the input is untouched
