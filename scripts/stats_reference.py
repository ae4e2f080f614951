#!/usr/bin/env python3
"""An independent numpy computation of `primordial stats` from a weights dump.

Usage: scripts/stats_reference.py WEIGHTS.json WxH [--circle-points K] [--compare STATS.json]

Reads the network `primordial render --dump-weights` wrote (the exact float32 weights, the
view), measures in float64 what docs/UNDERSTANDING.md defines (each layer's mean squared
pre-activation q, the length of the circle's image, saturated and dead shares, relu's linear
regions), prints it as JSON, and with --compare checks `primordial stats --format json` against
it (exit 1 on a mismatch beyond 1e-9 relative)."""
import argparse
import json
import sys

import numpy as np

ACT = {
    "tanh": (np.tanh, lambda v: 1 - np.tanh(v) ** 2),
    "sigmoid": (lambda v: 1 / (1 + np.exp(-v)), lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2),
    "relu": (lambda v: np.maximum(v, 0), lambda v: (v > 0).astype(float)),
    "leaky_relu": (lambda v: np.where(v > 0, v, 0.01 * v), lambda v: np.where(v > 0, 1.0, 0.01)),
    "elu": (lambda v: np.where(v > 0, v, np.expm1(np.minimum(v, 0))), lambda v: np.where(v > 0, 1.0, np.exp(np.minimum(v, 0)))),
    "softplus": (lambda v: np.logaddexp(0, v), lambda v: 1 / (1 + np.exp(-v))),
    "sin": (np.sin, np.cos),
    "gaussian": (lambda v: np.exp(-v * v), lambda v: -2 * v * np.exp(-v * v)),
    "identity": (lambda v: v, lambda v: np.ones_like(v)),
}


def inputs(names, view, xs, ys):
    t = view.get("t", 0.0)
    cols = {"x": xs, "y": ys, "r": np.hypot(xs, ys), "z": np.full_like(xs, view["z"]),
            "cos_t": np.full_like(xs, np.cos(2 * np.pi * t)), "sin_t": np.full_like(xs, np.sin(2 * np.pi * t))}
    return np.stack([cols[n] for n in names])


def measure(dump, width, height, k):
    view = dump["view"]
    cx, cy = view["center"]
    e = view["extent"]
    step = 2 * e / min(width, height)
    i, j = np.meshgrid(np.arange(width), np.arange(height))
    xs = (cx + (i + 0.5 - width / 2) * step).ravel()
    ys = (cy + (height / 2 - j - 0.5) * step).ravel()
    a = 2 * np.pi * np.arange(k) / k
    y = inputs(dump["inputs"], view, xs, ys)
    c = inputs(dump["inputs"], view, cx + e * np.cos(a), cy + e * np.sin(a))
    closed = lambda v: float(np.sqrt(((np.roll(v, -1, axis=1) - v) ** 2).sum(0)).sum())
    out = {"input_trajectory_length": closed(c), "layers": []}
    layers = dump["layers"]
    signs = []
    relu_like = all(l["activation"] in ("relu", "leaky_relu") for l in layers[:-1]) and len(layers) > 1
    for n, layer in enumerate(layers):
        w = np.array(layer["weights"], dtype=np.float64).reshape(len(layer["biases"]), -1)
        b = np.array(layer["biases"], dtype=np.float64)
        f, df = ACT[layer["activation"]]
        h = w @ y + b[:, None]
        slow = np.abs(df(h)) < 0.1
        if n + 1 < len(layers):
            signs.append(h > 0)
        y = f(h)
        c = f(w @ c + b[:, None])
        out["layers"].append({"layer": n + 1, "q": float((h ** 2).mean()), "trajectory_length": closed(c),
                              "saturated": float(slow.mean()), "dead": float(slow.all(axis=1).mean())})
    out["regions"] = len({row.tobytes() for row in np.concatenate(signs).T}) if relu_like else None
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("weights")
    ap.add_argument("size")
    ap.add_argument("--circle-points", type=int, default=4096)
    ap.add_argument("--compare")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    ref = measure(json.load(open(args.weights)), width, height, args.circle_points)
    if not args.compare:
        print(json.dumps(ref, indent=2))
        return 0
    got = json.load(open(args.compare))
    bad = []
    close = lambda u, v: abs(u - v) <= 1e-9 * max(1.0, abs(v))
    if not close(got["input_trajectory_length"], ref["input_trajectory_length"]):
        bad.append(("input_trajectory_length", got["input_trajectory_length"], ref["input_trajectory_length"]))
    for g, r in zip(got["layers"], ref["layers"]):
        for key in ("q", "trajectory_length", "saturated", "dead"):
            if not close(g[key], r[key]):
                bad.append((f"layer {r['layer']} {key}", g[key], r[key]))
    if got["regions"] != ref["regions"]:
        bad.append(("regions", got["regions"], ref["regions"]))
    for what, g, r in bad:
        print(f"MISMATCH {what}: primordial {g}, numpy {r}")
    print(f"{len(ref['layers'])} layers: q, trajectory length, saturated, dead, regions "
          f"{'agree' if not bad else 'DIFFER'} (regions {ref['regions']})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
