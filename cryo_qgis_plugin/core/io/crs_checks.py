"""Vector geometries brought into a grid's CRS, refusing the two ways a wrong layer CRS shows: coordinates outside
the area of use of the CRS the layer claims (UTM metres in a layer said to be EPSG:4326), and a reprojection that
fails or gives non-finite coordinates. The message names the layer (the Processing parameter) and the feature.
"""
from __future__ import annotations

import math
from typing import Iterable, List, Optional, Sequence, Tuple

from osgeo import ogr, osr

from ..errors import CryoInputError
from .grid import spatial_reference

FIX = "the layer's CRS is probably wrong; set the right CRS (Layer properties > Source)"
GEOGRAPHIC_BOUNDS = (-180.0, -90.0, 180.0, 90.0)
TOLERANCE_DEGREES = 1e-6
# The area of use of a projected CRS is widened on every side by its width, its height or 10,000 km, whichever is
# largest: a projected CRS is often used well beyond its area (a UTM zone next door, a test polygon at 0, 0), so
# only coordinates that no use of the CRS can give (another CRS's numbers, centimetres) are refused here.
PROJECTED_MARGIN_M = 10_000_000.0


class LayerGeometries(tuple):
    """WKB geometries of one layer that know the layer's name and their features' ids, for messages (a plain
    sequence of WKB works everywhere too: its features are numbered from 1)."""

    def __new__(cls, wkb: Iterable[bytes], layer: str = "", ids: Optional[Sequence[int]] = None):
        geometries = super().__new__(cls, wkb)
        geometries.layer = layer
        geometries.ids = tuple(ids) if ids is not None else None
        return geometries


def layer_name(wkb: Sequence[bytes], default: str) -> str:
    return getattr(wkb, "layer", "") or default


def feature_id(wkb: Sequence[bytes], index: int) -> int:
    ids = getattr(wkb, "ids", None)
    return ids[index] if ids is not None and index < len(ids) else index + 1


def crs_label(srs: osr.SpatialReference) -> str:
    """``EPSG:4326`` when the CRS has an authority code, else its name."""
    authority, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return "{}:{}".format(authority, code) if authority and code else (srs.GetName() or "a custom CRS")


def _projected_bounds(srs: osr.SpatialReference) -> Optional[Tuple[float, float, float, float]]:
    """The area of use of a projected CRS in its own coordinates, widened (see :data:`PROJECTED_MARGIN_M`); None when
    it is not known (a custom CRS) or cannot be transformed."""
    area = srs.GetAreaOfUse()
    if area is None or area.west_lon_degree is None:
        return None
    try:
        lonlat = spatial_reference("EPSG:4326")
        west, east = area.west_lon_degree, area.east_lon_degree
        if east < west:  # crosses the antimeridian
            east += 360.0
        xmin, ymin, xmax, ymax = osr.CoordinateTransformation(lonlat, srs).TransformBounds(
            west, area.south_lat_degree, east, area.north_lat_degree, 21)
    except (RuntimeError, TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)):
        return None
    margin = max(xmax - xmin, ymax - ymin, PROJECTED_MARGIN_M / srs.GetLinearUnits())
    return xmin - margin, ymin - margin, xmax + margin, ymax + margin


def area_of_use(srs: osr.SpatialReference) -> Optional[Tuple[Tuple[float, float, float, float], str]]:
    """(xmin, ymin, xmax, ymax) where coordinates of ``srs`` can lie, and how to write it; None: not checked."""
    if srs.IsGeographic():
        if abs(srs.GetAngularUnits() - math.pi / 180) > 1e-9:
            return None
        return GEOGRAPHIC_BOUNDS, "−180..180, −90..90"
    if srs.IsProjected():
        bounds = _projected_bounds(srs)
        if bounds is None:
            return None
        return bounds, "x {:.0f}..{:.0f}, y {:.0f}..{:.0f}".format(*bounds[::2], *bounds[1::2])
    return None


def _points(geometry: ogr.Geometry) -> Iterable[Tuple[float, float]]:
    if geometry.GetGeometryCount():
        for k in range(geometry.GetGeometryCount()):
            yield from _points(geometry.GetGeometryRef(k))
    else:
        for k in range(geometry.GetPointCount()):
            yield geometry.GetX(k), geometry.GetY(k)


def _inside(x: float, y: float, bounds: Tuple[float, float, float, float], geographic: bool) -> bool:
    xmin, ymin, xmax, ymax = bounds
    tolerance = TOLERANCE_DEGREES if geographic else 0.0
    if geographic:
        xmax = 360.0  # longitudes written 0..360 are accepted as well
    return xmin - tolerance <= x <= xmax + tolerance and ymin - tolerance <= y <= ymax + tolerance


def check_area_of_use(geometries: Sequence[Optional[ogr.Geometry]], srs: osr.SpatialReference, layer: str,
                      ids: Sequence[int]) -> None:
    """Refuse the first feature with a coordinate outside the area of use of ``srs`` (see :func:`area_of_use`)."""
    known = area_of_use(srs)
    if known is None:
        return
    bounds, text = known
    geographic = bool(srs.IsGeographic())
    for geometry, fid in zip(geometries, ids):
        if geometry is None or geometry.IsEmpty():
            continue
        xmin, xmax, ymin, ymax = geometry.GetEnvelope()
        if _inside(xmin, ymin, bounds, geographic) and _inside(xmax, ymax, bounds, geographic):
            continue
        x, y = next(((x, y) for x, y in _points(geometry) if not _inside(x, y, bounds, geographic)), (xmin, ymin))
        raise CryoInputError("Layer {}, feature {}: the coordinates ({:.10g}, {:.10g}) lie outside the area of use "
                             "of {} ({}): {}".format(layer, fid, x, y, crs_label(srs), text, FIX))


def geometries_in_crs(wkb: Sequence[Optional[bytes]], crs_wkt: Optional[str], target_wkt: str,
                      default_layer: str = "polygons") -> List[Optional[ogr.Geometry]]:
    """The WKB geometries (None stays None) as OGR geometries in ``target_wkt``, from ``crs_wkt`` (empty: already
    in the target CRS). Raises :class:`CryoInputError` naming the layer (``wkb.layer`` of a
    :class:`LayerGeometries`, else ``default_layer``) and the feature when a coordinate lies outside the area of
    use of the layer's CRS or a geometry cannot be transformed."""
    layer = layer_name(wkb, default_layer)
    ids = [feature_id(wkb, i) for i in range(len(wkb))]
    geometries = []
    for item, fid in zip(wkb, ids):
        geometry = ogr.CreateGeometryFromWkb(bytes(item)) if item is not None else None
        if item is not None and geometry is None:
            raise CryoInputError("Layer {}, feature {}: the geometry cannot be read; repair it (Vector > Geometry "
                                 "Tools > Fix geometries) or leave it out".format(layer, fid))
        geometries.append(geometry)
    target = spatial_reference(target_wkt)
    source = spatial_reference(crs_wkt) if crs_wkt else target
    check_area_of_use(geometries, source, layer, ids)
    transform = None if source.IsSame(target) else osr.CoordinateTransformation(source, target)
    for geometry, fid in zip(geometries, ids):
        if geometry is None or geometry.IsEmpty():
            continue
        try:
            failed = transform is not None and geometry.Transform(transform) != 0
        except RuntimeError:
            failed = True
        if not failed:
            xmin, xmax, ymin, ymax = geometry.GetEnvelope()
            failed = not all(math.isfinite(v) for v in (xmin, xmax, ymin, ymax))
        if failed:
            raise CryoInputError("Layer {}, feature {}: cannot be transformed from CRS {} to CRS {} (are its "
                                 "coordinates in the layer's CRS?): {}".format(
                                     layer, fid, crs_label(source), crs_label(target), FIX))
    return geometries
