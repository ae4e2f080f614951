// primordial: the command line. Exit codes: 0 success, 1 failure, 2 bad input.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/render_command.hpp"
#include "core/params.hpp"

namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace primordial;
    CLI::App app{"Primordial: explore random, untrained neural networks as pictures."};
    app.require_subcommand(0, 1);

    cli::RenderCommand render;
    render.add_to(*app.add_subcommand("render", "Render a network to a PNG (headless)"));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 2;
    }

    try {
        if (app.got_subcommand("render")) return render.run();
        // No subcommand: the main job. Until the explorer exists it renders the default network.
        cli::RenderCommand def;
        def.output = "primordial.png";
        return def.run();
    } catch (const core::InputError& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 1;
    }
}
