// Where a web page's network lives (see network.frag.glsl): WebGL2 has no buffer textures, so
// the texels are rows of WEB_ROW_TEXELS (= 1 << WEB_ROW_SHIFT, gpu::kWebRowTexels) in 2-D
// textures.
precision highp float;
precision highp int;
precision highp sampler2D;
precision highp isampler2D;
uniform sampler2D u_weights;  // RGBA32F, WEB_ROW_TEXELS a row
uniform isampler2D u_layers;  // RGBA32I, one row
uniform sampler2D u_lut;      // 256 x 1 colour table
#define WEIGHT(i) texelFetch(u_weights, ivec2((i) & (WEB_ROW_TEXELS - 1), (i) >> WEB_ROW_SHIFT), 0)
#define LAYER(l) texelFetch(u_layers, ivec2(l, 0), 0)
#define LUT(i) texelFetch(u_lut, ivec2(i, 0), 0).rgb
