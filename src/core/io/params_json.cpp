#include "core/io/params_json.hpp"

#include <charconv>
#include <tuple>

#include "core/io/json_sections.hpp"

namespace primordial::core {
namespace {

// The shortest decimal that reads back as the same float: 0.4f is written 0.4, not
// 0.4000000059604645, and still round-trips bit for bit.
Json short_floats(const std::vector<float>& v) {
    Json out = Json::array();
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
Json one_or_list(const std::vector<T>& v) {
    if (v.size() == 1) return Json(v[0]);
    return Json(v);
}

template <class E>
std::vector<std::string> names(const std::vector<E>& v) {
    std::vector<std::string> out;
    for (E e : v) out.emplace_back(to_string(e));
    return out;
}

Json weights_json(const NetworkParams& n) {
    Json layers = Json::array();
    for (int l = 0; l < n.depth; ++l) {
        const LayerValues& v = n.set_weights[static_cast<std::size_t>(l)];
        const int in = layer_shape(n, l).first;
        Json rows = Json::array();
        for (std::size_t r = 0; r < v.biases.size(); ++r)
            rows.push_back(short_floats(
                std::vector<float>(v.weights.begin() + static_cast<std::ptrdiff_t>(r * in),
                                   v.weights.begin() + static_cast<std::ptrdiff_t>((r + 1) * in))));
        layers.push_back({{"weights", std::move(rows)}, {"biases", short_floats(v.biases)}});
    }
    return layers;
}

Json shape_json(const Shape& sh) {
    return {{"depth", sh.depth},
            {"width", one_or_list(sh.widths)},
            {"activation", one_or_list(names(sh.activations))}};
}

// [{"key": k, "strength": s, "change": "deeper", "before": {shape}}, {"cross": {"seed": k,
// "lineage": [...]}, "strength": 0.5}, ...], oldest first: a cross's mate's steps (which follow it
// in the flat lineage) nest inside it.
Json lineage_json(const std::vector<Mutation>& lineage) {
    Json out = Json::array();
    // The list being written and where its steps end; a cross opens its mate's. A list is only
    // added to while it is the innermost, so the pointers stay valid.
    std::vector<std::pair<Json*, std::size_t>> open{{&out, lineage.size()}};
    for (std::size_t i = 0; i < lineage.size(); ++i) {
        while (open.back().second == i) open.pop_back();
        const Mutation& m = lineage[i];
        Json step;
        if (m.cross) {
            step["cross"] = {{"seed", m.key}, {"lineage", Json::array()}};
        } else {
            step["key"] = m.key;
        }
        step["strength"] = m.strength;
        if (m.change != ShapeChange::none) step["change"] = std::string(to_string(m.change));
        if (m.before) step["before"] = shape_json(*m.before);
        Json& list = *open.back().first;
        list.push_back(std::move(step));
        if (m.cross) open.emplace_back(&list.back()["cross"]["lineage"], i + 1 + m.mate_steps);
    }
    return out;
}

Json network_json(const NetworkParams& n) {
    Json net;
    net["seed"] = n.seed;
    net["depth"] = n.depth;
    net["width"] = one_or_list(n.widths);
    net["activation"] = one_or_list(names(n.activations));
    net["output_activation"] = std::string(to_string(n.output_activation));
    net["inputs"] = names(n.inputs);
    net["outputs"] = n.outputs;
    net["distribution"] = std::string(to_string(n.distribution));
    net["init"] = std::string(to_string(n.init));
    net["scale"] = n.scale;
    if (n.biases != BiasRule::article) net["biases"] = std::string(to_string(n.biases));
    if (n.bias_scale) net["bias_scale"] = *n.bias_scale;
    if (n.output_bias_scale) net["output_bias_scale"] = *n.output_bias_scale;
    if (n.morph) net["morph"] = {{"to_seed", n.morph->to_seed}, {"t", n.morph->t}};
    if (!n.set_weights.empty()) net["weights"] = weights_json(n);
    if (!n.lineage.empty()) net["lineage"] = lineage_json(n.lineage);
    return net;
}

// [{"weights": [[w, ...], ...], "biases": [b, ...]}, ...]; shapes are checked by validate().
std::vector<LayerValues> read_weights(const JsonReader& r, const Json& v, const std::string& key) {
    if (!v.is_array()) r.fail(key, "must be a list of layers");
    std::vector<LayerValues> out;
    for (const Json& layer : v) {
        const std::string at = key + "[" + std::to_string(out.size()) + "]";
        r.object(layer, at, {"weights", "biases"});
        if (!layer.contains("weights") || !layer.contains("biases"))
            r.fail(at, "needs both \"weights\" and \"biases\"");
        LayerValues lv;
        const std::string weights = at + ".weights", biases = at + ".biases";
        if (!layer["weights"].is_array()) r.fail(weights, "must be a list of rows");
        for (const Json& row : layer["weights"]) {
            if (!row.is_array()) r.fail(weights, "each row must be a list of numbers");
            for (const Json& w : row) lv.weights.push_back(r.small_float(w, weights));
        }
        if (!layer["biases"].is_array()) r.fail(biases, "must be a list of numbers");
        for (const Json& b : layer["biases"]) lv.biases.push_back(r.small_float(b, biases));
        out.push_back(std::move(lv));
    }
    return out;
}

Shape read_shape(const JsonReader& r, const Json& v, const std::string& path) {
    r.object(v, path, {"depth", "width", "activation"});
    Shape sh;
    sh.depth = r.whole(r.required(v, path, "depth"), key_path(path, "depth"), Setting::depth);
    sh.widths = r.one_or_list(
        r.required(v, path, "width"), key_path(path, "width"),
        [&](const Json& e, const std::string& key) { return r.whole(e, key, Setting::width); });
    sh.activations = r.one_or_list(
        r.required(v, path, "activation"), key_path(path, "activation"),
        [&](const Json& e, const std::string& key) { return r.name<kActivationTable>(e, key); });
    return sh;
}

// One step, its cross's mate's lineage (if any) left for the caller.
Mutation read_step(const JsonReader& r, const Json& step, const std::string& at) {
    r.object(step, at, {"key", "cross", "strength", "change", "before"});
    Mutation m;
    if (step.contains("cross") == step.contains("key"))
        r.fail(at, "needs either \"key\" (a fresh draw) or \"cross\" (a mate)");
    if (step.contains("key")) m.key = r.seed(step["key"], key_path(at, "key"));
    if (step.contains("cross")) {
        const std::string c = key_path(at, "cross");
        r.object(step["cross"], c, {"seed", "lineage"});
        m.cross = true;
        m.key = r.seed(r.required(step["cross"], c, "seed"), key_path(c, "seed"));
    }
    m.strength = r.number(r.required(step, at, "strength"), key_path(at, "strength"));
    if (step.contains("change"))
        m.change = r.name<kShapeChangeTable>(step["change"], key_path(at, "change"));
    if (step.contains("before")) m.before = read_shape(r, step["before"], key_path(at, "before"));
    return m;
}

// The nested lists of the file into the flat lineage, without recursion: a stack of the lists
// being read. At most Limits::max_lineage_steps steps in all.
std::vector<Mutation> read_lineage(const JsonReader& r, const Json& v, const std::string& path) {
    struct List {
        const Json* steps;
        std::string path;
        std::size_t next = 0;
        std::size_t cross = 0;  // the index of the cross whose mate this is (not for the first)
    };
    std::vector<Mutation> out;
    std::vector<List> open{{&v, path}};
    while (!open.empty()) {
        List& list = open.back();
        if (!list.steps->is_array()) r.fail(list.path, "must be a list of steps");
        if (list.next == list.steps->size()) {
            if (open.size() > 1)
                out[list.cross].mate_steps =
                    static_cast<std::uint32_t>(out.size() - list.cross - 1);
            open.pop_back();
            continue;
        }
        const std::string at = list.path + "[" + std::to_string(list.next) + "]";
        const Json& step = (*list.steps)[list.next++];
        if (out.size() == Limits::max_lineage_steps)
            r.fail(path, "has more than " + std::to_string(Limits::max_lineage_steps) +
                             " steps (mates' included)");
        out.push_back(read_step(r, step, at));
        if (out.back().cross && step["cross"].contains("lineage"))
            open.push_back({&step["cross"]["lineage"], key_path(key_path(at, "cross"), "lineage"),
                            0, out.size() - 1});
    }
    return out;
}

Morph read_morph(const JsonReader& r, const Json& m, const std::string& path) {
    r.object(m, path, {"to_seed", "t"});
    Morph mo;
    if (m.contains("to_seed")) mo.to_seed = r.seed(m["to_seed"], key_path(path, "to_seed"));
    if (m.contains("t")) mo.t = r.number(m["t"], key_path(path, "t"));
    return mo;
}

void read_network(const JsonReader& r, const Json& n, const std::string& path, NetworkParams& np,
                  int format) {
    // Format 1 had no bias rule and no output bias scale of its own.
    if (format == 1)
        r.object(n, path,
                 {"seed", "depth", "width", "activation", "output_activation", "inputs", "outputs",
                  "distribution", "init", "scale", "bias_scale", "weights", "morph"});
    else
        r.object(n, path,
                 {"seed", "depth", "width", "activation", "output_activation", "inputs", "outputs",
                  "distribution", "init", "scale", "biases", "bias_scale", "output_bias_scale",
                  "weights", "morph", "lineage"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    const auto width = [&](const Json& v, const std::string& key) {
        return r.whole(v, key, Setting::width);
    };
    const auto activation = [&](const Json& v, const std::string& key) {
        return r.name<kActivationTable>(v, key);
    };
    if (n.contains("seed")) np.seed = r.seed(n["seed"], at("seed"));
    if (n.contains("depth")) np.depth = r.whole(n["depth"], at("depth"), Setting::depth);
    if (n.contains("width")) np.widths = r.one_or_list(n["width"], at("width"), width);
    if (n.contains("activation"))
        np.activations = r.one_or_list(n["activation"], at("activation"), activation);
    if (n.contains("output_activation"))
        np.output_activation = activation(n["output_activation"], at("output_activation"));
    if (n.contains("inputs")) {
        if (!n["inputs"].is_array()) r.fail(at("inputs"), "must be a list such as [\"x\", \"y\"]");
        np.inputs.clear();
        for (const Json& e : n["inputs"]) np.inputs.push_back(r.name<kInputTable>(e, at("inputs")));
    }
    if (n.contains("outputs"))
        np.outputs = static_cast<int>(r.integer(n["outputs"], at("outputs"), 1, 3));
    if (n.contains("distribution"))
        np.distribution = r.name<kDistributionTable>(n["distribution"], at("distribution"));
    if (n.contains("init")) np.init = r.name<kInitTable>(n["init"], at("init"));
    if (n.contains("scale")) np.scale = r.number(n["scale"], at("scale"));
    if (n.contains("biases")) np.biases = r.name<kBiasRuleTable>(n["biases"], at("biases"));
    if (n.contains("bias_scale")) np.bias_scale = r.number(n["bias_scale"], at("bias_scale"));
    if (n.contains("output_bias_scale"))
        np.output_bias_scale = r.number(n["output_bias_scale"], at("output_bias_scale"));
    if (n.contains("morph")) np.morph = read_morph(r, n["morph"], at("morph"));
    if (n.contains("weights")) np.set_weights = read_weights(r, n["weights"], at("weights"));
    if (n.contains("lineage")) np.lineage = read_lineage(r, n["lineage"], at("lineage"));
}

void read_view(const JsonReader& r, const Json& v, const std::string& path, ViewParams& view) {
    r.object(v, path, {"center", "extent", "z", "t"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    if (v.contains("center"))
        std::tie(view.center_x, view.center_y) = r.number_pair(v["center"], at("center"));
    if (v.contains("extent")) view.extent = r.number(v["extent"], at("extent"));
    if (v.contains("z")) view.z = r.number(v["z"], at("z"));
    if (v.contains("t")) view.t = r.number(v["t"], at("t"));
}

void read_image(const JsonReader& r, const Json& im, const std::string& path, Params& p) {
    r.object(im, path, {"width", "height", "supersample"});
    const auto side = [&](std::string_view key) {
        return r.whole(im[key], key_path(path, key), Setting::side);
    };
    if (im.contains("supersample"))
        p.supersample =
            r.whole(im["supersample"], key_path(path, "supersample"), Setting::supersample);
    if (im.contains("width")) p.image_width = side("width");
    if (im.contains("height")) p.image_height = side("height");
}

void read_color(const JsonReader& r, const Json& c, const std::string& path, Params& p) {
    r.object(c, path, {"map"});
    if (c.contains("map")) p.colormap = r.name<kColorMapTable>(c["map"], key_path(path, "map"));
}

// The parameters' format version (1, 2 or 3); without a "format" key, `default_format`'s.
int format_version(const JsonReader& r, const Json& j, const std::string& path,
                   std::string_view default_format) {
    const std::string key = key_path(path, "format");
    std::string format(default_format);
    if (j.contains("format") || format.empty()) {
        const Json& f = r.required(j, path, "format", "\"" + std::string(kParamsFormat) + "\"");
        if (!f.is_string()) r.fail(key, "must be a string");
        format = f.get<std::string>();
    }
    if (format == kParamsFormat1) return 1;
    if (format == kParamsFormat2) return 2;
    if (format == kParamsFormat) return 3;
    if (format.starts_with("primordial/"))
        r.fail(key, "'" + format +
                        "' is not supported by this version (it reads primordial/1, /2 and /3)");
    r.fail(key, "'" + format + "' is not a Primordial parameter file");
}

// validate() names a setting as the command line does ("scale"); a file names the key where it
// sits ("network.scale").
std::string key_of_setting(const std::string& path, const std::string& setting) {
    for (std::string_view s : {"inputs", "outputs", "depth", "width", "activation", "scale",
                               "bias_scale", "output_bias_scale", "weights", "morph", "lineage"})
        if (setting == s) return key_path(key_path(path, "network"), s);
    for (std::string_view s : {"center", "extent", "z", "t"})
        if (setting == s) return key_path(key_path(path, "view"), s);
    if (setting == "supersample") return key_path(key_path(path, "image"), setting);
    if (setting == "size") return key_path(path, "image");
    return key_path(path, setting);
}

}  // namespace

Json params_json(const Params& p) {
    Json j;
    j["format"] = std::string(kParamsFormat);
    j["network"] = network_json(p.network);
    j["view"] = {
        {"center", {p.view.center_x, p.view.center_y}}, {"extent", p.view.extent}, {"z", p.view.z}};
    if (p.view.t != 0) j["view"]["t"] = p.view.t;
    j["image"] = {{"width", p.image_width}, {"height", p.image_height}};
    if (p.supersample > 1) j["image"]["supersample"] = p.supersample;
    j["color"] = {{"map", std::string(to_string(p.colormap))}};
    return j;
}

std::string params_to_json(const Params& p) {
    return params_json(p).dump(2) + "\n";
}

Params read_params(const JsonReader& r, const Json& j, const std::string& path, Params p,
                   std::string_view default_format) {
    r.object(j, path, {"format", "network", "view", "image", "color"});
    const auto at = [&](std::string_view key) { return key_path(path, key); };
    const int format = format_version(r, j, path, default_format);
    if (j.contains("network")) read_network(r, j["network"], at("network"), p.network, format);
    // Older formats are read as they were written: what a missing key meant then, it means now.
    if (format <= 2 && !(j.contains("view") && j["view"].contains("center")))
        p.view.center_x = p.view.center_y = 0.0;
    if (format <= 2 && !(j.contains("network") && j["network"].contains("seed")))
        p.network.seed = 1;
    if (format == 2 && p.network.biases == BiasRule::article) p.network.biases = BiasRule::quarter;
    if (format == 1) {
        // Format 1 had one convention: biases on the weights' scale (or bias_scale), every layer;
        // and a default weight scale of 1.
        if (!j.contains("network") || !j["network"].contains("scale")) p.network.scale = 1.0;
        p.network.biases = BiasRule::full;
        p.network.output_bias_scale.reset();
    }
    if (j.contains("view")) read_view(r, j["view"], at("view"), p.view);
    if (j.contains("image")) read_image(r, j["image"], at("image"), p);
    if (j.contains("color")) read_color(r, j["color"], at("color"), p);
    try {
        validate(p);
    } catch (const InvalidSetting& e) {
        r.fail(key_of_setting(path, e.setting), e.problem);
    }
    return p;
}

Params params_from_json(std::string_view text, const std::string& source, Params base) {
    const JsonReader r(source);
    return read_params(r, r.parse(text), "", std::move(base));
}

std::string weights_to_json(const Network& net, const ViewParams& view) {
    Json j;
    j["format"] = std::string(kWeightsFormat);
    std::vector<std::string> inputs;
    for (Input i : net.inputs) inputs.emplace_back(to_string(i));
    j["inputs"] = inputs;
    j["view"] = {{"center", {view.center_x, view.center_y}},
                 {"extent", view.extent},
                 {"z", view.z},
                 {"t", view.t}};
    Json layers = Json::array();
    for (const Layer& l : net.layers) {
        Json rows = Json::array();
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
