// Chooses the renderer behind whole-image work (render, bench): the GPU when an OpenGL context
// can be made, else the CPU evaluator.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/interface_bench.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/net/network.hpp"
#include "core/views/sheet.hpp"

namespace primordial::cli {

class GpuSession {
public:
    virtual ~GpuSession() = default;
    virtual std::string description() const = 0;  // GL renderer and version
    virtual std::unique_ptr<core::RowRenderer> row_renderer(
        const core::Network& net, const core::ViewParams& view, int width, int height,
        core::ColorMap colormap = core::ColorMap::grey) = 0;
    // The explorer's frames on `engine`, in its own frame loop and views, while the seed changes
    // every frame, and the time from one change to the full-resolution picture (or view).
    virtual app::InterfaceTimes interface_frames(gpu::EngineKind engine, const core::Params& p,
                                                 const core::ViewSpec& view, int frames,
                                                 double budget_ms) = 0;
    // A software rasteriser (Mesa llvmpipe, softpipe): slower than the CPU evaluator.
    virtual bool software() const = 0;
    virtual std::string renderer() const = 0;  // GL_RENDERER alone
};

// An offscreen GL context, or nullptr with the reason in *why_not.
std::unique_ptr<GpuSession> open_gpu(std::string* why_not);

// The session behind --backend (or --engine): none for "cpu"; for "auto" what
// gpu::choose_engine decides (the explorer asks the same function), so only a hardware GPU; for
// "gpu" one or a std::runtime_error saying why not. Says what auto chose on stderr unless quiet.
std::unique_ptr<GpuSession> choose_gpu(const std::string& backend, bool quiet);

// --backend's and --engine's names, from gpu::kEngineRequestTable: auto, gpu, cpu.
CLI::Validator engine_names();

}  // namespace primordial::cli
