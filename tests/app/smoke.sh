#!/usr/bin/env bash
# Smoke test: the real explorer in a real window. Starts it on a private X display, drives it
# with xdotool (wheel zoom, drag, keys, help), saves screenshots with S and a supersampled export
# with E, quits with Esc, and checks the exit code, each PNG against the CPU evaluator, and the
# saved session. The third argument picks the engine (auto, cpu or gpu).
set -euo pipefail
bin=$1 dir=$2 engine=${3:-auto}
source "$(dirname "$0")/xvfb_app.sh"
start_app "$bin" explore --engine "$engine" --depth 8 --width 16 --screenshot-dir "$dir/shots" --window 1000x700 --report-layout "$dir/layout.json"
xdotool mousemove --window "$win" 700 350
xdotool click 4 click 4 click 5          # wheel: zoom in twice, out once
xdotool mousedown 1 mousemove_relative 40 25 mouseup 1   # drag
xdotool key plus key Right key space key F1 key F1
sleep 2
xdotool key s
for _ in $(seq 300); do ls "$dir/shots"/*.png >/dev/null 2>&1 && break; sleep 0.2; done
# A second one straight after a change: the picture is not finished, so it is rendered afresh.
xdotool key space key s
for _ in $(seq 300); do [ "$(ls "$dir/shots"/*.png | wc -l)" -ge 2 ] && break; sleep 0.2; done
# E exports the picture at twice its size with 2 x 2 supersampling, a few rows per frame.
xdotool key e
for _ in $(seq 600); do [ "$(ls "$dir/shots"/*.png | wc -l)" -ge 3 ] && break; sleep 0.2; done
# File -> Share as web page writes the network as a page beside the screenshots.
click_widget File
sleep 0.5
click_widget "Share as web page"
for _ in $(seq 50); do ls "$dir/shots"/*.html >/dev/null 2>&1 && break; sleep 0.2; done
quit_app
page=$(ls "$dir/shots"/*.html 2>/dev/null | head -n1)
[ -n "$page" ] || { echo "FAIL: File -> Share as web page wrote nothing"; exit 1; }
"$bin" render --params "$page" --save-params "$dir/page.json" -q -o "$dir/page.png"
grep -q '"depth": 8' "$dir/page.json" || { echo "FAIL: the shared page lost the network"; cat "$dir/page.json"; exit 1; }
if [ "$engine" = auto ]; then  # and the explorer opens the page again
  start_app "$bin" explore "$page" --screenshot-dir "$dir/shots" --window 1000x700
  quit_app
  grep -q "error" "$dir/app.log" && { echo "FAIL: explore PAGE.html"; exit 1; }
fi
case $engine in  # the log says which engine draws, and why
  cpu) grep -q "drawing with the CPU engine, as asked" "$dir/app.log" ;;
  gpu) grep -q "drawing with the shader engine, as asked, on " "$dir/app.log" ;;
  auto) grep -Eq "drawing with the (CPU engine: .* is a software rasteriser|shader engine on )" "$dir/app.log" ;;
esac || { echo "FAIL: the log does not say which engine draws"; exit 1; }
[ "$(ls "$dir/shots"/*.png | wc -l)" -ge 3 ] || { echo "FAIL: expected two screenshots and an export"; exit 1; }
grep -q '"seed"' "$dir/state/primordial/session.json" || { echo "FAIL: session not saved"; exit 1; }
for shot in "$dir/shots"/*.png; do
  grep -q '"format": "primordial/3"' <(strings "$shot") || { echo "FAIL: $shot has no parameters"; exit 1; }
  # What the window saved is what the CPU evaluator computes for the embedded parameters.
  "$bin" render --params "$shot" --backend cpu -q -o "$dir/reference.png"
  # The CPU engine draws exactly what the CPU evaluator computes; the shader within 2/255.
  if [ "$engine" = cpu ]; then tolerance=0; else tolerance=2; fi
  if /usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null; then
    /usr/bin/python3 - "$shot" "$dir/reference.png" "$tolerance" <<'PY'
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB"), dtype=int) for p in sys.argv[1:3])
tolerance = int(sys.argv[3])
assert a.shape == b.shape, (a.shape, b.shape)
share = np.all(np.abs(a - b) <= tolerance, axis=2).mean()
print(f"{sys.argv[1]}: {100 * share:.2f}% of pixels within {tolerance}/255 of the CPU evaluator")
sys.exit(0 if share >= (1.0 if tolerance == 0 else 0.995) else 1)
PY
  fi
done
echo "PASS ($engine engine): window, input, two screenshots, an export, a shared page, clean exit, session saved"
