#!/usr/bin/env bash
# A shared web page in headless Chromium (WebGL2 on SwiftShader) against the CPU evaluator: at two
# window sizes, after a scripted zoom and pan, and read back by `render --params`. A browser
# without WebGL2 gets a message in the page, not a blank one.
set -euo pipefail
bin=$1 dir=$2
command -v chromium >/dev/null || { echo "SKIP: chromium is not installed"; exit 77; }
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy, python3-pil missing"; exit 77; }
rm -rf "$dir"; mkdir -p "$dir/profile"

browse() {  # $1: window size WxH, $2: page address; the rest: what to write (--screenshot=F or --dump-dom)
  local size=$1 url=$2; shift 2
  timeout 120 chromium --headless=new --no-sandbox --no-first-run --user-data-dir="$dir/profile" \
    --use-angle=swiftshader --enable-unsafe-swiftshader --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="${size/x/,}" "$@" "$url" 2>>"$dir/chromium.log"
}
compare() {  # $1 page shot, $2 CPU picture: >= 99 % of pixels within 3/255
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB"), dtype=int) for p in sys.argv[1:3])
if a.shape != b.shape:
    sys.exit(f"FAIL: {sys.argv[1]} is {a.shape}, the CPU picture {b.shape}")
share = np.all(np.abs(a - b) <= 3, axis=2).mean()
print(f"{sys.argv[1]}: {100 * share:.2f}% of pixels within 3/255 of the CPU evaluator (largest difference {np.abs(a - b).max()})")
sys.exit(0 if share >= 0.99 else 1)
PY
}

page="$dir/net.html"
"$bin" share --depth 12 --width 24 --scale 1.2 --seed 5 --center 0.25,-0.1 --extent 1.5 -o "$page"
url="file://$page"

# 1. Two window sizes: the page fills the window, the shorter side spans 2 x extent.
for size in 400x300 257x311; do
  browse "$size" "$url#bare" --screenshot="$dir/page-$size.png" >/dev/null
  "$bin" render --params "$page" --size "$size" --backend cpu -q -o "$dir/cpu-$size.png"
  compare "$dir/page-$size.png" "$dir/cpu-$size.png"
done

# 2. Zoom about a point with the wheel's code (5 notches in at (100, 80)), then a drag: the CPU
#    renders the view worked out here from the shared one, as the explorer's maths moves it.
gesture="bare&wheel=100,80,5&drag=30,-20"
browse 400x300 "$url#$gesture" --screenshot="$dir/page-zoomed.png" >/dev/null
read -r center extent < <(/usr/bin/python3 - <<'PY'
cx, cy, e = 0.25, -0.1, 1.5
s = 2 * e / 300
px, py = cx + (100 - 200) * s, cy + (150 - 80) * s  # the plane point under (100, 80)
f = 1.1 ** 5
cx, cy, e = px + (cx - px) / f, py + (cy - py) / f, e / f
s = 2 * e / 300
cx, cy = cx - 30 * s, cy + (-20) * s
print(f"{cx!r},{cy!r} {e!r}")
PY
)
"$bin" render --params "$page" --center "$center" --extent "$extent" --size 400x300 --backend cpu -q -o "$dir/cpu-zoomed.png"
compare "$dir/page-zoomed.png" "$dir/cpu-zoomed.png"

# 3. The page carries its parameters: render reads them back as they were shared.
"$bin" share --depth 12 --width 24 --scale 1.2 --seed 5 --center 0.25,-0.1 --extent 1.5 -o "$dir/again.glsl" -q
"$bin" render --params "$page" --save-params "$dir/from-page.json" -q -o "$dir/unused.png"
grep -q '"seed": 5' "$dir/from-page.json" && grep -q '"depth": 12' "$dir/from-page.json" ||
  { echo "FAIL: render --params page.html lost the parameters"; cat "$dir/from-page.json"; exit 1; }

# 4. Without WebGL2 the page says so.
browse 400x300 "$url" --disable-3d-apis --dump-dom >"$dir/no-webgl.html"
grep -q 'data-state="failed"' "$dir/no-webgl.html" && grep -q 'WebGL2, which this browser does not offer' "$dir/no-webgl.html" ||
  { echo "FAIL: no message without WebGL2"; exit 1; }
echo "PASS: the page equals the CPU evaluator at two sizes and after a zoom; it reopens; it explains a missing WebGL2"
