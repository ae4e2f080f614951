"""The Python module as a notebook uses it: pictures equal `primordial render` pixel for pixel,
weights equal `--dump-weights`, statistics equal `primordial stats`, and bad settings raise
ValueError with the command line's message.

Usage: test_module.py PRIMORDIAL_BINARY TMP_DIR   (with build/python on PYTHONPATH)
"""
import json
import os
import subprocess
import sys

try:
    import numpy as np
    from PIL import Image
except ImportError:
    print("SKIP: python3-numpy and python3-pil are needed")
    sys.exit(77)

import primordial

binary, tmp = sys.argv[1], sys.argv[2]
os.makedirs(tmp, exist_ok=True)
failures = []


def check(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def cli(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def png(path):
    return np.asarray(Image.open(path).convert("RGB"))


# Pictures: keyword settings, lists and tuples, a colour map, a PNG's parameters.
cases = [
    (dict(depth=18, width=30, seed=2, size=(160, 96)), ["--depth", "18", "--width", "30", "--seed", "2", "--size", "160x96"]),
    (dict(depth=5, width=[12, 8, 6, 4], activation="relu", init="he", scale=1.0, center=(0.5, -0.25), extent=2.5, size=(70, 90)),
     ["--depth", "5", "--width", "12,8,6,4", "--activation", "relu", "--init", "he", "--scale", "1.0", "--center", "0.5,-0.25", "--extent", "2.5", "--size", "70x90"]),
    (dict(depth=6, outputs=1, colormap="magma", inputs=["x", "y", "r"], size=(64, 64)),
     ["--depth", "6", "--outputs", "1", "--colormap", "magma", "--inputs", "x,y,r", "--size", "64x64"]),
]
for i, (settings, flags) in enumerate(cases):
    out = os.path.join(tmp, f"case{i}.png")
    r = cli("render", *flags, "--backend", "cpu", "-q", "-o", out)
    check(f"render {flags}: exit 0", r.returncode == 0)
    a = primordial.render(**settings)
    check(f"render {settings}: uint8 (h, w, 3)", a.dtype == np.uint8 and a.shape == png(out).shape)
    check(f"render {settings}: equals primordial render pixel for pixel", np.array_equal(a, png(out)))

# params=FILE: a PNG's parameters and size; size= overrides it.
ref = os.path.join(tmp, "case0.png")
check("params=PNG renders the PNG again", np.array_equal(primordial.render(params=ref), png(ref)))
check("size= overrides the file's size", primordial.render(params=ref, size=(40, 30)).shape == (30, 40, 3))
check("seed as a Python int beyond 2^63", primordial.render(depth=2, seed=2**64 - 1, size=(8, 8)).shape == (8, 8, 3))

# Weights as --dump-weights writes them.
dump = os.path.join(tmp, "w.json")
r = cli("render", "--depth", "4", "--width", "9", "--seed", "3", "--size", "8x8", "-q", "-o", os.path.join(tmp, "w.png"), "--dump-weights", dump)
check("--dump-weights: exit 0", r.returncode == 0)
ref = json.load(open(dump))
net = primordial.network(depth=4, width=9, seed=3)
check("network(): inputs", net["inputs"] == ref["inputs"])
check("network(): one entry per layer", len(net["layers"]) == len(ref["layers"]))
for k, (mine, theirs) in enumerate(zip(net["layers"], ref["layers"])):
    check(f"layer {k}: float32 weights equal the dump",
          mine["weights"].dtype == np.float32 and np.array_equal(mine["weights"], np.array(theirs["weights"], dtype=np.float32)))
    check(f"layer {k}: biases equal the dump", np.array_equal(mine["biases"], np.array(theirs["biases"], dtype=np.float32)))
    check(f"layer {k}: activation", mine["activation"] == theirs["activation"])

# Statistics as `primordial stats --format json`.
r = cli("stats", "--depth", "6", "--width", "20", "--format", "json")
check("primordial stats: exit 0", r.returncode == 0)
check("stats() equals primordial stats", primordial.stats(depth=6, width=20) == json.loads(r.stdout))

# Bad settings: ValueError with the command line's message (the line after "primordial: error: ").
for settings, flags in [
    (dict(depth=0), ["--depth", "0"]),
    (dict(width=[30, -1]), ["--width", "30,-1"]),
    (dict(activation="swish"), ["--activation", "swish"]),
    (dict(size=(0, 10)), ["--size", "0x10"]),
    (dict(extent=float("nan")), ["--extent", "nan"]),
    (dict(seed=-1), ["--seed", "-1"]),
    (dict(params=os.path.join(tmp, "missing.json")), ["--params", os.path.join(tmp, "missing.json")]),
]:
    r = cli("render", *flags, "-q", "-o", os.path.join(tmp, "never.png"))
    message = r.stderr.strip().removeprefix("primordial: error: ")
    try:
        primordial.render(**settings)
        check(f"{settings} raises ValueError", False)
    except ValueError as e:
        check(f"{settings}: ValueError '{e}' is the command line's (exit {r.returncode})", str(e) == message and r.returncode == 2)
try:
    primordial.render(dept=3)
    check("a misspelt setting raises ValueError", False)
except ValueError as e:
    check(f"a misspelt setting: {e}", "unknown setting 'dept'" in str(e) and "depth" in str(e))

if failures:
    print(f"{len(failures)} failed")
    sys.exit(1)
print("PASS")
