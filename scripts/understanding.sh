#!/usr/bin/env bash
# Makes the pictures of docs/UNDERSTANDING.md with the tool itself (JPEG, to keep the repository
# small). Usage: scripts/understanding.sh [build/primordial]
set -euo pipefail
bin=${1:-build/primordial}
out=docs/images/understanding tmp=build/understanding
mkdir -p "$out" "$tmp"
jpeg() { /usr/bin/python3 -c "from PIL import Image; Image.open('$1').convert('RGB').save('$2', quality=88)"; }
"$bin" figure phase-diagram --size 1000x714 --backend cpu -q -o "$tmp/phase.png" && jpeg "$tmp/phase.png" "$out/phase-diagram.jpg"
"$bin" figure linear-regions --size 640x640 --backend cpu -q -o "$tmp/regions.png" && jpeg "$tmp/regions.png" "$out/linear-regions.jpg"
# Measured q against the theory for a wide network: 10 layers of 1000 tanh units, normal weights.
"$bin" stats --depth 10 --width 1000 --dist normal --init lecun --scale 1.5 --size 32x32 \
  --circle-points 1024 -o "$tmp/wide.txt" --plot "$tmp/wide.png" && jpeg "$tmp/wide.png" "$out/q-wide.jpg"
# The default network on either side of its edge of chaos (weight scale 0.391): pictures and stats.
for s in 0.25 0.391 0.6; do
  "$bin" render --scale "$s" --size 360x360 --backend cpu -q -o "$tmp/net-$s.png" && jpeg "$tmp/net-$s.png" "$out/net-$s.jpg"
  "$bin" stats --scale "$s" --size 48x48 --circle-points 2048 -o "$tmp/stats-$s.txt" --plot "$tmp/stats-$s.png"
  jpeg "$tmp/stats-$s.png" "$out/stats-$s.jpg"
done
# Where the detail is: the wide network the theory is checked on (the explorer's screenshot of the
# default network is taken by hand under Xvfb).
"$bin" figure detail-by-radius --depth 9 --width 1000 --scale 0.06 --bias-scale 0.1 --seed 3 \
  --size 1000x500 --backend cpu -q -o "$tmp/detail-wide.png" && jpeg "$tmp/detail-wide.png" "$out/detail-wide.jpg"
echo "pictures in $out; numbers in $tmp/*.txt"
