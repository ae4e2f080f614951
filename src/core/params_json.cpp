#include "core/params_json.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace primordial::core {
namespace {

using nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& source, const std::string& key, const std::string& m) {
    throw InputError(source + ": " + key + ": " + m);
}

// The shortest decimal that reads back as the same float: 0.4f is written 0.4, not
// 0.4000000059604645, and still round-trips bit for bit.
ordered_json short_floats(const std::vector<float>& v) {
    ordered_json out = ordered_json::array();
    for (float f : v) {
        char buf[32];
        const auto end = std::to_chars(buf, buf + sizeof buf, f).ptr;
        double d = 0;
        std::from_chars(buf, end, d);  // locale-independent, unlike strtod
        out.push_back(d);
    }
    return out;
}

template <class T>
ordered_json one_or_list(const std::vector<T>& v) {
    if (v.size() == 1) return ordered_json(v[0]);
    return ordered_json(v);
}

class Reader {
public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    void check_keys(const ordered_json& obj, const std::string& path,
                    std::initializer_list<std::string_view> allowed) const {
        if (!obj.is_object()) fail(source_, path, "must be an object");
        for (const auto& [k, v] : obj.items()) {
            bool ok = false;
            for (auto a : allowed) ok = ok || a == k;
            if (!ok) fail(source_, path.empty() ? k : path + "." + k, "unknown key");
        }
    }
    double number(const ordered_json& v, const std::string& key) const {
        if (!v.is_number()) fail(source_, key, "must be a number");
        const double d = v.get<double>();
        if (!std::isfinite(d)) fail(source_, key, "must be finite");
        return d;
    }
    long long integer(const ordered_json& v, const std::string& key, long long lo,
                      long long hi) const {
        if (!v.is_number_integer()) fail(source_, key, "must be a whole number");
        const std::string range = "must be between " + std::to_string(lo) + " and " + std::to_string(hi);
        if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(hi))
            fail(source_, key, range + " (got " + v.dump() + ")");
        const long long i = v.get<long long>();
        if (i < lo || i > hi) fail(source_, key, range + " (got " + v.dump() + ")");
        return i;
    }
    template <class E, class Parse>
    E name(const ordered_json& v, const std::string& key, Parse parse, const std::string& valid) const {
        if (!v.is_string()) fail(source_, key, "must be a name (" + valid + ")");
        const auto e = parse(v.get<std::string>());
        if (!e) fail(source_, key, "unknown value '" + v.get<std::string>() + "' (expected " + valid + ")");
        return *e;
    }
    const std::string& source() const { return source_; }

    // [{"weights": [[w, ...], ...], "biases": [b, ...]}, ...]; shapes are checked by validate().
    std::vector<LayerValues> layer_values(const ordered_json& v, const std::string& key) const {
        if (!v.is_array()) fail(source_, key, "must be a list of layers");
        std::vector<LayerValues> out;
        for (const auto& layer : v) {
            const std::string at = key + "[" + std::to_string(out.size()) + "]";
            check_keys(layer, at, {"weights", "biases"});
            if (!layer.contains("weights") || !layer.contains("biases"))
                fail(source_, at, "needs both \"weights\" and \"biases\"");
            LayerValues lv;
            if (!layer["weights"].is_array()) fail(source_, at + ".weights", "must be a list of rows");
            for (const auto& row : layer["weights"]) {
                if (!row.is_array()) fail(source_, at + ".weights", "each row must be a list of numbers");
                for (const auto& w : row) lv.weights.push_back(to_float(w, at + ".weights"));
            }
            if (!layer["biases"].is_array()) fail(source_, at + ".biases", "must be a list of numbers");
            for (const auto& b : layer["biases"]) lv.biases.push_back(to_float(b, at + ".biases"));
            out.push_back(std::move(lv));
        }
        return out;
    }
    float to_float(const ordered_json& v, const std::string& key) const {
        const double d = number(v, key);
        if (std::abs(d) > 1e30) fail(source_, key, "values must be within +-1e30");
        return static_cast<float>(d);
    }

private:
    std::string source_;
};

}  // namespace

std::string params_to_json(const Params& p) {
    const NetworkParams& n = p.network;
    ordered_json net;
    net["seed"] = n.seed;
    net["depth"] = n.depth;
    net["width"] = one_or_list(n.widths);
    std::vector<std::string> acts;
    for (Activation a : n.activations) acts.emplace_back(to_string(a));
    net["activation"] = one_or_list(acts);
    net["output_activation"] = std::string(to_string(n.output_activation));
    std::vector<std::string> inputs;
    for (Input i : n.inputs) inputs.emplace_back(to_string(i));
    net["inputs"] = inputs;
    net["outputs"] = n.outputs;
    net["distribution"] = std::string(to_string(n.distribution));
    net["init"] = std::string(to_string(n.init));
    net["scale"] = n.scale;
    if (n.biases != BiasRule::article) net["biases"] = std::string(to_string(n.biases));
    if (n.bias_scale) net["bias_scale"] = *n.bias_scale;
    if (n.output_bias_scale) net["output_bias_scale"] = *n.output_bias_scale;
    if (n.morph) net["morph"] = {{"to_seed", n.morph->to_seed}, {"t", n.morph->t}};
    if (!n.set_weights.empty()) {
        ordered_json layers = ordered_json::array();
        for (int l = 0; l < n.depth; ++l) {
            const LayerValues& v = n.set_weights[static_cast<std::size_t>(l)];
            const int in = layer_shape(n, l).first;
            ordered_json rows = ordered_json::array();
            for (std::size_t r = 0; r < v.biases.size(); ++r)
                rows.push_back(short_floats(std::vector<float>(
                    v.weights.begin() + static_cast<std::ptrdiff_t>(r * in),
                    v.weights.begin() + static_cast<std::ptrdiff_t>((r + 1) * in))));
            layers.push_back({{"weights", std::move(rows)}, {"biases", short_floats(v.biases)}});
        }
        net["weights"] = std::move(layers);
    }

    ordered_json j;
    j["format"] = std::string(kParamsFormat);
    j["network"] = std::move(net);
    j["view"] = {{"center", {p.view.center_x, p.view.center_y}},
                 {"extent", p.view.extent},
                 {"z", p.view.z}};
    if (p.view.t != 0) j["view"]["t"] = p.view.t;
    j["image"] = {{"width", p.image_width}, {"height", p.image_height}};
    if (p.supersample > 1) j["image"]["supersample"] = p.supersample;
    j["color"] = {{"map", std::string(to_string(p.colormap))}};
    return j.dump(2) + "\n";
}

Params params_from_json(std::string_view text, const std::string& source, Params p) {
    ordered_json j;
    try {
        j = ordered_json::parse(text.begin(), text.end());
    } catch (const ordered_json::exception& e) {
        // Syntax errors and number overflow; nlohmann's message carries the byte position.
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        throw InputError(source + ": not valid JSON: " + what);
    }
    const Reader r(source);
    r.check_keys(j, "", {"format", "network", "view", "image", "color"});
    if (!j.contains("format"))
        fail(source, "format", "missing (expected \"" + std::string(kParamsFormat) + "\")");
    if (!j["format"].is_string()) fail(source, "format", "must be a string");
    const std::string format = j["format"].get<std::string>();
    const bool format1 = format == kParamsFormat1;
    if (format != kParamsFormat && !format1) {
        if (format.rfind("primordial/", 0) == 0)
            fail(source, "format",
                 "'" + format + "' is not supported by this version (it reads primordial/1 and primordial/2)");
        fail(source, "format", "'" + format + "' is not a Primordial parameter file");
    }

    if (j.contains("network")) {
        const ordered_json& n = j["network"];
        if (format1)
            r.check_keys(n, "network",
                         {"seed", "depth", "width", "activation", "output_activation", "inputs",
                          "outputs", "distribution", "init", "scale", "bias_scale", "weights", "morph"});
        else
            r.check_keys(n, "network",
                         {"seed", "depth", "width", "activation", "output_activation", "inputs",
                          "outputs", "distribution", "init", "scale", "biases", "bias_scale",
                          "output_bias_scale", "weights", "morph"});
        NetworkParams& np = p.network;
        if (n.contains("seed")) {
            const auto& s = n["seed"];
            if (!s.is_number_integer() || (s.is_number_integer() && !s.is_number_unsigned() && s.get<long long>() < 0))
                fail(source, "network.seed", "must be a whole number >= 0");
            np.seed = s.get<std::uint64_t>();
        }
        if (n.contains("depth"))
            np.depth = static_cast<int>(r.integer(n["depth"], "network.depth", 1, Limits::max_depth));
        if (n.contains("width")) {
            const auto& w = n["width"];
            np.widths.clear();
            if (w.is_array()) {
                for (const auto& e : w)
                    np.widths.push_back(static_cast<int>(r.integer(e, "network.width", 1, Limits::max_width)));
            } else {
                np.widths.push_back(static_cast<int>(r.integer(w, "network.width", 1, Limits::max_width)));
            }
        }
        const std::string act_names = activation_names();
        if (n.contains("activation")) {
            const auto& a = n["activation"];
            np.activations.clear();
            if (a.is_array()) {
                for (const auto& e : a)
                    np.activations.push_back(r.name<Activation>(e, "network.activation", parse_activation, act_names));
            } else {
                np.activations.push_back(r.name<Activation>(a, "network.activation", parse_activation, act_names));
            }
        }
        if (n.contains("output_activation"))
            np.output_activation = r.name<Activation>(n["output_activation"], "network.output_activation", parse_activation, act_names);
        if (n.contains("inputs")) {
            const auto& in = n["inputs"];
            if (!in.is_array()) fail(source, "network.inputs", "must be a list such as [\"x\", \"y\"]");
            np.inputs.clear();
            for (const auto& e : in)
                np.inputs.push_back(r.name<Input>(e, "network.inputs", parse_input, "x, y, r, z, cos_t, sin_t"));
        }
        if (n.contains("outputs")) np.outputs = static_cast<int>(r.integer(n["outputs"], "network.outputs", 1, 3));
        if (n.contains("distribution"))
            np.distribution = r.name<Distribution>(n["distribution"], "network.distribution", parse_distribution, "uniform, normal");
        if (n.contains("init"))
            np.init = r.name<Init>(n["init"], "network.init", parse_init, "range, glorot, he, lecun");
        if (n.contains("scale")) np.scale = r.number(n["scale"], "network.scale");
        if (n.contains("biases"))
            np.biases = r.name<BiasRule>(n["biases"], "network.biases", parse_bias_rule, std::string(kBiasRuleNames));
        if (n.contains("bias_scale")) np.bias_scale = r.number(n["bias_scale"], "network.bias_scale");
        if (n.contains("output_bias_scale"))
            np.output_bias_scale = r.number(n["output_bias_scale"], "network.output_bias_scale");
        if (n.contains("morph")) {
            const auto& m = n["morph"];
            r.check_keys(m, "network.morph", {"to_seed", "t"});
            Morph mo;
            if (m.contains("to_seed")) {
                if (!m["to_seed"].is_number_unsigned()) fail(source, "network.morph.to_seed", "must be a whole number >= 0");
                mo.to_seed = m["to_seed"].get<std::uint64_t>();
            }
            if (m.contains("t")) mo.t = r.number(m["t"], "network.morph.t");
            np.morph = mo;
        }
        if (n.contains("weights")) np.set_weights = r.layer_values(n["weights"], "network.weights");
    }
    if (format1) {
        // Format 1 had one convention: biases on the weights' scale (or bias_scale), every layer;
        // and a default weight scale of 1.
        if (!j.contains("network") || !j["network"].contains("scale")) p.network.scale = 1.0;
        p.network.biases = BiasRule::full;
        p.network.output_bias_scale.reset();
    }
    if (j.contains("view")) {
        const ordered_json& v = j["view"];
        r.check_keys(v, "view", {"center", "extent", "z", "t"});
        if (v.contains("center")) {
            const auto& c = v["center"];
            if (!c.is_array() || c.size() != 2) fail(source, "view.center", "must be a list of two numbers");
            p.view.center_x = r.number(c[0], "view.center");
            p.view.center_y = r.number(c[1], "view.center");
        }
        if (v.contains("extent")) p.view.extent = r.number(v["extent"], "view.extent");
        if (v.contains("z")) p.view.z = r.number(v["z"], "view.z");
        if (v.contains("t")) p.view.t = r.number(v["t"], "view.t");
    }
    if (j.contains("image")) {
        const ordered_json& im = j["image"];
        r.check_keys(im, "image", {"width", "height", "supersample"});
        if (im.contains("supersample"))
            p.supersample = static_cast<int>(r.integer(im["supersample"], "image.supersample", 1, Limits::max_supersample));
        if (im.contains("width")) p.image_width = static_cast<int>(r.integer(im["width"], "image.width", 1, Limits::max_side));
        if (im.contains("height")) p.image_height = static_cast<int>(r.integer(im["height"], "image.height", 1, Limits::max_side));
    }
    if (j.contains("color")) {
        const ordered_json& c = j["color"];
        r.check_keys(c, "color", {"map"});
        if (c.contains("map"))
            p.colormap = r.name<ColorMap>(c["map"], "color.map", parse_colormap,
                                          std::string(kColorMapNames));
    }
    try {
        validate(p);
    } catch (const InputError& e) {
        throw InputError(source + ": " + e.what());
    }
    return p;
}

std::string weights_to_json(const Network& net, const ViewParams& view) {
    ordered_json j;
    j["format"] = std::string(kWeightsFormat);
    std::vector<std::string> inputs;
    for (Input i : net.inputs) inputs.emplace_back(to_string(i));
    j["inputs"] = inputs;
    j["view"] = {{"center", {view.center_x, view.center_y}}, {"extent", view.extent}, {"z", view.z},
                 {"t", view.t}};
    ordered_json layers = ordered_json::array();
    for (const Layer& l : net.layers) {
        ordered_json rows = ordered_json::array();
        for (int r = 0; r < l.out; ++r) {
            std::vector<float> row(l.weights.begin() + static_cast<std::ptrdiff_t>(r) * l.in,
                                   l.weights.begin() + static_cast<std::ptrdiff_t>(r + 1) * l.in);
            rows.push_back(row);
        }
        layers.push_back({{"activation", std::string(to_string(l.activation))},
                          {"weights", std::move(rows)},
                          {"biases", l.biases}});
    }
    j["layers"] = std::move(layers);
    return j.dump() + "\n";
}

std::optional<std::string> params_in_page(std::string_view html) {
    const std::size_t open = html.find(kPageParamsOpen);
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t start = open + kPageParamsOpen.size();
    const std::size_t end = html.find("</script>", start);
    if (end == std::string_view::npos) return std::nullopt;
    return std::string(html.substr(start, end - start));
}

}  // namespace primordial::core
