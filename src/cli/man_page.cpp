#include "cli/man_page.hpp"

#include <sstream>
#include <utility>
#include <vector>

#include "core/version.hpp"

namespace primordial::cli {
namespace {

// Text as roff reads it: backslashes escaped, no line starting with a control character.
std::string roff(const std::string& text) {
    std::string s;
    bool line_start = true;
    for (char c : text) {
        if (line_start && (c == '.' || c == '\'')) s += "\\&";
        if (c == '\\')
            s += "\\e";
        else
            s += c;
        line_start = c == '\n';
    }
    return s;
}

std::string dashes(const std::string& flag) {  // -o, --depth as roff writes minus signs
    std::string s;
    for (char c : flag) s += c == '-' ? std::string("\\-") : std::string(1, c);
    return s;
}

// "TEXT:{cpu,gpu,auto}" -> "{cpu,gpu,auto}"; "INT:INT in [1 - 4]" -> "INT"; a flag: "".
std::string value_name(const CLI::Option& opt) {
    if (opt.get_expected_max() == 0) return "";
    std::string type = opt.get_type_name();
    if (const auto brace = type.find(":{"); brace != std::string::npos)
        return type.substr(brace + 1);
    return type.substr(0, type.find(':'));
}

// `common`: with --help and --version, which the top level lists once for every command.
void options(std::ostringstream& s, const CLI::App& app, bool common) {
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) continue;  // hidden
        const std::string name = opt->get_single_name();
        if (!common && (name == "help" || name == "version")) continue;
        s << ".TP\n";
        if (opt->get_positional() && !opt->nonpositional()) {
            s << "\\fI" << roff(opt->get_single_name()) << "\\fR\n";
        } else {
            std::string names;
            for (const std::string& n : opt->get_snames())
                names +=
                    (names.empty() ? "" : ", ") + std::string("\\fB") + dashes("-" + n) + "\\fR";
            for (const std::string& n : opt->get_lnames())
                names +=
                    (names.empty() ? "" : ", ") + std::string("\\fB") + dashes("--" + n) + "\\fR";
            const std::string value = value_name(*opt);
            s << names << (value.empty() ? "" : " \\fI" + roff(value) + "\\fR") << "\n";
        }
        s << roff(opt->get_description()) << "\n";
    }
}

// The footer's lines: "Title: text" ones become sections, the others description paragraphs.
std::vector<std::pair<std::string, std::string>> footer_lines(const CLI::App& app) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream footer(app.get_footer());
    for (std::string line; std::getline(footer, line);) {
        if (line.empty()) continue;
        const auto colon = line.find(": ");
        if (colon == std::string::npos || colon > 20) {
            out.emplace_back("", line);
            continue;
        }
        std::string title = line.substr(0, colon);
        for (char& c : title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.emplace_back(title, line.substr(colon + 2));
    }
    return out;
}

}  // namespace

std::string man_page(const CLI::App& app) {
    const auto footer = footer_lines(app);
    std::ostringstream s;
    s << ".TH PRIMORDIAL 1 \"\" \"" << core::kSoftware << "\" \"User Commands\"\n"
      << ".SH NAME\n"
      << "primordial \\- explore random, untrained neural networks as pictures\n"
      << ".SH SYNOPSIS\n"
      << ".B primordial\n[\\fIOPTIONS\\fR]\n.br\n"
      << ".B primordial\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roff(app.get_description()) << "\n.PP\n"
      << "A random feedforward network maps each pixel's coordinates to three outputs read as "
         "red, green and blue; its weights come reproducibly from a seed. The explorer draws it "
         "live; the commands below do the same work without a window.\n";
    for (const auto& [title, text] : footer)
        if (title.empty()) s << ".PP\n" << roff(text) << "\n";
    s << ".SH OPTIONS\n";
    options(s, app, true);
    s << ".SH COMMANDS\n"
      << "Each takes \\fB\\-\\-help\\fR and \\fB\\-\\-version\\fR as well.\n";
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        s << ".SS \"primordial " << sub->get_name() << "\"\n"
          << roff(sub->get_description()) << "\n";
        options(s, *sub, false);
    }
    for (const auto& [title, text] : footer)
        if (!title.empty()) s << ".SH \"" << title << "\"\n" << roff(text) << "\n";
    s << ".SH \"SEE ALSO\"\n"
      << "\\fBprimordial \\fICOMMAND\\fB \\-\\-help\\fR; the project's README.md and "
         "docs/PARAMETERS.md, docs/FILES.md, docs/PYTHON.md.\n";
    return s.str();
}

}  // namespace primordial::cli
