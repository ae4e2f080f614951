// Evaluates the network at one pixel: the same function as core::Evaluator (src/core/evaluate.cpp).
// The renderer prepends "#version 330 core", "#define MAX_VEC4 <bucket width / 4>" and
// activation.glsl. Loop bounds are uniforms, so new weights, depths or activations never recompile;
// only the width bucket (MAX_VEC4) selects among a few cached programs.
//
// u_weights (RGBA32F): per layer, out4 bias texels, then out4 x in4 blocks of 4x4 weights, each
// block as 4 texels (one per input column, holding 4 consecutive output rows). Layer 0 is the first
// layer folded at the view centre (core::fold_first_layer), with the per-pixel inputs as columns.
// u_layers (RGBA32I): per layer (in, out, activation, first texel).

uniform samplerBuffer u_weights;
uniform isamplerBuffer u_layers;
#define WEIGHT(i) texelFetch(u_weights, i)
uniform int u_layer_count;
uniform int u_outputs;       // 1 (grey) or 3
uniform ivec4 u_columns;     // folded input columns: 0 x, 1 y, 2 r, -1 none
uniform vec2 u_center;       // view centre as float, for r
uniform float u_step;        // plane units per full-resolution pixel
uniform ivec2 u_image;       // full-resolution image size
uniform int u_level;         // level k: pixel (i, j) samples full-resolution pixel (i << k, j << k)
uniform ivec2 u_tile;        // tile's top-left pixel in the level-k image (row 0 at the top)
uniform int u_tile_height;
uniform ivec2 u_origin;      // framebuffer pixel of the tile's bottom-left corner

out vec4 frag_color;

// llvmpipe ends any shader after 65535 loop iterations in all (LP_MAX_TGSI_LOOP_ITERATIONS), so
// the inner loop handles UNROLL blocks of 4 inputs per iteration: every network the core allows
// then stays under 50000 iterations. Blocks past the layer's inputs are skipped.
#define BLOCK(i)                                  \
    if (k + (i) < in4) {                          \
        vec4 x = h[src + k + (i)];                \
        int u = t + 4 * (i);                      \
        acc += WEIGHT(u) * x.x;                   \
        acc += WEIGHT(u + 1) * x.y;               \
        acc += WEIGHT(u + 2) * x.z;               \
        acc += WEIGHT(u + 3) * x.w;               \
    }
#define BLOCK8(i) BLOCK(i) BLOCK(i + 1) BLOCK(i + 2) BLOCK(i + 3) BLOCK(i + 4) BLOCK(i + 5) \
    BLOCK(i + 6) BLOCK(i + 7)
#if MAX_VEC4 <= 8
#define UNROLL 8
#define BLOCKS BLOCK8(0)
#elif MAX_VEC4 <= 16
#define UNROLL 16
#define BLOCKS BLOCK8(0) BLOCK8(8)
#elif MAX_VEC4 <= 32
#define UNROLL 32
#define BLOCKS BLOCK8(0) BLOCK8(8) BLOCK8(16) BLOCK8(24)
#else
#define UNROLL 64
#define BLOCKS BLOCK8(0) BLOCK8(8) BLOCK8(16) BLOCK8(24) BLOCK8(32) BLOCK8(40) BLOCK8(48) \
    BLOCK8(56)
#endif

float column(int c, float dx, float dy, float r) {
    return c == 0 ? dx : (c == 1 ? dy : (c == 2 ? r : 0.0));
}

void main() {
    ivec2 fb = ivec2(gl_FragCoord.xy) - u_origin;
    int i = (u_tile.x + fb.x) << u_level;
    int j = (u_tile.y + (u_tile_height - 1 - fb.y)) << u_level;
    // Evaluator::pixel_offset_x / _y, operation for operation.
    float dx = (float(i) + 0.5 - float(u_image.x) * 0.5) * u_step;
    float dy = (float(u_image.y) * 0.5 - float(j) - 0.5) * u_step;
    float px = u_center.x + dx, py = u_center.y + dy;
    float r = sqrt(px * px + py * py);

    vec4 h[2 * MAX_VEC4];
    h[0] = vec4(column(u_columns.x, dx, dy, r), column(u_columns.y, dx, dy, r),
                column(u_columns.z, dx, dy, r), 0.0);
    int src = 0, dst = MAX_VEC4;
    for (int l = 0; l < u_layer_count; ++l) {
        ivec4 L = texelFetch(u_layers, l);
        int in4 = (L.x + 3) >> 2, out4 = (L.y + 3) >> 2;
        for (int o = 0; o < out4; ++o) {
            // Bias first, then the inputs in ascending order, as the CPU sums them.
            vec4 acc = WEIGHT(L.w + o);
            int t = L.w + out4 + 4 * o * in4;
            for (int k = 0; k < in4; k += UNROLL) {
                BLOCKS
                t += 4 * UNROLL;
            }
            // Padding rows stay exactly 0 so that 0 * inf can never reach a real unit.
            bvec4 real = lessThan(ivec4(4 * o) + ivec4(0, 1, 2, 3), ivec4(L.y));
            h[dst + o] = mix(vec4(0.0), activate(L.z, acc), real);
        }
        int s = src;
        src = dst;
        dst = s;
    }
    vec4 v = h[src];
    v = u_outputs == 1 ? v.xxxx : v;
    // core::to_byte: round(clamp(v, 0, 1) * 255), NaN gives 0.
    bvec4 nan = isnan(v);
    v = mix(v, vec4(0.0), nan);
    v = floor(clamp(v, 0.0, 1.0) * 255.0 + 0.5) / 255.0;
    frag_color = vec4(v.rgb, 1.0);
}
