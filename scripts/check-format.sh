#!/usr/bin/env bash
# Checks every C++ file of ours against the committed .clang-format (third_party is not ours).
# Prints the files that differ and how to fix them; exit 1 when any does. --fix rewrites them.
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(find src tests -name '*.cpp' -o -name '*.hpp' | sort)
if [ "${1:-}" = "--fix" ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not formatted: %s\n' "${bad[@]}"
  echo "fix with: scripts/check-format.sh --fix"
  exit 1
fi
echo "formatted: ${#files[@]} files"
