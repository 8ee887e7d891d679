"""The HTML report of a DEM differencing run: the numbers, stable-terrain histograms and glacier hypsometry.

Self-contained (inline SVG, no script, no external file), so it opens in any browser and in QGIS's results
viewer, and can be archived with the outputs.
"""
from __future__ import annotations

import html
import math
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .elevation_change import DemDifferenceResult
from .voids import BAND_WIDTH

WIDTH, HEIGHT, MARGIN = 560, 240, 44


def _number(value: Optional[float], digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if abs(value) >= 1e5:
        return "{:.4g}".format(value)
    return "{:.{}f}".format(value, digits)


def _rows(rows: Sequence[Tuple[str, str]]) -> str:
    return "".join("<tr><th>{}</th><td>{}</td></tr>".format(html.escape(k), html.escape(v)) for k, v in rows)


def histogram_svg(edges: np.ndarray, series: Sequence[Tuple[str, str, np.ndarray]], x_label: str) -> str:
    """Step histograms (label, colour, counts) sharing ``edges``, as fractions of each series' total."""
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    fractions = [counts / max(counts.sum(), 1) for _, _, counts in series]
    top = max(float(f.max()) for f in fractions) or 1.0

    def x(value: float) -> float:
        return MARGIN + (value - edges[0]) / (edges[-1] - edges[0]) * plot_w

    def y(value: float) -> float:
        return MARGIN + plot_h - value / top * plot_h

    parts = [_frame(plot_w, plot_h)]
    for (label, colour, _), share in zip(series, fractions):
        points = [(x(edges[0]), y(0))]
        for left, right, value in zip(edges[:-1], edges[1:], share):
            points += [(x(left), y(value)), (x(right), y(value))]
        points.append((x(edges[-1]), y(0)))
        parts.append('<polyline fill="none" stroke="{}" stroke-width="1.5" points="{}"/>'.format(
            colour, " ".join("{:.1f},{:.1f}".format(*p) for p in points)))
    parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#888" stroke-dasharray="3,3"/>'.format(
        x(0.0), MARGIN, MARGIN + plot_h))
    for value in np.linspace(edges[0], edges[-1], 5):
        parts.append(_text(x(value), MARGIN + plot_h + 14, "{:.3g}".format(value), "middle"))
    parts.append(_text(MARGIN + plot_w / 2, HEIGHT - 6, x_label, "middle"))
    parts += [_text(WIDTH - MARGIN - 4, MARGIN + 14 + 14 * i, label, "end", colour)
              for i, (label, colour, _) in enumerate(series)]
    return _svg(parts)


def hypsometry_svg(rows: Sequence[Tuple[float, float, float, int]], band_width: float) -> str:
    """Glacier area per elevation band (grey bars, top axis) and median dh (red line, bottom axis)."""
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    bottoms = [r[0] for r in rows]
    low, high = min(bottoms), max(bottoms) + band_width
    areas = [r[1] for r in rows]
    dh = [r[2] for r in rows if math.isfinite(r[2])]
    dh_low, dh_high = (min(dh + [0.0]), max(dh + [0.0])) if dh else (-1.0, 1.0)
    if dh_high - dh_low < 1e-9:
        dh_low, dh_high = dh_low - 1, dh_high + 1

    def y(z: float) -> float:
        return MARGIN + plot_h - (z - low) / (high - low) * plot_h

    def x_dh(value: float) -> float:
        return MARGIN + (value - dh_low) / (dh_high - dh_low) * plot_w

    parts = [_frame(plot_w, plot_h)]
    largest = max(areas) or 1.0
    for bottom, area, _, _ in rows:
        parts.append('<rect x="{}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#d9d9d9"/>'.format(
            MARGIN, y(bottom + band_width), area / largest * plot_w * 0.5,
            max(y(bottom) - y(bottom + band_width) - 1, 0.5)))
    points = ["{:.1f},{:.1f}".format(x_dh(r[2]), y(r[0] + band_width / 2)) for r in rows if math.isfinite(r[2])]
    parts.append('<polyline fill="none" stroke="#b2182b" stroke-width="2" points="{}"/>'.format(" ".join(points)))
    if dh_low < 0 < dh_high:
        parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#888" stroke-dasharray="3,3"/>'.format(
            x_dh(0.0), MARGIN, MARGIN + plot_h))
    for value in np.linspace(dh_low, dh_high, 5):
        parts.append(_text(x_dh(value), MARGIN + plot_h + 14, "{:.3g}".format(value), "middle"))
    for z in np.linspace(low, high, 5):
        parts.append(_text(MARGIN - 4, y(z) + 4, "{:.0f}".format(z), "end"))
    parts.append(_text(MARGIN + plot_w / 2, HEIGHT - 6, "median dh (m), red; glacier area per {:.0f} m band, grey "
                       "(largest {:.3g} km²)".format(band_width, largest), "middle"))
    parts.append(_text(12, MARGIN + plot_h / 2, "elevation (m)", "middle", rotate=True))
    return _svg(parts)


def _frame(plot_w: float, plot_h: float) -> str:
    return '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#444"/>'.format(
        MARGIN, MARGIN, plot_w, plot_h)


def _text(x: float, y: float, text: str, anchor: str, colour: str = "#222", rotate: bool = False) -> str:
    transform = ' transform="rotate(-90 {:.1f} {:.1f})"'.format(x, y) if rotate else ""
    return '<text x="{:.1f}" y="{:.1f}" font-size="11" text-anchor="{}" fill="{}"{}>{}</text>'.format(
        x, y, anchor, colour, transform, html.escape(text))


def _svg(parts: List[str]) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" '
            'font-family="sans-serif">{2}</svg>'.format(WIDTH, HEIGHT, "".join(parts)))


def html_report(result: DemDifferenceResult, reference: str, dem: str) -> str:
    """The report page for ``result``."""
    shift = result.coregistration.shift
    options = result.options
    numbers = [
        ("Reference DEM (kept fixed)", reference), ("DEM (aligned)", dem), ("Grid", result.grid.describe()),
        ("Co-registration", "{} ({} iterations, {} stable samples)".format(
            options.coregister, result.coregistration.iterations, result.coregistration.samples)),
        ("SHIFT_X / SHIFT_Y / SHIFT_Z (m, applied to the DEM)",
         "{} / {} / {}".format(_number(shift.x, 3), _number(shift.y, 3), _number(shift.z, 3))),
        ("Stable terrain before: median / NMAD / cells", "{} / {} m / {}".format(
            _number(result.stable_before.median), _number(result.stable_before.nmad), result.stable_before.count)),
        ("Stable terrain after: median / NMAD / cells", "{} / {} m / {}".format(
            _number(result.stable_after.median), _number(result.stable_after.nmad), result.stable_after.count)),
        ("Stable outliers removed (> {:g} NMAD)".format(options.outlier_nmad), str(result.stable_outliers)),
    ]
    model = result.variogram_model
    numbers.append(("Variogram of stable dh (spherical)", "nugget {} m², partial sill {} m², range {:.0f} m".format(
        _number(model.nugget), _number(model.partial_sill), model.range) if model else "no model could be fitted"))
    glacier = result.glacier
    if glacier is not None:
        mass = glacier.mass
        numbers += [
            ("Glacier area (cells on the grid)", "{} km² ({} cells; polygons {} km²)".format(
                _number(glacier.area_km2), glacier.cells, _number(glacier.polygons_area_km2))),
            ("Glacier cells: valid / outliers removed / voids filled ({})".format(options.fill_voids),
             "{} / {} / {}".format(glacier.valid_cells, glacier.outlier_cells, glacier.filled_cells)),
            ("Mean glacier dh", "{} ± {} m ({:.1f} effective samples)".format(
                _number(glacier.mean_dh), _number(glacier.mean_dh_error), glacier.effective_samples)),
            ("Volume change", "{} ± {} m³".format(_number(mass.volume_m3), _number(mass.volume_error_m3))),
            ("Mass balance (density {:g} ± {:g} kg m⁻³)".format(options.density, options.density_error),
             "{} ± {} m w.e. a⁻¹ over {} years".format(
                 _number(mass.rate_mwe), _number(mass.rate_error_mwe), _number(options.years, 2))
             if mass.rate_mwe is not None
             else "give REFERENCE_YEAR and DEM_YEAR for a rate"),
        ]
    histogram = histogram_svg(result.histogram_edges, [
        ("before co-registration", "#7f7f7f", result.histogram_before),
        ("after co-registration", "#2166ac", result.histogram_after)], "stable-terrain dh (m)")
    body = ["<h1>DEM differencing report</h1>", "<table>", _rows(numbers), "</table>",
            "<h2>Stable terrain elevation differences</h2>", histogram]
    if glacier is not None and glacier.hypsometry:
        body += ["<h2>Glacier elevation change by elevation band</h2>", hypsometry_svg(glacier.hypsometry, BAND_WIDTH),
                 "<table><tr><th>band (m)</th><th>area (km²)</th><th>median dh (m)</th><th>valid cells</th></tr>",
                 "".join("<tr><td>{:.0f}–{:.0f}</td><td>{:.4f}</td><td>{}</td><td>{}</td></tr>".format(
                     b, b + BAND_WIDTH, a, _number(d, 2), n) for b, a, d, n in glacier.hypsometry), "</table>"]
    if result.messages:
        body += ["<h2>Log</h2><ul>", "".join("<li>{}</li>".format(html.escape(m)) for m in result.messages), "</ul>"]
    body.append("<p>Methods: Nuth &amp; Kääb (2011) co-registration; NMAD outlier filter (Höhle &amp; Höhle 2009) "
                "per elevation band on glaciers; {} void filling (McNabb et al. 2019); error of the mean from a "
                "spherical variogram of stable dh (Rolstad et al. 2009, Hugonnet et al. 2022); density conversion "
                "after Huss (2013).</p>".format(html.escape(options.fill_voids)))
    style = ("body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#222}table{border-collapse:collapse}"
             "th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:0.9em}")
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>DEM differencing report</title>'
            "<style>{}</style></head><body>{}</body></html>\n".format(style, "\n".join(body)))
