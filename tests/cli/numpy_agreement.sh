#!/usr/bin/env bash
# A numpy evaluation of --dump-weights must reproduce the PNG within 2/255 on >= 99% of pixels,
# for every activation. Depth 18 x 30 units as in the article; sin with range-1 weights is
# chaotic at that depth (see docs/PARAMETERS.md), so it is checked with LeCun scaling.
set -euo pipefail
bin=$1 script=$2 dir=$3
py=/usr/bin/python3
if ! "$py" -c 'import numpy, PIL' 2>/dev/null; then
  echo "SKIP: python3-numpy or python3-pil is not installed"; exit 77
fi
mkdir -p "$dir"
for act in tanh sigmoid relu leaky_relu elu softplus sin gaussian identity; do
  extra=()
  [ "$act" = sin ] && extra=(--init lecun)
  "$bin" render --depth 18 --width 30 --activation "$act" "${extra[@]}" --seed 1 --size 160x120 \
    --inputs x,y,r --center 0.1,-0.2 -q -o "$dir/$act.png" --dump-weights "$dir/$act.json"
  printf '%-10s ' "$act"
  "$py" -W ignore "$script" "$dir/$act.json" 160x120 --compare "$dir/$act.png" --min-agree 99
done
# The grey (one-output) picture too.
"$bin" render --depth 6 --outputs 1 --size 64x64 -q -o "$dir/grey.png" --dump-weights "$dir/grey.json"
printf '%-10s ' grey
"$py" -W ignore "$script" "$dir/grey.json" 64x64 --compare "$dir/grey.png" --min-agree 99
