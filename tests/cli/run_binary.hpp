// Runs the primordial binary as a user would and captures what they would see.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

struct RunResult {
    int exit_code = -1;
    std::string out, err;
};

// `env` (optional) is a prefix for env(1), e.g. "-u DISPLAY VAR=value".
// `cwd` (optional): the directory it runs in.
RunResult run_primordial(const std::vector<std::string>& args, const std::string& env = "",
                         const std::filesystem::path& cwd = {});
std::filesystem::path test_dir(const std::string& name);  // fresh, empty
std::string read_bytes(const std::filesystem::path& p);
