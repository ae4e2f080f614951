#!/usr/bin/env python3
"""Every still figure measured beside the article's original, over many seeds.

Usage: scripts/article_evidence.py [--originals DIR] [--measures FILE] [--binary build/primordial]
                                   [--seeds 1-8] [--figures 1,10,11] [--format md|json]

Each figure is rendered by `primordial figure N --seed k` at the original's size, for every seed
asked for and for the preset's own seed, and measured with the fidelity measures
(../shared/fidelity/measures.py: hub position and radial score, gradient density, tiles). The
originals (reduced copies of the article's images, ../shared/seed/originals) are read, never
copied. Prints one table per figure: the measure, the original's value, the median over the seeds
with their range, and the preset's seed. `--format json` prints the same numbers as one object,
which tests/fidelity reads to hold the figures inside the bands docs/GALLERY.md states.
"""
import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_measures(path):
    spec = importlib.util.spec_from_file_location("measures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--originals", default=str(SHARED / "seed" / "originals"))
    ap.add_argument("--measures", default=str(SHARED / "fidelity" / "measures.py"))
    ap.add_argument("--binary", default=str(ROOT / "build" / "primordial"))
    ap.add_argument("--seeds", default="1-8", help="first-last, or a comma list")
    ap.add_argument("--figures", default=",".join(str(f) for f in FIGURES))
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--flags", default="", help="more flags for every render, to try a change: '--bias-scale 0.3'")
    a = ap.parse_args()
    for path, what in [(a.originals, "originals folder"), (a.measures, "measures.py"), (a.binary, "binary")]:
        if not Path(path).exists():
            sys.exit(f"article_evidence: {what} not found: {path}")
    global M
    M = load_measures(a.measures)
    seeds = parse_seeds(a.seeds)
    figures = [int(f) for f in a.figures.split(",")]

    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fig in figures:
            spec = FIGURES[fig]
            orig = M.load(Path(a.originals) / spec["original"])
            h, w = orig.shape[:2]
            preset_seed = preset_of(fig)

            def render(seed):
                out = Path(tmp) / f"f{fig}-{seed}.png"
                args = [a.binary, "figure", str(fig), "--size", f"{w}x{h}", "--backend", "cpu", "-q",
                        "-o", str(out)]
                if seed is not None:
                    args += ["--seed", str(seed)]
                subprocess.run(args + a.flags.split(), check=True)
                return M.load(out)

            article = spec["measure"](orig)
            by_seed = [spec["measure"](render(s)) for s in seeds]
            own = spec["measure"](render(None))
            rows = []
            for name in article:
                vals = [m[name] for m in by_seed]
                rows.append({"measure": name, "article": article[name], "median": float(np.median(vals)),
                             "min": float(np.min(vals)), "max": float(np.max(vals)),
                             "preset": own[name]})
            report[fig] = {"title": spec["title"], "preset_seed": preset_seed, "seeds": seeds, "rows": rows}
            if a.format == "md":
                print_table(fig, report[fig])
    if a.format == "json":
        print(json.dumps(report, indent=1))


def parse_seeds(text):
    if "-" in text:
        lo, hi = (int(x) for x in text.split("-"))
        return list(range(lo, hi + 1))
    return [int(x) for x in text.split(",")]


def preset_of(fig):
    """The preset's own seed (assets/presets/figNN-*.json; 1 when it names none)."""
    found = sorted((ROOT / "assets" / "presets").glob(f"fig{fig:02d}-*.json"))
    if not found:
        return None
    return json.loads(found[0].read_text())["params"].get("network", {}).get("seed", 1)


def print_table(fig, r):
    seeds = r["seeds"]
    span = f"{seeds[0]}–{seeds[-1]}" if seeds == list(range(seeds[0], seeds[-1] + 1)) else ",".join(map(str, seeds))
    own = f"preset (seed {r['preset_seed']})" if r["preset_seed"] is not None else "preset"
    print(f"## Figure {fig}: {r['title']}\n")
    print(f"| measure | article | median, seeds {span} | range | {own} |")
    print("|---|---|---|---|---|")
    for row in r["rows"]:
        print(f"| {row['measure']} | {row['article']:.3f} | {row['median']:.3f} | "
              f"{row['min']:.3f}–{row['max']:.3f} | {row['preset']:.3f} |")
    print()


# ---- the measures of each kind of figure ------------------------------------------------------

M = None  # measures.py, loaded in main()


def picture(a):
    """A single picture: the hub, its radial score and the gradient density."""
    t = M.tiles(a)
    if len(t) == 1 and len(t[0]) == 1 and t[0][0].size < 0.9 * a.size:
        a = t[0][0]  # a picture on a white page (figure 17): the picture alone
    cx, cy, s = M.hub(a)
    return {"hub x": cx, "hub y": cy, "radial score": s, "gradient (160 px, x0.16)": M.grad(a, 160) * 0.16,
            "gradient (400 px)": M.grad(a, 400)}


def tile_grid(a):
    t = M.tiles(a)
    if not t:
        raise SystemExit("article_evidence: no tiles found")
    return t


def grid_rows(a):
    """A grid: each row's median tile gradient (128 px tiles)."""
    return {f"row {i + 1} gradient": float(np.median([M.grad(x) for x in row])) for i, row in enumerate(tile_grid(a))}


def deep_dive(a):
    """Figure 10: detail by row, the hub of the two deepest rows, and detail growth."""
    t = tile_grid(a)
    rows = [[M.grad(x) for x in row] for row in t]
    deep = [x for row in t[-2:] for x in row]
    hubs = [M.hub(x) for x in deep]
    out = {f"row {i + 1} gradient": float(np.mean(r)) for i, r in enumerate(rows)}
    out["rows 5-6 hub x"] = float(np.median([h[0] for h in hubs]))
    out["rows 5-6 hub y"] = float(np.median([h[1] for h in hubs]))
    out["rows 5-6 radial score"] = float(np.median([h[2] for h in hubs]))
    out["detail last / first row"] = float(np.mean(rows[-1]) / max(np.mean(rows[0]), 1e-9))
    return out


def tanh_relu(a):
    """Figure 14: every tile's gradient, and how far apart the two depth-1 tiles are."""
    t = tile_grid(a)
    out = {}
    for name, row in zip(["tanh", "relu"], t):
        for depth, x in zip([1, 6, 11, 16], row):
            out[f"{name} depth {depth} gradient"] = M.grad(x)
    first = [np.asarray(Image.fromarray(row[0]).resize((128, 128), Image.LANCZOS)).astype(float) / 255 for row in t]
    out["depth-1 tiles, mean |difference|"] = float(np.abs(first[0] - first[1]).mean())
    return out


def diagram(a):
    """A diagram: its gradient density and mean brightness."""
    return {"gradient (400 px)": M.grad(a, 400), "mean level": float(a.mean() / 255)}


FIGURES = {
    1: {"original": "fig01-random-network.jpg", "title": "a random network in colour", "measure": picture},
    3: {"original": "fig03-grey-sigmoid.jpg", "title": "one layer, sigmoid", "measure": diagram},
    4: {"original": "fig04-scurves.jpg", "title": "one input: s-curves", "measure": diagram},
    5: {"original": "fig05-3d-scurves.jpg", "title": "two inputs: surfaces", "measure": diagram},
    6: {"original": "fig06-rgb-added.jpg", "title": "three outputs as red, green, blue", "measure": diagram},
    7: {"original": "fig07-one-layer.jpg", "title": "one-layer networks", "measure": grid_rows},
    8: {"original": "fig08-two-layer.jpg", "title": "two-layer networks", "measure": grid_rows},
    9: {"original": "fig09-successive-layers.jpg", "title": "successive layers", "measure": grid_rows},
    10: {"original": "fig10-deep-dive.jpg", "title": "one network at depth 1 to 18", "measure": deep_dive},
    11: {"original": "fig11-27-layers.jpg", "title": "27 layers", "measure": picture},
    13: {"original": "fig13-relu-function.jpg", "title": "the relu function", "measure": diagram},
    14: {"original": "fig14-tanh-vs-relu.jpg", "title": "tanh and relu at depth 1, 6, 11, 16", "measure": tanh_relu},
    16: {"original": "fig16-400-unit-zoom.jpg", "title": "the 400-unit network at 30x zoom", "measure": picture},
    17: {"original": "fig17-input-scale.jpg", "title": "27 layers over [-2.6, 2.6]^2", "measure": picture},
    18: {"original": "fig18-zoom-series.jpg", "title": "zooming in from [-40, 40]^2", "measure": grid_rows},
    19: {"original": "fig19-weight-scale.jpg", "title": "weight ranges 0.5 to 1", "measure": grid_rows},
}

if __name__ == "__main__":
    main()
