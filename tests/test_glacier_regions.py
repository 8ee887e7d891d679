"""One number per glacier (issue 17): a synthetic region of 20 glaciers with planted thinning on the real 1990
Longyearbyen DEM, the real 1990 / LZD-aligned pair (stable median and NMAD after co-registration), and 1,000
outlines at little cost."""
import math
import os
import time

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from conftest import ROOT
from cryo_qgis_plugin.core.glaciers import elevation_change as dem
from cryo_qgis_plugin.core.io.crs_checks import LayerGeometries
from cryo_qgis_plugin.core.io.rasterize import Polygons
from test_dem_core import centres, hills, write_tif

LYB = os.path.join(ROOT, "data", "longyearbyen")
DEM_1990 = os.path.join(LYB, "DEM_1990.tif")
LZD_NAME = "DEM_1990_LZD_aligned_glaciers_masked.tif"  # xdem's LZD-aligned 1990 DEM, glaciers masked
LZD = os.path.join(LYB, LZD_NAME)
NOISE = 0.5  # m


def blob(x, y, radius, rng, corners=9):
    """An irregular polygon (WKB) around (x, y) with radii between 0.7 and 1 times ``radius``."""
    angles = np.sort(rng.uniform(0, 2 * np.pi, corners))
    radii = radius * rng.uniform(0.7, 1.0, corners)
    points = ["{:.1f} {:.1f}".format(x + r * np.cos(a), y + r * np.sin(a)) for a, r in zip(angles, radii)]
    return bytes(ogr.CreateGeometryFromWkt("POLYGON(({}, {}))".format(", ".join(points), points[0])).ExportToWkb())


def cells_of(wkb, ds):
    """The cells of ``ds``'s grid whose centre lies in the polygon, rasterised on their own (independent of the
    label image under test)."""
    mem = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(ds.GetGeoTransform())
    mem.SetProjection(ds.GetProjection())
    vector = ogr.GetDriverByName("Memory").CreateDataSource("one")
    layer = vector.CreateLayer("one", osr.SpatialReference(wkt=ds.GetProjection()), ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
    layer.CreateFeature(feature)
    gdal.RasterizeLayer(mem, [1], layer, burn_values=[1])
    return mem.ReadAsArray().astype(bool)


def test_twenty_glaciers_with_planted_thinning_on_the_real_1990_dem(tmp_path):
    source = gdal.Open(DEM_1990)
    tba = source.ReadAsArray().astype(np.float64)
    x0, cell, _, y0, _, _ = source.GetGeoTransform()
    rng = np.random.default_rng(17)
    outlines, truths, noise_bounds = [], [], []
    ref = tba.copy()
    void_plan = {}
    for k in range(20):  # a 5 x 4 lattice of glaciers of 0.6-1.4 km radius over the DEM
        cx = x0 + (k % 5 + 0.5) * source.RasterXSize * cell / 5 + rng.uniform(-800, 800)
        cy = y0 - (k // 5 + 0.5) * source.RasterYSize * cell / 4 + rng.uniform(-800, 800)
        wkb = blob(cx, cy, rng.uniform(600, 1400), rng)
        inside = cells_of(wkb, source)
        z = tba[inside]
        a, b = rng.uniform(-35, 5), rng.uniform(0.0, 0.06)  # thinning at the glacier's median, gradient per m
        dh = a + b * (z - np.median(z))
        ref[inside] += dh
        outlines.append(wkb)
        truths.append(float(dh.sum() * cell * cell))
        noise_bounds.append(3 * NOISE * math.sqrt(inside.sum()) * cell * cell)
        if k % 3 == 0:  # every third glacier: voids over 20 % or 60 % of its cells in the middle of its elevations
            rows, cols = np.nonzero(inside)
            order = np.argsort(z)
            share = 0.2 + 0.4 * (k % 2)
            middle = order[int((0.5 - share / 2) * z.size):int((0.5 + share / 2) * z.size)]
            void_plan[k] = (rows[middle], cols[middle])
    ref += rng.normal(0, NOISE, ref.shape)
    for rows, cols in void_plan.values():
        ref[rows, cols] = np.nan
    reference = write_tif(tmp_path / "ref.tif", ref.astype(np.float32), cell=cell, x0=x0, y0=y0)
    ids = ["G{:02d}".format(k + 1) for k in range(20)]
    glaciers = Polygons(LayerGeometries(outlines, "GLACIERS", list(range(1, 21))), source.GetProjection())
    started = time.perf_counter()
    result = dem.dem_difference(reference, DEM_1990, str(tmp_path / "dh.tif"), glaciers=glaciers, glacier_ids=ids,
                                options=dem.DemDifferenceOptions(reference_year=2010.0, dem_year=1990.0))
    seconds = time.perf_counter() - started
    table = result.glacier.glaciers
    assert table.ids == ids
    errors = []
    for k, row in enumerate(table.rows()):
        error = abs(row["volume_change_m3"] - truths[k])
        errors.append(error / abs(truths[k]))
        assert error <= 0.01 * abs(truths[k]) + noise_bounds[k], (row, truths[k])
        # planted voids (>= 40 % measured) are filled from the glacier's own curve; elsewhere only the few noise
        # outliers (beyond 3 NMAD in a band) are, if any
        expected = ("local_hypsometric",) if k in void_plan else ("local_hypsometric", "no_voids")
        assert row["void_fill_method"] in expected
        assert row["mass_balance_mwe"] == pytest.approx(row["volume_change_m3"] * 0.85 / (row["area_km2"] * 1e6 * 20))
        assert 0 < row["volume_error_m3"] and 0 < row["mass_balance_error_mwe"]
    assert result.glacier.mass.volume_m3 == pytest.approx(math.fsum(r["volume_change_m3"] for r in table.rows()),
                                                          rel=1e-12)
    assert result.glacier.mass.volume_m3 == pytest.approx(sum(truths), rel=0.01)
    print("\n20 glaciers on the real 1990 DEM: {:.1f} s; relative volume errors: median {:.4f}, largest {:.4f}; "
          "total {:.4f} (estimated {:.4e} m³, planted {:.4e} m³)".format(
              seconds, float(np.median(errors)), max(errors), result.glacier.mass.volume_m3 / sum(truths) - 1,
              result.glacier.mass.volume_m3, sum(truths)))


def test_real_pair_stable_median_is_zero_after_co_registration(tmp_path):
    """Real Longyearbyen pair: the 1990 DEM aligned onto xdem's LZD-aligned copy of itself (glaciers masked in it).
    Before the vertical shift was estimated again after the last horizontal step the stable median after was
    -0.050 m; with slopes under 5° left out of the fit the NMAD was 1.2619 m, with those under 1° 1.2485 m. Issue 17
    gives xdem's NMAD as 1.252 m and asks for at most 0.01 m more (xdem 0.2.3 in the same run: 1.2517 m)."""
    result = dem.dem_difference(LZD, DEM_1990, str(tmp_path / "dh.tif"))
    after, accuracy = result.stable_after, result.accuracy
    print("\nreal pair: shift {}, stable median/NMAD before {:+.4f}/{:.4f} m, after {:+.4f}/{:.4f} m, LE90 {:.3f} m, "
          "CE90 {:.4f} m; by slope: {}".format(
              result.coregistration.shift, result.stable_before.median, result.stable_before.nmad, after.median,
              after.nmad, accuracy.le90, accuracy.ce90,
              ", ".join("{}: {:+.3f}/{:.3f}".format(c.key, c.median, c.nmad) for c in accuracy.slope_classes)))
    assert abs(after.median) <= 0.01
    assert after.nmad <= 1.2490
    assert 0 < accuracy.ce90 < 0.5 and after.nmad < accuracy.le90 < 3 * after.nmad


def test_a_thousand_outlines_cost_little(tmp_path):
    """1,000 glaciers on a 1,600 x 1,600 grid: the per-glacier part (labels, bincounts, filling, table) adds little
    to a run without outlines; every glacier's volume is right and the total is their sum."""
    n, cell = 1600, 20.0
    x, y = centres(n, cell)
    tba = hills(x, y).astype(np.float32)
    rng = np.random.default_rng(1000)
    outlines, truth, cells = [], [], []
    ref = tba.copy()
    for k in range(1000):  # a 32 x 32 lattice (1 km apart) less 24, squares of 300-700 m
        cx, cy = x[0] + 500 + 1000 * (k % 32), y[0] - 500 - 1000 * (k // 32)
        half = rng.uniform(150, 350)
        c0, c1 = np.searchsorted(x, [cx - half, cx + half])
        r0, r1 = np.searchsorted(-y, [-(cy + half), -(cy - half)])
        rate = rng.uniform(-30, 0)
        ref[r0:r1, c0:c1] += np.float32(rate)
        ring = "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
            x[c0] - cell / 2, y[r1 - 1] - cell / 2, x[c1 - 1] + cell / 2, y[r0] + cell / 2)
        outlines.append(bytes(ogr.CreateGeometryFromWkt(ring).ExportToWkb()))
        truth.append(rate * (r1 - r0) * (c1 - c0) * cell * cell)
        cells.append((r1 - r0) * (c1 - c0))
    ref += np.random.default_rng(1).normal(0, NOISE, ref.shape).astype(np.float32)
    reference, dem_path = write_tif(tmp_path / "ref.tif", ref), write_tif(tmp_path / "tba.tif", tba)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25833)
    options = dem.DemDifferenceOptions(coregister="none")
    started = time.perf_counter()
    dem.dem_difference(reference, dem_path, str(tmp_path / "plain.tif"), options=options)
    plain = time.perf_counter() - started
    started = time.perf_counter()
    result = dem.dem_difference(reference, dem_path, str(tmp_path / "dh.tif"), options=options,
                                glaciers=Polygons(outlines, srs.ExportToWkt()))
    with_glaciers = time.perf_counter() - started
    volumes = result.glacier.glaciers.mass.volume_m3
    assert len(volumes) == 1000
    noise = 3 * NOISE * np.sqrt(cells) * cell * cell
    assert np.all(np.abs(volumes - truth) <= 0.01 * np.abs(truth) + noise)
    assert result.glacier.mass.volume_m3 == pytest.approx(math.fsum(volumes.tolist()), rel=1e-12)
    print("\n1,000 outlines on {0} x {0} cells: {1:.2f} s without outlines, {2:.2f} s with them (+{3:.2f} s)".format(
        n, plain, with_glaciers, with_glaciers - plain))
    assert with_glaciers - plain < max(10.0, 2 * plain)
