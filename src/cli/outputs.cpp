#include "cli/outputs.hpp"

#include <unistd.h>

#include "core/net/params.hpp"

namespace primordial::cli {

void check_outputs(std::initializer_list<Output> outputs) {
    const Output* first = nullptr;
    for (const Output& o : outputs) {
        if (o.path != "-") continue;
        if (first)
            throw core::InputError(std::string(first->flag) + " and " + o.flag +
                                   " both name standard output (-); send one of them to a file");
        first = &o;
        if (o.binary && ::isatty(STDOUT_FILENO))
            throw core::InputError(std::string(o.flag) +
                                   " -: standard output is a terminal; pipe it to a program "
                                   "(... -o - | display) or name a file");
    }
}

void refuse_stdout(const char* flag, const std::optional<std::string>& path, const char* why) {
    if (path == "-")
        throw core::InputError(std::string(flag) + ": standard output (-) cannot take " + why +
                               "; name a " + (std::string(flag) == "-o" ? "folder" : "file"));
}

}  // namespace primordial::cli
