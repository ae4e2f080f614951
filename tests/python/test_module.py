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

# The version, and the notebook object.
r = cli("--version")
check(f"__version__ is the program's ({primordial.__version__})", r.stdout == f"primordial {primordial.__version__}\n")
net = primordial.Network(depth=7, width=12, seed=4, size=(90, 60))
ref = os.path.join(tmp, "network.png")
cli("render", "--depth", "7", "--width", "12", "--seed", "4", "--size", "90x60", "--backend", "cpu", "-q", "-o", ref)
check("Network().render() equals primordial render", np.array_equal(net.render(), png(ref)))
check("Network().render(size=...) equals render(..., size=...)",
      np.array_equal(net.render(size=(50, 40)), primordial.render(depth=7, width=12, seed=4, size=(50, 40))))
shown = net._repr_png_()
with open(os.path.join(tmp, "shown.png"), "wb") as f:
    f.write(shown)
check("Network()._repr_png_(): the PNG a notebook shows, the picture's pixels", np.array_equal(png(os.path.join(tmp, "shown.png")), png(ref)))
check("_repr_png_ carries the parameters (--params reads it)",
      json.loads(Image.open(os.path.join(tmp, "shown.png")).text["primordial"])["network"]["seed"] == 4)
check("a big Network is shown at most 512 pixels a side",
      Image.open(__import__("io").BytesIO(primordial.Network(depth=3, size=(2048, 1024))._repr_png_())).size == (512, 256))
check("Network().params is --save-params' JSON",
      net.params == json.loads(cli("render", "--depth", "7", "--width", "12", "--seed", "4", "--size", "90x60", "--save-params", "-").stdout))
check("Network().weights() is network()", all(np.array_equal(a["weights"], b["weights"]) for a, b in
      zip(net.weights()["layers"], primordial.network(depth=7, width=12, seed=4)["layers"])))
check("Network().stats() is stats()", net.stats() == primordial.stats(depth=7, width=12, seed=4))
check("repr(Network) names the network", repr(net).startswith("primordial.Network(depth=7, width=12, seed=4"))
try:
    primordial.Network(depth=0)
    check("Network(depth=0) raises ValueError", False)
except ValueError as e:
    check(f"Network(depth=0) raises ValueError: {e}", "--depth" in str(e))
try:
    net.render(size=(0, 5))
    check("render(size=(0, 5)) raises ValueError", False)
except ValueError as e:
    check(f"Network().render(size=(0, 5)) raises ValueError: {e}", "--size" in str(e))

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
