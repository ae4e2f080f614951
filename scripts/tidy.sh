#!/usr/bin/env bash
# clang-tidy (Debian's) with the committed .clang-tidy over every source file in src/, from the
# build's compile_commands.json. Any finding fails: no function over 120 lines, no recursion.
# Usage: scripts/tidy.sh [BUILD_DIR]   (default build; configure it first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
tidy="$(command -v clang-tidy-14 || command -v clang-tidy || true)"
if [ -z "$tidy" ]; then
  echo "tidy: clang-tidy not found (apt-get install clang-tidy)" >&2
  exit 2
fi
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: no $build/compile_commands.json: configure the build first (scripts/build.sh)" >&2
  exit 2
fi
# The generated sources (embedded presets) and the committed glad are not ours to check. The
# build's GCC flags that clang does not know (-Wno-restrict, LTO's) are not findings.
mapfile -t files < <(cd "$root" && git ls-files 'src/*.cpp')
echo "tidy: ${#files[@]} files with $("$tidy" --version | grep -o 'version [0-9.]*')"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
printf '%s\n' "${files[@]}" | (cd "$root" && xargs -P "$(nproc)" -n 4 \
  "$tidy" -p "$build" --quiet --header-filter="$root/src/" \
  --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-ignored-optimization-argument) \
  >"$log" 2>&1 || true
# A finding prints "file:line:col: error: ... [check]"; clang-tidy's own summary lines do not.
if grep -E '(warning|error): .*\[[a-z-]+(\.[A-Za-z]+)?(,-warnings-as-errors)?\]' "$log"; then
  echo "tidy: findings above (.clang-tidy)" >&2
  exit 1
fi
if grep -E 'error: ' "$log"; then
  echo "tidy: clang-tidy could not check a file (above)" >&2
  exit 1
fi
echo "tidy: no findings"
