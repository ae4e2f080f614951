#!/usr/bin/env bash
# Smoke test of undo and bookmarks in the real explorer: changes the seed twice with Space,
# undoes both with Ctrl+Z, redoes one with Ctrl+Shift+Z, bookmarks with Ctrl+B and quits. Checks
# that the saved session holds the seed after the redo and that the bookmark is on disk with the
# same parameters. Then the history across a restart: two new seeds, Esc, start again, and Ctrl+Z
# returns the first of them (the copied state shows its seed); a session left in the config
# folder by an older Primordial is moved to the state folder.
set -euo pipefail
bin=$1 dir=$2
source "$(dirname "$0")/xvfb_app.sh"
export XDG_DATA_HOME=$dir/data
start_app "$bin" explore --depth 6 --width 8 --seed 5 --window 900x600
xdotool mousemove --window "$win" 890 590
xdotool key space; sleep 0.5
xdotool key space; sleep 0.5
xdotool key ctrl+z; sleep 0.3
xdotool key ctrl+z; sleep 0.3
marks="$dir/data/primordial/bookmarks"
xdotool key ctrl+b   # at the start again: seed 5, named by what it holds
for _ in $(seq 100); do [ -f "$marks/seed 5 · 6×8.png" ] && break; sleep 0.1; done
[ -f "$marks/seed 5 · 6×8.png" ] || { echo "FAIL: no bookmark named 'seed 5 · 6×8'"; ls "$marks"; exit 1; }
xdotool key ctrl+shift+z; sleep 0.3
xdotool key ctrl+b   # after the redo
for _ in $(seq 100); do [ "$(ls "$marks" | wc -l)" = 2 ] && break; sleep 0.1; done
# Presentation mode and back: the window goes fullscreen, drifts, and P returns to the explorer.
xdotool key p; sleep 3
size=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
xdotool key p; sleep 1
kill -0 $app 2>/dev/null || { echo "FAIL: the explorer stopped in presentation mode"; cat "$dir/app.log"; exit 1; }
[ "$size" = "1280x800" ] || { echo "FAIL: presentation was not fullscreen ($size)"; exit 1; }
quit_app
session="$dir/state/primordial/session.json"
# Bookmarks carry their networks: render --params reads them back.
"$bin" render --params "$marks/seed 5 · 6×8.png" --save-params "$dir/start.json"
"$bin" render --params "$(ls -d "$marks"/* | grep -v 'seed 5 ')" --save-params "$dir/redone.json"
/usr/bin/python3 - "$session" "$dir/start.json" "$dir/redone.json" <<'PY'
import json, sys
session, start, redone = (json.load(open(p)) for p in sys.argv[1:4])
seed = session["params"]["network"]["seed"]
assert start["network"]["seed"] == 5, start   # two undos went back to the start
assert seed != 5, "the redo should have brought back the first new seed"
assert redone["network"]["seed"] == seed, redone
print(f"undo, redo and bookmark: seed {seed} in the session and in the bookmark")
PY

# The history across a restart.
command -v xclip >/dev/null || { echo "SKIP: xclip is not installed"; exit 77; }
copied_seed() {  # Ctrl+C over the picture; the copied state's seed
  xdotool key ctrl+c; sleep 0.5
  xclip -o -selection clipboard | /usr/bin/python3 -c 'import json, sys; j = json.load(sys.stdin); print(j.get("params", j)["network"]["seed"])'
}
# An older Primordial's session, in the config folder: moved, once, to the state folder.
mkdir -p "$dir/config/primordial"
mv "$session" "$dir/config/primordial/session.json"
start_app "$bin" explore --window 900x600
grep -q "moved the session to $session" "$dir/app.log" || { echo "FAIL: the old session was not moved"; cat "$dir/app.log"; exit 1; }
[ ! -e "$dir/config/primordial/session.json" ] || { echo "FAIL: the old session is still there"; exit 1; }
xdotool mousemove --window "$win" 890 590
before=$(copied_seed)
xdotool key space; sleep 0.5
first=$(copied_seed)
xdotool key space; sleep 0.5
second=$(copied_seed)
quit_app
[ "$first" != "$before" ] && [ "$second" != "$first" ] || { echo "FAIL: Space did not change the seed ($before $first $second)"; exit 1; }
start_app "$bin" explore --window 900x600
xdotool mousemove --window "$win" 890 590
restored=$(copied_seed)
xdotool key ctrl+z; sleep 0.5
undone=$(copied_seed)
xdotool key ctrl+z; sleep 0.5
undone_twice=$(copied_seed)
quit_app
[ "$restored" = "$second" ] || { echo "FAIL: the restart did not restore seed $second ($restored)"; exit 1; }
[ "$undone" = "$first" ] || { echo "FAIL: Ctrl+Z after the restart gave seed $undone, not the first change $first"; exit 1; }
[ "$undone_twice" = "$before" ] || { echo "FAIL: a second Ctrl+Z gave $undone_twice, not $before"; exit 1; }
echo "history across a restart: seeds $before -> $first -> $second, quit, restart, Ctrl+Z -> $undone -> $undone_twice"

# Settings: sections opened or closed and the export's settings are kept in the config folder.
cat >"$dir/config/primordial/settings.json" <<'JSON'
{"format": "primordial-settings/1", "sections": {"Export": true, "Network": false},
 "export": {"width": 3000, "height": 2000, "supersample": 3, "bit_depth": 16}}
JSON
start_app "$bin" explore --window 900x600
import -window "$win" "$dir/settings.png"
quit_app
/usr/bin/python3 - "$dir/config/primordial/settings.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["sections"]["Export"] is True and s["sections"]["Network"] is False, s["sections"]
assert s["sections"]["Views"] is True, s["sections"]   # the others as they open at first
assert s["export"] == {"width": 3000, "height": 2000, "supersample": 3, "bit_depth": 16}, s["export"]
print("settings: Export open, Network closed, a 3000x2000 16-bit export at 3x3, kept across a restart")
PY
echo "PASS: undo, redo, bookmark, presentation, history across a restart, settings"
