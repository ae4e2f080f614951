#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test. GL tests need a display: without one,
# the suite runs under xvfb-run (Mesa's software rasteriser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j 2
fi
exec ctest --output-on-failure -j 2
