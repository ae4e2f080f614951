// Animations: one setting swept between two values over N frames. Each frame is an ordinary
// Params (so it renders, saves and reloads like any picture); frame k depends only on k, so any
// range of frames can be rendered anywhere and the pieces join into the same sequence.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/net/params.hpp"

namespace primordial::core {

enum class AnimParam {
    z,       // a slice through a network with a z input (the article's figure 2)
    t,       // the loop phase: inputs cos_t, sin_t go once round; the last frame meets the first
    scale,   // the weight range (figure 20)
    extent,  // zoom, exponential so that it feels uniform
    center,  // a straight move between two points
    morph,   // from one seed's weights to another's, spherically
    bias_scale,
    depth,  // whole numbers: the nearest layer count per frame
    width,
};

inline constexpr NameEntry<AnimParam> kAnimParamTable[] = {{AnimParam::z, "z"},
                                                           {AnimParam::t, "t"},
                                                           {AnimParam::scale, "scale"},
                                                           {AnimParam::extent, "extent"},
                                                           {AnimParam::center, "center"},
                                                           {AnimParam::morph, "morph"},
                                                           {AnimParam::bias_scale, "bias_scale"},
                                                           {AnimParam::depth, "depth"},
                                                           {AnimParam::width, "width"}};
inline constexpr std::string_view kAnimParamNames = names_of<kAnimParamTable>;
std::string_view to_string(AnimParam p);
std::optional<AnimParam> parse_anim_param(std::string_view s);

struct Animation {
    AnimParam param = AnimParam::z;
    double from = 0, to = 1;      // for center: the x coordinates
    double from_y = 0, to_y = 0;  // for center: the y coordinates
    int frames = 60;
    bool operator==(const Animation&) const = default;
};

inline constexpr int kMaxFrames = 100000;

// Where frame k sits between the ends, in [0, 1]: k / (frames - 1), so the first and last frames
// are the sweep's ends; for t, k / frames, so that the loop closes without a repeated frame.
double frame_position(const Animation& a, int k);

// The parameters of frame k (0-based). Throws InputError when the animation cannot apply: bad
// ends (a zoom needs positive extents; a morph whole-number seeds) or too many frames.
Params frame_params(const Params& base, const Animation& a, int k);

// Checks the animation against `base` once, naming the problem.
void validate(const Params& base, const Animation& a);

}  // namespace primordial::core
