#!/usr/bin/env bash
# One prepared run on a machine with a GPU: prints the GL renderer, runs the GPU tests, times the
# shader against the CPU (whole frames and the explorer's engines) and writes a report.
#
#   scripts/gpu-check.sh [BUILD_DIR] [REPORT_DIR]      (defaults: build, gpu-report)
#
# Needs a Release build (scripts/build.sh) and nothing else: no display (EGL, surfaceless), no
# numpy. The report (report.md, bench.json, gpu-tests.log) is what docs/PERFORMANCE.md quotes.
# On a software rasteriser it runs a smaller bench, and the report says the figures are not a GPU's.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-gpu-report}
bin=$build/primordial
tests=$build/tests/gpu_tests
[ -x "$bin" ] || { echo "gpu-check: $bin not found; build first (scripts/build.sh)" >&2; exit 2; }
mkdir -p "$out"

# NVIDIA's EGL vendor file where the driver is mounted in a container and libglvnd lacks it.
nv=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
if [ -z "${__EGL_VENDOR_LIBRARY_FILENAMES:-}" ] && [ -f "$nv" ]; then
  export __EGL_VENDOR_LIBRARY_FILENAMES=$nv
fi

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "== GL renderer"
"$bin" bench --networks 1x4 --sizes 8x8 --backends gpu --views '' --format json >"$out/probe.json" 2>"$out/probe.log"
machine=$(sed -n 's/^ *"machine": "\(.*\)",$/\1/p' "$out/probe.json")
[ -n "$machine" ] || { echo "gpu-check: no GL context:"; cat "$out/probe.log"; exit 1; }
echo "$machine"
software=no
case $machine in *llvmpipe* | *softpipe* | *SwiftShader* | *"Software Rasterizer"*) software=yes ;; esac
[ "$software" = yes ] && echo "gpu-check: this is a software rasteriser: the figures below are not a GPU's"

echo "== GPU tests"
tests_rc=0
if [ -x "$tests" ]; then
  "$tests" >"$out/gpu-tests.log" 2>&1 || tests_rc=$?
  tail -n 3 "$out/gpu-tests.log"
else
  echo "gpu-check: $tests not built (PRIMORDIAL_TESTS=OFF?)" | tee "$out/gpu-tests.log"
  tests_rc=1
fi

echo "== bench: whole frames and the explorer's engines"
# The article's 18 x 30 network at full HD, the explorer's default (27 x 30) at its window size,
# and a wide network, where the shader's weights no longer fit in registers.
bench_rc=0
networks=18x30,27x30,8x256 sizes=1920x1080,1260x1000 repeat=5 views=fig09-successive-layers,fig19-weight-scale
if [ "$software" = yes ]; then  # minutes per frame there: a smaller run that shows the script works
  networks=18x30 sizes=256x256 repeat=1 views=""
fi
"$bin" bench --networks "$networks" --sizes "$sizes" --backends cpu,gpu,cpu-ui,gpu-ui \
  --views "$views" --repeat "$repeat" --format json >"$out/bench.json" 2>"$out/bench.log" || bench_rc=$?
# The same rows as a table, for the report.
python3 - "$out/bench.json" >"$out/bench.txt" <<'PY' || cp "$out/bench.json" "$out/bench.txt"
import json, sys
b = json.load(open(sys.argv[1]))
print(f"{'network':10} {'size':11} {'backend':8} {'ms':>9} {'GFLOP/s':>8} {'full ms':>9} {'p95 ms':>7}")
for r in b["rows"]:
    f = lambda k, d=1: f"{r[k]:.{d}f}" if k in r and r[k] is not None else "-"
    print(f"{r['network']:10} {r['size']:11} {r['backend']:8} {f('ms'):>9} {f('gflops'):>8} "
          f"{f('time_to_full_ms'):>9} {f('p95_frame_ms'):>7}  {r.get('note', '')}")
PY
cat "$out/bench.txt"

{
  echo "# Primordial GPU check"
  echo
  echo "- when: $started"
  echo "- machine: $machine"
  echo "- host: $(uname -srm), $(nproc) threads"
  command -v nvidia-smi >/dev/null && echo "- GPU: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null)"
  echo "- software rasteriser: $software"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- GPU tests: $( [ "$tests_rc" = 0 ] && echo passed || echo "FAILED (exit $tests_rc)" ): $(grep -E 'test cases:' "$out/gpu-tests.log" | tail -n 1)"
  echo
  echo '```'
  cat "$out/bench.txt"
  echo '```'
} >"$out/report.md"
echo "== report: $out/report.md"
[ "$tests_rc" = 0 ] && [ "$bench_rc" = 0 ]
