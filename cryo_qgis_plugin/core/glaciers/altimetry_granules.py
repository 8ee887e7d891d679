"""Altimetry points straight from the granules NSIDC delivers: ICESat-2 ATL06 and ATL11, ICESat GLAH12.

Each reader keeps only the measurements the product's quality flag calls good and whose height is not the
dataset's ``_FillValue``, and gives longitude/latitude (WGS84, EPSG:4326), the height in metres above the WGS84
ellipsoid and the acquisition time as days on the proleptic Gregorian ordinal scale (``date.toordinal()``,
fractional), the scale the point layers' dates are read on, so both can be mixed in one comparison.

Layouts (HDF5 groups and datasets), from the products' user guides and data dictionaries:

- **ATL06** Land Ice Height, v003-v006 (Smith, B. et al., *ATLAS/ICESat-2 L3A Land Ice Height*, NSIDC DAAC,
  doi:10.5067/ATLAS/ATL06.006; *ICESat-2 ATL06 ATBD* and NSIDC user guide): beams ``gt1l gt1r gt2l gt2r gt3l gt3r``
  (a subsetted or partial granule may lack some), each with ``land_ice_segments/h_li`` (m, WGS84 ellipsoid),
  ``latitude``, ``longitude``, ``atl06_quality_summary`` (0 = best quality), ``h_li_sigma`` and ``delta_time``
  (s since the ATLAS SDP epoch, whose GPS seconds are ``ancillary_data/atlas_sdp_gps_epoch``).
- **ATL11** Annual Land Ice Height (Smith, B. et al., *ATLAS/ICESat-2 L3B Annual Land Ice Height*, NSIDC DAAC,
  doi:10.5067/ATLAS/ATL11.006; *ATL11 ATBD*): beam pairs ``pt1 pt2 pt3`` with ``h_corr`` (reference point x
  cycle), ``delta_time`` and ``quality_summary`` (same shape, 0 = good) and ``latitude``/``longitude`` (one per
  reference point). Every good (reference point, cycle) is a point of the epoch: give the files of one epoch only.
- **GLAH12** GLAS/ICESat L2 Antarctic and Greenland Ice Sheet Altimetry Data, release 33/34 HDF5 (Zwally, H. J.
  et al., NSIDC DAAC, doi:10.5067/ICESAT/GLAS/DATA209; GLAS data dictionary): ``Data_40HZ/Elevation_Surfaces/
  d_elev``, ``Data_40HZ/Geolocation/d_lat``, ``d_lon`` (0..360°E), ``Data_40HZ/Quality/elev_use_flg`` (0 = valid;
  ``i_ElvuseFlg`` in the binary GLA12 names), ``Data_40HZ/Time/d_UTCTime_40`` (s since 2000-01-01 12:00 UTC); the
  saturation correction ``Data_40HZ/Elevation_Corrections/d_satElevCorr`` is added where it is given. GLAS heights
  are above the TOPEX/Poseidon ellipsoid: they are moved to WGS84 (:func:`topex_to_wgs84`).

Times: GPS seconds are taken as UTC seconds, i.e. the leap seconds (18 s since 2017) are neglected: 2e-4 days,
far below the date resolution a rate over years needs. Granules are read beam by beam (pair by pair), vectorised,
and only the kept points are held, so a folder of full granules (up to ~10^6 segments each) fits in memory.
"""
from __future__ import annotations

import datetime as dt
import os
from typing import Iterator, List, Tuple

import numpy as np

from ..errors import CryoInputError
from ..optional import lazy
from ..io.hdf5_datasets import HDF5_SUFFIXES
from ..run import Run
from .altimetry import Points

h5py = lazy("h5py")  # imported at its first use: the plugin loads without h5py

ATL06_BEAMS = ("gt1l", "gt1r", "gt2l", "gt2r", "gt3l", "gt3r")
ATL11_PAIRS = ("pt1", "pt2", "pt3")
GPS_EPOCH_DAY = float(dt.date(1980, 1, 6).toordinal())          # 1980-01-06T00:00:00
J2000_DAY = float(dt.date(2000, 1, 1).toordinal()) + 0.5        # 2000-01-01T12:00:00
SECONDS_PER_DAY = 86400.0
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
WGS84_LONLAT = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
                'UNIT["degree",0.0174532925199433],AXIS["Longitude",EAST],AXIS["Latitude",NORTH],'
                'AUTHORITY["EPSG","4326"]]')
PRODUCTS = "ICESat-2 ATL06 or ATL11, or ICESat GLAH12"
Chunk = Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # longitude, latitude, height, days


def is_hdf5_file(path: str) -> bool:
    """Whether ``path`` is a file named like HDF5 or starting with the HDF5 signature."""
    if not os.path.isfile(path):
        return False
    if path.lower().endswith(HDF5_SUFFIXES):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(8) == HDF5_SIGNATURE
    except OSError:
        return False


def granule_files(path: str) -> List[str]:
    """``path`` itself, or the HDF5 files (.h5, .hdf5, .he5, .hdf) of the folder ``path`` and its subfolders."""
    if os.path.isfile(path):
        return [path]
    if not os.path.isdir(path):
        raise CryoInputError("{} does not exist: give an {} granule (.h5) or a folder of them".format(path, PRODUCTS))
    found = sorted(os.path.join(base, name) for base, _, names in os.walk(path) for name in names
                   if name.lower().endswith(HDF5_SUFFIXES))
    if not found:
        raise CryoInputError("The folder {} holds no HDF5 granule (.h5): give a folder of {} granules as downloaded "
                             "from NSIDC".format(path, PRODUCTS))
    return found


def is_granule_path(path: str) -> bool:
    """Whether ``path`` names an HDF5 file or a folder holding some (not a vector layer)."""
    if os.path.isdir(path):
        return any(name.lower().endswith(HDF5_SUFFIXES) for _, _, names in os.walk(path) for name in names)
    return is_hdf5_file(path)


def read_granules(path: str, name: str, run: Run = Run()) -> Points:
    """The good points of the granule ``path``, or of every granule of the folder ``path``, for the epoch
    ``name`` (for messages), in EPSG:4326 with their days (module docstring)."""
    files = granule_files(path)
    chunks: List[Chunk] = []
    total = kept = 0
    products = set()
    for number, file in enumerate(files):
        run.check()
        product, file_total, file_chunks = _read_file(file)
        products.add(product)
        file_kept = sum(chunk[2].size for chunk in file_chunks)
        if not file_kept and len(files) > 1:
            run.warning("{}: {} has no good measurement ({} {}), left out".format(
                name, os.path.basename(file), file_total, "segments" if product != "GLAH12" else "shots"))
        chunks += file_chunks
        total += file_total
        kept += file_kept
        run.report((number + 1) / len(files) * 0.4)
    if not kept:
        raise CryoInputError(
            "{}: {} has no good measurement: all {} are flagged by the product's quality flag (ATL06 "
            "atl06_quality_summary, ATL11 quality_summary, GLAH12 elev_use_flg not 0) or are fill values; choose "
            "granules over the area with good returns (no cloud)".format(name, path, total))
    lon, lat, height, days = (np.concatenate([chunk[i] for chunk in chunks]) for i in range(4))
    run.info("{}: {} {} granule(s), {} of {} measurements kept (quality flag 0, no fill value); mean date {}".format(
        name, len(files), "/".join(sorted(products)), kept, total, _day_text(float(np.mean(days)))))
    return Points(lon, lat, height, WGS84_LONLAT, days)


def _day_text(day: float) -> str:
    return dt.date.fromordinal(int(day)).isoformat()


def _read_file(path: str) -> Tuple[str, int, List[Chunk]]:
    """``(product, measurements in the file, kept chunks)``."""
    try:
        h5 = h5py.File(path, "r")
    except OSError as exc:
        raise CryoInputError("{} is not a readable HDF5 file ({}): give {} granules (.h5) as downloaded from "
                             "NSIDC".format(path, exc, PRODUCTS)) from None
    with h5:
        if any("{}/land_ice_segments/h_li".format(beam) in h5 for beam in ATL06_BEAMS):
            product, reader = "ATL06", _atl06
        elif any("{}/h_corr".format(pair) in h5 for pair in ATL11_PAIRS):
            product, reader = "ATL11", _atl11
        elif "Data_40HZ/Elevation_Surfaces/d_elev" in h5:
            product, reader = "GLAH12", _glah12
        else:
            raise CryoInputError(
                "{} is an HDF5 file but not an {} granule: it has none of gt1l..gt3r/land_ice_segments/h_li (ATL06), "
                "pt1..pt3/h_corr (ATL11), Data_40HZ/Elevation_Surfaces/d_elev (GLAH12); its top-level groups are: "
                "{}. Give the land ice height granules, or a point layer".format(
                    path, PRODUCTS, ", ".join(sorted(h5.keys())) or "none"))
        total, chunks = 0, []
        for count, chunk in reader(h5, path):
            total += count
            if chunk[2].size:
                chunks.append(chunk)
        return product, total, chunks


def _values(h5, path: str, name: str) -> Tuple[np.ndarray, np.ndarray]:
    """The dataset ``name`` and where it holds a value (finite, not its ``_FillValue``)."""
    if name not in h5:
        raise CryoInputError("{} has no dataset {}: the granule is incomplete or of another product version; "
                             "download it again".format(path, name))
    dataset = h5[name]
    values = dataset[()]
    valid = np.isfinite(values) if values.dtype.kind == "f" else np.ones(values.shape, dtype=bool)
    if "_FillValue" in dataset.attrs:
        valid &= values != np.asarray(dataset.attrs["_FillValue"]).ravel()[0]
    return values, valid


def _sdp_epoch_day(h5, path: str) -> float:
    """Day (ordinal) of the ATLAS SDP epoch, from ``ancillary_data/atlas_sdp_gps_epoch`` (GPS seconds)."""
    if "ancillary_data/atlas_sdp_gps_epoch" not in h5:
        raise CryoInputError("{} has no ancillary_data/atlas_sdp_gps_epoch, so its times cannot be dated: the "
                             "granule is incomplete; download it again".format(path))
    seconds = float(np.asarray(h5["ancillary_data/atlas_sdp_gps_epoch"][()]).ravel()[0])
    return GPS_EPOCH_DAY + seconds / SECONDS_PER_DAY


def _atl06(h5, path: str) -> Iterator[Tuple[int, Chunk]]:
    epoch = _sdp_epoch_day(h5, path)
    for beam in ATL06_BEAMS:
        group = "{}/land_ice_segments/".format(beam)
        if group + "h_li" not in h5:
            continue
        height, good = _values(h5, path, group + "h_li")
        quality, _ = _values(h5, path, group + "atl06_quality_summary")
        lat, lat_ok = _values(h5, path, group + "latitude")
        lon, lon_ok = _values(h5, path, group + "longitude")
        seconds, time_ok = _values(h5, path, group + "delta_time")
        good &= (quality == 0) & lat_ok & lon_ok & time_ok
        yield height.size, (lon[good], lat[good], height[good].astype(np.float64),
                            epoch + seconds[good] / SECONDS_PER_DAY)


def _atl11(h5, path: str) -> Iterator[Tuple[int, Chunk]]:
    epoch = _sdp_epoch_day(h5, path)
    for pair in ATL11_PAIRS:
        if "{}/h_corr".format(pair) not in h5:
            continue
        height, good = _values(h5, path, pair + "/h_corr")
        quality, _ = _values(h5, path, pair + "/quality_summary")
        seconds, time_ok = _values(h5, path, pair + "/delta_time")
        lat, lat_ok = _values(h5, path, pair + "/latitude")
        lon, lon_ok = _values(h5, path, pair + "/longitude")
        height, quality, seconds = (np.reshape(a, (lat.size, -1)) for a in (height, quality, seconds))
        good = np.reshape(good, height.shape) & np.reshape(time_ok, height.shape) & (quality == 0) & \
            (lat_ok & lon_ok)[:, None]
        rows = np.nonzero(good)[0]
        yield height.size, (lon[rows], lat[rows], height[good].astype(np.float64),
                            epoch + seconds[good] / SECONDS_PER_DAY)


def _glah12(h5, path: str) -> Iterator[Tuple[int, Chunk]]:
    height, good = _values(h5, path, "Data_40HZ/Elevation_Surfaces/d_elev")
    lat, lat_ok = _values(h5, path, "Data_40HZ/Geolocation/d_lat")
    lon, lon_ok = _values(h5, path, "Data_40HZ/Geolocation/d_lon")
    time_name = "Data_40HZ/Time/d_UTCTime_40" if "Data_40HZ/Time/d_UTCTime_40" in h5 else "Data_40HZ/DS_UTCTime_40"
    seconds, time_ok = _values(h5, path, time_name)
    flag = next((name for name in ("Data_40HZ/Quality/elev_use_flg", "Data_40HZ/Quality/i_ElvuseFlg") if name in h5),
                "Data_40HZ/Quality/elev_use_flg")
    quality, _ = _values(h5, path, flag)
    height = height.astype(np.float64)
    if "Data_40HZ/Elevation_Corrections/d_satElevCorr" in h5:
        correction, given = _values(h5, path, "Data_40HZ/Elevation_Corrections/d_satElevCorr")
        height = height + np.where(given, correction, 0.0)
    good &= (quality == 0) & lat_ok & lon_ok & time_ok
    lon = np.where(lon > 180.0, lon - 360.0, lon)
    yield height.size, (lon[good], lat[good], topex_to_wgs84(height[good], lat[good]),
                        J2000_DAY + seconds[good] / SECONDS_PER_DAY)


def topex_to_wgs84(height: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Heights above the TOPEX/Poseidon ellipsoid (a = 6378136.3 m, 1/f = 298.257) as heights above WGS84: to first
    order in the flattening the WGS84 surface lies 0.700 m (equator) to 0.714 m (poles) above it."""
    shift = (6378137.0 - 6378136.3) - (6378137.0 / 298.257223563 - 6378136.3 / 298.257) * np.sin(np.radians(lat)) ** 2
    return height - shift


def grid_crs_for(points: List[Points]) -> Tuple[str, str]:
    """A projected CRS a glaciologist would grid these EPSG:4326 points in: polar stereographic north (EPSG:3413)
    when their centre lies north of 60°N, south (EPSG:3031) south of 60°S, else the WGS84 UTM zone of the centre;
    ``("EPSG:n", name)``."""
    lon = np.concatenate([p.x for p in points])
    lat = np.concatenate([p.y for p in points])
    centre_lat = float(np.mean(lat))
    angle = np.radians(lon)
    centre_lon = float(np.degrees(np.arctan2(np.mean(np.sin(angle)), np.mean(np.cos(angle)))))
    if centre_lat >= 60.0:
        return "EPSG:3413", "NSIDC Sea Ice Polar Stereographic North"
    if centre_lat <= -60.0:
        return "EPSG:3031", "Antarctic Polar Stereographic"
    zone = min(60, int((centre_lon + 180.0) // 6.0) + 1)
    north = centre_lat >= 0
    return "EPSG:{}".format((32600 if north else 32700) + zone), "WGS 84 / UTM zone {}{}".format(
        zone, "N" if north else "S")
