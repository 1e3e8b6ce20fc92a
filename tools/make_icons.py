#!/usr/bin/python3
"""Renders resources/icons/retrain-studio.svg's drawing to PNG icons for the desktop (the
hicolor sizes a .deb ships), with Pillow. Run after changing the SVG; the PNGs are committed.

Usage: tools/make_icons.py
"""
import pathlib

from PIL import Image, ImageDraw

ROOT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "icons" / "hicolor"


def cubic(p0, p1, p2, p3, n=64):
    return [tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d
                  for a, b, c, d in zip(p0, p1, p2, p3)) for t in (i / n for i in range(n + 1))]


def render(size):
    scale = 4 * size / 128  # drawn 4x larger, then reduced: antialiasing
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    s = lambda *xy: tuple(v * scale for v in xy)
    draw.rounded_rectangle(s(8, 8, 120, 120), radius=20 * scale, fill="#2b5797")
    # M28 92 C44 92 48 40 64 40 S84 76 100 36 (S reflects the previous control point)
    curve = cubic((28, 92), (44, 92), (48, 40), (64, 40)) + cubic((64, 40), (80, 40), (84, 76), (100, 36))
    points = [s(x, y) for x, y in curve]
    draw.line(points, fill="#ffffff", width=round(6 * scale), joint="curve")
    for x, y in [(28, 92), (64, 40), (100, 36)]:
        draw.ellipse(s(x - 8, y - 8, x + 8, y + 8), fill="#ffd166")
    return big.resize((size, size), Image.LANCZOS)


for size in (48, 64, 128, 256):
    out = ROOT / f"{size}x{size}" / "apps" / "retrain-studio.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    render(size).save(out)
    print(out)
