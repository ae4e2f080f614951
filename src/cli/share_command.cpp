#include "cli/share_command.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#include "core/io/atomic_file.hpp"
#include "core/net/limits.hpp"
#include "share/shadertoy.hpp"
#include "share/web_page.hpp"

namespace primordial::cli {

void ShareCommand::add_to(CLI::App& app) {
    net.add_to(app);
    app.add_option("-o,--output", output,
                   "NAME.html (a web page) or NAME.glsl (a Shadertoy shader); - for standard "
                   "output")
        ->required();
    app.add_option("--format", format,
                   "html or glsl [by the output's extension; html for standard output]")
        ->check(CLI::IsMember({"html", "glsl"}));
    app.add_flag("-q,--quiet", quiet, "Say nothing on success");
}

int ShareCommand::run() const {
    std::string ext = std::filesystem::path(output).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const std::string kind = format                            ? *format
                             : output == "-"                   ? "html"
                             : ext == ".html" || ext == ".htm" ? "html"
                             : ext == ".glsl"                  ? "glsl"
                                                               : "";
    if (kind.empty())
        throw core::InputError("-o: '" + output +
                               "' must end in .html (a web page) or .glsl (a Shadertoy shader), "
                               "or give --format");
    const bool page = kind == "html";
    const core::State state = net.resolve_state();
    const std::string text =
        page ? share::web_page(state.params) : share::shadertoy_shader(state.params);
    core::write_text_file(output, text);
    if (!quiet) {
        std::fprintf(stderr, "%s: %s, %.0f KB%s\n", output.c_str(),
                     page ? "web page (open it in a browser; `primordial explore` reopens it)"
                          : "Shadertoy shader (paste into the Image tab of shadertoy.com/new)",
                     text.size() / 1024.0,
                     state.has_view && state.view.kind != core::ViewKind::picture
                         ? "; the picture only: views of several tiles do not travel"
                         : "");
    }
    return 0;
}

}  // namespace primordial::cli
