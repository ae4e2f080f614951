# Shared by the explorer's smoke tests (sourced): checks for the tools, starts a private Xvfb
# display, and defines start_app, which starts the explorer and waits for its window ($win).
# Expects $dir (a fresh folder is made) and sets DISPLAY, XDG_CONFIG_HOME and XDG_STATE_HOME.
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
# The pictures are checked with numpy: without it the test would pass unchecked, so it skips.
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy and python3-pil are not installed"; exit 77; }
rm -rf "$dir"; mkdir -p "$dir/config" "$dir/shots"
# A display number of its own, drawn from a wide range, so tests side by side never share one:
# with the lowest free number (-displayfd alone) a server still shutting down can remove the
# socket of the next one on that number (seen as "Failed to open display :1"). The server writes
# its number to the -displayfd pipe once it listens; a client must then connect, else a fresh
# server on another number is started. No display after a few tries fails the test clearly.
start_xvfb() {  # sets $xvfb and $number, or returns 1
  local fd ready
  number=$((1000 + RANDOM % 30000))
  [ -e "/tmp/.X$number-lock" ] && return 1
  exec {fd}<> <(:)
  Xvfb ":$number" -displayfd "$fd" -screen 0 1280x800x24 -nolisten tcp >>"$dir/xvfb.log" 2>&1 &
  xvfb=$!
  ready=""
  read -r -t 20 -u "$fd" ready || true
  exec {fd}<&-
  if [ "$ready" = "$number" ] && kill -0 $xvfb 2>/dev/null; then
    for _ in $(seq 50); do
      DISPLAY=":$number" xdotool getmouselocation >/dev/null 2>&1 && return 0
      sleep 0.1
    done
  fi
  stop_xvfb
  return 1
}
stop_xvfb() {  # and wait, so that it has removed its lock and socket before anything else runs
  [ -n "${xvfb:-}" ] || return 0
  kill $xvfb 2>/dev/null || true
  wait $xvfb 2>/dev/null || true
  xvfb=""
}
xvfb=""
trap stop_xvfb EXIT
for attempt in 1 2 3 4 5; do
  start_xvfb && break
  [ "$attempt" = 5 ] && { echo "FAIL: no Xvfb display accepted a client after 5 tries:"; cat "$dir/xvfb.log"; exit 1; }
  sleep 0.5
done
export DISPLAY=":$number" XDG_CONFIG_HOME=$dir/config XDG_STATE_HOME=$dir/state

start_app() {  # arguments: the explorer's command line
  # Under load, an X client now and then fails to connect to a display that has just served
  # others ("Failed to open display"; seen about once in forty starts with two tests side by
  # side, never alone). That is the test's display, not the explorer: it is started again, at
  # most twice, and the retry is said in the output.
  for try in 1 2 3; do
    "$@" >"$dir/app.log" 2>&1 &
    app=$!
    win=""
    for _ in $(seq 100); do
      win=$(xdotool search --name '^Primordial$' 2>/dev/null | head -n1 || true)
      [ -n "$win" ] && break
      kill -0 $app 2>/dev/null || break
      sleep 0.2
    done
    [ -n "$win" ] && break
    if [ "$try" -lt 3 ] && ! kill -0 $app 2>/dev/null && grep -q "Failed to open display" "$dir/app.log"; then
      echo "note: the explorer could not connect to $DISPLAY; starting it again"
      wait $app 2>/dev/null || true
      sleep 0.5
      continue
    fi
    break
  done
  [ -n "$win" ] || { echo "FAIL: no window appeared"; cat "$dir/app.log"; exit 1; }
  sleep 2
}

# The centre of a panel widget as "x y", from the layout the explorer reports when started with
# --report-layout "$dir/layout.json" (waits for the widget to be drawn: a menu item once open).
widget() {
  local at=""
  for _ in $(seq 50); do
    at=$(/usr/bin/python3 -c 'import json, sys
try:
    r = json.load(open(sys.argv[1]))[sys.argv[2]]
    print(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2))
except (OSError, KeyError, ValueError):
    pass' "$dir/layout.json" "$1")
    [ -n "$at" ] && break
    sleep 0.1
  done
  [ -n "$at" ] || { echo "FAIL: the explorer reported no widget '$1'" >&2; cat "$dir/layout.json" >&2; exit 1; }
  echo "$at"
}
click_widget() {  # moves to a panel widget by its label and clicks it
  xdotool mousemove --window "$win" $(widget "$1") click 1
}

quit_app() {  # presses Esc and checks the explorer exits with 0
  xdotool key Escape
  for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.2; done
  if kill -0 $app 2>/dev/null; then echo "FAIL: the explorer did not quit on Esc"; kill $app; exit 1; fi
  wait $app && rc=0 || rc=$?
  cat "$dir/app.log"
  [ "$rc" = 0 ] || { echo "FAIL: exit code $rc"; exit 1; }
}
