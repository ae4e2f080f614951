#!/usr/bin/env bash
# Builds Release and makes the packages: build/primordial_VERSION_ARCH.deb (Depends computed by
# dpkg-shlibdeps) and build/primordial_VERSION_ARCH.tar.gz.
#   sudo apt install ./build/primordial_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
scripts/build.sh
(cd "$build" && cpack -G DEB && cpack -G TGZ) | grep -E "^CPack: - package: "
