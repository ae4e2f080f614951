// The Python module: `import primordial` (PYTHONPATH=build/python). Keyword arguments are the
// command line's network flags with _ for - (size=(w, h), center=(x, y), width=30 or [30, 20],
// params=FILE), parsed by the same code, so bad input raises ValueError with the command line's
// message. Pictures come from the CPU evaluator exactly as `primordial render --backend cpu`.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "cli/network_flags.hpp"
#include "core/limits.hpp"
#include "core/network.hpp"
#include "core/row_renderer.hpp"
#include "core/stats.hpp"

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

Resolved resolve(const py::kwargs& kwargs, bool render) {
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
    r.params = flags.resolve();
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

py::array_t<std::uint8_t> render(const py::kwargs& kwargs) {
    const Resolved r = checked([&] { return resolve(kwargs, true); });
    const core::Params& p = r.params;
    const core::Network net = core::build_network(p.network);
    const int ss = p.supersample;
    py::array_t<std::uint8_t> out({p.image_height, p.image_width, 3});
    {
        py::gil_scoped_release free;  // the evaluator's threads need no Python
        auto rows = core::supersampled(core::cpu_rows(net, p.view, p.image_width * ss,
                                                      p.image_height * ss, {r.threads, p.colormap}),
                                       ss);
        rows->render_rows(0, p.image_height, out.mutable_data());
    }
    return out;
}

py::dict network(const py::kwargs& kwargs) {
    const core::Params p = checked([&] { return resolve(kwargs, false).params; });
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

py::object stats(const py::kwargs& kwargs) {
    core::Params p = checked([&] { return resolve(kwargs, false).params; });
    // As `primordial stats`: a 64 x 64 sample grid unless a size is given.
    if (!kwargs.contains("size")) p.image_width = p.image_height = 64;
    std::string json;
    {
        py::gil_scoped_release free;
        json = core::stats_to_json(core::network_stats(p, {p.image_width, p.image_height}));
    }
    return py::module_::import("json").attr("loads")(json);
}

}  // namespace

PYBIND11_MODULE(primordial, m) {
    m.doc() = "Random, untrained neural networks as pictures (Primordial's CPU evaluator).";
    m.def("render", &render,
          "render(**settings) -> numpy uint8 array (height, width, 3): the picture, as "
          "`primordial render --backend cpu` draws it. Settings: the command line's flags with _ "
          "for - (depth=18, width=30, seed=2, size=(512, 512), center=(0.5, 0), params='a.png', "
          "...), and threads (0: all cores).");
    m.def("network", &network,
          "network(**settings) -> {'inputs': [...], 'layers': [{'weights': float32 (out, in), "
          "'biases': float32 (out,), 'activation': name}, ...]}: the network's weights, as "
          "`--dump-weights` writes them.");
    m.def("stats", &stats,
          "stats(**settings) -> dict: per-layer statistics beside the mean-field theory, as "
          "`primordial stats --format json` (a 64 x 64 sample grid unless size is given).");
}
