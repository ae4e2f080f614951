#include "cli/figure_command.hpp"

#include <cstdio>
#include <iostream>

#include "cli/backend.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "plot/sheet_image.hpp"

namespace primordial::cli {
namespace {

// A figure is composed in memory before it is encoded; this keeps it under about 800 MB.
constexpr int kMaxFigureSide = 16384;

}  // namespace

const core::Preset& preset_or_fail(const std::string& which) {
    if (const core::Preset* p = core::find_preset(which)) return *p;
    std::string known;
    for (const core::Preset& p : core::builtin_presets())
        if (p.figure) known += (known.empty() ? "" : ", ") + std::to_string(p.figure);
    throw core::InputError("figure: no figure or preset '" + which + "' (figures " + known +
                           "; `primordial figure --list` names them all)");
}

void FigureCommand::add_to(CLI::App& app) {
    app.add_option("figure", which,
                   "Figure number (3-19) or preset name; or leave it out and give --params (a "
                   "preset, a copied state, a PNG of a view)");
    app.add_flag("-l,--list", list, "List the figures and presets, one line each");
    net.add_to(app);
    app.add_option("-o,--output", output, "PNG to write [<preset name>.png]");
    app.add_option("--backend", backend, "cpu, gpu or auto [auto]")->check(engine_names());
    app.add_option("--threads", threads, "CPU threads, 0 for all [0]")->check(CLI::Range(0, 1024));
    app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
}

int FigureCommand::run() const {
    if (list) {
        for (const core::Preset& p : core::builtin_presets()) {
            const std::string fig = p.figure ? std::to_string(p.figure) : "-";
            std::printf("%3s  %-26s %s\n", fig.c_str(), p.name.c_str(), p.title.c_str());
        }
        return 0;
    }
    // A preset, or any state a file holds (a copied state, a view's PNG), with flags on top.
    core::State base;
    std::string name;
    if (which) {
        const core::Preset& preset = preset_or_fail(*which);
        base = {preset.params, preset.view, true};
        name = preset.name;
    } else if (net.params_file) {
        name = std::filesystem::path(*net.params_file).stem().string() + "-figure";
    } else {
        throw core::InputError(
            "figure: name a figure (3-19) or preset, give --params FILE, or use --list");
    }
    const core::State state = net.resolve_state(base);
    const core::Params& params = state.params;
    if (params.image_width > kMaxFigureSide || params.image_height > kMaxFigureSide)
        throw core::InputError("--size: a figure can be at most " + std::to_string(kMaxFigureSide) +
                               " pixels a side (use `primordial render` for posters)");
    const core::Sheet sheet =
        core::build_sheet(params, state.view, params.image_width, params.image_height);
    const std::string out = output.empty() ? name + ".png" : output;
    check_outputs({{"-o", out, true}});

    std::unique_ptr<GpuSession> gpu = choose_gpu(backend, quiet);
    plot::PictureRenderer pictures;
    if (gpu)
        pictures = [&](const core::SheetTile& t) {
            return gpu->row_renderer(t.network, t.params.view, t.rect.w, t.rect.h, t.colormap);
        };
    Progress progress("figure " + name, quiet);
    const auto rgb = plot::render_sheet(sheet, pictures, std::ref(progress), threads);
    core::ImageRowRenderer rows(rgb.data(), sheet.width, sheet.height);
    // The view travels in a chunk of its own, so the explorer reopens the figure as it is.
    core::write_png(
        rows, out, core::params_to_json(params), {}, 64, 8,
        state.view.kind == core::ViewKind::picture ? "" : core::view_to_json(state.view));
    const double secs = progress.finish();
    if (!quiet)  // to standard error, like every message: standard output is for data (-o -)
        std::fprintf(stderr, "%s: figure %s, %dx%d, %zu tile%s, %s, %.2f s\n", out.c_str(),
                     which ? which->c_str() : name.c_str(), sheet.width, sheet.height,
                     sheet.tiles.size(), sheet.tiles.size() == 1 ? "" : "s", gpu ? "gpu" : "cpu",
                     secs);
    return 0;
}

}  // namespace primordial::cli
