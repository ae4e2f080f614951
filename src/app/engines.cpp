#include "app/engines.hpp"

#include "gpu/progressive.hpp"

namespace primordial::app {

std::unique_ptr<gpu::ProgressiveEngine> Engines::make() {
    if (kind_ == gpu::EngineKind::gpu) return std::make_unique<gpu::ProgressiveRenderer>(renderer_);
    if (!workers_) workers_ = std::make_unique<gpu::CpuWorkers>();
    return std::make_unique<gpu::CpuEngine>(*workers_, renderer_.presenter());
}

}  // namespace primordial::app
