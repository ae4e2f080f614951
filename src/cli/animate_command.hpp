// `primordial animate`: a setting swept over N frames, written as numbered PNGs (parameters
// embedded), optionally encoded to a video with the ffmpeg program.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/render_command.hpp"

namespace primordial::cli {

struct AnimateCommand {
    NetworkFlags net;
    std::optional<std::string> figure, param, from, to, frame_range, video;
    std::optional<int> frames, supersample;
    std::string out_dir;
    int fps = 30;
    std::string backend = "auto";
    int threads = 0;
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
