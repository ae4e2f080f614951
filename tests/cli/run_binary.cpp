#include "cli/run_binary.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {
std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}
}  // namespace

std::string read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path test_dir(const std::string& name) {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "cli" / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

RunResult run_primordial(const std::vector<std::string>& args, const std::string& env,
                         const fs::path& cwd) {
    const fs::path cap = fs::path(PRIMORDIAL_TEST_TMP) / "cli";
    fs::create_directories(cap);
    std::string cmd;
    if (!cwd.empty()) cmd.append("cd ").append(quote(cwd.string())).append(" && ");
    if (!env.empty()) cmd.append("env ").append(env).append(" ");
    cmd.append(quote(PRIMORDIAL_BINARY));
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " >" + quote((cap / "stdout").string()) + " 2>" + quote((cap / "stderr").string()) +
           " </dev/null";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_bytes(cap / "stdout");
    r.err = read_bytes(cap / "stderr");
    return r;
}
