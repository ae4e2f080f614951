#!/usr/bin/env python3
"""Evaluate a `primordial render --dump-weights` network with numpy, the article's way:
whole-image matrix products, one layer at a time.

  numpy_reference.py WEIGHTS.json WIDTHxHEIGHT [--compare IMAGE.png] [--dtype float32|float64]
                     [--bench N] [--tolerance 2] [--min-agree 99.0]

--compare reads a PNG and prints the share of pixels whose channels all
lie within --tolerance/255 of numpy's; exits 1 below --min-agree percent.
--bench N times N full evaluations and prints the best, in milliseconds.
"""
import argparse
import json
import sys
import time

import numpy as np

ACTIVATIONS = {
    "tanh": np.tanh,
    "sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)),
    "relu": lambda v: np.maximum(v, 0),
    "leaky_relu": lambda v: np.where(v > 0, v, 0.01 * v),
    "elu": lambda v: np.where(v > 0, v, np.expm1(np.minimum(v, 0))),
    "softplus": lambda v: np.logaddexp(0, v),
    "sin": np.sin,
    "gaussian": lambda v: np.exp(-v * v),
    "identity": lambda v: v,
}


def load(path, dtype):
    with open(path) as f:
        doc = json.load(f)
    if doc.get("format") != "primordial-weights/1":
        sys.exit(f"{path}: not a primordial-weights/1 file")
    layers = [(np.array(l["weights"], dtype=dtype), np.array(l["biases"], dtype=dtype),
               ACTIVATIONS[l["activation"]]) for l in doc["layers"]]
    return doc, layers


def pixel_inputs(doc, width, height, dtype):
    cx, cy = doc["view"]["center"]
    extent, z = doc["view"]["extent"], doc["view"]["z"]
    s = 2.0 * extent / min(width, height)
    x = cx + (np.arange(width) + 0.5 - width / 2) * s
    y = cy + (height / 2 - np.arange(height) - 0.5) * s
    X, Y = np.meshgrid(x, y)
    angle = 2 * np.pi * doc["view"].get("t", 0.0)
    cols = {"x": X, "y": Y, "r": np.sqrt(X * X + Y * Y), "z": np.full_like(X, z),
            "cos_t": np.full_like(X, np.cos(angle)), "sin_t": np.full_like(X, np.sin(angle))}
    return np.stack([cols[name].ravel() for name in doc["inputs"]], axis=1).astype(dtype)


def evaluate(layers, inputs):
    v = inputs
    for w, b, act in layers:
        v = act(v @ w.T + b)
    return v


def to_bytes(out, width, height):
    rgb = np.clip(out, 0, 1) * 255 + 0.5
    rgb = rgb.astype(np.uint8)
    if rgb.shape[1] == 1:
        rgb = np.repeat(rgb, 3, axis=1)
    return rgb.reshape(height, width, 3)


def read_png_rgb(path):
    from PIL import Image  # Debian: python3-pil
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.int32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("weights")
    ap.add_argument("size")
    ap.add_argument("--compare")
    ap.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    ap.add_argument("--bench", type=int, default=0)
    ap.add_argument("--tolerance", type=int, default=2)
    ap.add_argument("--min-agree", type=float, default=99.0)
    a = ap.parse_args()
    width, height = (int(v) for v in a.size.split("x"))
    dtype = np.float32 if a.dtype == "float32" else np.float64
    doc, layers = load(a.weights, dtype)
    if a.bench:
        best = float("inf")
        for _ in range(a.bench):
            t = time.perf_counter()
            evaluate(layers, pixel_inputs(doc, width, height, dtype))
            best = min(best, time.perf_counter() - t)
        print(f"numpy {a.dtype}: {best * 1000:.1f} ms")
    if a.compare:
        ref = to_bytes(evaluate(layers, pixel_inputs(doc, width, height, dtype)), width, height)
        got = read_png_rgb(a.compare)
        close = np.all(np.abs(got - ref.astype(np.int32)) <= a.tolerance, axis=2)
        agree = 100.0 * close.mean()
        print(f"{agree:.3f}% of pixels within {a.tolerance}/255")
        return 0 if agree >= a.min_agree else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
