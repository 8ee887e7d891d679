"""``cryo:altimetrydifference`` on altimetry granules as NSIDC delivers them (issue #22): a real ICESat-2 ATL06
granule (tests/data/real_products/icesat2, see its README), read independently with h5py for comparison, and
small ATL11 / GLAH12 files written in their products' layouts."""
import datetime as dt
import os
import shutil

import h5py
import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from conftest import ROOT, keep
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.glaciers import altimetry_granules as granules
from cryo_qgis_plugin.core.run import Run
from test_processing_freezethaw import run

ATL06 = os.path.join(ROOT, "tests", "data", "real_products", "icesat2",
                     "processed_ATL06_20181015100401_02560110_003_01.h5")
BEAMS = ("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r")
YEAR_SECONDS = 365.25 * 86400.0
SHIFT = -1.5


def independent(path):
    """``{beam: (lon, lat, h_li, datetime64 of each segment)}`` of the quality-0, non-fill segments, read plainly."""
    found = {}
    with h5py.File(path, "r") as h5:
        epoch = dt.datetime(1980, 1, 6) + dt.timedelta(seconds=float(h5["ancillary_data/atlas_sdp_gps_epoch"][0]))
        for beam in BEAMS:
            group = h5[beam + "/land_ice_segments"]
            h = group["h_li"][:]
            keep_ = (group["atl06_quality_summary"][:] == 0) & (h != group["h_li"].attrs["_FillValue"][0])
            times = np.datetime64(epoch) + (group["delta_time"][:][keep_] * 1e6).astype("timedelta64[us]")
            found[beam] = (group["longitude"][:][keep_], group["latitude"][:][keep_], h[keep_], times)
    return found


def shifted_copy(path, target, dh=SHIFT, seconds=YEAR_SECONDS, quality=None):
    """A copy of the granule with every height moved by ``dh`` m and every time by ``seconds`` (and, with
    ``quality``, every atl06_quality_summary set to it)."""
    shutil.copyfile(path, str(target))
    with h5py.File(str(target), "r+") as h5:
        for beam in BEAMS:
            group = h5[beam + "/land_ice_segments"]
            h = group["h_li"][:]
            group["h_li"][...] = np.where(h != group["h_li"].attrs["_FillValue"][0], h + np.float32(dh), h)
            group["delta_time"][...] = group["delta_time"][:] + seconds
            if quality is not None:
                group["atl06_quality_summary"][...] = quality
    return str(target)


def point_layer(path, points):
    """The independently read points as a GeoPackage in EPSG:4326 with the height in field ``h``."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("segments", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("h", ogr.OFTReal))
    layer.StartTransaction()
    for lon, lat, h, _ in points.values():
        for x, y, z in zip(lon, lat, h):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({!r} {!r})".format(float(x), float(y))))
            feature.SetField("h", float(z))
            layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    return str(path)


def raster(path):
    ds = gdal.Open(str(path))
    return ds.GetGeoTransform(), ds.GetProjection(), ds.ReadAsArray()


# ----------------------------------------------------------------------------------------------- (a) reading

def test_reading_the_granule_gives_the_quality_0_non_fill_segments():
    expected = independent(ATL06)
    assert {beam: v[2].size for beam, v in expected.items()} == {
        "gt1l": 2, "gt1r": 23, "gt2l": 50, "gt2r": 144, "gt3l": 0, "gt3r": 7}
    messages = []
    points = granules.read_granules(ATL06, "EPOCH1", Run(log=keep(messages)))
    assert points.z.size == 226
    np.testing.assert_array_equal(points.z, np.concatenate([v[2] for v in expected.values()]).astype(np.float64))
    np.testing.assert_array_equal(points.x, np.concatenate([v[0] for v in expected.values()]))
    np.testing.assert_array_equal(points.y, np.concatenate([v[1] for v in expected.values()]))
    # days on the date.toordinal() scale, as the point layers' dates (leap seconds neglected)
    times = np.concatenate([v[3] for v in expected.values()])
    origin = np.datetime64("0001-01-01T00:00:00") - np.timedelta64(1, "D")
    np.testing.assert_allclose(points.days, (times - origin) / np.timedelta64(1, "D"), atol=1e-6)
    assert dt.date.fromordinal(int(points.days.min())) == dt.date(2018, 10, 15)
    assert "1 ATL06 granule(s), 226 of 520 measurements kept" in messages[0]
    assert granules.grid_crs_for([points])[0] == "EPSG:3031"


@pytest.mark.parametrize("lat, lon, epsg", [(72.0, -40.0, "EPSG:3413"), (78.2, 15.6, "EPSG:3413"),
                                            (-75.0, -107.0, "EPSG:3031"), (46.5, 7.9, "EPSG:32632"),
                                            (-13.9, -70.8, "EPSG:32719"), (61.0, 179.9, "EPSG:3413"),
                                            (30.0, 179.5, "EPSG:32660")])
def test_grid_crs_of_the_granules_centre(lat, lon, epsg):
    points = granules.Points(np.array([lon, lon]), np.array([lat, lat]), np.zeros(2), granules.WGS84_LONLAT)
    assert granules.grid_crs_for([points])[0] == epsg


def test_atl11_layout(tmp_path):
    # 3 reference points x 2 cycles of pt2 (pt1, pt3 missing as in subsetted files); one fill, one flagged
    path = str(tmp_path / "ATL11_025610_0315_006_01.h5")
    fill = np.float32(3.4028235e38)
    with h5py.File(path, "w") as h5:
        h5["ancillary_data/atlas_sdp_gps_epoch"] = np.array([1198800018.0])
        h5["pt2/latitude"] = np.array([-75.0, -75.1, -75.2])
        h5["pt2/longitude"] = np.array([-107.0, -107.0, -107.1])
        h5["pt2/h_corr"] = np.array([[10.0, 9.0], [fill, 8.0], [7.0, 6.0]], dtype=np.float32)
        h5["pt2/h_corr"].attrs["_FillValue"] = np.array([fill])
        h5["pt2/quality_summary"] = np.array([[0, 0], [0, 0], [0, 1]], dtype=np.int8)
        h5["pt2/delta_time"] = np.array([[0.0, 86400.0], [0.0, 86400.0], [0.0, 86400.0]])
        h5["pt2/cycle_number"] = np.array([3, 4], dtype=np.int8)
    points = granules.read_granules(path, "EPOCH1")
    assert points.z.tolist() == [10.0, 9.0, 8.0, 7.0]
    assert points.y.tolist() == [-75.0, -75.0, -75.1, -75.2]
    sdp = dt.date(2018, 1, 1).toordinal()
    np.testing.assert_allclose(points.days, [sdp, sdp + 1, sdp + 1, sdp], atol=1e-3)  # 18 leap seconds neglected


def test_glah12_layout(tmp_path):
    path = str(tmp_path / "GLAH12_634_2131_002_0084_4_01_0001.H5")
    fill = 1.7976931348623157e308
    with h5py.File(path, "w") as h5:
        data = h5.create_group("Data_40HZ")
        data["Elevation_Surfaces/d_elev"] = np.array([1000.0, 1001.0, fill, 1003.0])
        data["Elevation_Surfaces/d_elev"].attrs["_FillValue"] = fill
        data["Elevation_Corrections/d_satElevCorr"] = np.array([0.25, fill, 0.0, 0.0])
        data["Elevation_Corrections/d_satElevCorr"].attrs["_FillValue"] = fill
        data["Geolocation/d_lat"] = np.array([0.0, 90.0, 70.0, 70.0])
        data["Geolocation/d_lon"] = np.array([310.0, 10.0, 311.0, 312.0])
        data["Quality/elev_use_flg"] = np.array([0, 0, 0, 1], dtype=np.int8)
        data["Time/d_UTCTime_40"] = np.array([0.0, 43200.0, 86400.0, 86400.0])
    points = granules.read_granules(path, "EPOCH1")
    assert points.x.tolist() == [-50.0, 10.0]
    # + saturation correction where given; TOPEX/Poseidon -> WGS84: 0.700 m at the equator, 0.714 m at the pole
    np.testing.assert_allclose(points.z, [1000.25 - 0.7, 1001.0 - 0.71368], atol=1e-4)
    j2000 = dt.date(2000, 1, 1).toordinal() + 0.5
    np.testing.assert_allclose(points.days, [j2000, j2000 + 0.5])


# ------------------------------------------------------------------------------ (b) granules = point layers

@pytest.fixture
def epochs(tmp_path):
    """The real granule, its copy one year later 1.5 m lower, and the same points as GeoPackages."""
    later = shifted_copy(ATL06, tmp_path / "ATL06_20191015100401_02560510_003_01.h5")
    return ATL06, later, point_layer(tmp_path / "e1.gpkg", independent(ATL06)), \
        point_layer(tmp_path / "e2.gpkg", independent(later))


def test_granules_agree_cell_by_cell_with_the_same_points_as_layers(qgis_app, tmp_path, epochs):
    from qgis.core import QgsProcessingFeedback

    first, later, layer1, layer2 = epochs

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, info):  # noqa: N802 (QGIS API)
            self.lines.append(info)

    log = Log()
    from_granules = run("cryo:altimetrydifference", {
        "EPOCH1_FILES": first, "EPOCH2_FILES": later, "CELL_SIZE": 1000, "OUTPUT": str(tmp_path / "g.tif")}, log)
    from_layers = run("cryo:altimetrydifference", {
        "EPOCH1": layer1, "EPOCH2": layer2, "ELEVATION_FIELD": "h", "CELL_SIZE": 1000, "CRS": "EPSG:3031",
        "YEARS": 1.0, "OUTPUT": str(tmp_path / "l.tif")})
    assert any("the grid is in EPSG:3031" in line for line in log.lines), log.lines
    assert any("Years between the epochs' mean dates: 1.000" in line for line in log.lines), log.lines
    assert float(gdal.Open(str(tmp_path / "g.tif")).GetMetadataItem("YEARS")) == pytest.approx(1.0, abs=1e-9)
    transform, projection, granule_bands = raster(tmp_path / "g.tif")
    transform_l, projection_l, layer_bands = raster(tmp_path / "l.tif")
    assert transform == transform_l
    assert osr.SpatialReference(projection).IsSame(osr.SpatialReference(projection_l))
    np.testing.assert_allclose(granule_bands, layer_bands, atol=1e-5)
    rates = granule_bands[0][granule_bands[0] != -9999]
    assert from_granules["N_CELLS"] == from_layers["N_CELLS"] == rates.size > 5
    np.testing.assert_allclose(rates, SHIFT, atol=1e-4)
    assert from_granules["MEAN_RATE"] == pytest.approx(SHIFT, abs=1e-4)
    assert from_layers["MEAN_RATE"] == pytest.approx(from_granules["MEAN_RATE"], abs=1e-5)


def test_a_granule_given_as_epoch_layer_and_mixed_sources(qgis_app, tmp_path, epochs):
    first, later, layer1, _ = epochs
    # scripts give the granule as EPOCH1/EPOCH2 (a feature source parameter): read as granules
    direct = run("cryo:altimetrydifference", {"EPOCH1": first, "EPOCH2": later, "CELL_SIZE": 1000,
                                              "OUTPUT": str(tmp_path / "d.tif")})
    assert direct["MEAN_RATE"] == pytest.approx(SHIFT, abs=1e-4)
    # epoch 1 a point layer (projected CRS given), epoch 2 a granule
    mixed = run("cryo:altimetrydifference", {"EPOCH1": layer1, "EPOCH2_FILES": later, "ELEVATION_FIELD": "h",
                                             "CELL_SIZE": 1000, "CRS": "EPSG:3031", "YEARS": 1,
                                             "OUTPUT": str(tmp_path / "m.tif")})
    assert mixed["N_CELLS"] == direct["N_CELLS"] and mixed["MEAN_RATE"] == pytest.approx(SHIFT, abs=1e-4)


# ----------------------------------------------------------------------------------------------- (c) folders

def test_a_folder_of_granules(qgis_app, tmp_path, epochs):
    first, later, _, _ = epochs
    folder1, folder2 = tmp_path / "cycle01", tmp_path / "cycle05"
    (folder2 / "2019.10.15").mkdir(parents=True)
    folder1.mkdir()
    shutil.copy(first, str(folder1))
    shutil.copy(later, str(folder2 / "2019.10.15"))  # NSIDC's download scripts make a folder per day
    shifted_copy(later, folder2 / "ATL06_20191015100401_02560510_003_02.h5", dh=0.0, seconds=0.0)
    (folder2 / "README.txt").write_text("not a granule")
    result = run("cryo:altimetrydifference", {"EPOCH1_FOLDER": str(folder1), "EPOCH2_FOLDER": str(folder2),
                                              "CELL_SIZE": 1000, "OUTPUT": str(tmp_path / "f.tif")})
    assert result["MEAN_RATE"] == pytest.approx(SHIFT, abs=1e-4)
    _, _, bands = raster(tmp_path / "f.tif")
    counts = bands[1][bands[1] != -9999]
    direct = run("cryo:altimetrydifference", {"EPOCH1": str(folder1), "EPOCH2": str(folder2), "CELL_SIZE": 1000,
                                              "OUTPUT": str(tmp_path / "d.tif")})  # folders given as layers
    assert direct["N_CELLS"] == result["N_CELLS"]
    one = run("cryo:altimetrydifference", {"EPOCH1_FILES": first, "EPOCH2_FILES": later, "CELL_SIZE": 1000,
                                           "OUTPUT": str(tmp_path / "one.tif")})
    _, _, single = raster(tmp_path / "one.tif")
    # epoch 2 has every point twice: each cell counts its epoch-1 points once and its epoch-2 points twice
    assert one["N_CELLS"] == result["N_CELLS"] and counts.sum() == 1.5 * single[1][single[1] != -9999].sum()


def test_qgis_process_takes_a_granule_and_a_folder(qgis_process_env, tmp_path, epochs):
    import json
    import subprocess

    first, later, _, _ = epochs
    folder = tmp_path / "later"
    folder.mkdir()
    shutil.copy(later, str(folder))
    proc = subprocess.run(
        [os.path.join(ROOT, "scripts", "qgis-process"), "run", "cryo:altimetrydifference", "--json", "--",
         "EPOCH1=" + first, "EPOCH2=" + str(folder), "CELL_SIZE=1000", "OUTPUT=" + str(tmp_path / "rate.tif")],
        env=qgis_process_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert results["MEAN_RATE"] == pytest.approx(SHIFT, abs=1e-4)


# ------------------------------------------------------------------------------------------- (d) bad inputs

def refused(parameters, tmp_path):
    from qgis.core import QgsProcessingException

    output = str(tmp_path / "bad.tif")
    with pytest.raises(QgsProcessingException) as error:
        run("cryo:altimetrydifference", dict({"CELL_SIZE": 1000, "YEARS": 1, "OUTPUT": output}, **parameters))
    assert not os.path.exists(output)
    assert "Traceback" not in str(error.value)
    return str(error.value)


def test_an_hdf5_file_that_is_not_a_granule(qgis_app, tmp_path):
    other = str(tmp_path / "AMSR_20070125_FT_25.h5")
    with h5py.File(other, "w") as h5:
        h5["Geophysical_Data/ft"] = np.zeros((3, 4), dtype=np.uint8)
    message = refused({"EPOCH1_FILES": other, "EPOCH2_FILES": ATL06}, tmp_path)
    assert "AMSR_20070125_FT_25.h5 is an HDF5 file but not an ICESat-2 ATL06 or ATL11, or ICESat GLAH12 granule" \
        in message and "Geophysical_Data" in message
    with pytest.raises(CryoInputError, match="is not a readable HDF5 file"):
        garbage = tmp_path / "ATL06_garbage.h5"
        garbage.write_bytes(os.urandom(3000))
        granules.read_granules(str(garbage), "EPOCH1")


def test_a_granule_without_a_good_segment(qgis_app, tmp_path):
    flagged = shifted_copy(ATL06, tmp_path / "ATL06_flagged.h5", dh=0.0, seconds=0.0, quality=1)
    message = refused({"EPOCH1_FILES": ATL06, "EPOCH2_FILES": flagged}, tmp_path)
    assert "EPOCH2: {} has no good measurement: all 520 are flagged".format(flagged) in message
    # in a folder with a good granule it is left out with a warning
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(flagged, str(folder))
    shutil.copy(ATL06, str(folder))
    messages = []
    points = granules.read_granules(str(folder), "EPOCH1", Run(log=keep(messages)))
    assert points.z.size == 226 and any("ATL06_flagged.h5 has no good measurement" in m for m in messages)


def test_each_epoch_needs_exactly_one_source(qgis_app, tmp_path):
    assert "EPOCH1 is given more than once (EPOCH1, EPOCH1_FILES)" in refused(
        {"EPOCH1": ATL06, "EPOCH1_FILES": ATL06, "EPOCH2_FILES": ATL06}, tmp_path)
    assert "No EPOCH2 points" in refused({"EPOCH1_FILES": ATL06}, tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds no HDF5 granule" in refused({"EPOCH1_FILES": ATL06, "EPOCH2_FOLDER": str(empty)}, tmp_path)
    message = refused({"EPOCH1_FILES": ATL06, "EPOCH2": str(tmp_path / "missing.gpkg")}, tmp_path)
    assert "EPOCH2" in message


def test_output_onto_a_granule_is_refused(qgis_app, tmp_path, epochs):
    from qgis.core import QgsProcessingException

    first, later, _, _ = epochs
    with pytest.raises(QgsProcessingException, match=r"is one of the inputs \(EPOCH2_FILES\)"):
        run("cryo:altimetrydifference", {"EPOCH1": first, "EPOCH2": later, "OUTPUT": later})
