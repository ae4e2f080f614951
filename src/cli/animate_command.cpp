#include "cli/animate_command.hpp"

#include <cstdio>
#include <iostream>

#include "cli/backend.hpp"
#include "cli/figure_command.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/interrupt.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/video.hpp"
#include "core/net/animation.hpp"
#include "gpu/error.hpp"

namespace primordial::cli {
namespace fs = std::filesystem;
using core::InputError;

namespace {

// "a:b": frames a to b - 1, within [0, frames].
std::pair<int, int> parse_range(const std::string& text, int frames) {
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        throw InputError("--frame-range: expected FIRST:END, e.g. 0:30 (got '" + text + "')");
    const long long a = parse_int("--frame-range", text.substr(0, colon));
    const long long b = parse_int("--frame-range", text.substr(colon + 1));
    if (a < 0 || b > frames || a >= b)
        throw InputError("--frame-range: needs 0 <= FIRST < END <= " + std::to_string(frames) +
                         " (got " + text + ")");
    return {static_cast<int>(a), static_cast<int>(b)};
}

}  // namespace

void AnimateCommand::add_to(CLI::App& app) {
    app.add_option(
        "--figure", figure,
        "Start from a preset (figures 2 and 20 are animations); the flags below change it");
    app.add_option("--param", param, "What changes: " + std::string(core::kAnimParamNames));
    app.add_option("--from", from, "Start value (center: X,Y; morph: a seed)");
    app.add_option("--to", to, "End value (center: X,Y; morph: a seed)");
    app.add_option("--frames", frames, "Number of frames [60]")
        ->check(CLI::Range(1, core::kMaxFrames));
    net.add_to(app);
    app.add_option("-o,--output", out_dir, "Folder for the frames (frame-00000.png, ...)")
        ->required();
    app.add_option(
        "--frame-range", frame_range,
        "Render only frames FIRST to END-1, e.g. 0:30, to spread the work over machines");
    app.add_option("--video", video,
                   "Also encode the frames with ffmpeg: " + std::string(core::kVideoFormatNames));
    app.add_option("--fps", fps, "Frames per second of the video [30]")->check(CLI::Range(1, 240));
    app.add_option("--supersample", supersample,
                   "N x N samples per pixel" + range_note(core::Setting::supersample))
        ->check(setting_range(core::Setting::supersample));
    app.add_option("--backend", backend, "cpu, gpu or auto [auto]")->check(engine_names());
    app.add_option("--threads", threads, "CPU threads, 0 for all [0]")->check(CLI::Range(0, 1024));
    app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
}

int AnimateCommand::run() const {
    core::Params base;
    std::optional<core::Animation> anim;
    if (figure) {
        const core::Preset& preset = preset_or_fail(*figure);
        base = preset.params;
        anim = preset.animation;
    }
    base = net.resolve(base);
    if (supersample) base.supersample = *supersample;
    if (!anim) {
        if (!param) {
            std::string animated;  // the presets that carry an animation of their own
            for (const core::Preset& p : core::builtin_presets())
                if (p.animation)
                    animated += (animated.empty() ? "" : ", ") +
                                (p.figure ? std::to_string(p.figure) : p.name);
            throw InputError(
                (figure ? "animate: " + *figure + " has no animation of its own: name"
                        : std::string("animate: name")) +
                " what changes with --param (" + std::string(core::kAnimParamNames) +
                ") and its --from and --to (e.g. --param morph --from 1 --to 2), or start from "
                "--figure " +
                animated);
        }
        anim = core::Animation{};
    }
    if (param) {
        const auto p = core::parse_anim_param(*param);
        if (!p)
            throw InputError("--param: unknown '" + *param + "' (expected " +
                             std::string(core::kAnimParamNames) + ")");
        anim->param = *p;
        if (!from || !to) throw InputError("--param " + *param + ": give --from and --to");
    }
    const auto end = [&](const std::optional<std::string>& text, const char* flag, double& x,
                         double& y) {
        if (!text) return;
        if (anim->param == core::AnimParam::center)
            std::tie(x, y) = parse_pair(flag, *text);
        else if (anim->param == core::AnimParam::morph)
            x = static_cast<double>(parse_seed(flag, *text));
        else
            x = parse_double(flag, *text);
    };
    end(from, "--from", anim->from, anim->from_y);
    end(to, "--to", anim->to, anim->to_y);
    if (frames) anim->frames = *frames;
    core::validate(base, *anim);

    const auto [first, last] =
        frame_range ? parse_range(*frame_range, anim->frames) : std::pair{0, anim->frames};
    refuse_stdout("-o", out_dir, "numbered frames");
    refuse_stdout("--video", video, "a video (the encoder seeks in its file)");
    if (video) {
        if (!core::video_format_known(*video))
            throw InputError("--video: unknown format '" + fs::path(*video).extension().string() +
                             "' (expected " + std::string(core::kVideoFormatNames) + ")");
        if (frame_range)
            throw InputError("--video: encodes the whole animation; leave out --frame-range");
        if (!core::program_installed("ffmpeg"))
            throw std::runtime_error(
                "--video: the ffmpeg program is not installed (on Debian: apt-get install ffmpeg); "
                "without --video the frames are written all the same");
    }

    const fs::path dir = out_dir;
    fs::create_directories(dir);
    std::unique_ptr<GpuSession> gpu = choose_gpu(backend, quiet);
    Progress progress("animate " + dir.string(), quiet, last - first + (video ? 1 : 0));
    const int ss = base.supersample;
    for (int k = first; k < last; ++k) {
        core::check_interrupt();  // between frames: the finished ones stay, none half-written
        char name[32];
        std::snprintf(name, sizeof name, "frame-%05d.png", k);
        progress.step(name);
        const core::Params p = core::frame_params(base, *anim, k);
        const core::Network network = core::build_network(p.network);
        const int w = p.image_width * ss, h = p.image_height * ss;
        auto rows =
            core::supersampled(gpu ? gpu->row_renderer(network, p.view, w, h, p.colormap)
                                   : core::cpu_rows(network, p.view, w, h, {threads, p.colormap}),
                               ss);
        core::write_png(*rows, dir / name, core::params_to_json(p));
    }
    if (video) progress.step("encoding " + *video), core::encode_video(dir, *video, fps);
    const double secs = progress.finish();
    if (!quiet)
        std::fprintf(stderr,
                     "%s: frames %d to %d of %d (%s from %g to %g), %dx%d, %s, %.2f s%s%s\n",
                     dir.string().c_str(), first, last - 1, anim->frames,
                     std::string(core::to_string(anim->param)).c_str(), anim->from, anim->to,
                     base.image_width, base.image_height, gpu ? "gpu" : "cpu", secs,
                     video ? "; video " : "", video ? video->c_str() : "");
    return 0;
}

}  // namespace primordial::cli
