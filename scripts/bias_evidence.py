#!/usr/bin/env python3
"""Measures the article's figures to decide Primordial's bias rule (docs/PARAMETERS.md).

Usage: scripts/bias_evidence.py ORIGINALS_DIR [build/primordial]

ORIGINALS_DIR holds reduced copies of the article's images (fig07-one-layer.jpg, ...); they are
read, never copied. Prints two tables:

1. One-layer tiles: for each channel the line where it crosses 0.5 is fitted to the logits of
   its unsaturated pixels; if the three lines meet in one point the layer has no bias (three
   lines with random offsets almost never do). The spread of their pairwise crossings is given
   in tile half-widths, beside the spread the same tiles would show with biases drawn like the
   weights.
2. Figure 18 (one network from [-40, 40]^2 zooming in twice per step, centred on the origin):
   how much of each tile's gradient energy runs around the centre rather than towards it
   (0.5: no preference; 1: a perfect star). Primordial's figure 18 is rendered at the same size
   with hidden biases at several fractions of the weight scale for comparison.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image


def load(path):
    return np.asarray(Image.open(path).convert("RGB")).astype(np.float64) / 255.0


def runs(mask, min_len=20):
    """[start, end) of the runs of True at least min_len long."""
    out, i = [], 0
    while i < len(mask):
        if mask[i]:
            j = i
            while j < len(mask) and mask[j]:
                j += 1
            if j - i >= min_len:
                out.append((i, j))
            i = j
        else:
            i += 1
    return out


def tiles(img):
    """The tiles of a figure: the blocks between its white gutters, row by row."""
    white = img.min(axis=2) > 0.92
    rows = runs(~(white.mean(axis=1) > 0.97))
    cols = runs(~(white.mean(axis=0) > 0.97))
    return [img[r0:r1, c0:c1] for r0, r1 in rows for c0, c1 in cols]


def plane(t):
    """Pixel centres in tile half-widths, y up."""
    h, w, _ = t.shape
    s = min(h, w) / 2
    v, u = np.mgrid[0:h, 0:w]
    return (u + 0.5 - w / 2) / s, (h / 2 - v - 0.5) / s


def half_lines(t):
    """Per channel, (a, b, c) with a x + b y + c = 0 where the channel crosses 0.5."""
    u, v = plane(t)
    lines = []
    for ch in range(3):
        c = t[:, :, ch]
        m = (c > 0.06) & (c < 0.94)
        if m.sum() < 50:
            continue
        logit = np.log(c[m] / (1 - c[m]))
        a = np.stack([u[m], v[m], np.ones(m.sum())], 1)
        wt = c[m] * (1 - c[m])  # trusts the steep middle over the flat, JPEG-noisy ends
        coef, *_ = np.linalg.lstsq(a * wt[:, None], logit * wt, rcond=None)
        lines.append(coef)
    return lines


def spread(lines):
    """Largest distance between pairwise crossings, and the crossing nearest all lines."""
    pts = []
    for i in range(len(lines)):
        for j in range(i + 1, len(lines)):
            (a1, b1, c1), (a2, b2, c2) = lines[i], lines[j]
            det = a1 * b2 - b1 * a2
            if abs(det) > 1e-9:
                pts.append(((b1 * c2 - c1 * b2) / det, (c1 * a2 - a1 * c2) / det))
    if len(pts) < 2:
        return None, None
    pts = np.array(pts)
    d = max(np.hypot(*(p - q)) for p in pts for q in pts)
    return d, pts.mean(0)


def random_spread(slopes, rng, trials=2000):
    """Crossing spread of three lines with the measured slopes and biases drawn like weights.

    With weights and biases uniform on [-1, 1] over [-e, e]^2 a channel's logit is
    e (w . x) + b in tile units, so the tile's mean slope tells e (E|w| = 0.765)."""
    e = slopes / 0.765
    out = []
    for _ in range(trials):
        w = rng.uniform(-1, 1, (3, 2))
        b = rng.uniform(-1, 1, 3)
        lines = [(w[i, 0] * e, w[i, 1] * e, b[i]) for i in range(3)]
        s, _ = spread(lines)
        if s is not None:
            out.append(s)
    return np.median(out)


def tangential(t):
    """Fraction of gradient energy across rays from the tile's centre (0.5: none; 1: a star)."""
    h, w, _ = t.shape
    gy, gx = np.gradient(t, axis=(0, 1))
    gxx, gyy, gxy = (gx * gx).sum(2), (gy * gy).sum(2), (gx * gy).sum(2)
    v, u = np.mgrid[0:h, 0:w]
    dx, dy = u - (w - 1) / 2, v - (h - 1) / 2
    r = np.hypot(dx, dy)
    m = (r > 0.04 * min(h, w)) & (r < 0.5 * min(h, w))
    tx, ty = -dy / np.maximum(r, 1e-9), dx / np.maximum(r, 1e-9)
    along = (gxx * tx * tx + 2 * gxy * tx * ty + gyy * ty * ty)[m].sum()
    return along / max((gxx + gyy)[m].sum(), 1e-12)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    originals = Path(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else "build/primordial"
    rng = np.random.default_rng(1)

    print("## One-layer tiles: do the three 0.5-level lines meet?\n")
    print("| figure | tile | crossings spread (half-widths) | with biases like the weights | meeting point (from left, from top) |")
    print("|---|---|---|---|---|")
    sources = [("fig07-one-layer.jpg", range(6), 3), ("fig09-successive-layers.jpg", [0, 10, 20, 30], None),
               ("fig10-deep-dive.jpg", [0], None), ("fig14-tanh-vs-relu.jpg", [0, 4], None)]
    for name, picks, _ in sources:
        ts = tiles(load(originals / name))
        for k in picks:
            lines = half_lines(ts[k])
            s, p = spread(lines)
            if s is None:
                continue
            slopes = np.mean([np.hypot(a, b) for a, b, _ in lines])
            ctl = random_spread(slopes, rng, 500)
            print(f"| {name[3:5]} | {k + 1} | {s:.3f} | {ctl:.2f} | {(1 + p[0]) / 2:.2f}, {(1 - p[1]) / 2:.2f} |")

    print("\n## Figure 18: energy across the rays from the centre, tile by tile (extent 40 ... 0.156)\n")
    orig = [tangential(t) for t in tiles(load(originals / "fig18-zoom-series.jpg"))]
    print("| source | " + " | ".join(f"{40 / 2 ** k:.3g}" for k in range(9)) + " |")
    print("|---|" + "---|" * 9)
    print("| the article | " + " | ".join(f"{a:.2f}" for a in orig) + " |")
    with tempfile.TemporaryDirectory() as d:
        out = Path(d) / "f18.png"

        def profile(frac, seed=None, size=1000):
            args = [binary, "figure", "18", "--size", f"{size}x{size}", "--bias-scale",
                    str(0.65 * frac), "--backend", "cpu", "-q", "-o", str(out)]
            if seed is not None:
                args += ["--seed", str(seed)]
            subprocess.run(args, check=True)
            return np.array([tangential(t) for t in tiles(load(out))])

        rms = lambda p: np.sqrt(np.mean((p - np.array(orig)) ** 2))
        for frac in [0.0, 0.1, 0.25, 0.5, 1.0]:
            ours = profile(frac)
            print(f"| figure 18, hidden biases {frac:g} x scale (rms {rms(ours):.3f}) | "
                  + " | ".join(f"{a:.2f}" for a in ours) + " |")
        print("\n## The same, as the median rms over seeds 1 ... 12 (600 pixels)\n")
        print("| hidden biases | " + " | ".join(f"{f:g} x scale" for f in [0.1, 0.25, 0.35, 0.5, 0.75, 1.0]) + " |")
        print("|---|" + "---|" * 6)
        row = [np.median([rms(profile(f, seed, 600)) for seed in range(1, 13)])
               for f in [0.1, 0.25, 0.35, 0.5, 0.75, 1.0]]
        print("| median rms | " + " | ".join(f"{r:.3f}" for r in row) + " |")

if __name__ == "__main__":
    main()
