#!/usr/bin/env bash
# Smoke test of OSC in the real explorer (issue 26): `explore --osc PORT`; oscsend changes the
# seed and the weight scale (the state the explorer sends back shows them); Ctrl+Z undoes the
# scale alone; a depth beyond the limits is clamped with a notice; an unknown address and a
# malformed packet are ignored with a notice; with the panel hidden it works the same; 10 000
# messages in a second leave the explorer answering within 50 ms.
set -euo pipefail
bin=$1 dir=$2
source "$(dirname "$0")/xvfb_app.sh"
command -v oscsend >/dev/null || { echo "SKIP: oscsend is not installed (liblo-tools)"; exit 77; }
port=$((20000 + RANDOM % 30000))
start_app "$bin" explore --depth 4 --width 8 --osc "$port" --window 1000x700 \
  --screenshot-dir "$dir/shots"
grep -q "listening for OSC on 127.0.0.1:$port" "$dir/app.log" || { echo "FAIL: no OSC"; cat "$dir/app.log"; exit 1; }
osc=$(dirname "$0")/osc_client.py

alive() {
  kill -0 $app 2>/dev/null || { echo "FAIL: the explorer quit after $1"; cat "$dir/app.log"; exit 1; }
}
state() {  # prints "seed scale depth" from the state the explorer sends back
  /usr/bin/python3 "$osc" state "$port"
}

oscsend localhost "$port" /primordial/seed i 42; sleep 0.6
oscsend localhost "$port" /primordial/scale f 0.9; sleep 0.6
read -r seed scale depth < <(state)
[ "$seed" = 42 ] && [ "$scale" = 0.9 ] || { echo "FAIL: state after OSC: seed $seed scale $scale"; exit 1; }

# Ctrl+Z over the picture: the scale goes back, the seed stays.
xdotool mousemove --window "$win" 700 350
xdotool key ctrl+z; sleep 0.6
read -r seed scale depth < <(state)
[ "$seed" = 42 ] && [ "$scale" = 0.6 ] || { echo "FAIL: after Ctrl+Z: seed $seed scale $scale"; exit 1; }

oscsend localhost "$port" /primordial/depth i 100000; sleep 0.6
read -r seed scale depth < <(state)
[ "$depth" = 256 ] || { echo "FAIL: depth $depth after /primordial/depth i 100000"; exit 1; }
grep -q "OSC: depth: depth 100000 is more than 256: set to 256" "$dir/app.log" ||
  { echo "FAIL: no notice of the clamp"; cat "$dir/app.log"; exit 1; }
oscsend localhost "$port" /primordial/depth i 4; sleep 0.3

oscsend localhost "$port" /primordial/nothing f 1; sleep 0.3
/usr/bin/python3 "$osc" garbage "$port"; sleep 0.5
alive "an unknown address and a malformed packet"
grep -q "OSC: ignored unknown address /primordial/nothing" "$dir/app.log" || { echo "FAIL: unknown address not said"; exit 1; }
grep -q "OSC: ignored a malformed OSC packet" "$dir/app.log" || { echo "FAIL: malformed packet not said"; exit 1; }

# With the panel hidden (H) OSC works the same.
xdotool mousemove --window "$win" 700 350
xdotool key h; sleep 0.4
oscsend localhost "$port" /primordial/seed i 43; sleep 0.6
read -r seed scale depth < <(state)
[ "$seed" = 43 ] || { echo "FAIL: seed $seed with the panel hidden"; exit 1; }

# A flood: 10 000 scale messages in a second, while the state is asked for every 100 ms.
worst=$(/usr/bin/python3 "$osc" flood "$port")
alive "a flood of 10 000 messages"
echo "the explorer answered within $worst ms at worst during the flood"
/usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 50 else 1)" "$worst" ||
  { echo "FAIL: an answer took $worst ms during the flood (limit 50)"; exit 1; }
quit_app
