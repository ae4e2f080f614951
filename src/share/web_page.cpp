#include "share/web_page.hpp"

#include <nlohmann/json.hpp>

#include "core/eval/fold.hpp"
#include "core/io/params_json.hpp"
#include "core/net/colormap.hpp"
#include "core/net/network.hpp"
#include "core/version.hpp"
#include "gpu/network_source.hpp"
#include "gpu/weight_layout.hpp"
#include "share/base64.hpp"
#include "share/caption.hpp"
#include "share/page_template.hpp"  // generated from assets/share/page.html

namespace primordial::share {
namespace {

// Text inside a <script> element ends at the first "</": JSON may write "<\/" for it.
std::string script_safe(std::string text) {
    for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos; at += 3)
        text.replace(at, 2, "<\\/");
    return text;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : s) switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    return out;
}

void fill(std::string& page, std::string_view key, const std::string& value) {
    const std::size_t at = page.find(key);
    if (at != std::string::npos) page.replace(at, key.size(), value);
}

}  // namespace

std::string web_page(const core::Params& params) {
    const core::Network net = core::build_network(params.network);
    const core::FoldedInput fold = core::fold_first_layer(net, params.view);
    const int bucket = gpu::width_bucket(gpu::network_max_width(net));
    const gpu::WeightLayout layout =
        gpu::pack_network(net, fold, gpu::pad_blocks_for_bucket(bucket));

    // The texels, then the first layer's weights and biases for folding at a new centre.
    const core::Layer& first = net.layers.front();
    std::vector<float> data = layout.texels;
    data.insert(data.end(), first.weights.begin(), first.weights.end());
    data.insert(data.end(), first.biases.begin(), first.biases.end());

    nlohmann::json inputs = nlohmann::json::array();
    for (core::Input i : net.inputs) inputs.push_back(std::string(core::to_string(i)));
    nlohmann::json lut = nlohmann::json::array();
    for (const auto& rgb : core::colormap_lut(params.colormap))
        for (std::uint8_t c : rgb) lut.push_back(c);
    const nlohmann::json network = {
        {"texels", layout.texels.size() / 4},
        {"row_texels", gpu::kWebRowTexels},  // the shader's WEB_ROW_TEXELS
        {"layers", layout.layers},
        {"outputs", net.outputs()},
        {"colormap", gpu::shader_colormap(params.colormap)},
        {"columns", gpu::shader_columns(fold)},
        {"lut", lut},
        {"view",
         {{"center", {params.view.center_x, params.view.center_y}},
          {"extent", params.view.extent},
          {"z", params.view.z},
          {"t", params.view.t}}},
        {"first", {{"in", first.in}, {"out", first.out}, {"inputs", inputs}}},
        {"caption", caption(params)},
        {"data", base64(data.data(), data.size() * sizeof(float))},
    };

    std::string page = kPageTemplate;
    fill(page, "@SOFTWARE@", core::kSoftware);
    fill(page, "@TITLE@", html_escape("Primordial: " + caption(params)));
    fill(page, "@PARAMS@", script_safe(core::params_to_json(params)));
    fill(page, "@NETWORK@", script_safe(network.dump()));
    fill(page, "@VERTEX@", gpu::fullscreen_vertex_source(gpu::ShaderTarget::webgl2));
    fill(page, "@FRAGMENT@", gpu::network_fragment_source(bucket, gpu::ShaderTarget::webgl2));
    return page;
}

}  // namespace primordial::share
