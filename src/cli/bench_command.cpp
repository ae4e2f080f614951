#include "cli/bench_command.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include "cli/backend.hpp"
#include "cli/figure_command.hpp"
#include "cli/fma_peak.hpp"
#include "cli/numpy_reference_py.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"

namespace primordial::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScriptName = "numpy_reference.py";

// A private folder holding numpy's script (written once) and each network's weights.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "primordial-bench-XXXXXX").string();
        if (!::mkdtemp(t.data())) throw std::runtime_error("cannot create a temporary folder");
        path = t;
        core::write_text_file(path / kScriptName, kNumpyReferencePy);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

// Best-of-n wall time of a full frame, in milliseconds.
std::string ms_text(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f ms", ms);
    return buf;
}

std::string not_full(const app::InterfaceTimes& t) {
    return t.reached_full ? "" : "; not full after a minute: ms is that wait";
}

double time_frames(core::RowRenderer& r, int n) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(r.width()) * r.height() * 3);
    double best = 1e300;
    for (int i = 0; i < n; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        r.render_rows(0, r.height(), rgb.data());
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    return best;
}

// numpy's time for the same network, or nullopt (with a note) when numpy is unavailable.
std::optional<double> time_numpy(const core::Network& net, const core::Params& p, int n,
                                 const TempDir& tmp) {
    const fs::path weights = tmp.path / "weights.json", script = tmp.path / kScriptName;
    core::write_text_file(weights, core::weights_to_json(net, p.view));
    // OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE pin old kernels on some machines; numpy gets its best.
    // Debian's python3 carries python3-numpy even where another python3 comes first in PATH.
    const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const std::string cmd = "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE " + python + " '" +
                            script.string() + "' '" + weights.string() + "' " +
                            std::to_string(p.image_width) + "x" + std::to_string(p.image_height) +
                            " --bench " + std::to_string(n) + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    if (!pipe) return std::nullopt;
    char line[256];
    std::optional<double> ms;
    while (std::fgets(line, sizeof line, pipe.get())) {
        double v = 0;
        if (std::sscanf(line, "numpy float32: %lf ms", &v) == 1) ms = v;
    }
    return ms;
}

// Peak resident memory of this process so far, in MB (Linux reports kilobytes).
double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

// Exports the first network at --export size through the same streaming path as `render`, and
// reports the time and the process's peak memory.
void time_export(const BenchCommand& b, const std::vector<std::pair<int, int>>& nets,
                 const TempDir& tmp) {
    const std::string& export_size = b.export_size;
    const int export_supersample = b.export_supersample, threads = b.threads;
    const auto [w, h] = parse_size("--export", export_size);
    core::Params p;
    if (!nets.empty()) {
        p.network.depth = nets.front().first;
        p.network.widths = {nets.front().second};
    }
    p.image_width = w;
    p.image_height = h;
    p.supersample = export_supersample;
    core::validate(p);
    const double before = peak_rss_mb();
    const auto rows =
        core::supersampled(core::cpu_rows(core::build_network(p.network), p.view, w * p.supersample,
                                          h * p.supersample, {threads}),
                           p.supersample);
    const auto t0 = std::chrono::steady_clock::now();
    core::write_png(*rows, tmp.path / "export.png", core::params_to_json(p));
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf(
        "# export %dx%d, %dx%d samples per pixel, %dx%d network, cpu: %.1f s, peak memory "
        "%.0f MB (process; %.0f MB before the export), PNG %.1f MB\n",
        w, h, p.supersample, p.supersample, p.network.depth, p.network.widths[0], secs,
        peak_rss_mb(), before,
        static_cast<double>(std::filesystem::file_size(tmp.path / "export.png")) / 1e6);
    std::fflush(stdout);
}

// One measurement: a whole frame (ms, GFLOP/s, x numpy) or the explorer's frame loop on one
// engine (time to full as ms, and the p95 frame).
struct Row {
    std::string network, size, backend;
    double ms = 0, gflops = 0;
    std::optional<double> x_numpy, time_to_full_ms, p95_frame_ms;
    std::string note;
};

class Report {
public:
    explicit Report(bool json) : json_(json) {}
    void header(const std::string& machine, int repeat) {
        if (json_) return;
        std::printf("# machine: %s\n", machine.c_str());
        std::printf(
            "# best of %d frames; GFLOP/s = 2 * multiply-adds * pixels / time; x numpy = numpy's "
            "time / this time;\n"
            "# cpu-ui, gpu-ui: the explorer's engines: ms = time from a change to the full "
            "picture, p95 = frame while the seed changes every frame\n",
            repeat);
        std::printf("%-17s %-10s %-7s %10s %9s %9s %9s\n", "network", "size", "backend", "ms",
                    "GFLOP/s", "x numpy", "p95 frame");
        std::fflush(stdout);
    }
    void note(const std::string& text) {
        if (json_)
            notes_.push_back(text);
        else
            std::printf("# %s\n", text.c_str()), std::fflush(stdout);
    }
    void add(const Row& r) {
        rows_.push_back(r);
        if (json_) return;
        char ratio[32] = "-", p95[32] = "-";
        if (r.x_numpy) std::snprintf(ratio, sizeof ratio, "%.2f", *r.x_numpy);
        if (r.p95_frame_ms) std::snprintf(p95, sizeof p95, "%.1f", *r.p95_frame_ms);
        std::printf("%-17s %-10s %-7s %10.1f %9.1f %9s %9s%s%s\n", r.network.c_str(),
                    r.size.c_str(), r.backend.c_str(), r.ms, r.gflops, ratio, p95,
                    r.note.empty() ? "" : "   ", r.note.c_str());
        std::fflush(stdout);
    }
    void finish(const std::string& machine) {
        if (!json_) return;
        nlohmann::ordered_json j;
        j["format"] = "primordial-bench/1";
        j["machine"] = machine;
        j["notes"] = notes_;
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const Row& r : rows_) {
            nlohmann::ordered_json o;
            o["network"] = r.network;
            o["size"] = r.size;
            o["backend"] = r.backend;
            o["ms"] = r.ms;
            o["gflops"] = r.gflops;
            if (r.x_numpy) o["x_numpy"] = *r.x_numpy;
            if (r.time_to_full_ms) o["time_to_full_ms"] = *r.time_to_full_ms;
            if (r.p95_frame_ms) o["p95_frame_ms"] = *r.p95_frame_ms;
            if (!r.note.empty()) o["note"] = r.note;
            rows.push_back(std::move(o));
        }
        j["rows"] = std::move(rows);
        std::printf("%s\n", j.dump(2).c_str());
    }

private:
    bool json_;
    std::vector<Row> rows_;
    std::vector<std::string> notes_;
};

}  // namespace

void BenchCommand::add_to(CLI::App& app) {
    app.add_option("--networks", networks,
                   "Networks as DEPTHxWIDTH, comma-separated; '' for none (views only)");
    app.add_option("--sizes", sizes, "Image sizes as WIDTHxHEIGHT, comma-separated");
    app.add_option("--backends", backends,
                   "Any of cpu and gpu (whole frames), cpu-ui and gpu-ui (the explorer's CPU and "
                   "shader engines: time to full and frames), numpy; comma-separated");
    app.add_option("--format", format, "table or json [table]")
        ->check(CLI::IsMember({"table", "json"}));
    app.add_option("--repeat", repeat, "Frames per measurement; the best is kept")
        ->check(CLI::Range(1, 100));
    app.add_option("--threads", threads, "CPU threads, 0 for all")->check(CLI::Range(0, 1024));
    app.add_option("--ui-frames", ui_frames, "Interface frames to time per network")
        ->check(CLI::Range(1, 10000));
    app.add_option(
        "--views", views,
        "Presets whose views get interface frames timed (with cpu-ui or gpu-ui); '' for none");
    app.add_option("--view-size", view_size, "Picture area for the view frames, WIDTHxHEIGHT");
    app.add_option("--export", export_size,
                   "Also export the first network at WIDTHxHEIGHT to a temporary PNG and report "
                   "time and peak memory");
    app.add_option("--export-supersample", export_supersample,
                   "Samples per pixel side for --export (1-4)")
        ->check(CLI::Range(1, 4));
    app.add_option("--ui-budget", ui_budget_ms, "The explorer's per-frame rendering budget, ms")
        ->check(CLI::Range(1.0, 1000.0));
    app.add_option("--heavy", heavy,
                   "A heavy network, DEPTHxWIDTH at weight scale 3.2 with full biases, whose time "
                   "to the first coarse picture the explorer's engines report; '' for none");
    app.add_flag(
        "--full", full,
        "The long suites where no flag says otherwise: networks 2x10,18x30,40x30,14x400 at "
        "1024x1024 and 1920x1080 on every backend, and six views (5-15 minutes)");
    app.add_flag("-q,--quiet", quiet, "No progress on standard error");
    // --full changes only what was not given.
    app.callback([this, &app] {
        if (!full) return;
        if (app.count("--networks") == 0) networks = "2x10,18x30,40x30,14x400";
        if (app.count("--sizes") == 0) sizes = "1024x1024,1920x1080";
        if (app.count("--backends") == 0) backends = "cpu,gpu,cpu-ui,gpu-ui,numpy";
        if (app.count("--views") == 0) views = "9,15,19,layers-unfolding,first-layer-units,3";
    });
}

namespace {

// What --backends asks for: whole frames on the CPU and GPU, numpy, and the explorer's engines.
struct Backends {
    bool cpu = false, gpu_frame = false, numpy = false;
    std::vector<gpu::EngineKind> engines;
};

Backends parse_backends(const std::string& text) {
    Backends b;
    for (const auto& name : split_list(text)) {
        if (name == "cpu")
            b.cpu = true;
        else if (name == "gpu")
            b.gpu_frame = true;
        else if (name == "gpu-ui")
            b.engines.push_back(gpu::EngineKind::gpu);
        else if (name == "cpu-ui")
            b.engines.push_back(gpu::EngineKind::cpu);
        else if (name == "numpy")
            b.numpy = true;
        else
            throw core::InputError("--backends: unknown backend '" + name +
                                   "' (expected cpu, gpu, cpu-ui, gpu-ui, numpy)");
    }
    return b;
}

const char* engine_name(gpu::EngineKind e) {
    return e == gpu::EngineKind::gpu ? "gpu-ui" : "cpu-ui";
}

// One run of `bench`: the rows of each part, into one report.
class BenchRun {
public:
    BenchRun(const BenchCommand& c, Backends b, Report& report, GpuSession* gpu, Progress& progress,
             const FmaPeak& peak, const TempDir& tmp)
        : c_(c),
          b_(std::move(b)),
          report_(report),
          gpu_(gpu),
          progress_(progress),
          peak_(peak),
          tmp_(tmp) {}

    // A network at one size on every backend asked for.
    void network(int depth, int width, int w, int h) {
        core::Params p;
        p.network.depth = depth;
        p.network.widths = {width};
        p.image_width = w;
        p.image_height = h;
        core::validate(p);
        const core::Network net = core::build_network(p.network);
        const double flops = 2.0 * static_cast<double>(net.multiply_adds()) * w * h;
        const std::string name = std::to_string(depth) + "x" + std::to_string(width);
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        const std::string what = name + " at " + size;
        std::optional<double> numpy_ms;
        if (b_.numpy)
            progress_.step("numpy, " + what), numpy_ms = time_numpy(net, p, c_.repeat, tmp_);
        const auto row = [&](const char* backend, double ms) {
            Row r{name, size, backend, ms, flops / ms * 1e-6, {}, {}, {}, {}};
            if (numpy_ms) r.x_numpy = *numpy_ms / ms;
            return r;
        };
        if (b_.numpy) {
            if (numpy_ms)
                report_.add(row("numpy", *numpy_ms));
            else
                report_.note("numpy: unavailable (needs python3 with numpy)");
        }
        if (b_.cpu) {
            progress_.step("cpu, " + what);
            const core::Evaluator eval(net, p.view);
            core::CpuRowRenderer cpu(eval, w, h, {c_.threads});
            Row r = row("cpu", time_frames(cpu, c_.repeat));
            char share[96];
            std::snprintf(share, sizeof share, "%.0f%% of the FMA peak (%s kernel)",
                          100 * r.gflops / peak_.gflops,
                          std::string(core::kernel_name(core::Kernel::best)).c_str());
            r.note = share;
            report_.add(r);
        }
        if (!gpu_) return;
        if (b_.gpu_frame) {
            progress_.step("gpu, " + what);
            auto r = gpu_->row_renderer(net, p.view, w, h);
            report_.add(row("gpu", time_frames(*r, c_.repeat)));
        }
        for (gpu::EngineKind e : b_.engines) {
            progress_.step(std::string(engine_name(e)) + ", " + what);
            const app::InterfaceTimes t =
                gpu_->interface_frames(e, p, {}, c_.ui_frames, c_.ui_budget_ms);
            Row r = row(engine_name(e), t.time_to_full_ms);
            r.time_to_full_ms = t.time_to_full_ms;
            r.p95_frame_ms = t.p95();
            r.note = std::to_string(c_.ui_frames) + " frames with a new seed each, " +
                     std::to_string(static_cast<int>(c_.ui_budget_ms)) +
                     " ms budget; first picture in " + ms_text(t.first_picture_ms) + not_full(t);
            report_.add(r);
        }
    }

    // What a newcomer who drags depth and scale to the end meets: the picture must still appear
    // at once, coarse, and sharpen.
    void heavy() {
        const auto [depth, width] = parse_size("--heavy", c_.heavy);
        const auto [vw, vh] = parse_size("--view-size", c_.view_size);
        core::Params p;
        p.network.depth = depth;
        p.network.widths = {width};
        p.network.scale = 3.2;
        p.network.biases = core::BiasRule::full;
        p.image_width = vw;
        p.image_height = vh;
        core::validate(p);
        const double flops =
            2.0 * static_cast<double>(core::build_network(p.network).multiply_adds()) * vw * vh;
        for (gpu::EngineKind e : b_.engines) {
            progress_.step(std::string(engine_name(e)) + ", the heavy network " + c_.heavy);
            const app::InterfaceTimes t =
                gpu_->interface_frames(e, p, {}, c_.ui_frames, c_.ui_budget_ms);
            Row r{"heavy " + c_.heavy,
                  c_.view_size,
                  engine_name(e),
                  t.time_to_full_ms,
                  flops / t.time_to_full_ms * 1e-6,
                  {},
                  {},
                  {},
                  {}};
            r.time_to_full_ms = t.time_to_full_ms;
            r.p95_frame_ms = t.p95();
            r.note = "first picture in " + ms_text(t.first_picture_ms) +
                     "; weight scale 3.2, full biases" + not_full(t);
            report_.add(r);
        }
    }

    // A preset's view, frame by frame in the explorer's engines.
    void view(const std::string& key) {
        const auto [vw, vh] = parse_size("--view-size", c_.view_size);
        const core::Preset& preset = preset_or_fail(key);
        core::Params p = preset.params;
        p.image_width = vw;
        p.image_height = vh;
        for (gpu::EngineKind e : b_.engines) {
            progress_.step(std::string(engine_name(e)) + ", the view of " + preset.name);
            const app::InterfaceTimes t =
                gpu_->interface_frames(e, p, preset.view, c_.ui_frames, c_.ui_budget_ms);
            Row r{preset.figure ? "fig" + std::to_string(preset.figure) : preset.name,
                  c_.view_size,
                  engine_name(e),
                  t.time_to_full_ms,
                  0,
                  {},
                  {},
                  {},
                  {}};
            r.time_to_full_ms = t.time_to_full_ms;
            r.p95_frame_ms = t.p95();
            r.note = std::string(core::to_string(preset.view.kind)) + " view of preset " +
                     preset.name + not_full(t);
            report_.add(r);
        }
    }

private:
    const BenchCommand& c_;
    Backends b_;
    Report& report_;
    GpuSession* gpu_;
    Progress& progress_;
    const FmaPeak& peak_;
    const TempDir& tmp_;
};

}  // namespace

int BenchCommand::run() const {
    std::vector<std::pair<int, int>> nets, image_sizes;
    if (!networks.empty())
        for (const auto& s : split_list(networks)) nets.push_back(parse_size("--networks", s));
    for (const auto& s : split_list(sizes)) image_sizes.push_back(parse_size("--sizes", s));
    const Backends b = parse_backends(backends);

    Report report(format == "json");
    std::unique_ptr<GpuSession> gpu;
    if (b.gpu_frame || !b.engines.empty()) {
        std::string why;
        gpu = open_gpu(&why);
        if (!gpu) report.note("gl: unavailable (" + why + "); no gpu, cpu-ui or gpu-ui rows");
    }
    const std::string machine =
        cpu_model() + ", " + std::to_string(std::max(1u, std::thread::hardware_concurrency())) +
        " hardware threads" + (gpu ? ", GL: " + gpu->description() : std::string());
    report.header(machine, repeat);
    const auto view_keys = split_list(views);
    const auto engines = static_cast<int>(b.engines.size());
    const int per_picture = (b.numpy ? 1 : 0) + (b.cpu ? 1 : 0) + (b.gpu_frame ? 1 : 0) + engines;
    Progress progress("bench", quiet,
                      1 + static_cast<int>(nets.size() * image_sizes.size()) * per_picture +
                          static_cast<int>(view_keys.size()) * engines +
                          (heavy.empty() || !gpu ? 0 : engines) + (export_size.empty() ? 0 : 1),
                      0);
    // The machine's own limit, measured in the same run: the CPU rows say how near they come.
    progress.step("the FMA peak");
    const FmaPeak peak = measure_fma_peak(threads);
    report.add({"fma-peak",
                "-",
                "cpu",
                0,
                peak.gflops,
                {},
                {},
                {},
                peak.isa + ", 12 independent FMA chains on each of " +
                    std::to_string(peak.threads) + " threads: the machine's limit"});

    const TempDir tmp;
    BenchRun run(*this, b, report, gpu.get(), progress, peak, tmp);
    for (auto [depth, width] : nets)
        for (auto [w, h] : image_sizes) run.network(depth, width, w, h);
    if (gpu && !heavy.empty()) run.heavy();
    if (!export_size.empty())
        progress.step("an export at " + export_size), time_export(*this, nets, tmp);
    if (gpu && !views.empty())
        for (const auto& key : view_keys) run.view(key);
    report.finish(machine);
    return 0;
}

}  // namespace primordial::cli
