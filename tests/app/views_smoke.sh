#!/usr/bin/env bash
# Smoke test of the explorer's views: opens figure 19 (a 3x3 grid of weight scales) in a real
# window, saves the whole view with S, clicks the middle tile to open it alone, and quits. Checks
# that the saved view equals `primordial figure 19` at the same size, pixel for pixel, and that
# the session holds the clicked tile's network shown as a single picture.
set -euo pipefail
bin=$1 dir=$2
source "$(dirname "$0")/xvfb_app.sh"
start_app "$bin" explore --figure 19 --screenshot-dir "$dir/shots" --window 1000x700
xdotool mousemove --window "$win" 990 690   # off the tiles
xdotool key s
for _ in $(seq 300); do ls "$dir/shots"/*.png >/dev/null 2>&1 && break; sleep 0.2; done
# The middle of the picture area (right of the 340-pixel panel) is the middle tile.
xdotool mousemove --window "$win" 670 350
sleep 0.5
xdotool click 1
sleep 1
quit_app
shot=$(ls "$dir/shots"/*.png | head -n1)
[ -f "$shot" ] || { echo "FAIL: no view saved"; exit 1; }
session="$dir/state/primordial/session.json"
if /usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null; then
  size=$(/usr/bin/python3 -c 'import sys; from PIL import Image; w, h = Image.open(sys.argv[1]).size; print(f"{w}x{h}")' "$shot")
  "$bin" figure 19 --size "$size" --backend cpu -q -o "$dir/figure.png"
  /usr/bin/python3 - "$shot" "$dir/figure.png" "$session" <<'PY'
import json, sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB")) for p in sys.argv[1:3])
assert a.shape == b.shape, (a.shape, b.shape)
assert (a == b).all(), f"{(a != b).any(axis=2).mean() * 100:.3f}% of pixels differ"
s = json.load(open(sys.argv[3]))
assert s["view"]["kind"] == "picture", s["view"]
scale = s["params"]["network"]["scale"]
assert abs(scale - 0.75) < 1e-9, scale  # the middle of 0.5 ... 1
print(f"saved view = figure 19 at {a.shape[1]}x{a.shape[0]}; clicked tile opened with scale {scale:.4f}")
PY
else
  grep -q '"kind": "picture"' "$session" || { echo "FAIL: the clicked tile did not open"; exit 1; }
fi

# The phase diagram, the linear regions and the detail view (drawn off the frame loop): each saved
# view equals its figure, the edge of chaos, the count and the hub's circle included.
for preset in phase-diagram linear-regions detail-by-radius; do
  rm -f "$dir/shots"/*.png
  start_app "$bin" explore --figure "$preset" --screenshot-dir "$dir/shots" --window 1000x700
  xdotool mousemove --window "$win" 990 690
  sleep 3
  xdotool key s
  for _ in $(seq 300); do ls "$dir/shots"/*.png >/dev/null 2>&1 && break; sleep 0.2; done
  quit_app
  shot=$(ls "$dir/shots"/*.png | head -n1)
  [ -f "$shot" ] || { echo "FAIL: no $preset view saved"; exit 1; }
  if /usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null; then
    size=$(/usr/bin/python3 -c 'import sys; from PIL import Image; w, h = Image.open(sys.argv[1]).size; print(f"{w}x{h}")' "$shot")
    "$bin" figure "$preset" --size "$size" --backend cpu -q -o "$dir/figure.png"
    /usr/bin/python3 - "$shot" "$dir/figure.png" <<'PY'
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB")) for p in sys.argv[1:3])
assert a.shape == b.shape, (a.shape, b.shape)
assert (a == b).all(), f"{(a != b).any(axis=2).mean() * 100:.3f}% of pixels differ"
print(f"{sys.argv[1]}: the saved view equals its figure at {a.shape[1]}x{a.shape[0]}")
PY
  fi
done

# Figure 9's grid in the window: clear of the right edge, every column captioned (the last
# column's "depth 10" is the widest caption).
start_app "$bin" explore --figure 9 --window 1260x780
xdotool mousemove --window "$win" 1250 770
sleep 4
import -window "$win" "$dir/figure9.png"
quit_app
/usr/bin/python3 - "$dir/figure9.png" <<'PY'
import sys
import numpy as np
from PIL import Image
a = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
h, w, _ = a.shape
paper = a[5, w - 20]                      # above the grid: the sheet's paper
rows = slice(h // 4, 3 * h // 4)
edge = a[rows, w - 6:]                    # the last columns of the window, across the grid
assert (np.abs(edge - paper).max(axis=2) <= 2).all(), "the grid touches the window's right edge"
# Captions are white text on a dark band at each tile's foot: every column of tiles has some.
tiles = (np.abs(a[rows] - paper).max(axis=2) > 2).any(axis=0)
starts = [x for x in range(1, w) if tiles[x] and not tiles[x - 1]]
cols = [(x0, next((x for x in range(x0, w) if not tiles[x]), w)) for x0 in starts]
cols = [c for c in cols if c[1] - c[0] > 40]
assert len(cols) == 10, f"{len(cols)} columns of tiles"
for x0, x1 in cols:
    strip = a[rows, x0:x1]
    white = ((strip > 225).all(axis=2)).sum()
    assert white > 40, f"no caption in the column at x={x0}"
print(f"figure 9: 10 columns, each captioned, {w - cols[-1][1]} px clear of the right edge")
PY
echo "PASS: a grid view saved as its figure; a click opens a tile; the phase diagram and the regions saved as their figures; figure 9 captioned and clear of the edge"
