#include "cli/stats_command.hpp"

#include <cstdio>

#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/theory/stats.hpp"
#include "plot/stats_plot.hpp"

namespace primordial::cli {

void StatsCommand::add_to(CLI::App& app) {
    net.add_to(app);
    app.add_option("--circle-points", circle_points,
                   "Points on the circle of radius extent round the view centre [4096]")
        ->check(CLI::Range(3, 1 << 20));
    app.add_option("--format", format, "table, json or csv [table]")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    app.add_option("-o,--output", output, "Write to this file instead of the terminal");
    app.add_option(
        "--plot", plot,
        "Also draw q (measured and theory) and the trajectory length per layer as a PNG");
    app.add_option("--threads", threads, "CPU threads, 0 for all [0]")->check(CLI::Range(0, 1024));
    app.add_flag("-q,--quiet", quiet, "No progress on standard error");
    app.add_flag("--detail", detail,
                 "Also the detail by radius: each hidden layer's q and mean squared gradient g, "
                 "and the picture's, measured and predicted (docs/UNDERSTANDING.md)");
    app.add_option("--radii", radii, "With --detail: the radii |x|, comma-separated [0,0.5,1,2,4]");
    app.add_option("--detail-points", detail_points, "With --detail: points on each circle [64]")
        ->check(CLI::Range(1, 1 << 16));
    app.add_option("--detail-seeds", detail_seeds,
                   "With --detail: also the picture's detail as the mean over this many seeds, "
                   "from the network's on [1]")
        ->check(CLI::Range(1, 1024));
}

namespace {

// --radii as numbers, each one checked.
std::vector<double> parse_radii(const std::string& text) {
    std::vector<double> out;
    for (const std::string& item : split_list(text)) {
        const double r = parse_double("--radii", item);
        if (r < 0)
            throw core::InputError("--radii: a radius cannot be negative (got " + item + ")");
        out.push_back(r + 0.0);  // -0 as 0
    }
    if (out.empty()) throw core::InputError("--radii: give at least one radius");
    if (out.size() > 256) throw core::InputError("--radii: at most 256 radii");
    return out;
}

}  // namespace

int StatsCommand::run() const {
    core::Params base;
    base.image_width = base.image_height = 64;  // the sample grid unless --size says otherwise
    core::Params p = net.resolve(base);
    if (!net.size) p.image_width = p.image_height = 64;
    check_outputs({{output ? "-o" : "the table (standard output without -o)", output.value_or("-")},
                   {"--plot", plot, true}});
    if ((radii || detail_points != 64 || detail_seeds != 1) && !detail)
        throw core::InputError("--radii, --detail-points and --detail-seeds go with --detail");
    if (detail && format == "csv")
        throw core::InputError("--detail: the detail by radius is in the table and JSON, not CSV");
    Progress progress("stats", quiet);
    core::StatsOptions o{
        p.image_width, p.image_height,
        circle_points, threads,
        std::nullopt,  [&](int k, int n, const std::string& what) { progress.step(k, n, what); }};
    if (detail) {
        o.detail.emplace();
        if (radii) o.detail->radii = parse_radii(*radii);
        o.detail->points = detail_points;
        o.detail->seeds = detail_seeds;
    }
    const core::NetworkStats s = core::network_stats(p, o);
    progress.finish();
    const std::string text = format == "json"  ? core::stats_to_json(s)
                             : format == "csv" ? core::stats_to_csv(s)
                                               : core::stats_to_table(s);
    if (output)
        core::write_text_file(*output, text);
    else
        std::fputs(text.c_str(), stdout);
    if (plot) {
        constexpr int kW = 1200, kH = 500;
        const auto rgb = plot::draw_stats(s, kW, kH);
        core::ImageRowRenderer rows(rgb.data(), kW, kH);
        core::write_png(rows, *plot, core::params_to_json(p));
    }
    return 0;
}

}  // namespace primordial::cli
