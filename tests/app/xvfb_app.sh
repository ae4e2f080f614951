# Shared by the explorer's smoke tests (sourced): checks for the tools, starts a private Xvfb
# display, and defines start_app, which starts the explorer and waits for its window ($win).
# Expects $dir (a fresh folder is made) and sets DISPLAY and XDG_CONFIG_HOME.
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
rm -rf "$dir"; mkdir -p "$dir/config" "$dir/shots"
display=":$((100 + RANDOM % 800))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do DISPLAY=$display xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$display XDG_CONFIG_HOME=$dir/config

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
