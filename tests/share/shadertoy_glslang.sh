#!/usr/bin/env bash
# A Shadertoy shader from `primordial share` compiles with glslangValidator (the Khronos reference
# compiler) under Shadertoy's own prologue, written out here apart from the tool's; a network too
# large for constants is refused with exit code 2 and the limit, and leaves no file.
set -euo pipefail
bin=$1 dir=$2
command -v glslangValidator >/dev/null || { echo "SKIP: glslangValidator (glslang-tools) is not installed"; exit 77; }
rm -rf "$dir"; mkdir -p "$dir"
for net in "--depth 27 --width 30" "--depth 40 --width 30 --seed 9" "--depth 4 --outputs 1 --colormap viridis --inputs x,y,r,z --z 0.5"; do
  # shellcheck disable=SC2086
  "$bin" share $net -q -o "$dir/net.glsl"
  {
    cat <<'HEAD'
#version 300 es
#ifdef GL_ES
precision highp float;
precision highp int;
precision mediump sampler3D;
#endif
uniform vec3 iResolution;
uniform float iTime;
uniform float iChannelTime[4];
uniform vec4 iMouse;
uniform vec4 iDate;
uniform float iSampleRate;
uniform vec3 iChannelResolution[4];
uniform int iFrame;
uniform float iTimeDelta;
uniform float iFrameRate;
uniform sampler2D iChannel0;
uniform sampler2D iChannel1;
uniform sampler2D iChannel2;
uniform sampler2D iChannel3;
HEAD
    cat "$dir/net.glsl"
    cat <<'TAIL'
out vec4 shadertoy_out_color;
void main(void) {
    shadertoy_out_color = vec4(1.0, 1.0, 1.0, 1.0);
    vec4 color = vec4(1e20);
    mainImage(color, gl_FragCoord.xy);
    shadertoy_out_color = vec4(color.xyz, 1.0);
}
TAIL
  } >"$dir/net.frag"
  glslangValidator -S frag "$dir/net.frag" >"$dir/glslang.log" 2>&1 || { echo "FAIL: $net"; cat "$dir/glslang.log"; exit 1; }
  echo "ok: $net compiles ($(wc -c <"$dir/net.glsl") bytes)"
done
rm -f "$dir/big.glsl"
if "$bin" share --depth 14 --width 400 -o "$dir/big.glsl" 2>"$dir/big.err"; then echo "FAIL: 14x400 was not refused"; exit 1; else rc=$?; fi
[ "$rc" = 2 ] || { echo "FAIL: exit $rc, not 2"; exit 1; }
grep -q "at most 16384 vec4 constants" "$dir/big.err" || { echo "FAIL: no limit in the message"; cat "$dir/big.err"; exit 1; }
[ ! -e "$dir/big.glsl" ] || { echo "FAIL: a refused shader left a file"; exit 1; }
echo "PASS: Shadertoy shaders compile under Shadertoy's prologue; too large is refused"
