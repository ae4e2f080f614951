// The compiled half of the Python package (primordial._primordial; primordial/__init__.py is the
// rest). Keyword arguments are the command line's network flags with _ for - (size=(w, h),
// center=(x, y), width=30 or [30, 20], params=FILE), parsed by the same code, so bad input
// raises ValueError with the command line's message. Pictures come from the CPU evaluator
// exactly as `primordial render --backend cpu`.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "cli/network_flags.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/net/limits.hpp"
#include "core/net/network.hpp"
#include "core/theory/stats.hpp"
#include "core/version.hpp"

namespace py = pybind11;
using namespace primordial;

namespace {

// Settings every function takes: the flags' names. render() adds its own (threads).
using Field = std::optional<std::string> cli::NetworkFlags::*;
const std::map<std::string, Field>& settings() {
    static const std::map<std::string, Field> m = {
        {"params", &cli::NetworkFlags::params_file},
        {"depth", &cli::NetworkFlags::depth},
        {"width", &cli::NetworkFlags::width},
        {"activation", &cli::NetworkFlags::activation},
        {"output_activation", &cli::NetworkFlags::output_activation},
        {"inputs", &cli::NetworkFlags::inputs},
        {"outputs", &cli::NetworkFlags::outputs},
        {"dist", &cli::NetworkFlags::dist},
        {"init", &cli::NetworkFlags::init},
        {"scale", &cli::NetworkFlags::scale},
        {"biases", &cli::NetworkFlags::biases},
        {"bias_scale", &cli::NetworkFlags::bias_scale},
        {"output_bias_scale", &cli::NetworkFlags::output_bias_scale},
        {"seed", &cli::NetworkFlags::seed},
        {"center", &cli::NetworkFlags::center},
        {"extent", &cli::NetworkFlags::extent},
        {"z", &cli::NetworkFlags::z},
        {"t", &cli::NetworkFlags::t},
        {"size", &cli::NetworkFlags::size},
        {"colormap", &cli::NetworkFlags::colormap},
    };
    return m;
}

std::string names() {
    std::string s;
    for (const auto& [name, field] : settings()) s += (s.empty() ? "" : ", ") + name;
    return s;
}

// A value as the flag's text: sequences joined by "," ("x" for a size), paths and numbers as
// Python writes them (floats round-trip).
std::string flag_text(const std::string& name, const py::handle& v) {
    if (py::isinstance<py::bool_>(v))
        throw core::InputError("--" + name + ": expected a value, not " + std::string(py::str(v)));
    if (py::isinstance<py::str>(v)) return v.cast<std::string>();
    if (py::isinstance<py::tuple>(v) || py::isinstance<py::list>(v)) {
        std::string s;
        for (const py::handle& e : v)
            s += (s.empty() ? "" : (name == "size" ? "x" : ",")) + std::string(py::str(e));
        return s;
    }
    return py::str(v);
}

struct Resolved {
    core::Params params;
    int threads = 0;
};

// Settings on top of `base` (the defaults, or a Network's own parameters).
Resolved resolve(const py::kwargs& kwargs, bool render, const core::Params& base = {}) {
    cli::NetworkFlags flags;
    Resolved r;
    for (const auto& [key, value] : kwargs) {
        const std::string name = py::str(key);
        if (render && name == "threads") {
            r.threads = value.cast<int>();
            continue;
        }
        const auto it = settings().find(name);
        if (it == settings().end())
            throw core::InputError("unknown setting '" + name + "' (expected " + names() +
                                   (render ? ", threads" : "") + ")");
        std::string flag = name;
        std::replace(flag.begin(), flag.end(), '_', '-');
        flags.*(it->second) = flag_text(flag, value);
    }
    r.params = flags.resolve(base);
    return r;
}

// InputError -> ValueError with the message alone, as the command line prints it.
template <class F>
auto checked(F f) {
    try {
        return f();
    } catch (const core::InputError& e) {
        throw py::value_error(e.what());
    }
}

py::array_t<std::uint8_t> picture(const core::Params& p, int threads) {
    const core::Network net = core::build_network(p.network);
    const int ss = p.supersample;
    py::array_t<std::uint8_t> out({p.image_height, p.image_width, 3});
    std::uint8_t* data = out.mutable_data();
    {
        py::gil_scoped_release free;  // the evaluator's threads need no Python
        auto rows = core::supersampled(core::cpu_rows(net, p.view, p.image_width * ss,
                                                      p.image_height * ss, {threads, p.colormap}),
                                       ss);
        rows->render_rows(0, p.image_height, data);
    }
    return out;
}

py::dict weights_of(const core::Params& p) {
    const core::Network net = core::build_network(p.network);
    py::list inputs, layers;
    for (core::Input i : net.inputs) inputs.append(std::string(core::to_string(i)));
    for (const core::Layer& l : net.layers) {
        py::array_t<float> w({l.out, l.in}), b(l.out);
        std::memcpy(w.mutable_data(), l.weights.data(), l.weights.size() * sizeof(float));
        std::memcpy(b.mutable_data(), l.biases.data(), l.biases.size() * sizeof(float));
        py::dict layer;
        layer["weights"] = w;
        layer["biases"] = b;
        layer["activation"] = std::string(core::to_string(l.activation));
        layers.append(layer);
    }
    py::dict d;
    d["inputs"] = inputs;
    d["layers"] = layers;
    return d;
}

// As `primordial stats`: a 64 x 64 sample grid unless a size is given.
py::object statistics(core::Params p, bool size_given) {
    if (!size_given) p.image_width = p.image_height = 64;
    std::string json;
    {
        py::gil_scoped_release free;
        json = core::stats_to_json(core::network_stats(p, {p.image_width, p.image_height}));
    }
    return py::module_::import("json").attr("loads")(json);
}

py::object json_value(const std::string& text) {
    return py::module_::import("json").attr("loads")(text);
}

py::array_t<std::uint8_t> render(const py::kwargs& kwargs) {
    const Resolved r = checked([&] { return resolve(kwargs, true); });
    return picture(r.params, r.threads);
}

// One network and its view, as a notebook holds it: Jupyter shows it (_repr_png_), and
// render(), stats() and weights() give what the command line gives for the same flags.
class Network {
public:
    explicit Network(const py::kwargs& kwargs)
        : params_(checked([&] { return resolve(kwargs, false).params; })) {}

    py::object params() const { return json_value(core::params_to_json(params_)); }

    py::array_t<std::uint8_t> render(const py::object& size, int threads) const {
        return picture(sized(size), threads);
    }

    py::bytes png(const py::object& size) const {
        const core::Params p = sized(size);
        const py::array_t<std::uint8_t> rgb = picture(p, 0);
        return py::bytes(
            core::encode_png(rgb.data(), p.image_width, p.image_height, core::params_to_json(p)));
    }

    // A notebook's picture: the network at most 512 pixels a side, its own shape kept.
    py::bytes repr_png() const {
        const int side = std::max(params_.image_width, params_.image_height);
        if (side <= 512) return png(py::none());
        const int w = std::max(1, params_.image_width * 512 / side);
        const int h = std::max(1, params_.image_height * 512 / side);
        return png(py::make_tuple(w, h));
    }

    py::object stats(const py::object& size) const {
        return statistics(sized(size), !size.is_none());
    }

    py::dict weights() const { return weights_of(params_); }

    std::string repr() const {
        const core::NetworkParams& n = params_.network;
        std::string widths;
        for (int w : n.widths) widths += (widths.empty() ? "" : ", ") + std::to_string(w);
        return "primordial.Network(depth=" + std::to_string(n.depth) +
               ", width=" + (n.widths.size() == 1 ? widths : "[" + widths + "]") +
               ", seed=" + std::to_string(n.seed) + ", size=(" +
               std::to_string(params_.image_width) + ", " + std::to_string(params_.image_height) +
               "), ...)";
    }

private:
    core::Params sized(const py::object& size) const {
        if (size.is_none()) return params_;
        py::kwargs k;
        k["size"] = size;
        return checked([&] { return resolve(k, false, params_).params; });
    }

    core::Params params_;
};

}  // namespace

PYBIND11_MODULE(_primordial, m) {
    m.doc() = "Random, untrained neural networks as pictures (Primordial's CPU evaluator).";
    m.attr("__version__") = core::kVersion;
    m.def("render", &render,
          "render(**settings) -> numpy uint8 array (height, width, 3): the picture, as "
          "`primordial render --backend cpu` draws it. Settings: the command line's flags with _ "
          "for - (depth=18, width=30, seed=2, size=(512, 512), center=(0.5, 0), params='a.png', "
          "...), and threads (0: all cores).");
    m.def(
        "network",
        [](const py::kwargs& kwargs) {
            return weights_of(checked([&] { return resolve(kwargs, false).params; }));
        },
        "network(**settings) -> {'inputs': [...], 'layers': [{'weights': float32 (out, in), "
        "'biases': float32 (out,), 'activation': name}, ...]}: the network's weights, as "
        "`--dump-weights` writes them.");
    m.def(
        "stats",
        [](const py::kwargs& kwargs) {
            return statistics(checked([&] { return resolve(kwargs, false).params; }),
                              kwargs.contains("size"));
        },
        "stats(**settings) -> dict: per-layer statistics beside the mean-field theory, as "
        "`primordial stats --format json` (a 64 x 64 sample grid unless size is given).");
    py::class_<Network>(m, "Network",
                        "Network(**settings): one network and its view, the settings as render() "
                        "takes them. A notebook shows it as its picture.")
        .def(py::init<const py::kwargs&>())
        .def_property_readonly("params", &Network::params,
                               "The parameters as a dict: the JSON `--save-params` writes.")
        .def("render", &Network::render, py::arg("size") = py::none(), py::arg("threads") = 0,
             "render(size=None, threads=0) -> numpy uint8 (height, width, 3); size=(w, h) draws "
             "it at another size. Equal to primordial.render() with the same settings.")
        .def("png", &Network::png, py::arg("size") = py::none(),
             "png(size=None) -> bytes: the picture as a PNG, its parameters embedded.")
        .def("_repr_png_", &Network::repr_png)
        .def("stats", &Network::stats, py::arg("size") = py::none(),
             "stats(size=None) -> dict: as `primordial stats --format json`.")
        .def("weights", &Network::weights,
             "weights() -> dict: the weights and biases, as `--dump-weights` writes them.")
        .def("__repr__", &Network::repr);
}
