#include "core/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "core/params.hpp"

namespace primordial::core {

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    const std::filesystem::path dir =
        target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw std::runtime_error("cannot write " + target_.string() + ": " + std::strerror(errno));
    temp_ = pattern;
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        ::close(fd);
        std::filesystem::remove(temp_);
        throw std::runtime_error("cannot write " + target_.string());
    }
}

AtomicFile::~AtomicFile() {
    if (file_) std::fclose(file_);
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const int close_rc = std::fclose(file_);
    file_ = nullptr;
    if (!ok || close_rc != 0)
        throw std::runtime_error("cannot write " + target_.string() + ": " + std::strerror(errno));
    // mkstemp creates 0600; give the file the permissions a plain create would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    std::error_code ec;
    std::filesystem::permissions(temp_, static_cast<std::filesystem::perms>(0666 & ~mask), ec);
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw std::runtime_error("cannot write " + target_.string() + ": " + ec.message());
    committed_ = true;
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    AtomicFile f(path);
    if (std::fwrite(text.data(), 1, text.size(), f.stream()) != text.size())
        throw std::runtime_error("cannot write " + path.string());
    f.commit();
}

std::string read_text_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path.string() + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path.string() + ": is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot be read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace primordial::core
