#!/usr/bin/env bash
# Installs what is needed, builds, and runs Primordial's main job. Extra arguments go to
# `primordial` (for example: scripts/run.sh render --depth 18 -o a.png).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec ./build/primordial "$@"
