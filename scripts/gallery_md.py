#!/usr/bin/env python3
"""Writes docs/GALLERY.md from the presets (scripts/gallery.sh runs it after the pictures)."""
import json
from pathlib import Path

from article_evidence import FIGURES

INTRO = """# Gallery

Every still figure of the article as `primordial figure` draws it, beside the article's own
picture, and a few presets of our own. Each picture was made by `scripts/gallery.sh` (640 pixels
wide, saved as JPEG to keep the repository small), which also writes this page; the command under
it renders the figure at its full size as a PNG with its parameters embedded. `primordial explore
--figure N` opens the same figure in the explorer, where every view stays live: change the seed,
the depth or the sweep and the tiles follow, click a grid tile to open it alone, turn a surface
with the mouse.

The article's pictures are linked, not copied: they are the reduced copies in
`../shared/seed/originals/` beside this repository, and show only where that folder is. Under each
pair, the fidelity measures (`../shared/fidelity/measures.py`: the hub's place and its radial
score, 0 a perfect star and about 0.45 none; gradient density; a grid's tiles) of the original
beside ours: the median over seeds 1–8 of `figure N --seed k`, their range, and the preset's own
seed. `scripts/article_evidence.py` prints the same tables.

The figure numbers are the article's, and each follows the facts of its caption (tiles, depths,
widths, ranges, views). Settings the article does not state were measured on its pictures over
many seeds (docs/PARAMETERS.md): hidden biases at 0.6 of the weight scale and none on the output
layer; the origin, where the hub forms, a third of the way in from the left, as in the article's
frames (a quarter in figure 14; figure 18 is centred by its caption); weight ranges from the
measures above. Figures 10, 11, 12, 17 and 18 are one network (seed 376, weight range 0.7), chosen
for the article's warm palette. Figures 2 and 20 are animations (`primordial animate --figure
2`); their entries show a still grid of the sweep.
"""

NOTES = {
    "fig01-random-network": "A shallower network on wider weights than the explorer's default, in the article's wide frame: large smooth saturated areas, a hub a third in with fine detail near it. `animate --figure 1` morphs it into the next seed.",
    "fig02-cross-section": "Four inputs: x, y, and two more that go once round a circle as t goes from 0 to 1, so the animation loops; the still shows nine slices.",
    "fig03-single-layer": "The article's single layer, set by hand (weights 0.4 and 1.0, bias -0.3, sigmoid): the sigmoid itself, the output as a height map over [-6, 6]^2 where it turns, and the grey picture over [-1, 1]^2.",
    "fig04-one-input-curves": "x alone in, three tanh units, one tanh output: each unit's s-curve (steep, on weights up to 6), their weighted sum, and tanh of the sum. Biases on the weights' scale here, so the s-curves sit at different places, as the article says.",
    "fig05-two-input-layers": "The same with x and y: the three sigmoid units as surfaces, their combination (the output) as a grey surface that rises and falls again, and its grey picture.",
    "fig06-rgb-outputs": "One layer, three sigmoid outputs: each ramp alone in its own colour on black, and the colour picture they make together: three colour sectors meeting at a point, the origin, where the 0.5-levels cross (the output layer has no bias).",
    "fig07-one-layer-networks": "Six seeds of a network with no hidden layer: three sigmoid ramps blend, meeting where the origin is.",
    "fig08-two-layer-networks": "Six seeds with one hidden layer of 10 tanh units: every crease passes through the origin.",
    "fig09-successive-layers": "Four networks (rows), each read after 1 to 10 layers (columns) through the same output layer.",
    "fig10-deep-dive": "One network of 30-unit layers at depth 1 to 18, read left to right and top to bottom.",
    "fig11-27-layers": "The figure-10 network at 27 layers over [-2.6, 2.6]^2.",
    "fig12-40-layers": "The same network at 40 layers: complex regions beside smooth ones.",
    "fig13-relu": "relu(x) = max(x, 0).",
    "fig14-tanh-vs-relu": "Two networks, as in the article: tanh hidden layers (top, weights in [-0.65, 0.65]) and relu (bottom, the next seed, weights in [-0.55, 0.55]) at depth 1, 6, 11 and 16, sigmoid on the output. The tanh row grows busier with depth as the article's does; the relu row only a little, and no convention found makes it match the article's (docs/PARAMETERS.md).",
    "fig15-widening": "One 14-layer network on weights in [-0.42, 0.42] as its layers widen: 10, 20, 40, 80, 120 and 400 units over [-1, 1]^2. Narrow, it is ordered and smooth; at 400 it is static at this scale.",
    "fig16-wide-zoom": "The 400-unit network of figure 15 over a square 30 times smaller, in the article's wide frame: continuous, if motley.",
    "fig17-input-scale": "The figure-11 network over [-2.6, 2.6]^2 (the article uses the same picture twice).",
    "fig18-zoom-series": "The same network from [-40, 40]^2, halving the square each step, centred on the origin: a star far out, a hub, then smooth bands.",
    "fig19-weight-scale": "27 layers of 30 units with weight ranges from [-0.5, 0.5] to [-1, 1]: from smooth pastel to static.",
    "fig20-weight-scale-animation": "The animation of figure 19's network as the weight range grows from [-0.4, 0.4] to [-0.8, 0.8]; the still shows nine of its frames.",
    "first-layer-units": "Every unit of the first layer of the default network, as grey pictures: the oriented ramps everything else is built from. With the article's bias rule they all turn near the origin.",
    "layers-unfolding": "The layer progression: the picture (left) and the same network after each of its first eight layers (right). In the explorer, clicking a frame sets the depth.",
    "loop-drift": "Two extra inputs, cos 2πt and sin 2πt, go once round as t goes from 0 to 1, so the last frame leads back into the first.",
    "rings": "Adding the radius r = |(x, y)| as a third input (biases on the weights' scale).",
    "seed-morph": "Each layer's weights slerped from seed 1's towards seed 2's: the picture changes without washing out halfway.",
    "sine-waves": "sin as the activation with LeCun scaling.",
    "viridis-deep": "A one-output network drawn through the viridis colour map.",
    "phase-diagram": "The default network over weight scales (across) and hidden-bias scales (down), with the mean-field theory's edge of chaos drawn over the tiles and a dot where the default network sits (docs/UNDERSTANDING.md).",
    "detail-by-radius": "The default network over [-2, 2]^2 with the hub's predicted edge drawn on it (where the mean-field theory's detail halves), beside the picture's detail by distance from the origin (theory, this network, the mean of 13 seeds) and each layer's gradient by radius (docs/UNDERSTANDING.md, \"Where the detail is\").",
    "linear-regions": "An 8-layer relu network's linear regions: one colour per pattern of active units, boundaries dark, the count in the corner.",
}
ORIGINALS = {fig: spec["original"] for fig, spec in FIGURES.items()}  # one list: article_evidence
ANIMATIONS = {"fig02-cross-section", "fig20-weight-scale-animation", "loop-drift", "seed-morph"}


def measures_table(rows):
    """The evidence rows of one figure as a Markdown table."""
    out = ["| measure | the article | ours: median, seeds 1–8 | range | the preset |", "|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['measure']} | {r['article']:.3f} | {r['median']:.3f} | {r['min']:.3f}–{r['max']:.3f} "
                   f"| {r['preset']:.3f} |")
    return "\n".join(out) + "\n"


def main():
    root = Path(__file__).resolve().parent.parent
    evidence_file = root / "build/gallery/evidence.json"
    evidence = json.loads(evidence_file.read_text()) if evidence_file.exists() else {}
    presets = [json.loads(p.read_text()) for p in sorted((root / "assets/presets").glob("*.json"))]
    presets.sort(key=lambda p: (p.get("figure", 1000), p["name"]))
    out = [INTRO]
    for p in presets:
        name, fig = p["name"], p.get("figure")
        key = str(fig) if fig else name
        head = f"Figure {fig}" if fig else name
        out.append(f"## {head}: {p['title']}\n")
        original = ORIGINALS.get(fig)
        if original:
            out.append("| Primordial | the article |\n|---|---|")
            out.append(f"| ![{p['title']}](images/gallery/{name}.jpg) "
                       f"| ![the article's figure {fig}](../../shared/seed/originals/{original}) |\n")
        else:
            out.append(f"![{p['title']}](images/gallery/{name}.jpg)\n")
        if name in NOTES:
            out.append(NOTES[name] + "\n")
        out.append("```sh")
        if name in ANIMATIONS:
            out.append(f"build/primordial figure {key}            # a still")
            out.append(f"build/primordial animate --figure {key} -o frames/ --video {name}.mp4")
            out.append(f"build/primordial explore --figure {key}")
        else:
            out.append(f"build/primordial figure {key}            # writes {name}.png")
            out.append(f"build/primordial explore --figure {key}   # opens it in the explorer")
        out.append("```\n")
        if str(fig) in evidence:
            out.append(measures_table(evidence[str(fig)]["rows"]))
    (root / "docs/GALLERY.md").write_text("\n".join(out))


if __name__ == "__main__":
    main()
