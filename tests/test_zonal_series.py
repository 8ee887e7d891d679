"""Region series (core): the mean and count of the valid cells whose centre is inside a polygon, per band, and the
class fractions of a class-code stack, against an independent computation (the polygon burnt with
gdal.RasterizeLayer on the whole grid, numpy over that mask band by band); polygons in another CRS, outside the
raster, small read blocks, cancel."""
import datetime as dt

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from cryo_qgis_plugin.core.codes import FREEZE_THAW
from cryo_qgis_plugin.core.errors import Cancelled, CryoInputError
from cryo_qgis_plugin.core.io.geotiff import GeoTiffWriter
from cryo_qgis_plugin.core.io.grid import Grid
from cryo_qgis_plugin.core.io.zonal_series import zonal_series

DAYS = [dt.date(2020, 6, 1) + dt.timedelta(days=i) for i in range(6)]
# 30 x 20 cells of 1 km in UTM 33N
GRID = Grid.from_extent(500000.0, 7000000.0, 530000.0, 7020000.0, 30, 20, "EPSG:32633")
# a polygon whose edges cross cells (not on cell boundaries), in the raster's CRS
POLYGON = "POLYGON ((503300 7002700, 521800 7004100, 526400 7016900, 509100 7018350, 503300 7002700))"


def srs(epsg):
    ref = osr.SpatialReference()
    ref.ImportFromEPSG(epsg)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


def write_values(path):
    """Float32 values with a nodata hole inside the polygon on some days and a NaN."""
    rng = np.random.default_rng(7)
    values = rng.normal(5.0, 3.0, (len(DAYS),) + GRID.shape).astype(np.float32)
    values[1, 5:9, 10:15] = -9999  # a hole inside the polygon
    values[3, :, 12] = -9999
    values[4, 10, 14] = np.nan
    iso = [d.isoformat() for d in DAYS]
    with GeoTiffWriter(path, GRID, iso, np.float32, nodata=-9999, band_dates=iso) as out:
        out.write(0, values)
    return values


def write_codes(path):
    rng = np.random.default_rng(3)
    codes = rng.choice([0, 1, 2, 3, 255], size=(len(DAYS),) + GRID.shape, p=[0.1, 0.4, 0.3, 0.1, 0.1]).astype(np.uint8)
    iso = [d.isoformat() for d in DAYS]
    with GeoTiffWriter(path, GRID, iso, np.uint8, nodata=255, class_table=FREEZE_THAW, band_dates=iso) as out:
        out.write(0, codes)
    return codes


def full_grid_mask(wkt_in_utm):
    """The polygon burnt on the whole grid with gdal.RasterizeLayer (cell centres): the independent mask."""
    vector = ogr.GetDriverByName("Memory").CreateDataSource("t")
    layer = vector.CreateLayer("t", srs(32633), ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt_in_utm))
    layer.CreateFeature(feature)
    target = gdal.GetDriverByName("MEM").Create("", GRID.width, GRID.height, 1, gdal.GDT_Byte)
    target.SetGeoTransform(GRID.geotransform)
    target.SetProjection(GRID.crs_wkt)
    gdal.RasterizeLayer(target, [1], layer, burn_values=[1])
    return target.ReadAsArray() == 1


def expected_means(values, mask):
    means, counts = [], []
    for band in values:
        inside = band[mask].astype(float)
        ok = np.isfinite(inside) & (inside != -9999)
        counts.append(int(ok.sum()))
        means.append(inside[ok].mean() if ok.any() else np.nan)
    return np.array(means), np.array(counts)


def wkb(wkt):
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToWkb())


def test_means_and_counts_equal_a_full_grid_rasterisation(tmp_path):
    path = str(tmp_path / "values.tif")
    values = write_values(path)
    mask = full_grid_mask(POLYGON)
    assert 100 < mask.sum() < 400 and mask[5:9, 10:15].any() and mask[10, 14]  # the holes are inside
    seen = []
    result = zonal_series(path, [wkb(POLYGON)], GRID.crs_wkt, progress=seen.append)
    means, counts = expected_means(values, mask)
    assert result.cells == int(mask.sum())
    np.testing.assert_array_equal(result.counts, counts)
    np.testing.assert_allclose(result.means, means, rtol=1e-12)
    assert counts[1] == mask.sum() - mask[5:9, 10:15].sum() and counts[4] == mask.sum() - mask[10, 14]
    assert result.dates == DAYS and result.class_table is None and result.fractions is None
    assert seen[-1] == 1.0
    # small reads (two rows of one band at a time) give the same figures
    small = zonal_series(path, [wkb(POLYGON)], GRID.crs_wkt, block_bytes=8 * 30 * 2)
    np.testing.assert_array_equal(small.counts, counts)
    np.testing.assert_allclose(small.means, means, rtol=1e-12)


def test_polygon_in_another_crs(tmp_path):
    path = str(tmp_path / "values.tif")
    values = write_values(path)
    geometry = ogr.CreateGeometryFromWkt(POLYGON)
    geometry.Transform(osr.CoordinateTransformation(srs(32633), srs(4326)))  # lon/lat vertices
    lonlat_wkb = bytes(geometry.ExportToWkb())
    back = ogr.CreateGeometryFromWkb(lonlat_wkb)
    back.Transform(osr.CoordinateTransformation(srs(4326), srs(32633)))
    mask = full_grid_mask(back.ExportToWkt())
    result = zonal_series(path, [lonlat_wkb], srs(4326).ExportToWkt())
    means, counts = expected_means(values, mask)
    np.testing.assert_array_equal(result.counts, counts)
    np.testing.assert_allclose(result.means, means, rtol=1e-12)


def test_class_fractions(tmp_path):
    path = str(tmp_path / "codes.tif")
    codes = write_codes(path)
    mask = full_grid_mask(POLYGON)
    result = zonal_series(path, [wkb(POLYGON)], GRID.crs_wkt, block_bytes=8 * 30 * 3)
    assert result.class_table == FREEZE_THAW and result.fractions.shape == (len(DAYS), len(FREEZE_THAW.codes))
    for b, band in enumerate(codes):
        inside = band[mask]
        valid = inside != 255
        assert result.counts[b] == valid.sum()
        for k, code in enumerate(FREEZE_THAW):
            assert result.fractions[b, k] == pytest.approx(np.count_nonzero(inside[valid] == code.value) / valid.sum())
    np.testing.assert_allclose(result.fractions.sum(axis=1), 1.0)  # every valid code here is a class of the table


def test_outside_and_too_small_polygons_are_refused(tmp_path):
    path = str(tmp_path / "values.tif")
    write_values(path)
    away = "POLYGON ((600000 7002700, 610000 7002700, 610000 7010000, 600000 7002700))"
    with pytest.raises(CryoInputError, match="does not overlap values.tif"):
        zonal_series(path, [wkb(away)], GRID.crs_wkt)
    tiny = "POLYGON ((503100 7002100, 503200 7002100, 503200 7002200, 503100 7002100))"  # no cell centre
    with pytest.raises(CryoInputError, match="no cell centre"):
        zonal_series(path, [wkb(tiny)], GRID.crs_wkt)


def test_cancel(tmp_path):
    path = str(tmp_path / "values.tif")
    write_values(path)
    with pytest.raises(Cancelled):
        zonal_series(path, [wkb(POLYGON)], GRID.crs_wkt, cancelled=lambda: True)
