#!/usr/bin/env bash
# Installs every Debian 12 package Primordial needs to build, run and test.
# Usage: scripts/install-deps.sh [--dev]   (--dev adds the tools used to look at the explorer by hand)
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  build-essential cmake pkg-config git
  libglfw3-dev libglm-dev libstb-dev doctest-dev libimgui-dev
  nlohmann-json3-dev libcli11-dev libpng-dev zlib1g-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core
  libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0 libglx-mesa0
  python3-glad
  xvfb xauth xdotool xclip procps
  python3 python3-numpy python3-pil libopenblas0-pthread
  python3-dev pybind11-dev python3-venv python3-setuptools python3-wheel
  desktop-file-utils appstream shared-mime-info man-db fish dpkg-dev file
  chromium glslang-tools
  ffmpeg
  liblo-dev liblo-tools librtmidi-dev
  clang clang-tidy clang-format
)
if [ "${1:-}" = "--dev" ]; then
  packages+=(imagemagick)
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
