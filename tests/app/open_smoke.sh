#!/usr/bin/env bash
# Smoke test of File -> Open (Ctrl+O) in the real explorer: with the desktop's dialog (a stand-in
# zenity on PATH that answers with a file, then one that is cancelled) and with the explorer's
# own browser (no dialog program: a typed name and Enter open the file; Esc closes the browser and
# leaves the explorer running). Each opening is checked by the copied state's seed.
set -euo pipefail
bin=$1 dir=$2
source "$(dirname "$0")/xvfb_app.sh"
command -v xclip >/dev/null || { echo "SKIP: xclip is not installed"; exit 77; }
files=$dir/files
mkdir -p "$files/sub" "$dir/bin"
"$bin" render --seed 7 --depth 5 --size 64x64 --backend cpu -q -o "$files/seven.png"
"$bin" render --seed 9 --depth 8 --save-params "$files/nine.json"

press() { xdotool keydown "$1"; sleep 0.15; xdotool keyup "$1"; }  # held across a frame
copied_seed() {
  xdotool mousemove --window "$win" 990 690; xdotool key ctrl+c; sleep 0.5
  xclip -o -selection clipboard | /usr/bin/python3 -c 'import json, sys; j = json.load(sys.stdin); print(j.get("params", j)["network"]["seed"])'
}
alive() { sleep 0.5; kill -0 $app 2>/dev/null || { echo "FAIL: the explorer quit after $1"; cat "$dir/app.log"; exit 1; }; }

# The desktop's dialog: a zenity that answers with a file, then one that is cancelled.
cat >"$dir/bin/zenity" <<SH
#!/bin/sh
echo "\$@" > "$dir/zenity-args"
[ -f "$dir/cancel" ] && exit 1
echo "$files/seven.png"
SH
chmod +x "$dir/bin/zenity"
PATH="$dir/bin:$PATH" start_app "$bin" explore --screenshot-dir "$files" --window 1000x700
xdotool mousemove --window "$win" 990 690
xdotool key ctrl+o; sleep 1.5
[ "$(copied_seed)" = 7 ] || { echo "FAIL: the dialog's file was not opened"; cat "$dir/app.log"; exit 1; }
grep -q -- "--file-selection" "$dir/zenity-args" || { echo "FAIL: zenity was not asked for a file"; exit 1; }
grep -q -- "--filename=$files/" "$dir/zenity-args" || { echo "FAIL: the dialog did not start in $files"; cat "$dir/zenity-args"; exit 1; }
touch "$dir/cancel"
xdotool key ctrl+o; sleep 1.5
[ "$(copied_seed)" = 7 ] || { echo "FAIL: a cancelled dialog changed the network"; exit 1; }
alive "a cancelled dialog"
quit_app

# The explorer's own browser: no dialog program.
PRIMORDIAL_FILE_DIALOG=builtin start_app "$bin" explore --screenshot-dir "$files" --window 1000x700
xdotool mousemove --window "$win" 990 690
xdotool key ctrl+o; sleep 1.5
import -window "$win" "$dir/browser.png"
press Escape
alive "Esc in the browser"
xdotool key ctrl+o; sleep 1
xdotool type --delay 40 nine.json
press Return
sleep 1.5
[ "$(copied_seed)" = 9 ] || { echo "FAIL: the browser did not open nine.json"; cat "$dir/app.log"; exit 1; }
quit_app
/usr/bin/python3 - "$dir/browser.png" <<'PY'
import sys
import numpy as np
from PIL import Image
a = np.asarray(Image.open(sys.argv[1]).convert("RGB")).astype(int)
# The browser's list holds two thumbnails: colourful squares inside its dark window.
mid = a[:, a.shape[1] // 4: 3 * a.shape[1] // 4]
colourful = (mid.max(axis=2) - mid.min(axis=2) > 60).sum()
assert colourful > 2000, f"no thumbnails in the browser ({colourful} colourful pixels)"
print(f"browser: {colourful} pixels of thumbnails")
PY
echo "PASS: Ctrl+O opens the desktop's dialog's file, a cancelled dialog changes nothing, the browser opens a typed name, Esc closes it"
