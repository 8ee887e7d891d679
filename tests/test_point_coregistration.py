"""Co-registration of a DEM to altimetry points (issue #17): ATL06-like tracks sampled from the real 1990
Longyearbyen DEM (pairs of beams 90 m apart, 20 m along-track, cloud gaps, 0.3 m noise, 5 % blunders) against the
same DEM moved by a planted sub-pixel shift; the core, and ``cryo:demdifference`` with REFERENCE_POINTS and
REFERENCE_FILES (the real ATL06 granule over a tiny synthetic DEM laid under its track)."""
import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from scipy import ndimage

from conftest import ROOT
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.glaciers.point_coregistration import coregister_to_points
from test_processing_freezethaw import run

LYB = os.path.join(ROOT, "data", "longyearbyen")
DEM_1990 = os.path.join(LYB, "DEM_1990.tif")
GLACIERS = os.path.join(LYB, "glacier_outlines_1990_from_mask.gpkg")
ATL06 = os.path.join(ROOT, "tests", "data", "real_products", "icesat2",
                     "processed_ATL06_20181015100401_02560110_003_01.h5")
PLANTED = (7.3, -4.1, 1.7)  # shift that brings the moved DEM back onto the 1990 DEM (x east, y north, z up; m)
PIXEL = 20.0


def dem_1990():
    ds = gdal.Open(DEM_1990)
    return ds.ReadAsArray().astype(np.float64), ds.GetGeoTransform(), ds.GetProjection()


def atl06_like_tracks(geotransform, shape, seed=17):
    """x, y of ATL06-like segments: 4 ground tracks a few degrees off north, each 3 beam pairs 3.3 km apart with
    the two beams of a pair 90 m apart, one segment every 20 m, with cloud gaps (0.3-2 km) over a third of each
    beam."""
    rng = np.random.default_rng(seed)
    x0, dx, _, y0, _, dy = geotransform
    width, height = shape[1] * dx, shape[0] * -dy
    xs, ys = [], []
    for centre, azimuth in ((0.22, 8.0), (0.45, -12.0), (0.63, 4.0), (0.86, -6.0)):
        direction = np.array([np.sin(np.radians(azimuth)), np.cos(np.radians(azimuth))])
        across = np.array([direction[1], -direction[0]])
        for pair in (-3300.0, 0.0, 3300.0):
            for beam in (-45.0, 45.0):
                along = np.arange(-height, height, 20.0)
                keep = np.ones(along.size, dtype=bool)
                for _ in range(6):  # clouds
                    start = rng.uniform(-height, height)
                    keep &= ~((along > start) & (along < start + rng.uniform(300.0, 2000.0)))
                origin = np.array([x0 + centre * width, y0 - height / 2]) + (pair + beam) * across
                points = origin + along[keep, None] * direction
                xs.append(points[:, 0])
                ys.append(points[:, 1])
    x, y = np.concatenate(xs), np.concatenate(ys)
    inside = (x > x0 + dx) & (x < x0 + width - dx) & (y < y0 - dx) & (y > y0 - height + dx)
    return x[inside], y[inside]


def sample(dem, geotransform, x, y, order=1):
    """``dem`` at map coordinates (cell centres at integer positions; NaN outside)."""
    rows = (y - geotransform[3]) / geotransform[5] - 0.5
    cols = (x - geotransform[0]) / geotransform[1] - 0.5
    return ndimage.map_coordinates(dem, [rows, cols], order=order, mode="constant", cval=np.nan)


def atl06_like_points(seed=17):
    """Points sampled (bilinear) from the 1990 DEM with 0.3 m noise and 5 % blunders (±5-60 m)."""
    dem, gt, _ = dem_1990()
    x, y = atl06_like_tracks(gt, dem.shape, seed)
    rng = np.random.default_rng(seed + 1)
    h = sample(dem, gt, x, y) + rng.normal(0.0, 0.3, x.size)
    blunders = rng.random(x.size) < 0.05
    h[blunders] += rng.choice([-1.0, 1.0], blunders.sum()) * rng.uniform(5.0, 60.0, blunders.sum())
    return x, y, h


def moved_dem():
    """The 1990 DEM moved so that applying PLANTED brings it back: moved(p) = DEM(p + s_xy) − s_z (cubic)."""
    dem, gt, _ = dem_1990()
    rows, cols = np.mgrid[0:dem.shape[0], 0:dem.shape[1]].astype(np.float64)
    moved = ndimage.map_coordinates(dem, [rows - PLANTED[1] / PIXEL, cols + PLANTED[0] / PIXEL], order=3,
                                    mode="nearest")
    moved[:2], moved[-2:], moved[:, :2], moved[:, -2:] = np.nan, np.nan, np.nan, np.nan
    return (moved - PLANTED[2]).astype(np.float32), gt


def glacier_stable_grid(gt, shape):
    ds = gdal.Rasterize("", GLACIERS, format="MEM", outputType=gdal.GDT_Byte, burnValues=[1],
                        outputBounds=(gt[0], gt[3] + shape[0] * gt[5], gt[0] + shape[1] * gt[1], gt[3]),
                        width=shape[1], height=shape[0])
    return ds.ReadAsArray() == 0


# ------------------------------------------------------------------------------------------------------- core


def test_planted_shift_recovered_from_atl06_like_points():
    x, y, h = atl06_like_points()
    moved, gt = moved_dem()
    stable = glacier_stable_grid(gt, moved.shape)
    result = coregister_to_points(moved, gt, x, y, h, stable)
    shift = result.coregistration.shift
    print("points", x.size, "stable used", result.n_points, "shift", shift, "iterations",
          result.coregistration.iterations, "before", result.median_before, result.nmad_before, "after",
          result.median_after, result.nmad_after)
    assert abs(shift.x - PLANTED[0]) < 0.1 * PIXEL and abs(shift.y - PLANTED[1]) < 0.1 * PIXEL
    assert abs(shift.z - PLANTED[2]) < 0.1
    assert abs(result.median_after) < 0.01 and result.nmad_after < 0.5 < result.nmad_before
    assert result.outside == 0 and result.void < 0.01 * x.size  # the moved DEM's NaN border
    assert result.n_points < np.count_nonzero(result.stable)  # blunders left out


def test_points_off_the_dem_are_dropped_and_counted():
    x, y, h = atl06_like_points()
    moved, gt = moved_dem()
    x = np.concatenate([x, [0.0, 1.0]])
    y = np.concatenate([y, [0.0, 1.0]])
    h = np.concatenate([h, [10.0, 10.0]])
    moved[:, 600:700] = np.nan
    result = coregister_to_points(moved, gt, x, y, h)
    assert result.outside == 2 and result.void > 100
    assert abs(result.coregistration.shift.x - PLANTED[0]) < 2 and abs(result.coregistration.shift.y - PLANTED[1]) < 2


def test_no_overlap_and_too_few_points_are_refused():
    moved, gt = moved_dem()
    with pytest.raises(CryoInputError, match="None of the 3 reference points lies on a valid cell"):
        coregister_to_points(moved, gt, np.zeros(3), np.zeros(3), np.ones(3))
    x, y, h = atl06_like_points()
    with pytest.raises(CryoInputError, match="Only 50 reference points lie on valid stable terrain"):
        coregister_to_points(moved, gt, x[:50], y[:50], h[:50])


# ------------------------------------------------------------------------------------------------ Processing


def geotiff(path, array, gt, wkt):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    ds.SetProjection(wkt)
    ds.GetRasterBand(1).SetNoDataValue(-9999.0)
    ds.GetRasterBand(1).WriteArray(np.where(np.isfinite(array), array, -9999.0))
    ds = None
    return str(path)


def point_layer(path, x, y, h, epsg=25833):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("segments", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("h_li", ogr.OFTReal))
    layer.StartTransaction()
    for xi, yi, hi in zip(x, y, h):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({!r} {!r})".format(float(xi), float(yi))))
        feature.SetField("h_li", float(hi))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return str(path)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """The moved DEM as a GeoTIFF and the ATL06-like points as a layer, 31.5 m higher (an ellipsoid-like datum)."""
    folder = tmp_path_factory.mktemp("planted")
    moved, gt = moved_dem()
    x, y, h = atl06_like_points()
    return {"dem": geotiff(folder / "moved.tif", moved, gt, dem_1990()[2]),
            "points": point_layer(folder / "atl06_like.gpkg", x, y, h + 31.5), "count": x.size}


def test_dem_aligned_to_points_through_processing(qgis_app, tmp_path, planted):
    from qgis.core import QgsVectorLayer

    aligned, residuals = str(tmp_path / "aligned.tif"), str(tmp_path / "residuals.gpkg")
    result = run("cryo:demdifference", {
        "DEM": planted["dem"], "REFERENCE_POINTS": planted["points"], "REFERENCE_ELEVATION_FIELD": "h_li",
        "GEOID_HEIGHT": 31.5, "GLACIERS": GLACIERS, "OUTPUT_ALIGNED": aligned, "OUTPUT_POINTS": residuals})
    print({k: v for k, v in result.items() if v is not None})
    assert abs(result["SHIFT_X"] - PLANTED[0]) < 0.1 * PIXEL and abs(result["SHIFT_Y"] - PLANTED[1]) < 0.1 * PIXEL
    assert abs(result["SHIFT_Z"] - PLANTED[2]) < 0.1
    assert abs(result["POINTS_MEDIAN_AFTER"]) < 0.01 and result["POINTS_NMAD_AFTER"] < 0.5
    assert result["POINTS_NMAD_BEFORE"] > 1.0 and result["N_POINTS"] > 10000
    assert result["OUTPUT"] is None and result["VOLUME_CHANGE_M3"] is None
    # the aligned DEM is the 1990 DEM again (cubic then bilinear resampling: decimetres on steep slopes)
    back = gdal.Open(aligned).ReadAsArray()
    truth = dem_1990()[0]
    inner = (slice(10, -10), slice(10, -10))
    assert np.median(np.abs(back[inner] - truth[inner])) < 0.3
    layer = QgsVectorLayer(residuals, "r", "ogr")
    assert 0.95 * planted["count"] < layer.featureCount() <= planted["count"]
    assert [f.name() for f in layer.fields()][-5:] == ["h_ref_m", "dh_before_m", "dh_after_m", "stable", "used"]
    assert sum(f["used"] for f in layer.getFeatures()) == result["N_POINTS"]


def test_points_with_a_reference_dem_difference_it(qgis_app, tmp_path, planted):
    """REFERENCE (here the 1990 DEM itself) and points: DEM is aligned to the points, then REFERENCE − aligned DEM
    is about 0 off the glaciers."""
    out, report = str(tmp_path / "dh.tif"), str(tmp_path / "report.html")
    result = run("cryo:demdifference", {
        "REFERENCE": DEM_1990, "DEM": planted["dem"], "REFERENCE_POINTS": planted["points"],
        "REFERENCE_ELEVATION_FIELD": "h_li", "GEOID_HEIGHT": 31.5, "GLACIERS": GLACIERS, "OUTPUT": out,
        "OUTPUT_REPORT": report})
    assert abs(result["SHIFT_X"] - PLANTED[0]) < 0.1 * PIXEL and abs(result["SHIFT_Y"] - PLANTED[1]) < 0.1 * PIXEL
    assert abs(result["SHIFT_Z"] - PLANTED[2]) < 0.1 and result["N_POINTS"] > 10000
    assert abs(result["STABLE_MEDIAN_AFTER"]) < 0.05 < abs(result["STABLE_MEDIAN_BEFORE"])
    assert result["STABLE_NMAD_AFTER"] < 0.5 < result["STABLE_NMAD_BEFORE"]
    assert os.path.exists(out)
    with open(report, encoding="utf-8") as fh:
        page = fh.read()
    section = page.split("<h2>Co-registration to reference points</h2>")[1].split("<h2>")[0]
    assert "{:,}".format(int(result["N_POINTS"])) in section  # the inliers used
    assert "{:.3f}".format(result["POINTS_NMAD_AFTER"]) in section and "LE90 of the stable points" in section


@pytest.mark.parametrize("key", ["REFERENCE_FILES", "REFERENCE_POINTS"])
def test_real_atl06_granule_as_reference_files(qgis_app, tmp_path, key):
    """The real ATL06 granule (Antarctica) over a tiny synthetic DEM laid under its track (a plane fitted to the
    segments, EPSG:3031): with COREGISTER vertical and no outlier filter SHIFT_Z is the median of h_li − N − plane
    over the quality-0 segments, read independently with h5py. A granule given as REFERENCE_POINTS (where a script
    may put it) is read as REFERENCE_FILES."""
    from test_altimetry_granules import independent

    segments = independent(ATL06)
    lon = np.concatenate([s[0] for s in segments.values()])
    lat = np.concatenate([s[1] for s in segments.values()])
    h = np.concatenate([s[2] for s in segments.values()]).astype(np.float64)
    polar = osr.SpatialReference()
    polar.ImportFromEPSG(3031)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    xy = np.array(osr.CoordinateTransformation(wgs84, polar).TransformPoints(np.column_stack([lon, lat])))[:, :2]
    a, b, c = np.linalg.lstsq(np.column_stack([xy, np.ones(len(xy))]), h, rcond=None)[0]
    cell = 250.0
    x0, y1 = np.floor(xy[:, 0].min() / cell) * cell - 2 * cell, np.ceil(xy[:, 1].max() / cell) * cell + 2 * cell
    width = int((xy[:, 0].max() - x0) / cell) + 3
    height = int((y1 - xy[:, 1].min()) / cell) + 3
    cols, rows = np.meshgrid(np.arange(width) + 0.5, np.arange(height) + 0.5)
    plane = a * (x0 + cols * cell) + b * (y1 - rows * cell) + c
    dem = geotiff(tmp_path / "plane.tif", plane, (x0, cell, 0, y1, 0, -cell), polar.ExportToWkt())
    result = run("cryo:demdifference", {"DEM": dem, key: ATL06, "COREGISTER": "vertical",
                                        "OUTLIER_NMAD": 0.0, "GEOID_HEIGHT": 10.0})
    expected = np.median(h - 10.0 - (a * xy[:, 0] + b * xy[:, 1] + c))
    assert result["N_POINTS"] == h.size
    assert result["SHIFT_X"] == 0 and result["SHIFT_Y"] == 0
    assert result["SHIFT_Z"] == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize("case, message", [
    ("none", "No reference is given"),
    ("both_points", "Reference points are given twice"),
    ("far", "None of the 19"),
    ("few", "Only 50 reference points lie on valid stable terrain"),
    ("no_heights", "None of the 50 reference points has a height"),
    ("output_points_without_points", "OUTPUT_POINTS needs reference points"),
])
def test_bad_point_references_are_refused_with_no_output(qgis_app, tmp_path, planted, case, message):
    from qgis.core import QgsProcessingException

    x, y, h = atl06_like_points()
    out = tmp_path / "out"
    out.mkdir()
    parameters = {"DEM": planted["dem"], "OUTPUT_ALIGNED": str(out / "aligned.tif"),
                  "OUTPUT_POINTS": str(out / "points.gpkg")}
    if case == "both_points":
        parameters.update(REFERENCE_POINTS=planted["points"], REFERENCE_FILES=ATL06)
    if case in ("far", "few"):
        parameters["REFERENCE_ELEVATION_FIELD"] = "h_li"
    if case == "far":
        parameters["REFERENCE_POINTS"] = point_layer(tmp_path / "far.gpkg", x[:19] - 1e6, y[:19], h[:19])
    elif case == "few":
        parameters["REFERENCE_POINTS"] = point_layer(tmp_path / "few.gpkg", x[:50], y[:50], h[:50])
    elif case == "no_heights":  # 2-D points and no elevation field
        parameters["REFERENCE_POINTS"] = point_layer(tmp_path / "few.gpkg", x[:50], y[:50], h[:50])
    elif case == "output_points_without_points":
        parameters.update(REFERENCE=DEM_1990, OUTPUT=str(out / "dh.tif"))
    with pytest.raises(QgsProcessingException, match=message):
        run("cryo:demdifference", parameters)
    assert os.listdir(str(out)) == []
