// Writes a file under a temporary name in the same folder and renames it into place on commit,
// so a failed or interrupted write never leaves a partial file behind.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace primordial::core {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);  // throws std::runtime_error
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::FILE* stream() { return file_; }
    void commit();  // flushes, closes and renames; throws on failure

private:
    std::filesystem::path target_, temp_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

// Writes `text` to `path` atomically.
void write_text_file(const std::filesystem::path& path, const std::string& text);
// Reads a whole file; throws InputError naming the path when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace primordial::core
