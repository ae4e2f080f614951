// Shows a finished level of the progressive renderer, scaled to the picture area with nearest
// filtering (coarse levels appear as blocks, never blurred guesses).
uniform sampler2D u_image;
uniform vec4 u_viewport;  // x, y, width, height of the picture area in framebuffer pixels
uniform vec2 u_scale;     // level pixels used / texture size, per axis
out vec4 frag_color;

void main() {
    vec2 uv = (gl_FragCoord.xy - u_viewport.xy) / u_viewport.zw;
    frag_color = vec4(texture(u_image, uv * u_scale).rgb, 1.0);
}
