"""Real products read as stacks (issue #22, the readers): SMAP freeze/thaw as HEG GeoTIFF, as a Harmony netCDF-4
subset with groups and an ``am_pm`` dimension, in the SPL3FTP HDF5 layout (AM and PM passes of one day); MODIS
LST as HDF4-EOS through GDAL with its own scale factor. Values are checked against independent h5py/GDAL reads,
grids against the documented EASE-Grid 2.0 and MODIS sinusoidal tiling, dates against the file names.

The real files are in tests/data/real_products (see its README.md for what they are and whom to credit)."""
import datetime as dt
import json
import os
import shutil

import h5py
import numpy as np
import pytest
from osgeo import gdal

from conftest import ROOT
from cryo_qgis_plugin.core.errors import CryoInputError
from cryo_qgis_plugin.core.io.grid import Georeference, spatial_reference
from cryo_qgis_plugin.core.io.source_summary import SourceSummary
from cryo_qgis_plugin.core.io.stack import open_stack, stored_packing

REAL = os.path.join(ROOT, "tests", "data", "real_products")
SMAP_TIF = os.path.join(REAL, "smap", "SMAP_L3_FT_P_fill_uint_input.tif")
SMAP_NC4 = os.path.join(REAL, "smap", "SPL3FTP_subsetted.nc4")
MODIS = os.path.join(REAL, "modis", "MOD11A1.A2021227.h11v05.061.2021228105320.hdf")
GLOBAL_TD = "/Freeze_Thaw_Retrieval_Data_Global/transition_direction"
# EASE-Grid 2.0 global 36 km (Brodzik et al. 2012, ISPRS IJGI 1, 32-45): 964 x 406 square cells of 36032.220840584 m
# centred on the origin of EPSG:6933
EASE2_M36_CELL = 36032.220840584
EASE2_M36_EXTENT = (-482 * EASE2_M36_CELL, -203 * EASE2_M36_CELL, 482 * EASE2_M36_CELL, 203 * EASE2_M36_CELL)
FILL = 254  # SMAP uint8 fill value (_FillValue of the SPL3FTP uint8 datasets, e.g. transition_direction)


def same_crs(wkt, crs):
    return bool(spatial_reference(wkt).IsSame(spatial_reference(crs)))


def gdal_band(path, band=1):
    ds = gdal.Open(path)
    return ds.GetRasterBand(band).ReadAsArray()

# ----------------------------------------------------------------------------------------- SMAP GeoTIFF


def test_smap_geotiff_is_on_the_ease2_global_36km_grid_and_dated_by_its_name(tmp_path):
    """HEG's GeoTIFF of the SPL3FTP granule of 2018-06-16: put exactly on the EASE-Grid 2.0 (HEG rounds the
    corner to metres and names the CRS its own way); its own name carries no date (START_DATE is asked for), a
    copy named like the granule (SMAP_L3_FT_P_20180616_R16020_001) is dated 2018-06-16."""
    with pytest.raises(CryoInputError, match="START_DATE"):
        open_stack(SMAP_TIF)
    dated = str(tmp_path / "SMAP_L3_FT_P_20180616_R16020_001.tif")
    shutil.copy(SMAP_TIF, dated)
    with open_stack(dated) as stack:
        assert stack.dates == [dt.date(2018, 6, 16)]
        assert stack.grid.shape == (406, 964)
        assert same_crs(stack.grid.crs_wkt, "EPSG:6933")
        assert np.allclose(stack.grid.extent, EASE2_M36_EXTENT, rtol=0, atol=1e-6)
        assert stack.grid.geotransform[1] == pytest.approx(EASE2_M36_CELL, abs=1e-6)
        # HEG's own corner is within a metre of the documented one
        assert np.allclose(gdal.Open(dated).GetGeoTransform()[::3], EASE2_M36_EXTENT[::3], atol=1.0)
        values = stack.read(slice(None))[0]
    expected = gdal_band(SMAP_TIF)
    assert np.array_equal(values, expected)
    assert set(np.unique(values)) == {0, 1, FILL}  # thawed, frozen, fill

# ------------------------------------------------------------------------------------ SMAP netCDF subset


def test_netcdf_group_variables_are_listed_and_open_by_the_listed_name():
    """Every grid the summary lists opens by that very name; the listing is the groups' full paths."""
    with SourceSummary(SMAP_NC4) as summary:
        names = [d.name for d in summary.datasets if d.is_grid]
        assert "several variables" in summary.problem
    assert GLOBAL_TD in names and "/Freeze_Thaw_Retrieval_Data_Polar/altitude_dem" in names
    for name in names:
        with open_stack(SMAP_NC4, name, dt.date(2015, 4, 1)) as stack:
            assert len(stack.dates) == 1  # the am_pm dimension of altitude_dem, latitude... is not time


def test_netcdf_group_variable_by_full_path_equals_an_independent_read():
    with h5py.File(SMAP_NC4, "r") as h5:
        expected = h5[GLOBAL_TD][()]
        master = h5["EASE2_global_projection_36km"].attrs["master_geotransform"]
    for name in (GLOBAL_TD, GLOBAL_TD.lstrip("/")):
        with open_stack(SMAP_NC4, name, dt.date(2015, 4, 1)) as stack:
            assert stack.dates == [dt.date(2015, 4, 1)]
            assert stack.nodata == FILL
            assert np.array_equal(stack.read(slice(None))[0], expected)
            # a subset of the EASE-Grid 2.0 global 36 km: its top row is the grid's top (the file's own
            # master_geotransform), columns 294.. of the full grid
            x0, dx, _, y0, _, dy = stack.grid.geotransform
            assert dx == pytest.approx(EASE2_M36_CELL, abs=1e-6) and dy == pytest.approx(-EASE2_M36_CELL, abs=1e-6)
            assert y0 == pytest.approx(master[3], abs=1e-3) == pytest.approx(EASE2_M36_EXTENT[3], abs=1e-3)
            assert x0 == pytest.approx(EASE2_M36_EXTENT[0] + 294 * EASE2_M36_CELL, abs=1e-3)


def test_a_leaf_name_in_two_groups_is_refused_naming_both_paths():
    with pytest.raises(CryoInputError, match="ambiguous.*Freeze_Thaw_Retrieval_Data_Polar/transition_direction.*"
                                             "Freeze_Thaw_Retrieval_Data_Global/transition_direction"):
        open_stack(SMAP_NC4, "transition_direction", dt.date(2015, 4, 1))


def test_the_am_pm_dimension_is_not_time_and_each_pass_reads_its_plane():
    """altitude_dem is (am_pm, y, x): one date whatever START_DATE says, AM = plane 0, PM = plane 1, combined =
    AM where AM is not the fill value, else PM."""
    name = "/Freeze_Thaw_Retrieval_Data_Polar/altitude_dem"
    with h5py.File(SMAP_NC4, "r") as h5:
        planes = h5[name][()]
    for choice, expected in (("am", planes[0]), ("pm", planes[1]),
                             ("combined", np.where(planes[0] == -9999, planes[1], planes[0]))):
        with open_stack(SMAP_NC4, name, dt.date(2015, 4, 1), passes=choice) as stack:
            assert stack.dates == [dt.date(2015, 4, 1)] and stack.passes == choice
            assert np.array_equal(stack.read(slice(None))[0], expected)
    with open_stack(SMAP_NC4, name, dt.date(2015, 4, 1)) as stack:
        assert stack.passes == "combined"  # auto
        assert same_crs(stack.grid.crs_wkt, "EPSG:6931") or "Lambert_Azimuthal" in stack.grid.crs_wkt
    with pytest.raises(CryoInputError, match="no AM/PM pass dimension.*PASS=auto"):
        open_stack(SMAP_NC4, GLOBAL_TD, dt.date(2015, 4, 1), passes="am")
    with pytest.raises(CryoInputError, match="START_DATE"):
        open_stack(SMAP_NC4, name)  # the subset's name carries no date


def grouped_netcdf(path, day_planes):
    """A netCDF-4 file like SPL3FTP's: group Freeze_Thaw_Retrieval_Data_Global with freeze_thaw (am_pm, y, x)
    uint8, fill 254, written with GDAL's multidimensional API; a second group holds another variable."""
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(path)
    root = ds.GetRootGroup()
    group = root.CreateGroup("Freeze_Thaw_Retrieval_Data_Global")
    dims = [group.CreateDimension(n, None, None, s) for n, s in zip(("am_pm", "y", "x"), day_planes.shape)]
    for dim, values in ((dims[1], 0.5 + np.arange(day_planes.shape[1])[::-1]), (dims[2], 0.5 + np.arange(
            day_planes.shape[2]))):  # cell centres, y north to south as in SMAP files
        coordinate = group.CreateMDArray(dim.GetName(), [dim], gdal.ExtendedDataType.Create(gdal.GDT_Float64))
        coordinate.Write(values.astype(np.float64))  # the variable named as its dimension: the coordinates
        axis = dim.GetName().upper()
        for key, text in (("standard_name", "projection_{}_coordinate".format(dim.GetName())), ("axis", axis),
                          ("units", "m")):
            coordinate.CreateAttribute(key, [], gdal.ExtendedDataType.CreateString()).Write(text)
    array = group.CreateMDArray("freeze_thaw", dims, gdal.ExtendedDataType.Create(gdal.GDT_Byte))
    array.SetNoDataValueDouble(FILL)
    array.Write(day_planes)
    other = root.CreateGroup("Freeze_Thaw_Retrieval_Data_Polar")
    odims = [other.CreateDimension(n, None, None, s) for n, s in (("y", 2), ("x", 2))]
    other.CreateMDArray("altitude_dem", odims, gdal.ExtendedDataType.Create(gdal.GDT_Float32)).Write(
        np.zeros((2, 2), np.float32))
    ds = None


def test_a_leaf_name_of_one_group_opens_and_a_granule_name_dates_it(tmp_path):
    planes = np.array([[[0, 1, FILL], [FILL, 1, 0]], [[1, 1, 1], [0, FILL, 1]]], np.uint8)
    path = str(tmp_path / "SMAP_L3_FT_P_20180616_R16020_001.nc")
    grouped_netcdf(path, planes)
    with open_stack(path, "freeze_thaw", georef=Georeference((0, 0, 3, 2), "EPSG:4326")) as stack:
        assert stack.dates == [dt.date(2018, 6, 16)]
        assert np.array_equal(stack.read(slice(None))[0], [[0, 1, 1], [0, 1, 0]])

# --------------------------------------------------------------------------------------- SMAP HDF5 layout


def spl3ftp(path, am, pm, polar=True):
    """A granule in the SPL3FTP HDF5 layout: group Freeze_Thaw_Retrieval_Data_Global, dataset freeze_thaw uint8
    [am_pm][406][964], AM (AMPM=0) and PM (AMPM=1) stored separately, _FillValue 254, no dimension names and no
    georeferencing (SMAP L3 FT product specification, O'Neill et al., NSIDC SPL3FTP; the same layout and
    attributes as the SMAP_L3_FT_A granules listed by OPeNDAP, and as the Harmony subset in tests/data); with
    ``polar`` the Freeze_Thaw_Retrieval_Data_Polar group holds freeze_thaw [2][500][500] too."""
    note = "The AM (dimension AMPM=0) and PM (AMPM=1) observations are stored separately in the array."
    with h5py.File(path, "w") as h5:
        ds = h5.create_group("Freeze_Thaw_Retrieval_Data_Global").create_dataset(
            "freeze_thaw", data=np.stack([am, pm]).astype(np.uint8), chunks=(1, 406, 964), compression="gzip")
        ds.attrs["_FillValue"] = np.uint8(FILL)
        ds.attrs["long_name"] = "Freeze/thaw state: 0 thawed, 1 frozen. " + note
        if polar:
            polar_ds = h5.create_group("Freeze_Thaw_Retrieval_Data_Polar").create_dataset(
                "freeze_thaw", data=np.full((2, 500, 500), FILL, np.uint8), compression="gzip")
            polar_ds.attrs["_FillValue"] = np.uint8(FILL)
    return path


def planes(seed):
    rng = np.random.default_rng(seed)
    am = rng.choice([0, 1, FILL], size=(406, 964), p=[0.4, 0.3, 0.3]).astype(np.uint8)
    pm = rng.choice([0, 1, FILL], size=(406, 964), p=[0.3, 0.4, 0.3]).astype(np.uint8)
    return am, pm


def test_spl3ftp_granule_is_one_date_read_as_am_pm_or_combined(tmp_path):
    am, pm = planes(1)
    path = spl3ftp(str(tmp_path / "SMAP_L3_FT_P_20180616_R16020_001.h5"), am, pm)
    dataset = "/Freeze_Thaw_Retrieval_Data_Global/freeze_thaw"
    with h5py.File(path, "r") as h5:  # independent read
        stored = h5[dataset][()]
    combined = np.where(stored[0] == FILL, stored[1], stored[0])
    for choice, expected in (("am", stored[0]), ("pm", stored[1]), ("combined", combined), ("auto", combined)):
        with open_stack(path, dataset, passes=choice) as stack:
            assert stack.dates == [dt.date(2018, 6, 16)]  # never two consecutive days
            assert stack.nodata == FILL
            assert np.array_equal(stack.read(slice(None))[0], expected)
            assert np.array_equal(stack.read(slice(100, 140))[0], expected[100:140])
            assert same_crs(stack.grid.crs_wkt, "EPSG:6933")
            assert np.allclose(stack.grid.extent, EASE2_M36_EXTENT, rtol=0, atol=1e-6)
    assert ((combined == stored[1]) & (stored[0] == FILL)).sum() > 0  # PM fills AM gaps
    # the polar grid: EASE-Grid 2.0 north 36 km, 500 x 500 cells of 36 km, extent +-9000 km
    with open_stack(path, "Freeze_Thaw_Retrieval_Data_Polar/freeze_thaw") as stack:
        assert same_crs(stack.grid.crs_wkt, "EPSG:6931")
        assert stack.grid.extent == (-9000000.0, -9000000.0, 9000000.0, 9000000.0)
    with pytest.raises(CryoInputError, match="ambiguous.*Global/freeze_thaw.*Polar/freeze_thaw"):
        open_stack(path, "freeze_thaw")
    with open_stack(path, dataset, start_date=dt.date(2018, 6, 20)) as stack:
        assert stack.dates == [dt.date(2018, 6, 20)]  # START_DATE dates the one day


def test_a_folder_of_spl3ftp_granules_is_one_date_per_granule(tmp_path):
    folder = tmp_path / "spl3ftp"
    folder.mkdir()
    days = {dt.date(2018, 6, 16): planes(2), dt.date(2018, 6, 17): planes(3)}
    for day, (am, pm) in days.items():
        spl3ftp(str(folder / "SMAP_L3_FT_P_{:%Y%m%d}_R16020_001.h5".format(day)), am, pm, polar=False)
    for choice in ("auto", "am", "pm"):
        with open_stack(str(folder), passes=choice) as stack:
            assert stack.dates == sorted(days)
            assert same_crs(stack.grid.crs_wkt, "EPSG:6933")
            values = stack.read(slice(None))
        for i, (am, pm) in enumerate(days[d] for d in sorted(days)):
            expected = {"am": am, "pm": pm, "auto": np.where(am == FILL, pm, am)}[choice]
            assert np.array_equal(values[i], expected)


def test_hdf5_dimension_labels_name_the_pass_dimension(tmp_path):
    """Any HDF5 dataset whose dimension is labelled as a pass (here 'pass') is one date, not two."""
    path = str(tmp_path / "granule_20200102.h5")
    with h5py.File(path, "w") as h5:
        ds = h5.create_dataset("ft", data=np.stack([np.full((3, 4), 7, np.uint8), np.full((3, 4), 9, np.uint8)]))
        ds.dims[0].label = "pass"
    with open_stack(path, georef=Georeference((0, 0, 4, 3), "EPSG:4326"), passes="pm") as stack:
        assert stack.dates == [dt.date(2020, 1, 2)]
        assert (stack.read(slice(None)) == 9).all()

# ---------------------------------------------------------------------------------------------- MODIS HDF4


MODIS_TILE = 1111950.5197665  # m: the MODIS sinusoidal tiles, 36 x 18 of 1200 x 1200 cells of 926.625433 m
MODIS_SPHERE = 6371007.181


def test_modis_hdf4_reads_through_gdal_with_its_own_scale_and_date(tmp_path):
    sub = 'HDF4_EOS:EOS_GRID:"{}":MODIS_Grid_Daily_1km_LST:LST_Day_1km'.format(MODIS)
    expected = gdal_band(sub)  # independent read
    for name in ("LST_Day_1km", "MODIS_Grid_Daily_1km_LST/LST_Day_1km"):
        with open_stack(MODIS, name) as stack:
            assert stack.dates == [dt.date(2021, 8, 15)]  # A2021227: 2021, day 227
            assert stack.scale == pytest.approx(0.02) and stack.offset is None and stack.nodata == 0
            assert stack.dtype == np.uint16
            values = stack.read(slice(None))[0]
            srs = spatial_reference(stack.grid.crs_wkt)
            assert srs.GetAttrValue("PROJECTION") == "Sinusoidal"
            assert srs.GetSemiMajor() == pytest.approx(MODIS_SPHERE)
            x0, dx, _, y0, _, dy = stack.grid.geotransform
    assert np.array_equal(values, expected)
    kelvin = values[values > 0] * 0.02
    assert 250 < kelvin.min() and kelvin.max() < 320  # plausible August land surface temperatures
    # tile h11v05: 11 tiles east of -20015109.354 m, 5 tiles south of 10007554.677 m
    assert x0 == pytest.approx(-18 * MODIS_TILE + 11 * MODIS_TILE, abs=1.0)
    assert y0 == pytest.approx(9 * MODIS_TILE - 5 * MODIS_TILE, abs=1.0)
    assert dx == pytest.approx(MODIS_TILE / 1200, abs=1e-3) and dy == pytest.approx(-MODIS_TILE / 1200, abs=1e-3)
    assert stored_packing(MODIS, "LST_Night_1km") == (pytest.approx(0.02), None)
    with SourceSummary(MODIS, "LST_Night_1km") as summary:
        assert "MODIS_Grid_Daily_1km_LST/LST_Night_1km" in [d.name for d in summary.datasets]
        assert summary.dates == [dt.date(2021, 8, 15)] and summary.problem is None


def test_a_folder_of_modis_files_is_dated_by_year_and_day_of_year(tmp_path):
    folder = tmp_path / "mod11a1"
    folder.mkdir()
    for doy in (227, 228):
        shutil.copy(MODIS, str(folder / "MOD11A1.A2021{}.h11v05.061.2021228105320.hdf".format(doy)))
    with open_stack(str(folder), "LST_Night_1km") as stack:
        assert stack.dates == [dt.date(2021, 8, 15), dt.date(2021, 8, 16)]
        assert stack.scale == pytest.approx(0.02)
        night = gdal_band('HDF4_EOS:EOS_GRID:"{}":MODIS_Grid_Daily_1km_LST:LST_Night_1km'.format(MODIS))
        assert np.array_equal(stack.read(slice(0, 600), [1])[0], night[:600])
    shutil.copy(MODIS, str(folder / "MOD11A1.A2021228.h12v05.061.2021229105320.hdf"))
    with pytest.raises(CryoInputError, match="same date 2021-08-16.*mosaic"):
        open_stack(str(folder), "LST_Night_1km")


def run_lst_to_gst(parameters, messages=None):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (Qt name)
            if messages is not None:
                messages.append(info)

    feedback = Feedback()
    context = QgsProcessingContext()
    context.setFeedback(feedback)
    return processing.run("cryo:lsttogst", parameters, context=context, feedback=feedback)


def test_lst_to_gst_takes_the_modis_scale_factor_from_the_file(qgis_app, tmp_path):
    """GST = LST (one predictor, coefficient 1, intercept 0): the output is the independent GDAL read x 0.02 K
    in °C without SCALE; an explicit SCALE=0.02 gives the same."""
    model = tmp_path / "model.json"
    model.write_text(json.dumps({"predictors": ["lst_day"], "coefficients": [1.0], "intercept": 0.0,
                                 "penalty": 0.0, "folds": 5, "n": 10, "r2": 1.0, "rmse": 0.0, "mae": 0.0,
                                 "units": "degC"}))
    stored = gdal_band('HDF4_EOS:EOS_GRID:"{}":MODIS_Grid_Daily_1km_LST:LST_Day_1km'.format(MODIS))
    expected = np.where(stored == 0, -9999, stored.astype(np.float32) * np.float32(0.02) - np.float32(273.15))
    messages = []
    outputs = []
    for extra in ({}, {"SCALE": 0.02, "OFFSET": 0.0}):
        out = str(tmp_path / "gst_{}.tif".format(len(outputs)))
        run_lst_to_gst(dict({"INPUT": [MODIS], "MODEL": str(model), "DATASET": "LST_Day_1km", "UNITS": "kelvin",
                             "OUTPUT": out}, **extra), messages)
        outputs.append(gdal_band(out))
        assert gdal.Open(out).GetRasterBand(1).GetDescription() == "2021-08-15"
    for gst in outputs:
        assert np.allclose(gst, expected, atol=1e-3)
    assert any("× 0.02 + 0" in m and "SCALE from the file" in m for m in messages)
    assert any("SCALE given" in m for m in messages)


def test_pass_parameter_is_advanced_static_and_reaches_the_reader(qgis_app, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingParameterDefinition

    from cryo_qgis_plugin.processing.stack_parameters import open_stack_at

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("cryo:lsttogst")
    definition = algorithm.parameterDefinition("PASS")
    assert definition.options() == ["auto", "am", "pm", "combined"] and definition.defaultValue() == "auto"
    assert definition.usesStaticStrings()
    assert definition.flags() & QgsProcessingParameterDefinition.FlagAdvanced
    for name in ("cryo:decodefreezethaw", "cryo:degreedays", "cryo:freezethawindicators"):
        assert QgsApplication.processingRegistry().algorithmById(name).parameterDefinition("PASS") is not None
    am, pm = planes(4)
    path = spl3ftp(str(tmp_path / "SMAP_L3_FT_P_20180616_R16020_001.h5"), am, pm, polar=False)
    with open_stack_at(algorithm, path, {"PASS": "pm"}, QgsProcessingContext()) as stack:
        assert stack.passes == "pm" and np.array_equal(stack.read(slice(None))[0], pm)
    with open_stack_at(algorithm, path, {}, QgsProcessingContext()) as stack:
        assert stack.passes == "combined"


def test_ease_grid_1_presets_need_the_product_name(tmp_path):
    """NSIDC-0477 (FT-ESDR) grids without georeferencing: the EASE-Grid 1.0 global 25 km grid (1383 x 586 cells
    of 25.067525 km on the 6371228 m sphere) when the name says the product, the default refusal otherwise."""
    for name, expected in (("NSIDC-0477_FT_ESDR_20000101.h5", True), ("other_20000101.h5", False)):
        path = str(tmp_path / name)
        with h5py.File(path, "w") as h5:
            h5.create_dataset("ft", data=np.zeros((586, 1383), np.uint8))
        if not expected:
            with pytest.raises(CryoInputError, match="EXTENT and CRS"):
                open_stack(path)
            continue
        with open_stack(path) as stack:
            srs = spatial_reference(stack.grid.crs_wkt)
            assert srs.GetSemiMajor() == pytest.approx(6371228.0) and srs.GetAttrValue("PROJECTION") == \
                "Cylindrical_Equal_Area"
            assert stack.grid.geotransform[1] == pytest.approx(25067.525)
            assert stack.grid.extent[2] == pytest.approx(1383 * 25067.525 / 2)
