#include "cli/backend.hpp"

#include <iostream>
#include <stdexcept>

#include "app/interface_bench.hpp"
#include "gpu/context.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::cli {
namespace {

// An offscreen context and one renderer; row renderers borrow it, so they must not outlive it.
class OffscreenGpu final : public GpuSession {
public:
    explicit OffscreenGpu(std::unique_ptr<gpu::Context> context)
        : context_(std::move(context)), renderer_(std::make_unique<gpu::NetworkRenderer>()) {}

    std::string description() const override { return context_->describe(); }

    // Throws gpu::Error when the network does not fit the device or the shader fails.
    std::unique_ptr<core::RowRenderer> row_renderer(const core::Network& net,
                                                    const core::ViewParams& view, int width,
                                                    int height, core::ColorMap colormap) override {
        context_->make_current();
        renderer_->set_colormap(colormap);
        renderer_->set_view(view);
        renderer_->set_network(net);
        renderer_->prepare();
        return std::make_unique<gpu::GpuRowRenderer>(*renderer_, width, height);
    }

    app::InterfaceTimes interface_frames(gpu::EngineKind engine, const core::Params& p,
                                         const core::ViewSpec& view, int frames,
                                         double budget_ms) override {
        context_->make_current();
        return app::interface_times(*renderer_, engine, p, view, frames, budget_ms);
    }

    bool software() const override { return context_->capabilities().software(); }

private:
    std::unique_ptr<gpu::Context> context_;  // declared first: destroyed after the renderer
    std::unique_ptr<gpu::NetworkRenderer> renderer_;
};

}  // namespace

std::unique_ptr<GpuSession> open_gpu(std::string* why_not) {
    auto made = gpu::Context::create();
    if (!made.context) {
        if (why_not) *why_not = made.error;
        return nullptr;
    }
    return std::make_unique<OffscreenGpu>(std::move(made.context));
}

std::unique_ptr<GpuSession> choose_gpu(const std::string& backend, bool quiet) {
    if (backend == "cpu") return nullptr;
    std::string why_not;
    std::unique_ptr<GpuSession> session = open_gpu(&why_not);
    if (!session && backend == "gpu") throw std::runtime_error("--backend gpu: " + why_not);
    if (session && backend == "auto" && session->software()) {
        why_not = "the GL context is a software rasteriser (" + session->description() +
                  "); the CPU evaluator is faster";
        session.reset();
    }
    if (!quiet && backend == "auto") {
        if (session)
            std::cerr << "primordial: backend auto: using the GPU (" << session->description()
                      << ")\n";
        else
            std::cerr << "primordial: backend auto: using the CPU evaluator (" << why_not << ")\n";
    }
    return session;
}

}  // namespace primordial::cli
