# Shared by the explorer's smoke tests (sourced): checks for the tools, starts a private Xvfb
# display, and defines start_app, which starts the explorer and waits for its window ($win).
# Expects $dir (a fresh folder is made) and sets DISPLAY and XDG_CONFIG_HOME.
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
rm -rf "$dir"; mkdir -p "$dir/config" "$dir/shots"
# The server picks a free display itself and writes its number once it listens, so tests running
# side by side never pick the same one. A display whose previous server is still shutting down
# can leave the new one without a socket ("server already running"): then a client cannot
# connect, and a fresh server is started. No display after a few tries fails the test clearly.
start_xvfb() {  # sets $xvfb and $number, or returns 1
  local fd
  exec {fd}<> <(:)
  Xvfb -displayfd "$fd" -screen 0 1280x800x24 -nolisten tcp >>"$dir/xvfb.log" 2>&1 &
  xvfb=$!
  number=""
  read -r -t 20 -u "$fd" number || true
  exec {fd}<&-
  if [ -n "$number" ] && kill -0 $xvfb 2>/dev/null; then
    for _ in $(seq 20); do
      DISPLAY=":$number" xdotool getmouselocation >/dev/null 2>&1 && return 0
      sleep 0.1
    done
  fi
  kill $xvfb 2>/dev/null || true
  wait $xvfb 2>/dev/null || true
  return 1
}
xvfb=""
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null || true' EXIT
for attempt in 1 2 3 4 5; do
  start_xvfb && break
  [ "$attempt" = 5 ] && { echo "FAIL: no Xvfb display accepted a client after 5 tries:"; cat "$dir/xvfb.log"; exit 1; }
  sleep 0.5
done
export DISPLAY=":$number" XDG_CONFIG_HOME=$dir/config

start_app() {  # arguments: the explorer's command line
  "$@" >"$dir/app.log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 100); do
    win=$(xdotool search --name '^Primordial$' 2>/dev/null | head -n1 || true)
    [ -n "$win" ] && break
    sleep 0.2
  done
  [ -n "$win" ] || { echo "FAIL: no window appeared"; cat "$dir/app.log"; exit 1; }
  sleep 2
}

quit_app() {  # presses Esc and checks the explorer exits with 0
  xdotool key Escape
  for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.2; done
  if kill -0 $app 2>/dev/null; then echo "FAIL: the explorer did not quit on Esc"; kill $app; exit 1; fi
  wait $app && rc=0 || rc=$?
  cat "$dir/app.log"
  [ "$rc" = 0 ] || { echo "FAIL: exit code $rc"; exit 1; }
}
