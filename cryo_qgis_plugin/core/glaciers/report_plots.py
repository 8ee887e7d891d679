"""The plots of the DEM differencing report as inline SVG: round ticks on every axis, axis titles with units.

No script and no external file, so the page opens in any browser and in QGIS's results viewer.
"""
from __future__ import annotations

import html
import math
from typing import List, Sequence, Tuple

import numpy as np

WIDTH, HEIGHT = 720, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 34, 52
GREY = "#888"


def nice_ticks(low: float, high: float, count: int = 6) -> List[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten apart) inside ``[low, high]``, about ``count``."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = min((m * power for m in (1, 2, 2.5, 5, 10)), key=lambda s: abs(math.log(s / raw)))
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9 * step:
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    return ticks


def tick_label(value: float, ticks: Sequence[float]) -> str:
    """``value`` with as many decimals as the tick step needs, thousands separated."""
    step = min((abs(b - a) for a, b in zip(ticks[:-1], ticks[1:])), default=1.0) or 1.0
    decimals = next((d for d in range(7) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-6 * 10 ** d), 6)
    return "{:,.{}f}".format(value, decimals).replace("-", "−")


def svg_text(x: float, y: float, text: str, anchor: str = "middle", colour: str = "#222", rotate: bool = False,
             size: int = 12) -> str:
    transform = ' transform="rotate(-90 {:.1f} {:.1f})"'.format(x, y) if rotate else ""
    return '<text x="{:.1f}" y="{:.1f}" font-size="{}" text-anchor="{}" fill="{}"{}>{}</text>'.format(
        x, y, size, anchor, colour, transform, html.escape(text))


def svg_line(x1: float, y1: float, x2: float, y2: float, colour: str = "#444", dash: bool = False) -> str:
    return '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="{}"{}/>'.format(
        x1, y1, x2, y2, colour, ' stroke-dasharray="3,3"' if dash else "")


def svg(parts: List[str], width: int = WIDTH, height: int = HEIGHT) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" '
            'font-family="sans-serif">{2}</svg>'.format(width, height, "".join(parts)))


class Axes:
    """A plot frame with linear x and y scales and round ticks."""

    def __init__(self, x_range: Tuple[float, float], y_range: Tuple[float, float]) -> None:
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        self.w, self.h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(self, value: float) -> float:
        return LEFT + (value - self.x0) / ((self.x1 - self.x0) or 1.0) * self.w

    def y(self, value: float) -> float:
        return TOP + self.h - (value - self.y0) / ((self.y1 - self.y0) or 1.0) * self.h

    def frame(self, x_title: str, y_title: str) -> List[str]:
        parts = ['<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#444"/>'.format(
            LEFT, TOP, self.w, self.h)]
        xt = nice_ticks(self.x0, self.x1)
        for value in xt:
            parts += [svg_line(self.x(value), TOP + self.h, self.x(value), TOP + self.h + 4),
                      svg_text(self.x(value), TOP + self.h + 17, tick_label(value, xt))]
        yt = nice_ticks(self.y0, self.y1)
        for value in yt:
            parts += [svg_line(LEFT - 4, self.y(value), LEFT, self.y(value)),
                      svg_line(LEFT, self.y(value), LEFT + self.w, self.y(value), "#e4e4e4"),
                      svg_text(LEFT - 7, self.y(value) + 4, tick_label(value, yt), "end")]
        parts += [svg_text(LEFT + self.w / 2, HEIGHT - 10, x_title),
                  svg_text(16, TOP + self.h / 2, y_title, rotate=True)]
        return parts

    def top_axis(self, low: float, high: float, title: str) -> List[str]:
        """A second x scale along the top (``low``..``high`` over the plot's width)."""
        parts = []
        ticks = nice_ticks(low, high)
        for value in ticks:
            x = LEFT + (value - low) / ((high - low) or 1.0) * self.w
            parts += [svg_line(x, TOP - 4, x, TOP), svg_text(x, TOP - 7, tick_label(value, ticks), size=11)]
        parts.append(svg_text(LEFT + self.w, 12, title, "end", size=11))
        return parts


def histogram_svg(edges: np.ndarray, series: Sequence[Tuple[str, str, np.ndarray]], x_label: str) -> str:
    """Step histograms (label, colour, counts) sharing ``edges``, in % of each series' cells per bin."""
    shares = [100.0 * counts / max(counts.sum(), 1) for _, _, counts in series]
    top = max(float(s.max()) for s in shares) or 1.0
    axes = Axes((float(edges[0]), float(edges[-1])), (0.0, top * 1.08))
    parts = axes.frame(x_label, "cells per {:.2g} m bin (%)".format(float(edges[1] - edges[0])))
    for (label, colour, _), share in zip(series, shares):
        points = [(axes.x(edges[0]), axes.y(0))]
        for left, right, value in zip(edges[:-1], edges[1:], share):
            points += [(axes.x(left), axes.y(value)), (axes.x(right), axes.y(value))]
        points.append((axes.x(edges[-1]), axes.y(0)))
        parts.append('<polyline fill="none" stroke="{}" stroke-width="1.5" points="{}"/>'.format(
            colour, " ".join("{:.1f},{:.1f}".format(*p) for p in points)))
    if edges[0] < 0 < edges[-1]:
        parts.append(svg_line(axes.x(0.0), TOP, axes.x(0.0), TOP + axes.h, GREY, dash=True))
    parts += [svg_text(LEFT + axes.w - 6, TOP + 16 + 15 * i, label, "end", colour)
              for i, (label, colour, _) in enumerate(series)]
    return svg(parts)


def hypsometry_svg(rows: Sequence[Tuple[float, float, float, int]], band_width: float) -> str:
    """Glacier area per elevation band (grey bars, top scale in km²) and median dh (red line, bottom scale)."""
    low = min(r[0] for r in rows)
    high = max(r[0] for r in rows) + band_width
    dh = [r[2] for r in rows if math.isfinite(r[2])]
    dh_low, dh_high = (min(dh + [0.0]), max(dh + [0.0])) if dh else (-1.0, 1.0)
    pad = 0.05 * ((dh_high - dh_low) or 2.0)
    axes = Axes((dh_low - pad, dh_high + pad), (low, high))
    largest = max(r[1] for r in rows) or 1.0
    parts = []
    for bottom, area, _, _ in rows:
        parts.append('<rect x="{}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#d9d9d9"/>'.format(
            LEFT, axes.y(bottom + band_width), area / (largest * 1.1) * axes.w,
            max(axes.y(bottom) - axes.y(bottom + band_width) - 1, 0.5)))
    parts += axes.frame("median elevation change of the band (m), red", "elevation (m)")
    parts += axes.top_axis(0.0, largest * 1.1, "glacier area per {:.0f} m band (km²), grey".format(band_width))
    points = ["{:.1f},{:.1f}".format(axes.x(r[2]), axes.y(r[0] + band_width / 2)) for r in rows if math.isfinite(r[2])]
    parts.append('<polyline fill="none" stroke="#b2182b" stroke-width="2" points="{}"/>'.format(" ".join(points)))
    if axes.x0 < 0 < axes.x1:
        parts.append(svg_line(axes.x(0.0), TOP, axes.x(0.0), TOP + axes.h, GREY, dash=True))
    return svg(parts)


def variogram_svg(lags: np.ndarray, gamma: np.ndarray, model, ranges: Sequence[float]) -> str:
    """Empirical variogram of the standardised stable dh (dots) and the fitted model (line) on a logarithmic lag
    axis (decade ticks in m), the model's ranges as dashed lines."""
    low = 10 ** math.floor(math.log10(max(float(np.min(lags)), 1e-3)))
    high = 10 ** math.ceil(math.log10(float(np.max(lags))))
    fine = np.geomspace(low, high, 200)
    top = max(float(np.max(gamma)), float(np.max(model(fine)))) * 1.1 or 1.0
    axes = Axes((math.log10(low), math.log10(high)), (0.0, top))
    parts = [p for p in axes.frame("lag (m, logarithmic)", "semivariance of z = dh / σ_dh")
             if 'y="{:.1f}"'.format(TOP + axes.h + 17) not in p]  # the decade labels replace the linear ones
    for decade in range(int(round(math.log10(low))), int(round(math.log10(high))) + 1):
        parts.append(svg_text(axes.x(decade), TOP + axes.h + 17, "{:,.0f}".format(10.0 ** decade)))
    for value in ranges:
        if low < value < high:
            parts += [svg_line(axes.x(math.log10(value)), TOP, axes.x(math.log10(value)), TOP + axes.h, GREY, True),
                      svg_text(axes.x(math.log10(value)) + 4, TOP + 14, "range {:,.0f} m".format(value), "start",
                               GREY, size=11)]
    parts.append('<polyline fill="none" stroke="#b2182b" stroke-width="2" points="{}"/>'.format(" ".join(
        "{:.1f},{:.1f}".format(axes.x(math.log10(h)), axes.y(float(g))) for h, g in zip(fine, model(fine)))))
    parts += ['<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="#2166ac"/>'.format(axes.x(math.log10(h)), axes.y(g))
              for h, g in zip(lags, gamma) if h > 0]
    parts += [svg_text(LEFT + axes.w - 6, TOP + axes.h - 24, "empirical (Dowd), blue", "end", "#2166ac"),
              svg_text(LEFT + axes.w - 6, TOP + axes.h - 9, "nugget + two spherical models, red", "end", "#b2182b")]
    return svg(parts)
