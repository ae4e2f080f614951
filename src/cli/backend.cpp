#include "cli/backend.hpp"

#include <iostream>
#include <stdexcept>

#include "app/interface_bench.hpp"
#include "core/net/params.hpp"
#include "gpu/context.hpp"
#include "gpu/engine.hpp"
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
    std::string renderer() const override { return context_->capabilities().renderer; }

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
    const auto request = gpu::parse_engine_request(backend);
    if (!request)
        throw core::InputError("--backend: unknown '" + backend + "' (expected auto, gpu, cpu)");
    if (*request == gpu::EngineRequest::cpu) return nullptr;
    std::string why_not;
    std::unique_ptr<GpuSession> session = open_gpu(&why_not);
    const bool automatic = *request == gpu::EngineRequest::automatic;
    if (!session) {
        if (!automatic) throw std::runtime_error("--backend gpu: " + why_not);
        if (!quiet)
            std::cerr << "primordial: backend auto: using the CPU evaluator (" << why_not << ")\n";
        return nullptr;
    }
    const gpu::EngineChoice choice =
        gpu::choose_engine(*request, session->software(), session->renderer());
    if (choice.kind == gpu::EngineKind::cpu) session.reset();
    if (!quiet && automatic)  // the explorer says the same, from the same decision
        std::cerr << "primordial: backend auto: " << choice.reason << "\n";
    return session;
}

CLI::Validator engine_names() {
    std::vector<std::string> names;
    for (const auto& [request, name] : gpu::kEngineRequestTable) names.emplace_back(name);
    return CLI::IsMember(names);
}

}  // namespace primordial::cli
