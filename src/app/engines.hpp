// Makes the engines the explorer's picture and tiles draw with, of the kind chosen, all CPU
// engines sharing one set of worker threads. The window and the bench make them the same way.
#pragma once

#include <memory>

#include "gpu/cpu_engine.hpp"
#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::app {

class Engines {
public:
    Engines(gpu::NetworkRenderer& renderer, gpu::EngineKind kind)
        : renderer_(renderer), kind_(kind) {}
    gpu::EngineKind kind() const { return kind_; }
    void set_kind(gpu::EngineKind kind) { kind_ = kind; }
    std::unique_ptr<gpu::ProgressiveEngine> make();

private:
    gpu::NetworkRenderer& renderer_;
    gpu::EngineKind kind_;
    std::unique_ptr<gpu::CpuWorkers> workers_;  // made when a CPU engine is first wanted
};

}  // namespace primordial::app
