#!/usr/bin/env python3
"""An independent numpy check of `primordial stats --detail` (docs/UNDERSTANDING.md, "Where the
detail is").

Usage: scripts/detail_reference.py WEIGHTS.json STATS.json [--points K] [--distribution D]
                                   [--measured-tolerance 0.03] [--theory-tolerance 0.10]

WEIGHTS.json is what `primordial render --dump-weights` wrote for the network, STATS.json what
`primordial stats --detail --format json` wrote for it (with --detail-points K). The script

1. measures, in float64 from the dumped float32 weights and by forward-mode derivatives of its
   own, each hidden layer's q = E[h^2] and g = E|grad h|^2 and the picture's E|grad f|^2 on K
   points of each circle |x| = r, and holds the tool's measurement to it (--measured-tolerance);
2. works the theory out again its own way (the first layer on a tensor Gauss-Legendre grid over
   its uniform or normal weights and bias, later layers by Gauss-Hermite quadrature) from the
   variances the tool reports, and holds the tool's theory to it (1 %);
3. holds the theory to the measurement (--theory-tolerance): to the mean over seeds when the tool
   was given --detail-seeds, since a single network scatters about the mean by more than that
   (docs/UNDERSTANDING.md gives the spread); a lone network's deviations are printed.

Exit 0 when all hold, 1 (naming each failure) when not, 2 on bad input."""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stats_reference import ACT  # noqa: E402  (the activations and their slopes, in one place)


def input_columns(names, view, xs, ys):
    """The inputs and their x and y derivatives at the points."""
    t = view.get("t", 0.0)
    r = np.hypot(xs, ys)
    safe = np.where(r > 0, r, 1.0)
    zero, one = np.zeros_like(xs), np.ones_like(xs)
    table = {"x": (xs, one, zero), "y": (ys, zero, one),
             "r": (r, np.where(r > 0, xs / safe, 0.0), np.where(r > 0, ys / safe, 0.0)),
             "z": (np.full_like(xs, view["z"]), zero, zero),
             "cos_t": (np.full_like(xs, np.cos(2 * np.pi * t)), zero, zero),
             "sin_t": (np.full_like(xs, np.sin(2 * np.pi * t)), zero, zero)}
    cols = [table[n] for n in names]
    return tuple(np.stack([c[k] for c in cols]) for k in range(3))


def measure(dump, radii, k):
    layers = [(np.array(l["weights"], dtype=np.float64).reshape(len(l["biases"]), -1),
               np.array(l["biases"], dtype=np.float64), l["activation"]) for l in dump["layers"]]
    out = []
    for r in radii:
        a = 2 * np.pi * np.arange(k) / k
        y, dx, dy = input_columns(dump["inputs"], dump["view"], r * np.cos(a), r * np.sin(a))
        q, g = [], []
        for n, (w, b, act) in enumerate(layers):
            h = w @ y + b[:, None]
            dx, dy = w @ dx, w @ dy
            f, df = ACT[act]
            if n + 1 == len(layers):
                s = df(h)
                picture = float(((s * dx) ** 2 + (s * dy) ** 2).mean())
                along = (dx * np.cos(a) + dy * np.sin(a)) if r > 0 else 0 * dx
                radial = float(((s * along) ** 2).mean())
                break
            q.append(float((h ** 2).mean()))
            g.append(float((dx ** 2 + dy ** 2).mean()))
            s = df(h)
            y, dx, dy = f(h), s * dx, s * dy
        out.append((q, g, (picture, radial)))
    return out


def law_nodes(distribution, spread, n):
    """One weight's law as nodes and masses: uniform on [-s, s] or normal with sigma s."""
    x, w = np.polynomial.legendre.leggauss(n)
    if distribution == "uniform":
        return x * spread, w / 2
    z = 8 * x
    m = w * np.exp(-0.5 * z * z)
    return z * spread, m / m.sum()


def theory(dump, stats, radii, distribution):
    """The detail theory from the variances `stats` reports, by a route of its own."""
    layers = dump["layers"]
    names = dump["inputs"]
    if any(n not in ("x", "y") for n in names):
        raise SystemExit("detail_reference.py: the independent theory covers inputs x and y only")
    sw2, sb2 = stats["sigma_w2"], stats["sigma_b2"]
    fan0 = len(names)
    var_w0 = sw2[0] / fan0
    spread_w = np.sqrt(var_w0 if distribution == "normal" else 3 * var_w0)
    spread_b = np.sqrt(sb2[0] if distribution == "normal" else 3 * sb2[0])
    wn, wm = law_nodes(distribution, spread_w, 24)
    bn, bm = law_nodes(distribution, spread_b, 24)
    w1, w2, b = np.meshgrid(wn, wn, bn, indexing="ij")
    mass = wm[:, None, None] * wm[None, :, None] * bm[None, None, :]
    z, zw = np.polynomial.hermite_e.hermegauss(160)
    zw = zw / zw.sum()

    def moments(act, q):
        f, df = ACT[act]
        h = np.sqrt(q) * z
        return ((zw * f(h) ** 2).sum(), (zw * f(h) * df(h) * h).sum(), (zw * df(h) ** 2).sum(),
                (zw * df(h) ** 2 * h * h).sum())

    def step(q, v, G, act, s_w2, s_b2):
        e2, cross, s0, s2 = moments(act, q)
        vv = np.outer(v, v)
        return s_w2 * e2 + s_b2, s_w2 * cross / q * v, s_w2 * (s2 * vv / q ** 2 + s0 * (G - vv / q))

    out = []
    for r in radii:
        angles = [0.0] if r == 0 else np.linspace(0, 2 * np.pi, 16, endpoint=False)
        acc_q, acc_g, acc_p = 0, 0, np.zeros(2)
        for th in angles:
            x = np.array([r * np.cos(th), r * np.sin(th)])
            qs, gs = [var_w0 * r * r + sb2[0]], [2 * var_w0]
            f, df = ACT[layers[0]["activation"]]
            h = w1 * x[0] + w2 * x[1] + b
            d2 = mass * df(h) ** 2
            q = sw2[1] * (mass * f(h) ** 2).sum() + sb2[1]
            v = sw2[1] * np.array([(mass * f(h) * df(h) * w1).sum(), (mass * f(h) * df(h) * w2).sum()])
            G = sw2[1] * np.array([[(d2 * w1 * w1).sum(), (d2 * w1 * w2).sum()],
                                   [(d2 * w1 * w2).sum(), (d2 * w2 * w2).sum()]])
            for n in range(2, len(layers)):
                qs.append(q)
                gs.append(np.trace(G))
                q, v, G = step(q, v, G, layers[n - 1]["activation"], sw2[n], sb2[n])
            _, _, Gp = step(q, v, G, layers[-1]["activation"], 1.0, 0.0)
            acc_q = acc_q + np.array(qs) / len(angles)
            acc_g = acc_g + np.array(gs) / len(angles)
            e = x / r if r > 0 else np.zeros(2)
            acc_p = acc_p + np.array([np.trace(Gp), e @ Gp @ e]) / len(angles)
        out.append((list(acc_q), list(acc_g), acc_p))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("weights")
    ap.add_argument("stats")
    ap.add_argument("--points", type=int, default=64)
    ap.add_argument("--distribution", choices=("uniform", "normal"), default="uniform")
    ap.add_argument("--measured-tolerance", type=float, default=0.03)
    ap.add_argument("--theory-tolerance", type=float, default=0.10)
    a = ap.parse_args()
    try:
        with open(a.weights) as f:
            dump = json.load(f)
        with open(a.stats) as f:
            stats = json.load(f)
        detail = stats["detail"]
    except (OSError, ValueError, KeyError) as e:
        print(f"detail_reference.py: {e}", file=sys.stderr)
        return 2
    radii = [d["r"] for d in detail]
    measured = measure(dump, radii, a.points)
    predicted = theory(dump, stats, radii, a.distribution)
    failures = []
    worst = {"measured": 0.0, "theory (numpy)": 0.0, "theory vs measurement": 0.0, "lone network": 0.0}

    def check(kind, what, got, want, tol):
        off = got / want - 1
        worst[kind] = max(worst[kind], abs(off))
        if abs(off) > tol:
            failures.append(f"{what}: {kind}: {got:.6g} against {want:.6g} ({100 * off:+.1f} %)")

    for d, (q, g, pic), (tq, tg, tpic) in zip(detail, measured, predicted):
        r = d["r"]
        if len(d["layers"]) != len(q):
            failures.append(f"r {r}: {len(d['layers'])} layers, numpy measured {len(q)}")
            continue
        for n, l in enumerate(d["layers"]):
            where = f"r {r} layer {l['layer']}"
            check("measured", where + " q", l["q"], q[n], a.measured_tolerance)
            check("measured", where + " g", l["g"], g[n], a.measured_tolerance)
            check("theory (numpy)", where + " q_theory", l["q_theory"], tq[n], 0.01)
            check("theory (numpy)", where + " g_theory", l["g_theory"], tg[n], 0.01)
            reference = l.get("g_seeds_mean", l["g"])
            check("theory vs measurement", where + " g", l["g_theory"], reference, a.theory_tolerance)
            if "g_seeds_mean" in l:
                worst["lone network"] = max(worst["lone network"], abs(l["g_theory"] / l["g"] - 1))
        p = d["picture"]
        check("measured", f"r {r} picture", p["measured"], pic[0], a.measured_tolerance)
        check("theory (numpy)", f"r {r} picture theory", p["theory"], tpic[0], 0.01)
        if r > 0:  # the part along the radius (none at the origin)
            check("measured", f"r {r} picture, radial", p["radial_measured"], pic[1],
                  a.measured_tolerance)
            check("theory (numpy)", f"r {r} picture theory, radial", p["radial_theory"], tpic[1],
                  0.01)
        check("theory vs measurement", f"r {r} picture", p["theory"],
              p.get("seeds_mean", p["measured"]), a.theory_tolerance)
    for kind, w in worst.items():
        print(f"largest difference, {kind}: {100 * w:.3g} %")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
