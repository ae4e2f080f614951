#!/usr/bin/env bash
# Runs one libFuzzer target on a copy of its committed corpus (what it finds stays in the build
# tree, never in the sources): run.sh FUZZER CORPUS SECONDS [DICT]
set -euo pipefail
fuzzer=$1 corpus=$2 seconds=$3 dict=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$corpus"/* "$work/"
args=(-max_total_time="$seconds" -rss_limit_mb=1024)
[[ -n $dict ]] && args+=(-dict="$dict")
"$fuzzer" "${args[@]}" "$work" 2>&1 | tail -n 3
