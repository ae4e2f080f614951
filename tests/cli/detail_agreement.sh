#!/usr/bin/env bash
# `primordial stats --detail` against scripts/detail_reference.py (issue 27): for 9 layers of 1000
# tanh units and the same in relu with He scaling, seed 3, radii 0 to 4. The measured q, g and
# picture detail within 3 % of numpy's own forward-mode measurement from --dump-weights; the
# theory within 1 % of numpy's own quadrature, and within 10 % of the measurement: the mean over
# 128 seeds (one network of this width scatters by 8-15 % at layer 8, and its three-channel
# picture by far more; docs/UNDERSTANDING.md).
set -euo pipefail
bin=$1 script=$2 dir=$3
py=/usr/bin/python3
"$py" -c 'import numpy' 2>/dev/null || { echo "SKIP: python3-numpy is not installed"; exit 77; }
mkdir -p "$dir"
i=0
while read -r -a args; do
  i=$((i + 1))
  net=(--depth 9 --width 1000 --seed 3 --bias-scale 0.1 "${args[@]}")
  "$bin" render "${net[@]}" --size 8x8 -o "$dir/p$i.png" --dump-weights "$dir/w$i.json" -q
  "$bin" stats "${net[@]}" --size 4x4 --circle-points 8 --detail --radii 0,0.5,1,2,4 \
    --detail-points 8 --detail-seeds 128 --format json -o "$dir/s$i.json" -q
  echo "${net[*]}"
  "$py" "$script" "$dir/w$i.json" "$dir/s$i.json" --points 8
done <<'NETWORKS'
--activation tanh --scale 0.06
--activation relu --init he --scale 1
NETWORKS
