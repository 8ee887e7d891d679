"""Physical plausibility where units are known (issue #15, "Trust under mistakes"): Kelvin read as °C, packed
integers without their scale factor, non-finite table cells, negative degree-day indices, DEMs in feet or with
undeclared nodata, altimetry fill values and a missing time span are refused (or flagged in the log) by the real
algorithms run through Processing. Expected numbers are worked out by hand from the inputs written here."""
import csv
import datetime as dt
import json
import os
import re

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from samples import permafrost as sample
from test_processing_freezethaw import run
from test_processing_glaciers import DEM_1990, GLACIERS, REFERENCE

EPSG = 25833
ORIGIN = (510000.0, 8660000.0)


def srs():
    """The test CRS (ETRS89 / UTM 33N)."""
    reference = osr.SpatialReference()
    reference.ImportFromEPSG(EPSG)
    return reference


def write_raster(path, bands, dtype=gdal.GDT_Float32, nodata=None, descriptions=None, cell=20.0, origin=ORIGIN):
    """A GeoTIFF of ``bands`` (bands, rows, cols) on a north-up grid in EPSG:25833; band descriptions (ISO dates of
    a stack) when given."""
    bands = np.asarray(bands)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), bands.shape[2], bands.shape[1], bands.shape[0], dtype)
    ds.SetGeoTransform((origin[0], cell, 0.0, origin[1], 0.0, -cell))
    ds.SetProjection(srs().ExportToWkt())
    for b in range(bands.shape[0]):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(bands[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if descriptions:
            band.SetDescription(descriptions[b])
    ds = None
    return str(path)


def dates(first, days):
    """ISO dates of ``days`` consecutive days from ``first``."""
    return [(first + dt.timedelta(days=d)).isoformat() for d in range(days)]


class LoggingFeedback:
    """A QgsProcessingFeedback that keeps its warnings and errors (created lazily: QGIS must be up)."""

    @staticmethod
    def create():
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []
                self.errors = []

            def pushWarning(self, warning):  # noqa: N802 (QGIS API)
                self.warnings.append(warning)
                super().pushWarning(warning)

            def reportError(self, error, fatal=False):  # noqa: N802 (QGIS API)
                self.errors.append(error)
                super().reportError(error, fatal)

        return Feedback()


# ------------------------------------------------------------------------------------------------- temperatures

@pytest.fixture(scope="module")
def packed_lst(tmp_path_factory):
    """Ten days of MODIS-like packed LST (uint16, 0 = no retrieval) on 4 x 5 cells: stored 12000..14715, i.e.
    240.00..294.30 K with SCALE 0.02, and a one-predictor GST model GST = 0.5 + 1.0 · LST."""
    folder = tmp_path_factory.mktemp("packed")
    stored = np.linspace(12000, 14715, 10 * 4 * 5).round().astype(np.uint16).reshape(10, 4, 5)
    stored[3, 0, 0] = 0
    path = write_raster(folder / "lst.tif", stored, gdal.GDT_UInt16, 0, dates(dt.date(2010, 7, 1), 10), cell=1000)
    model = folder / "model.json"
    model.write_text(json.dumps({"predictors": ["lst"], "coefficients": [1.0], "intercept": 0.5, "penalty": 1e-6,
                                 "folds": 10, "n": 100, "r2": 0.9, "rmse": 1.0, "mae": 0.8, "units": "degC"}))
    return path, str(model)


@pytest.mark.parametrize("packing, fragment", [
    # 14715 × 0.02 = 294.3: Kelvin read as °C
    ({"SCALE": 0.02, "UNITS": "celsius"}, "temperatures up to 294.3 °C after UNITS=celsius, SCALE=0.02, OFFSET=0"
                                          ".*these look like Kelvin: set UNITS=kelvin"),
    # no scale: 14715 °C (14715 − 273.15 = 14441.85 with UNITS kelvin)
    ({"UNITS": "celsius"}, r"temperatures up to 14,715.0 °C after UNITS=celsius, SCALE=1, OFFSET=0.*packed integers"
                           r".*set SCALE \(e.g. 0.02 for MODIS LST"),
    ({"UNITS": "kelvin"}, r"up to 14,441\.[89] °C after UNITS=kelvin, SCALE=1.*set SCALE"),  # 14715 − 273.15
])
def test_lst_to_gst_refuses_temperatures_no_surface_has(qgis_app, packed_lst, tmp_path, packing, fragment):
    from qgis.core import QgsProcessingException

    lst, model = packed_lst
    with pytest.raises(QgsProcessingException, match=fragment):
        run("cryo:lsttogst", dict(packing, INPUT=[lst], MODEL=model, OUTPUT=str(tmp_path / "gst.tif")))
    assert os.listdir(tmp_path) == []


def test_lst_to_gst_accepts_the_right_packing(qgis_app, packed_lst, tmp_path):
    lst, model = packed_lst
    run("cryo:lsttogst", {"INPUT": [lst], "MODEL": model, "SCALE": 0.02, "UNITS": "kelvin",
                          "OUTPUT": str(tmp_path / "gst.tif")})
    ds = gdal.Open(str(tmp_path / "gst.tif"))
    # the last stored value 14715: 0.5 + (294.3 − 273.15) = 21.65 °C
    assert ds.GetRasterBand(10).ReadAsArray()[3, 4] == pytest.approx(21.65, abs=1e-3)


@pytest.fixture(scope="module")
def kelvin_stack(tmp_path_factory):
    """One season year (2010-07-01 .. 2011-06-30) of float32 Kelvin on 3 x 4 cells: 263.15 K (−10 °C) on the first
    200 days, 283.15 K (+10 °C) on the other 165; the first row's last cell is 290 K every day."""
    values = np.where(np.arange(365) < 200, 263.15, 283.15).astype(np.float32)[:, None, None] * np.ones((3, 4))
    values[:, 0, 3] = 290.0
    return write_raster(tmp_path_factory.mktemp("kelvin") / "t.tif", values.astype(np.float32),
                        descriptions=dates(dt.date(2010, 7, 1), 365), cell=1000)


def test_degree_days_refuse_kelvin_read_as_celsius(qgis_app, kelvin_stack, tmp_path):
    from qgis.core import QgsProcessingException

    # 290 K read as °C is 290 °C; the old result was DDT = 165 × 283.15 + 200 × 263.15 ≈ 99,350 °C·d
    with pytest.raises(QgsProcessingException, match="temperatures up to 290.0 °C after UNITS=celsius.*"
                                                     "these look like Kelvin: set UNITS=kelvin"):
        run("cryo:degreedays", {"INPUT": kelvin_stack, "OUTPUT_DDF": str(tmp_path / "ddf.tif"),
                                "OUTPUT_DDT": str(tmp_path / "ddt.tif")})
    assert os.listdir(tmp_path) == []


def test_degree_days_of_kelvin_are_positive_sums(qgis_app, kelvin_stack, tmp_path):
    run("cryo:degreedays", {"INPUT": kelvin_stack, "UNITS": "kelvin", "OUTPUT_DDF": str(tmp_path / "ddf.tif"),
                            "OUTPUT_DDT": str(tmp_path / "ddt.tif")})
    ddf = gdal.Open(str(tmp_path / "ddf.tif")).ReadAsArray()
    ddt = gdal.Open(str(tmp_path / "ddt.tif")).ReadAsArray()
    assert ddf[0, 0] == pytest.approx(200 * 10.0, rel=1e-5) and ddt[0, 0] == pytest.approx(165 * 10.0, rel=1e-5)
    assert ddf[0, 3] == 0 and ddt[0, 3] == pytest.approx(365 * 16.85, rel=1e-5)
    assert (ddf >= 0).all() and (ddt >= 0).all()


def station_table(path, rows, fields=("gst", "lst_td", "lst_tn")):
    """A CSV station table with ``fields`` (text cells written as given)."""
    with open(path, "w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["station", "date"] + list(fields))
        for i, row in enumerate(rows):
            out.writerow(["S1", (dt.date(2010, 1, 1) + dt.timedelta(days=i)).isoformat()] + list(row))
    return str(path)


def celsius_rows(n=40):
    """Rows of GST and two LSTs (°C): LST day/night over −20..+20 °C, GST = 1 + 0.3·day + 0.5·night + wiggle."""
    day = np.linspace(-20, 20, n)
    night = day - 8 + np.sin(np.arange(n))
    gst = 1 + 0.3 * day + 0.5 * night + 0.2 * np.cos(3 * np.arange(n))
    return [[round(g, 3), round(d, 3), round(t, 3)] for g, d, t in zip(gst, day, night)]


def test_gst_model_refuses_a_kelvin_table_read_as_celsius(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    kelvin = [[round(v + 273.15, 3) for v in row] for row in celsius_rows()]
    table = station_table(tmp_path / "kelvin.csv", kelvin)
    top = max(row[0] for row in kelvin)  # the GST field is checked first
    pattern = r"Field gst of INPUT: temperatures up to {:.1f} °C after UNITS=celsius.*these look like Kelvin: set " \
              r"UNITS=kelvin".format(top)
    with pytest.raises(QgsProcessingException, match=pattern):
        run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "gst", "LST_FIELDS": ["lst_td", "lst_tn"],
                              "OUTPUT_MODEL": str(tmp_path / "m.json")})
    assert not os.path.exists(tmp_path / "m.json")
    result = run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "gst", "LST_FIELDS": ["lst_td", "lst_tn"],
                                   "UNITS": "kelvin", "OUTPUT_MODEL": str(tmp_path / "m.json")})
    assert result["N_ROWS"] == 40
    low = min(row[0] for row in celsius_rows()) - 273.15  # °C read as Kelvin
    with pytest.raises(QgsProcessingException, match=r"down to {:.1f} °C after UNITS=kelvin, outside.*look like °C "
                                                     r"already: set UNITS=celsius".format(low)):
        run("cryo:gstmodel", {"INPUT": station_table(tmp_path / "c.csv", celsius_rows()), "GST_FIELD": "gst",
                              "LST_FIELDS": ["lst_td"], "UNITS": "kelvin", "OUTPUT_MODEL": str(tmp_path / "n.json")})
    assert not os.path.exists(tmp_path / "n.json")


@pytest.mark.parametrize("cell", ["inf", "-inf", "nan", "INF"])
def test_gst_model_refuses_non_finite_cells_naming_row_and_field(qgis_app, tmp_path, cell):
    from qgis.core import QgsProcessingException

    rows = celsius_rows()
    rows[11][1] = cell  # data row 12, field lst_td
    table = station_table(tmp_path / "t.csv", rows)
    with pytest.raises(QgsProcessingException,
                       match="Row 12: the value {} in field lst_td is not a finite number".format(cell)):
        run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "gst", "LST_FIELDS": ["lst_td", "lst_tn"],
                              "OUTPUT_MODEL": str(tmp_path / "m.json")})
    assert not os.path.exists(tmp_path / "m.json")


def test_gst_model_names_the_fields_of_the_table_when_one_is_absent(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    table = station_table(tmp_path / "t.csv", celsius_rows())
    with pytest.raises(QgsProcessingException, match="INPUT has no field lst_aqua: its fields are station, date, gst, "
                                                     "lst_td, lst_tn"):
        run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "gst", "LST_FIELDS": ["lst_td", "lst_aqua"],
                              "OUTPUT_MODEL": str(tmp_path / "m.json")})
    with pytest.raises(QgsProcessingException, match="INPUT has no field GST"):
        run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "GST", "LST_FIELDS": ["lst_td"],
                              "OUTPUT_MODEL": str(tmp_path / "m.json")})
    assert not os.path.exists(tmp_path / "m.json")


def test_gst_model_stops_inside_the_cross_validation_when_cancelled(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    table = station_table(tmp_path / "t.csv", celsius_rows(400))
    feedback = QgsProcessingFeedback()
    seen = []

    def cancel_after_first_fold(progress):
        seen.append(progress)
        if progress > 0:
            feedback.cancel()

    feedback.progressChanged.connect(cancel_after_first_fold)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("cryo:gstmodel", {"INPUT": table, "GST_FIELD": "gst", "LST_FIELDS": ["lst_td", "lst_tn"],
                              "FOLDS": 10, "OUTPUT_MODEL": str(tmp_path / "m.json")}, feedback)
    # fold 0 reports 0 % (no change, no signal), fold 1 reports 1/11 of the way (9.1 %) and is cancelled there;
    # fold 2 stops the run before its progress
    assert seen == [pytest.approx(100 / 11)]
    assert not os.path.exists(tmp_path / "m.json")


def test_permafrost_workflow_fails_on_a_kelvin_station_table(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    data = sample.write_permafrost_sample(str(tmp_path / "sample"))
    with open(data.stations) as fh:
        rows = list(csv.DictReader(fh))
    kelvin = str(tmp_path / "stations_kelvin.csv")
    with open(kelvin, "w", newline="") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        for row in rows:
            out.writerow({k: ("" if v == "" else round(float(v) + 273.15, 2)) if k in ("gst",) + sample.PREDICTORS
                          else v for k, v in row.items()})
    results = tmp_path / "out"
    results.mkdir()
    feedback = LoggingFeedback.create()
    with pytest.raises(QgsProcessingException, match="Fit ground-surface temperature model") as error:
        run("cryo:workflowpermafrostfromlst", {
            "stations": kelvin, "gst_field": "gst", "lst_fields": list(sample.PREDICTORS),
            "lst_stacks": [data.lst[p] for p in sample.PREDICTORS], "scale": 0.02, "units": "kelvin",
            "landcover": data.landcover, "nfactors": data.nfactors, "members": 10, "reference": data.reference,
            "reference_field": "pf", "classes": "1:1;2,3:0", "reference_classes": "1:1;0:0",
            "gstmodel:gst_model": str(results / "m.json"), "lsttogst:gst": str(results / "gst.tif"),
            "degreedays:ddf": str(results / "ddf.tif"), "degreedays:ddt": str(results / "ddt.tif"),
            "ttop:ttop": str(results / "ttop.tif"), "ttop:classes": str(results / "classes.tif"),
            "ttop:probability": str(results / "p.tif"), "ttop:zones": str(results / "z.tif"),
            "accuracy:accuracy": str(results / "acc.csv")}, feedback)
    # the model's first step refuses the table: the message of the step is in the log (QGIS 3.22) or in the
    # model's error (3.40)
    assert any(re.search("Field gst of INPUT: temperatures up to .* °C after UNITS=celsius.*set UNITS=kelvin", e)
               for e in feedback.errors + [str(error.value)]), (feedback.errors, str(error.value))
    assert os.listdir(results) == []


# ------------------------------------------------------------------------------------------------------- TTOP

def test_ttop_refuses_negative_degree_day_indices(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    ddf = np.full((1, 3, 4), 2000.0, np.float32)
    ddf[0, 1, 2] = -2345.0  # freezing degree days given as a negative number
    ddt = np.full((1, 3, 4), 900.0, np.float32)
    paths = write_raster(tmp_path / "ddf.tif", ddf, nodata=-9999), write_raster(tmp_path / "ddt.tif", ddt, nodata=-9999)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match=r"DDF .*ddf.tif holds negative values \(min -2,345.0 °C·d\): "
                                                     r"degree-day indices are positive sums.*give the absolute values"):
        run("cryo:ttop", {"DDF": paths[0], "DDT": paths[1], "OUTPUT_TTOP": str(out / "t.tif"),
                          "OUTPUT_CLASSES": str(out / "c.tif")})
    assert os.listdir(out) == []
    # with the absolute value: rk = 1, TTOP = (900 − 2345) / 365 = −3.959 °C
    write_raster(tmp_path / "ddf.tif", np.abs(ddf), nodata=-9999)
    run("cryo:ttop", {"DDF": paths[0], "DDT": paths[1], "OUTPUT_TTOP": str(out / "t.tif"),
                      "OUTPUT_CLASSES": str(out / "c.tif")})
    assert gdal.Open(str(out / "t.tif")).ReadAsArray()[1, 2] == pytest.approx((900 - 2345) / 365, abs=1e-4)


# -------------------------------------------------------------------------------------------------------- DEMs

def plane(rows=60, cols=60):
    """Heights (m) of a tilted plane, 300..595 m."""
    r, c = np.indices((rows, cols))
    return (300.0 + 2.5 * r + 2.5 * c).astype(np.float32)


@pytest.mark.parametrize("scale, fragment", [
    (100.0, r"has heights up to 59,500 m: outside -500..9,000 m, the range of elevations on Earth; is the DEM in "
            r"feet or in cm\?"),
    (-1.0, r"has heights down to -595 m: outside -500..9,000 m"),
])
def test_dem_difference_refuses_heights_outside_the_earth(qgis_app, tmp_path, scale, fragment):
    from qgis.core import QgsProcessingException

    reference = write_raster(tmp_path / "ref.tif", plane()[None])
    dem = write_raster(tmp_path / "dem.tif", (plane() * np.float32(scale))[None])  # 595 m × 100 = 59,500 "m"
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="The DEM .*dem.tif " + fragment):
        run("cryo:demdifference", {"REFERENCE": reference, "DEM": dem, "OUTPUT": str(out / "dh.tif")})
    assert os.listdir(out) == []


@pytest.mark.parametrize("fill, dtype, shown", [
    (-9999.0, gdal.GDT_Float32, "-9999"), (-32768, gdal.GDT_Int16, "-32768"),
    (float(np.finfo(np.float32).min), gdal.GDT_Float32, "-3.40282e+38")])
@pytest.mark.parametrize("on_grid", [True, False])
def test_dem_difference_refuses_undeclared_nodata(qgis_app, tmp_path, fill, dtype, shown, on_grid):
    from qgis.core import QgsProcessingException

    reference = write_raster(tmp_path / "ref.tif", plane()[None])
    heights = plane()
    heights[10:20, 10:20] = fill
    # off the grid the DEM is resampled: its source is checked before fill values are blended in
    origin = ORIGIN if on_grid else (ORIGIN[0] + 7.0, ORIGIN[1] - 3.0)
    dem = write_raster(tmp_path / "dem.tif", heights[None], dtype, origin=origin)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match=r"The DEM .*dem.tif holds the value {0}, which looks like a "
                                                     r"nodata value the file does not declare: set the band's nodata "
                                                     r"\(gdal_edit.py -a_nodata {0} ".format(re.escape(shown))):
        run("cryo:demdifference", {"REFERENCE": reference, "DEM": dem, "OUTPUT": str(out / "dh.tif")})
    assert os.listdir(out) == []
    write_raster(tmp_path / "ref.tif", heights[None], dtype)  # the same fill in the reference
    with pytest.raises(QgsProcessingException, match="The reference DEM .*ref.tif holds the value {}".format(
            re.escape(shown))):
        run("cryo:demdifference", {"REFERENCE": reference, "DEM": DEM_1990, "OUTPUT": str(out / "dh.tif")})
    assert os.listdir(out) == []


def test_dem_difference_warns_about_a_dem_in_feet(qgis_app, tmp_path):
    """DEM_1990 in feet (8-1022 m → 27-3354 ft, inside the height range): dh = 2009 DEM − 3.28084 × 1990 DEM."""
    src = gdal.Open(DEM_1990)
    metres = src.GetRasterBand(1).ReadAsArray()
    nodata = src.GetRasterBand(1).GetNoDataValue()
    feet = np.where(metres == np.float32(nodata), metres, metres * np.float32(1 / 0.3048))
    dem = str(tmp_path / "dem_1990_feet.tif")
    gdal.Translate(dem, src)
    ds = gdal.Open(dem, gdal.GA_Update)
    ds.GetRasterBand(1).WriteArray(feet)
    ds = None
    feedback = LoggingFeedback.create()
    out = str(tmp_path / "dh.tif")
    result = run("cryo:demdifference", {"REFERENCE": REFERENCE, "DEM": dem, "GLACIERS": GLACIERS, "COREGISTER": "none",
                                        "OUTLIER_NMAD": 0, "FILL_VOIDS": "none", "REFERENCE_YEAR": 2009.0,
                                        "DEM_YEAR": 1990.0, "OUTPUT": out}, feedback)
    assert os.path.exists(out)
    # by hand: the mean over the glacier cells of 2009 − 1990 (in feet), in metres, over 19 years
    from cryo_qgis_plugin.core.io.raster import grid_of
    from cryo_qgis_plugin.core.io.rasterize import polygon_mask
    vector = ogr.Open(GLACIERS)  # keep the dataset referenced while its layer is read
    mask = polygon_mask(grid_of(gdal.Open(REFERENCE)), [f.GetGeometryRef().ExportToWkb() for f in vector.GetLayer(0)])
    reference = gdal.Open(REFERENCE).ReadAsArray().astype(float)
    valid = mask & (reference != -9999) & (metres != np.float32(nodata))
    mean_dh = float(np.mean(reference[valid] - feet[valid].astype(float)))
    assert result["GLACIER_MEAN_DH"] == pytest.approx(mean_dh, rel=0.01)
    assert result["MASS_BALANCE_MWE_YR"] == pytest.approx(mean_dh * 850 / 1000 / 19, rel=0.01)
    assert mean_dh / 19 < -10  # far beyond what any glacier region does
    warning = [w for w in feedback.warnings if "more than any glacier region changes" in w]
    assert warning and "{:+.2f} m/yr".format(result["GLACIER_MEAN_DH"] / 19) in warning[0]
    assert "in metres (not feet)" in warning[0]


# --------------------------------------------------------------------------------------------------- altimetry

def points(path, rows, fields=(("h", ogr.OFTReal),)):
    """A GeoPackage of points in EPSG:25833: rows of (x, y, value of each field)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("points", srs(), ogr.wkbPoint)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for x, y, *values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y)))
        for (name, _), value in zip(fields, values):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None
    return str(path)


@pytest.mark.parametrize("fill, said", [
    (-9999.0, "fill elevations (-9999)"), (3.4028235e38, "fill elevations (3.40282e+38)"),
    (-32768.0, "fill elevations (-32768)"), (12000.0, "elevations outside -500..9,000 m (12000)")])
def test_altimetry_leaves_out_fill_elevations(qgis_app, tmp_path, fill, said):
    # cell 510000..510500: 19 EPOCH1 points at 300 m, 19 EPOCH2 points at 299.2 m -> (299.2 − 300) / 5 = −0.16 m/yr;
    # cell 511000..511500: the one EPOCH1 fill point (5 % of 20) and an EPOCH2 point at 450 m
    epoch1 = points(tmp_path / "e1.gpkg", [(510010 + 20 * i, 8660100, 300.0) for i in range(19)] +
                    [(511100, 8660100, fill)])
    epoch2 = points(tmp_path / "e2.gpkg", [(510020 + 20 * i, 8660200, 299.2) for i in range(19)] +
                    [(511200, 8660100, 450.0)])
    feedback = LoggingFeedback.create()
    result = run("cryo:altimetrydifference", {"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "h",
                                              "CELL_SIZE": 500, "YEARS": 5, "OUTLIER_NMAD": 0,
                                              "OUTPUT": str(tmp_path / "rate.tif")}, feedback)
    assert result["N_CELLS"] == 1 and result["MEAN_RATE"] == pytest.approx(-0.16)
    assert "5.0 % of EPOCH1 points (1) have {} and are left out".format(said) in feedback.warnings


def dated_points(path, rows, kind=ogr.OFTDate):
    """Points with an elevation ``h`` and a date field ``acquired`` (rows of x, y, h, ISO date)."""
    return points(path, rows, (("h", ogr.OFTReal), ("acquired", kind)))


def test_altimetry_years_from_the_mean_dates(qgis_app, tmp_path):
    # EPOCH1 on 2010-01-01 and 2010-01-03 (mean 2010-01-02), EPOCH2 on 2014-01-02: 1461 days = 4.0 years;
    # (299.2 − 300) / 4 = −0.2 m/yr
    epoch1 = dated_points(tmp_path / "e1.gpkg", [(510100, 8660100, 300.0, "2010-01-01"),
                                                 (510200, 8660100, 300.0, "2010-01-03")])
    epoch2 = dated_points(tmp_path / "e2.gpkg", [(510150, 8660150, 299.2, "2014-01-02")])
    result = run("cryo:altimetrydifference", {"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "h",
                                              "OUTLIER_NMAD": 0, "OUTPUT": str(tmp_path / "auto.tif")})
    assert result["MEAN_RATE"] == pytest.approx(-0.2)
    assert gdal.Open(str(tmp_path / "auto.tif")).GetMetadataItem("YEARS") == repr(1461 / 365.25)
    text1 = dated_points(tmp_path / "t1.gpkg", [(510100, 8660100, 300.0, "2010-01-01")], ogr.OFTString)
    text2 = dated_points(tmp_path / "t2.gpkg", [(510150, 8660150, 299.2, "2012-01-01")], ogr.OFTString)
    result = run("cryo:altimetrydifference", {"EPOCH1": text1, "EPOCH2": text2, "ELEVATION_FIELD": "h",
                                              "DATE_FIELD": "acquired", "OUTLIER_NMAD": 0,
                                              "OUTPUT": str(tmp_path / "text.tif")})
    assert result["MEAN_RATE"] == pytest.approx(-0.8 / (730 / 365.25))  # 2010-01-01 .. 2012-01-01: 730 days


@pytest.mark.parametrize("years", [None, 0])
def test_altimetry_needs_years_or_dates(qgis_app, tmp_path, years):
    from qgis.core import QgsProcessingException

    epoch1 = points(tmp_path / "e1.gpkg", [(510100, 8660100, 300.0)])
    epoch2 = points(tmp_path / "e2.gpkg", [(510150, 8660150, 299.2)])
    parameters = {"EPOCH1": epoch1, "EPOCH2": epoch2, "ELEVATION_FIELD": "h", "OUTPUT": str(tmp_path / "r.tif")}
    if years is not None:
        parameters["YEARS"] = years
    with pytest.raises(QgsProcessingException, match=r"give YEARS \(the time between the epochs, in years\) or a "
                                                     r"date field"):
        run("cryo:altimetrydifference", parameters)
    assert not os.path.exists(tmp_path / "r.tif")
