// Evaluates the network at one point: the same function as core::Evaluator
// (src/core/evaluate.cpp), as network_color(dx, dy) of the offset from the view centre. Loop
// bounds come from the layer table, so new weights, depths or activations never recompile; only
// the width bucket (MAX_VEC4) selects among a few programs.
//
// What comes before this file: C++'s values as #define lines (gpu::network_constants(): MAX_VEC4
// = bucket / 4, the padded layout's PAD_*, the codes ACT_*, COLUMN_* and COLORMAP_LUT), the
// activations (activation.glsl), and where the network lives: WEIGHT(i) and LAYER(l), the i-th
// weight texel and the l-th layer, in a buffer texture in the explorer (network_gl.glsl), a 2-D
// texture in a web page (network_web.glsl), constants in a Shadertoy shader (BAKED,
// src/share/shadertoy.cpp).
//
// Weights (RGBA32F texels): per layer, out4 bias texels, then out4 x in4 blocks of 4x4 weights,
// each block as 4 texels (one per input column, holding 4 consecutive output rows). Layer 0 is the
// first layer folded at the view centre (core::fold_first_layer), with the per-pixel inputs as
// columns. Layers (ivec4): in, out, activation, first texel.

#ifndef BAKED
uniform int u_layer_count;
uniform int u_outputs;       // 1 (grey) or 3
uniform int u_colormap;      // COLORMAP_LUT: colour a one-output network through the table (LUT)
uniform ivec4 u_columns;     // folded input columns: COLUMN_X, COLUMN_Y, COLUMN_R, or none
uniform vec2 u_center;       // view centre as float, for r
#endif

// llvmpipe ends any shader after 65535 loop iterations in all (LP_MAX_TGSI_LOOP_ITERATIONS), so
// the inner loop handles UNROLL blocks of 4 inputs per iteration: every network the core allows
// then stays under 50000 iterations. Blocks past the layer's inputs are skipped.
#define BLOCK(i)                                  \
    if (k + (i) < in4) {                          \
        vec4 X = h[src + k + (i)];                \
        int u = t + 4 * (i);                      \
        acc += WEIGHT(u) * X.x;                   \
        acc += WEIGHT(u + 1) * X.y;               \
        acc += WEIGHT(u + 2) * X.z;               \
        acc += WEIGHT(u + 3) * X.w;               \
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
    return c == COLUMN_X ? dx : (c == COLUMN_Y ? dy : (c == COLUMN_R ? r : 0.0));
}

// The colour (bytes / 255) at offset (dx, dy) from the view centre.
vec4 network_color(float dx, float dy) {
    float px = u_center.x + dx, py = u_center.y + dy;
    float r = sqrt(px * px + py * py);

#if PAD_BLOCKS > 0
#if PAD_BLOCKS != 8
#error the unrolled code below holds 8 blocks of units (h0 ... h7)
#endif
    // Small networks (the 32 bucket): every layer is padded to 8 x 8 blocks in the weight layout
    // (gpu::pack_network with pad_blocks 8), so the loops over output and input blocks unroll
    // with constant indices and the units stay in registers; only the layer loop is dynamic.
    // Layer 0 takes PAD_FIRST_TEXELS (8 bias texels, then one input block per output block),
    // every later layer PAD_LAYER_TEXELS (8 bias texels, then 8 x 8 blocks).
    vec4 x0 = vec4(column(u_columns.x, dx, dy, r), column(u_columns.y, dx, dy, r),
                   column(u_columns.z, dx, dy, r), 0.0);
    vec4 h0, h1, h2, h3, h4, h5, h6, h7;
    {
        ivec4 L = LAYER(0);
        ivec4 rows = ivec4(0, 1, 2, 3);
#define FIRST(o, h)                                                        \
        {                                                                  \
            vec4 acc = WEIGHT(o);                                          \
            int u = PAD_BLOCKS + 4 * (o);                                  \
            acc += WEIGHT(u) * x0.x;                                       \
            acc += WEIGHT(u + 1) * x0.y;                                   \
            acc += WEIGHT(u + 2) * x0.z;                                   \
            acc += WEIGHT(u + 3) * x0.w;                                   \
            h = mix(vec4(0.0), activate(L.z, acc), lessThan(rows + 4 * (o), ivec4(L.y))); \
        }
        FIRST(0, h0) FIRST(1, h1) FIRST(2, h2) FIRST(3, h3)
        FIRST(4, h4) FIRST(5, h5) FIRST(6, h6) FIRST(7, h7)
    }
#define IN(u, k, X)                                                        \
    acc += WEIGHT(u + 4 * (k)) * X.x;                                      \
    acc += WEIGHT(u + 4 * (k) + 1) * X.y;                                  \
    acc += WEIGHT(u + 4 * (k) + 2) * X.z;                                  \
    acc += WEIGHT(u + 4 * (k) + 3) * X.w;
#define OUT(o, n)                                                          \
    {                                                                      \
        vec4 acc = WEIGHT(t + (o));                                        \
        int u = t + PAD_BLOCKS + 4 * PAD_BLOCKS * (o);                     \
        IN(u, 0, h0) IN(u, 1, h1) IN(u, 2, h2) IN(u, 3, h3)                \
        IN(u, 4, h4) IN(u, 5, h5) IN(u, 6, h6) IN(u, 7, h7)                \
        n = mix(vec4(0.0), activate(L.z, acc), lessThan(rows + 4 * (o), ivec4(L.y))); \
    }
    for (int l = 1; l < u_layer_count; ++l) {
        ivec4 L = LAYER(l);
        ivec4 rows = ivec4(0, 1, 2, 3);
        int t = PAD_FIRST_TEXELS + (l - 1) * PAD_LAYER_TEXELS;
        vec4 n0, n1, n2, n3, n4, n5, n6, n7;
        OUT(0, n0) OUT(1, n1) OUT(2, n2) OUT(3, n3)
        OUT(4, n4) OUT(5, n5) OUT(6, n6) OUT(7, n7)
        h0 = n0; h1 = n1; h2 = n2; h3 = n3; h4 = n4; h5 = n5; h6 = n6; h7 = n7;
    }
    vec4 v = h0;
#else
    vec4 h[2 * MAX_VEC4];
    h[0] = vec4(column(u_columns.x, dx, dy, r), column(u_columns.y, dx, dy, r),
                column(u_columns.z, dx, dy, r), 0.0);
    int src = 0, dst = MAX_VEC4;
    for (int l = 0; l < u_layer_count; ++l) {
        ivec4 L = LAYER(l);
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
#endif
    v = u_outputs == 1 ? v.xxxx : v;
    // core::to_byte: round(clamp(v, 0, 1) * 255), NaN gives 0.
    bvec4 nan = isnan(v);
    v = mix(v, vec4(0.0), nan);
    v = floor(clamp(v, 0.0, 1.0) * 255.0 + 0.5) / 255.0;
    if (u_outputs == 1 && u_colormap == COLORMAP_LUT) v.rgb = LUT(int(v.x * 255.0 + 0.5));
    return vec4(v.rgb, 1.0);
}
