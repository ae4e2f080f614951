// Output files, honoured as the path names them (docs/FILES.md):
// - a regular file (or none yet) is written under a temporary name in the same folder and renamed
//   into place on commit, keeping an existing file's permissions, then the folder is synced: a
//   failed or interrupted write never leaves a partial file behind;
// - a symbolic link is written through: its final target is replaced that way, the link stays;
// - a device, FIFO or socket (/dev/null, a pipe to another program) is written to directly;
// - "-" is standard output.
// Every failure says why on one line; a full disk reads "no space left on device writing NAME".
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace primordial::core {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);  // throws std::runtime_error
    ~AtomicFile();  // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::FILE* stream() { return file_; }
    // Writes `size` bytes; throws the one-line reason (ENOSPC included) on failure.
    void write(const void* data, std::size_t size);
    void commit();  // flushes, syncs, closes and renames; throws on failure
    // The one-line message for a write to this file that failed with `err` (an errno).
    std::string failure(int err) const;

private:
    std::filesystem::path target_;  // as the user gave it
    std::filesystem::path final_;   // where the bytes go: the link's target, or the target
    std::filesystem::path temp_;    // empty when writing straight to a device, FIFO or stdout
    std::FILE* file_ = nullptr;
    bool committed_ = false;
    std::optional<mode_t> mode_;  // the replaced file's permissions; none for a new file
};

// Writes `text` to `path` as AtomicFile does.
void write_text_file(const std::filesystem::path& path, const std::string& text);

// Untrusted input is read with a limit: parameter files, sessions and copied states are small.
inline constexpr std::size_t kMaxTextFile = 32u << 20;  // 32 MiB
// Reads a whole file, once ("-" is standard input; a FIFO or /dev/fd/N is read as a stream);
// throws InputError naming the path when it cannot be read or holds more than `limit` bytes.
// `enough`, when given, is asked after every block how much of what was read is wanted (0: read
// on): reading stops there, so a PNG's pixels are never read for its parameters.
std::string read_text_file(const std::filesystem::path& path, std::size_t limit = kMaxTextFile,
                           const std::function<std::size_t(std::string_view)>& enough = {});

}  // namespace primordial::core
