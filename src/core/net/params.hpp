// Params: the small, serialisable value that fully determines a picture.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/colormap.hpp"
#include "core/net/limits.hpp"
#include "core/net/name_table.hpp"

namespace primordial::core {

enum class Activation { tanh, sigmoid, relu, leaky_relu, elu, softplus, sin, gaussian, identity };
// x, y: the pixel; r: its distance from the origin; z: a constant (a slice through a 3-D
// network); cos_t, sin_t: cos and sin of 2*pi*t, two constants that go once round a circle as t
// goes from 0 to 1, for seamless loops.
enum class Input { x, y, r, z, cos_t, sin_t };
enum class Distribution { uniform, normal };
enum class Init { range, glorot, he, lecun };
// What biases a network gets when their scales are not given. article: hidden biases at 0.6 of
// the weights' scale and none on the output layer (measured over many seeds on the article's
// figures, docs/PARAMETERS.md); quarter: hidden biases at a quarter of it and none on the
// output (the article rule of parameter files of format 2); full: every layer's biases on the
// weights' own scale, the output layer included (parameter files of format 1).
enum class BiasRule { article, quarter, full };
inline constexpr double kArticleBiasRatio = 0.6;
inline constexpr double kQuarterBiasRatio = 0.25;

// Explicit values of one weight matrix (out rows of in columns, row-major) and its biases.
struct LayerValues {
    std::vector<float> weights;
    std::vector<float> biases;
    bool operator==(const LayerValues&) const = default;
};

// Seed morphing: the weights of `seed` slerped (per layer, as one vector with the biases)
// towards those of `to_seed` by `t` in [0, 1]. Spherical interpolation keeps the weights' spread
// steady where a straight blend would shrink it halfway.
struct Morph {
    std::uint64_t to_seed = 2;
    double t = 0;
    bool operator==(const Morph&) const = default;
};

// What a breeding step did to the network's shape (core/lineage).
enum class ShapeChange { none, deeper, shallower, wider, activation };

// The hidden layers' shape, as a breeding step keeps it so the lineage can be walked back.
struct Shape {
    int depth = 0;
    std::vector<int> widths;
    std::vector<Activation> activations;
    bool operator==(const Shape&) const = default;
};

// One generation of breeding (core/lineage). Every layer's weights and biases turn towards a
// fresh draw, the same network with seed `key`, by the angle strength * 90 degrees, so their
// spread stays steady; a cross instead slerps them towards a mate (seed `key` with its own
// lineage, in this network's shape) by `strength`. A step may also change the shape; it then
// keeps the shape before it.
// A lineage is one flat list: a cross's mate's own steps follow the cross (`mate_steps` of them,
// in the same form), so no code needs to walk it recursively and no value nests.
struct Mutation {
    std::uint64_t key = 1;
    double strength = 0.1;  // 0: no change; 1: the fresh draw
    bool cross = false;
    std::uint32_t mate_steps = 0;  // a cross: the next mate_steps steps are its mate's lineage
    ShapeChange change = ShapeChange::none;
    std::optional<Shape> before;  // the shape before a step that changed it
    bool operator==(const Mutation&) const = default;
};

struct NetworkParams {
    std::vector<Input> inputs{Input::x, Input::y};
    int outputs = 3;  // 3 = RGB, 1 = grey
    int depth = 27;   // weight matrices, output layer included
    // One entry applies to every hidden layer; otherwise one per hidden layer (depth - 1).
    std::vector<int> widths{30};
    std::vector<Activation> activations{Activation::tanh};  // same rule as widths
    Activation output_activation = Activation::sigmoid;
    Distribution distribution = Distribution::uniform;
    Init init = Init::range;
    // Below the article's widest range of 1: at 27 layers a hub, large smooth regions and detail
    // near the hub, as in its opening picture (docs/PARAMETERS.md). Format 1 files that leave
    // it out meant 1.
    double scale = 0.6;
    BiasRule biases = BiasRule::article;
    std::optional<double> bias_scale;         // hidden layers; unset: by the rule
    std::optional<double> output_bias_scale;  // output layer; unset: by the rule
    // A network whose picture measures as the article's opening one does, its hub a third in
    // (docs/PARAMETERS.md): any seed draws an equally random network.
    std::uint64_t seed = 26;
    // Hand-set weights: empty, or one entry per layer that replaces the seeded values.
    std::vector<LayerValues> set_weights;
    std::optional<Morph> morph;  // ignored when weights are hand-set
    // Breeding: the steps from the seeded network to this one, oldest first (core/lineage);
    // ignored when weights are hand-set.
    std::vector<Mutation> lineage;

    int width_of(int hidden_layer) const;
    Activation activation_of(int layer) const;  // layer == depth - 1 is the output layer
    double hidden_bias_scale() const;
    double output_layer_bias_scale() const;
    bool operator==(const NetworkParams&) const = default;
};

inline constexpr double kArticleCenterX = 0.3;  // the default centre's x, at the default extent 1

struct ViewParams {
    double center_x = 0.0;
    double center_y = 0.0;
    double extent = 1.0;  // half the span of the image's shorter side
    double z = 0.0;       // value of the z input, constant over the image
    double t = 0.0;       // loop phase in turns: inputs cos_t, sin_t = cos, sin of 2*pi*t
    bool operator==(const ViewParams&) const = default;
};

struct Params {
    NetworkParams network;
    // The article's frame: the origin, where the hub forms, about a third of the way in from
    // the left (docs/PARAMETERS.md), 0.35 of a square's width. Parameter files of format 2 and
    // older that leave the centre out meant the origin.
    ViewParams view{kArticleCenterX};
    int image_width = 1024;
    int image_height = 1024;
    ColorMap colormap = ColorMap::grey;  // how a one-output network is coloured
    int supersample = 1;                 // N x N samples per pixel, averaged (exports)
    bool operator==(const Params&) const = default;
};

// Throws InvalidSetting (limits.hpp) naming the offending setting as the command line names it,
// without dashes ("bias_scale"), when a value is out of range.
void validate(const Params& p);
std::int64_t weight_count(const NetworkParams& n);  // weights and biases
// Inputs (columns) and outputs (rows) of layer `layer`'s weight matrix.
std::pair<int, int> layer_shape(const NetworkParams& n, int layer);
// Hand-set weights are offered for networks this small (the article's first figures).
inline constexpr int kMaxEditableDepth = 2;
inline constexpr int kMaxEditableWidth = 10;
bool weights_editable(const NetworkParams& n);
// Whether the hand-set values of layer `layer` have that layer's shape.
bool set_weights_fit(const NetworkParams& n, int layer);

// Names used by files, flags and the panel, in the panel's order.
inline constexpr NameEntry<Activation> kActivationTable[] = {
    {Activation::tanh, "tanh"},        {Activation::sigmoid, "sigmoid"},
    {Activation::relu, "relu"},        {Activation::leaky_relu, "leaky_relu"},
    {Activation::elu, "elu"},          {Activation::softplus, "softplus"},
    {Activation::sin, "sin"},          {Activation::gaussian, "gaussian"},
    {Activation::identity, "identity"}};
inline constexpr NameEntry<Input> kInputTable[] = {
    {Input::x, "x"}, {Input::y, "y"},         {Input::r, "r"},
    {Input::z, "z"}, {Input::cos_t, "cos_t"}, {Input::sin_t, "sin_t"}};
inline constexpr NameEntry<Distribution> kDistributionTable[] = {{Distribution::uniform, "uniform"},
                                                                 {Distribution::normal, "normal"}};
inline constexpr NameEntry<Init> kInitTable[] = {
    {Init::range, "range"}, {Init::glorot, "glorot"}, {Init::he, "he"}, {Init::lecun, "lecun"}};
inline constexpr NameEntry<BiasRule> kBiasRuleTable[] = {
    {BiasRule::article, "article"}, {BiasRule::quarter, "quarter"}, {BiasRule::full, "full"}};
inline constexpr NameEntry<ShapeChange> kShapeChangeTable[] = {
    {ShapeChange::none, "none"},
    {ShapeChange::deeper, "deeper"},
    {ShapeChange::shallower, "shallower"},
    {ShapeChange::wider, "wider"},
    {ShapeChange::activation, "activation"}};
inline constexpr std::string_view kActivationNames = names_of<kActivationTable>;
inline constexpr std::string_view kInputNames = names_of<kInputTable>;
inline constexpr std::string_view kDistributionNames = names_of<kDistributionTable>;
inline constexpr std::string_view kInitNames = names_of<kInitTable>;
inline constexpr std::string_view kBiasRuleNames = names_of<kBiasRuleTable>;
std::string_view to_string(Activation a);
std::string_view to_string(Input i);
std::string_view to_string(Distribution d);
std::string_view to_string(Init i);
std::string_view to_string(BiasRule b);
std::string_view to_string(ShapeChange c);
std::optional<Activation> parse_activation(std::string_view s);
std::optional<Input> parse_input(std::string_view s);
std::optional<Distribution> parse_distribution(std::string_view s);
std::optional<Init> parse_init(std::string_view s);
std::optional<BiasRule> parse_bias_rule(std::string_view s);

}  // namespace primordial::core
