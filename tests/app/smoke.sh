#!/usr/bin/env bash
# Smoke test: the real explorer in a real window. Starts it on a private X display, drives it
# with xdotool (wheel zoom, drag, keys, help), saves screenshots with S and a supersampled export
# with E, quits with Esc, and checks the exit code, each PNG against the CPU evaluator, and the
# saved session.
set -euo pipefail
bin=$1 dir=$2
source "$(dirname "$0")/xvfb_app.sh"
start_app "$bin" explore --depth 8 --width 16 --screenshot-dir "$dir/shots" --window 1000x700
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
quit_app
[ "$(ls "$dir/shots"/*.png | wc -l)" -ge 3 ] || { echo "FAIL: expected two screenshots and an export"; exit 1; }
grep -q '"seed"' "$dir/config/primordial/session.json" || { echo "FAIL: session not saved"; exit 1; }
for shot in "$dir/shots"/*.png; do
  grep -q '"format": "primordial/2"' <(strings "$shot") || { echo "FAIL: $shot has no parameters"; exit 1; }
  # What the window saved is what the CPU evaluator computes for the embedded parameters.
  "$bin" render --params "$shot" --backend cpu -q -o "$dir/reference.png"
  if /usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null; then
    /usr/bin/python3 - "$shot" "$dir/reference.png" <<'PY'
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(p).convert("RGB"), dtype=int) for p in sys.argv[1:3])
assert a.shape == b.shape, (a.shape, b.shape)
share = np.all(np.abs(a - b) <= 2, axis=2).mean()
print(f"{sys.argv[1]}: {100 * share:.2f}% of pixels within 2/255 of the CPU evaluator")
sys.exit(0 if share >= 0.995 else 1)
PY
  fi
done
echo "PASS: window, input, two screenshots, an export, clean exit, session saved"
