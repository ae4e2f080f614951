// What the explorer draws its pictures with: an engine that refines a picture coarse to fine
// within each frame's budget and never blocks a frame. Two engines implement it: the fragment
// shader (ProgressiveRenderer) and the CPU evaluator on worker threads (CpuEngine), which on a
// software rasteriser is some 30 times faster. The explorer, its views of several tiles and
// `primordial bench` all drive an engine through this one interface.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/eval/evaluate.hpp"
#include "core/net/name_table.hpp"
#include "core/net/network.hpp"
#include "core/net/params.hpp"

namespace primordial::gpu {

struct ProgressStatus {
    int level = 0;        // level being rendered (0 = full resolution)
    double fraction = 0;  // of the whole job (all levels from the first)
    bool done = false;
    std::optional<double> full_ms;  // time the last finished picture took to full resolution
    // Wall-clock time from the change to the picture's first (coarse) level on screen.
    std::optional<double> first_ms;
    double mac_per_ms = 0;  // measured throughput, multiply-adds per millisecond
};

// One picture: the network (kept by pointer: it must outlive the job), its view and colours.
struct PictureJob {
    const core::Network* network = nullptr;
    core::ViewParams view;
    core::ColorMap colormap = core::ColorMap::grey;
    int width = 0, height = 0;
    // The CPU evaluator for this network and view, made beforehand off the frame (copying a
    // 400-unit network's 1.9 M weights takes the frame 25 ms), or null: the CPU engine makes it.
    std::shared_ptr<const core::Evaluator> evaluator;
};

class ProgressiveEngine {
public:
    static constexpr int kCoarsest = 5;  // 1/32 resolution

    virtual ~ProgressiveEngine() = default;
    // A new picture: drops every stale piece of work at once and starts again coarse.
    virtual void restart(const PictureJob& job, double budget_ms) = 0;
    // Works until `budget_ms` of wall time is spent (or, with `lowest_level` > 0, until every
    // level down to it is finished). Returns true while work remains.
    virtual bool step(double budget_ms, int lowest_level = 0) = 0;
    // Takes in what threads finished, doing no work of its own; true when the picture present()
    // draws changed. An engine that works only within step() has nothing to take in.
    virtual bool collect() { return false; }
    // Whether the work goes on between frames (threads), so a frame loop may sleep meanwhile.
    virtual bool works_between_frames() const { return false; }
    // Draws the last finished picture into the viewport (x, y, w, h) of the bound framebuffer.
    virtual void present(int x, int y, int w, int h) = 0;
    virtual ProgressStatus status() const = 0;
    // The finished full-resolution picture as RGB rows (row 0 at the top), when there is one.
    virtual bool read_finished(std::vector<std::uint8_t>& rgb) const = 0;
    virtual bool has_image() const = 0;
    // Presentation: once a picture is on screen, only finished full-resolution ones replace it.
    virtual void set_full_frames_only(bool on) = 0;
    virtual int level_in_progress() const = 0;  // -1 when done
    virtual std::string_view name() const = 0;  // "gpu" or "cpu"
};

// How often a frame loop looks for the CPU engine's finished work while nothing else happens,
// and how often it draws meanwhile when none came (for the status line).
inline constexpr double kCheckBackMs = 10;
inline constexpr double kRedrawMs = 250;

// Which engine: the shader on a real GPU, the CPU evaluator on a software rasteriser (or when
// asked), with the reason in words for the status line.
enum class EngineKind { gpu, cpu };
enum class EngineRequest { automatic, gpu, cpu };
inline constexpr core::NameEntry<EngineRequest> kEngineRequestTable[] = {
    {EngineRequest::automatic, "auto"}, {EngineRequest::gpu, "gpu"}, {EngineRequest::cpu, "cpu"}};
struct EngineChoice {
    EngineKind kind;
    std::string label;   // for the status line: "CPU engine (software GL)"
    std::string reason;  // in full, for the panel and the log
};
EngineChoice choose_engine(EngineRequest request, bool software_rasteriser,
                           std::string_view renderer);
std::optional<EngineRequest> parse_engine_request(std::string_view s);  // auto, gpu, cpu
std::string_view to_string(EngineRequest r);

}  // namespace primordial::gpu
