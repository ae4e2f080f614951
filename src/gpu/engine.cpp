#include "gpu/engine.hpp"

#include "core/net/name_table.hpp"

namespace primordial::gpu {
std::optional<EngineRequest> parse_engine_request(std::string_view s) {
    return core::value_of(kEngineRequestTable, s);
}
std::string_view to_string(EngineRequest r) {
    return core::name_of(kEngineRequestTable, r);
}

EngineChoice choose_engine(EngineRequest request, bool software, std::string_view renderer) {
    const std::string gl(renderer);
    switch (request) {
        case EngineRequest::gpu:
            return {EngineKind::gpu, "shader engine (as asked)",
                    "the shader engine, as asked, on " + gl};
        case EngineRequest::cpu:
            return {EngineKind::cpu, "CPU engine (as asked)", "the CPU engine, as asked"};
        case EngineRequest::automatic:
            break;
    }
    if (software)
        return {EngineKind::cpu, "CPU engine (software GL)",
                "the CPU engine: " + gl +
                    " is a software rasteriser, on which the CPU evaluator is far faster"};
    return {EngineKind::gpu, "shader engine", "the shader engine on " + gl};
}

}  // namespace primordial::gpu
