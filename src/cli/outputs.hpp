// Where a command's outputs go, checked before any work: "-" is standard output (docs/FILES.md),
// at most one output may take it, and a PNG is never poured onto a terminal.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

namespace primordial::cli {

struct Output {
    const char* flag;                 // "-o", "--save-params"
    std::optional<std::string> path;  // none: not written
    bool binary = false;              // PNG bytes, not text
};

// Throws InputError when two outputs are standard output, or binary output would go to a
// terminal.
void check_outputs(std::initializer_list<Output> outputs);
// Throws InputError for "-" where only a path will do (a folder of frames, a video).
void refuse_stdout(const char* flag, const std::optional<std::string>& path, const char* why);

}  // namespace primordial::cli
