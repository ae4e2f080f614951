// Where the explorer's network lives (see network.frag.glsl): buffer textures, any size.
uniform samplerBuffer u_weights;  // RGBA32F
uniform isamplerBuffer u_layers;  // RGBA32I
uniform sampler2D u_lut;          // 256 x 1 colour table (core::colormap_lut)
#define WEIGHT(i) texelFetch(u_weights, i)
#define LAYER(l) texelFetch(u_layers, l)
#define LUT(i) texelFetch(u_lut, ivec2(i, 0), 0).rgb
