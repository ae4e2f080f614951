#!/usr/bin/env python3
"""The article's figures, measured over seeds, stay inside the bands docs/GALLERY.md states.

Usage: article_bands.py BINARY SOURCE_DIR

Runs scripts/article_evidence.py (medians over seeds 1-8; figure 16 over seeds 1-3 and its
preset) against the originals and measures in SOURCE_DIR/../shared. Exit 77 (skipped) where
they, numpy or PIL are not there; 1 with each measure outside its band named.
"""
import json
import subprocess
import sys
from pathlib import Path

SKIP = 77

# (figure, measure, low, high, which): which is "median" or "preset".
BANDS = [
    (11, "hub x", 0.27, 0.43, "median"),
    (11, "hub y", 0.42, 0.60, "median"),
    (11, "radial score", 0.21, 0.34, "median"),
    (11, "gradient (160 px, x0.16)", 0.018, 0.037, "median"),
    (10, "rows 5-6 hub x", 0.27, 0.43, "median"),
    (10, "rows 5-6 radial score", 0.18, 0.30, "median"),
    (10, "detail last / first row", 4.0, float("inf"), "median"),
    (14, "depth-1 tiles, mean |difference|", 0.04, 1.0, "median"),
    (14, "tanh depth 1 gradient", 0.0, 0.013, "median"),
    (14, "relu depth 1 gradient", 0.0, 0.013, "median"),
    (16, "gradient (400 px)", 0.10, 0.24, "median"),
    (16, "gradient (400 px)", 0.10, 0.24, "preset"),
]


def main():
    binary, source = sys.argv[1], Path(sys.argv[2])
    shared = source.parent / "shared"
    if not (shared / "fidelity" / "measures.py").exists() or not (shared / "seed" / "originals").is_dir():
        print(f"skipped: the originals and measures are not beside the source ({shared})")
        return SKIP
    try:
        import numpy  # noqa: F401
        import PIL  # noqa: F401
    except ImportError as e:
        print(f"skipped: {e}")
        return SKIP
    script = source / "scripts" / "article_evidence.py"
    report = {}
    for figures, seeds in [("10,11,14", "1-8"), ("16", "1-3")]:
        out = subprocess.run([sys.executable, str(script), "--binary", binary, "--figures", figures,
                              "--seeds", seeds, "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr)
            return 1
        report.update(json.loads(out.stdout))
    failed = 0
    for fig, measure, low, high, which in BANDS:
        row = next(r for r in report[str(fig)]["rows"] if r["measure"] == measure)
        value = row[which]
        ok = low <= value <= high
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} figure {fig} {measure} ({which}): {value:.3f} "
              f"in [{low}, {high}]; the article {row['article']:.3f}")
    print(f"{len(BANDS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
