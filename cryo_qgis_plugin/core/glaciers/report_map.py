"""The elevation-change map of the report: a small copy of dh (every n-th cell, at most :data:`MAX_SIDE` cells a
side) coloured on the diverging ramp of the output raster's style, glacier outlines in black, no data in grey,
written as a PNG (GDAL's PNG driver, in memory) and embedded in the page, with a colour bar and a scale bar.
"""
from __future__ import annotations

import base64
import math
import uuid
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np
from osgeo import gdal

from .report_plots import svg_line, svg_text, nice_ticks, svg, tick_label

MAX_SIDE = 720
MIN_SHOWN_WIDTH = 480  # small DEMs are shown enlarged (whole factors) to at least this width
RAMP = ((0.0, (178, 24, 43)), (0.5, (247, 247, 247)), (1.0, (33, 102, 172)))  # #b2182b, #f7f7f7, #2166ac
NO_DATA = (208, 208, 208)


@dataclass(frozen=True)
class DhPreview:
    dh: np.ndarray                 # float32, NaN = no data
    outlines: Optional[np.ndarray]  # True on the edges between glaciers and between glacier and not
    cell: Tuple[float, float]      # metres per preview cell (x, y)
    limit: float                   # the colour ramp spans -limit..limit m


def dh_preview(dh: np.ndarray, labels: Optional[np.ndarray], pixel: Tuple[float, float], limit: float) -> DhPreview:
    """Every n-th cell of ``dh`` and of the glacier ``labels`` (their edges), n so that no side exceeds
    :data:`MAX_SIDE` (cheap on 10^8 cells: a strided copy)."""
    step = max(1, math.ceil(max(dh.shape) / MAX_SIDE))
    small = np.array(dh[::step, ::step], dtype=np.float32)
    edges = None
    if labels is not None:
        sub = labels[::step, ::step]
        edges = np.zeros(sub.shape, dtype=bool)
        edges[:, 1:] |= sub[:, 1:] != sub[:, :-1]
        edges[1:, :] |= sub[1:, :] != sub[:-1, :]
    return DhPreview(small, edges, (pixel[0] * step, pixel[1] * step), limit)


def colours(dh: np.ndarray, limit: float) -> np.ndarray:
    """RGB (uint8, last axis) of ``dh`` on the diverging ramp over ``-limit..limit``; grey where NaN."""
    t = np.clip((np.nan_to_num(dh) + limit) / (2 * limit), 0.0, 1.0)
    stops = np.array([s[0] for s in RAMP])
    rgb = np.stack([np.interp(t, stops, [s[1][k] for s in RAMP]) for k in range(3)], axis=-1)
    rgb[~np.isfinite(dh)] = NO_DATA
    return np.round(rgb).astype(np.uint8)


def png_bytes(preview: DhPreview) -> bytes:
    """The preview as a PNG (outlines drawn in black)."""
    rgb = colours(preview.dh, preview.limit)
    if preview.outlines is not None:
        rgb[preview.outlines] = 0
    height, width = preview.dh.shape
    memory = gdal.GetDriverByName("MEM").Create("", width, height, 3, gdal.GDT_Byte)
    for band in range(3):
        memory.GetRasterBand(band + 1).WriteArray(rgb[..., band])
    path = "/vsimem/cryo-dh-map-{}.png".format(uuid.uuid4().hex)
    gdal.GetDriverByName("PNG").CreateCopy(path, memory)
    try:
        handle = gdal.VSIFOpenL(path, "rb")
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        data = gdal.VSIFReadL(1, size, handle)
        gdal.VSIFCloseL(handle)
    finally:
        gdal.Unlink(path)
    return bytes(data)


def map_html(preview: DhPreview) -> str:
    """The map as an embedded PNG, with its colour bar (m) and a scale bar (m or km) below."""
    height, width = preview.dh.shape
    zoom = max(1, MIN_SHOWN_WIDTH // width)
    shown_w, shown_h = width * zoom, height * zoom
    image = ('<img alt="elevation change map" width="{}" height="{}" style="image-rendering:pixelated;'
             'border:1px solid #444" src="data:image/png;base64,{}">').format(
        shown_w, shown_h, base64.b64encode(png_bytes(preview)).decode("ascii"))
    return "<figure>{}<br>{}</figure>".format(image, _legend_svg(preview, max(shown_w, 360), preview.cell[0] / zoom))


def _legend_svg(preview: DhPreview, width: int, metres_per_px: float) -> str:
    """Colour bar over -limit..limit with round ticks, a grey 'no data' box and a scale bar."""
    limit = preview.limit
    bar_w = width * 0.55
    stops = "".join('<stop offset="{:.0%}" stop-color="rgb({},{},{})"/>'.format(t, *c) for t, c in RAMP)
    gradient = '<defs><linearGradient id="dhramp">{}</linearGradient></defs>'.format(stops)
    parts: List[str] = [gradient, '<rect x="10" y="8" width="{:.1f}" height="14" fill="url(#dhramp)" '
                        'stroke="#444"/>'.format(bar_w)]
    ticks = nice_ticks(-limit, limit, 5)
    for value in ticks:
        x = 10 + (value + limit) / (2 * limit) * bar_w
        parts += [svg_line(x, 22, x, 26), svg_text(x, 38, tick_label(value, ticks), size=11)]
    caption = "dh (m): red lowering, blue rise; grey no data" + (
        "; black lines glacier outlines" if preview.outlines is not None else "")
    parts.append(svg_text(10, 54, caption, "start", size=11))
    ground = (width - bar_w - 40) * metres_per_px  # room for the scale bar, in metres
    length = max([t for t in nice_ticks(0, ground, 3) if t > 0] or [metres_per_px])
    length_px = length / metres_per_px
    x0 = width - 10 - length_px
    scale = "{:g} km".format(length / 1000) if length >= 1000 else "{:g} m".format(length)
    parts += ['<rect x="{:.1f}" y="12" width="{:.1f}" height="6" fill="#222"/>'.format(x0, length_px),
              svg_text(x0 + length_px / 2, 34, scale, size=11)]
    return svg(parts, width, 62)
