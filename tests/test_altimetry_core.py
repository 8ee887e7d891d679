"""Gridded elevation change from altimetry points, against hand-placed points."""
import numpy as np
import pytest
from osgeo import gdal, osr

from cryo_qgis_plugin.core.glaciers import altimetry
from cryo_qgis_plugin.core.errors import CryoInputError


def wkt(code):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(code)
    return srs.ExportToWkt()


POLAR = wkt(3413)


def points(rows, crs=POLAR):
    x, y, z = (np.array(v, dtype=float) for v in zip(*rows))
    return altimetry.Points(x, y, z, crs)


def test_cell_medians_of_hand_placed_points():
    # 500 m cells aligned on multiples of 500: x 0..1000, y 1000..0 -> a 2 x 2 grid
    epoch1 = points([(100, 900, 10), (200, 800, 12), (300, 700, 30),    # cell (0, 0): median 12
                     (600, 900, 50),                                      # cell (0, 1): only epoch 1
                     (100, 100, 5), (400, 200, 7)])                       # cell (1, 0): median 6
    epoch2 = points([(150, 850, 8), (250, 750, 9),                        # cell (0, 0): median 8.5
                     (900, 100, 1),                                       # cell (1, 1): only epoch 2
                     (200, 300, 2), (300, 400, 2), (350, 450, 5)])        # cell (1, 0): median 2
    result = altimetry.altimetry_rate(epoch1, epoch2, 500.0, POLAR, years=2.0, outlier_nmad=0)
    assert result.grid.geotransform == (0.0, 500.0, 0.0, 1000.0, 0.0, -500.0)
    assert result.grid.shape == (2, 2)
    np.testing.assert_allclose(result.rate, [[(8.5 - 12) / 2, np.nan], [(2 - 6) / 2, np.nan]])
    np.testing.assert_array_equal(result.count, [[5, 0], [5, 0]])
    assert result.cells == 2 and result.mean_rate == pytest.approx((-1.75 - 2.0) / 2)


def test_outliers_within_a_cell_are_dropped():
    epoch1 = points([(100, 100, z) for z in (10.0, 10.2, 9.9, 10.1, 150.0)])  # a cloud return at 150 m
    epoch2 = points([(120, 120, z) for z in (8.0, 8.1, 7.9)])
    kept = altimetry.altimetry_rate(epoch1, epoch2, 500.0, POLAR, 1.0, outlier_nmad=3.0)
    assert kept.rate[0, 0] == pytest.approx(8.0 - 10.05) and kept.count[0, 0] == 7
    raw = altimetry.altimetry_rate(epoch1, epoch2, 500.0, POLAR, 1.0, outlier_nmad=0)
    assert raw.rate[0, 0] == pytest.approx(8.0 - 10.1) and raw.count[0, 0] == 8


def test_points_are_reprojected_to_the_output_crs(tmp_path):
    geographic = wkt(4326)
    lon, lat = np.array([-40.0, -40.001]), np.array([72.0, 72.0005])
    epoch1 = altimetry.Points(lon, lat, np.array([2000.0, 2002.0]), geographic)
    epoch2 = altimetry.Points(lon, lat, np.array([1990.0, 1992.0]), geographic)
    result = altimetry.altimetry_rate(epoch1, epoch2, 1000.0, POLAR, 5.0, 0)
    assert result.cells == 1 and result.mean_rate == pytest.approx(-2.0)
    x, y = altimetry.project(epoch1, POLAR)
    x0, _, _, y0, _, _ = result.grid.geotransform
    assert x0 <= x.min() < x0 + 1000 and y0 - 1000 < y.max() <= y0
    out = str(tmp_path / "rate.tif")
    altimetry.write_rate(out, result, 5.0)
    ds = gdal.Open(out)
    assert ds.RasterCount == 2 and ds.GetRasterBand(1).GetDescription() == altimetry.BANDS[0]
    assert ds.GetRasterBand(2).ReadAsArray().max() == 4


@pytest.mark.parametrize("crs, epoch2, message", [
    (wkt(4326), [(0, 0, 1)], "must be projected"),
    (POLAR, [(5000, 5000, 1)], "do not overlap"),
    (POLAR, [(0, 0, float("nan"))], "EPOCH2 has no point"),
])
def test_bad_input_is_refused(crs, epoch2, message):
    with pytest.raises(CryoInputError, match=message):
        altimetry.altimetry_rate(points([(0, 0, 1)]), points(epoch2), 500.0, crs, 1.0)
