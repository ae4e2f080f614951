// One pixel of a tile of level k (the explorer's progressive rendering; a web page draws level 0
// in one tile): the pixel's offset from the view centre, computed operation for operation as
// Evaluator::pixel_offset_x / _y, then network_color.
uniform float u_step;        // plane units per full-resolution pixel
uniform ivec2 u_image;       // full-resolution image size
uniform int u_level;         // level k: pixel (i, j) samples full-resolution pixel (i << k, j << k)
uniform ivec2 u_tile;        // tile's top-left pixel in the level-k image (row 0 at the top)
uniform int u_tile_height;
uniform ivec2 u_origin;      // framebuffer pixel of the tile's bottom-left corner

out vec4 frag_color;

void main() {
    ivec2 fb = ivec2(gl_FragCoord.xy) - u_origin;
    int i = (u_tile.x + fb.x) << u_level;
    int j = (u_tile.y + (u_tile_height - 1 - fb.y)) << u_level;
    float dx = (float(i) + 0.5 - float(u_image.x) * 0.5) * u_step;
    float dy = (float(u_image.y) * 0.5 - float(j) - 0.5) * u_step;
    frag_color = network_color(dx, dy);
}
