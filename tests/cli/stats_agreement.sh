#!/usr/bin/env bash
# `primordial stats` against an independent numpy computation from `--dump-weights`: q, the
# circle's image, saturated and dead shares and relu's linear regions, for several networks.
set -euo pipefail
bin=$1 script=$2 dir=$3
py=/usr/bin/python3
"$py" -c 'import numpy' 2>/dev/null || { echo "SKIP: python3-numpy is not installed"; exit 77; }
mkdir -p "$dir"
i=0
while read -r -a args; do
  i=$((i + 1))
  "$bin" render "${args[@]}" --size 48x40 --dump-weights "$dir/w$i.json"
  "$bin" stats "${args[@]}" --size 48x40 --circle-points 500 --format json -o "$dir/s$i.json"
  printf '%-70s ' "${args[*]}"
  "$py" "$script" "$dir/w$i.json" 48x40 --circle-points 500 --compare "$dir/s$i.json"
done <<'NETWORKS'
--depth 12 --width 30
--depth 6 --width 24 --activation relu --init he --scale 1 --inputs x,y,r,z --z 0.3
--depth 5 --width 16 --activation leaky_relu,relu,leaky_relu,relu --center 0.3,-0.2 --extent 2 --biases full
--depth 8 --width 20 --activation elu --dist normal --inputs x,y,cos_t,sin_t --t 0.3
--depth 4 --width 200 --activation sigmoid --init glorot --outputs 1
NETWORKS
