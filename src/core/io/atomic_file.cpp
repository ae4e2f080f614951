#include "core/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "core/net/params.hpp"

namespace primordial::core {
namespace {

namespace fs = std::filesystem;

// A symbolic link's final target (links to links followed, relative ones from their folder),
// at most 40 deep as the kernel allows.
fs::path follow_links(fs::path p) {
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
        const fs::path to = fs::read_symlink(p, ec);
        if (ec) return p;
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    throw std::runtime_error("cannot write " + p.string() + ": too many levels of symbolic links");
}

void sync_folder(const fs::path& file) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // the rename stands; a folder we cannot open cannot be synced
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

std::string AtomicFile::failure(int err) const {
    if (err == ENOSPC) return "no space left on device writing " + target_.string();
    if (err == EDQUOT) return "disk quota exceeded writing " + target_.string();
    if (err == EFBIG)
        return "file too large (no space under the size limit) writing " + target_.string();
    return "cannot write " + target_.string() + ": " + std::strerror(err);
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    if (target_ == "-") {  // standard output, as Unix tools take "-"
        const int fd = ::dup(STDOUT_FILENO);
        file_ = fd < 0 ? nullptr : ::fdopen(fd, "wb");
        if (!file_) throw std::runtime_error(failure(errno));
        return;
    }
    final_ = follow_links(target_);
    struct stat st {};
    const bool exists = ::stat(final_.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw std::runtime_error("cannot write " + target_.string() + ": is a folder");
    if (exists && !S_ISREG(st.st_mode)) {
        // A device, FIFO or socket: write to it as it is (a FIFO waits for its reader).
        const int fd = ::open(final_.c_str(), O_WRONLY | O_CLOEXEC);
        file_ = fd < 0 ? nullptr : ::fdopen(fd, "wb");
        if (!file_) {
            const int err = errno;
            if (fd >= 0) ::close(fd);
            throw std::runtime_error(failure(err));
        }
        return;
    }
    if (exists) mode_ = st.st_mode & 07777;
    const fs::path dir = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    std::string pattern = (dir / ("." + final_.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error(failure(errno));
    temp_ = pattern;
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        const int err = errno;
        ::close(fd);
        std::error_code ec;
        fs::remove(temp_, ec);
        throw std::runtime_error(failure(err));
    }
}

AtomicFile::~AtomicFile() {
    if (file_) std::fclose(file_);
    if (!committed_ && !temp_.empty()) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void AtomicFile::write(const void* data, std::size_t size) {
    errno = 0;
    if (size > 0 && std::fwrite(data, 1, size, file_) != size)
        throw std::runtime_error(failure(errno ? errno : EIO));
}

void AtomicFile::commit() {
    errno = 0;
    int err = 0;
    if (std::fflush(file_) != 0) err = errno ? errno : EIO;
    // Regular files are synced before the rename makes them visible; a pipe cannot be.
    if (err == 0 && !temp_.empty() && ::fsync(::fileno(file_)) != 0) err = errno;
    if (err == 0 && !temp_.empty()) {
        // mkstemp creates 0600: keep a replaced file's permissions, or give a new file what a
        // plain create would.
        mode_t mode = 0;
        if (mode_) {
            mode = *mode_;  // even 000: a file the user locked stays locked
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        if (::fchmod(::fileno(file_), mode) != 0) err = errno;
    }
    const int close_rc = std::fclose(file_);
    if (err == 0 && close_rc != 0) err = errno ? errno : EIO;
    file_ = nullptr;
    if (err != 0) throw std::runtime_error(failure(err));
    if (temp_.empty()) {
        committed_ = true;
        return;
    }
    std::error_code ec;
    fs::rename(temp_, final_, ec);
    if (ec) throw std::runtime_error(failure(ec.value()));
    committed_ = true;
    sync_folder(final_);
}

void write_text_file(const fs::path& path, const std::string& text) {
    AtomicFile f(path);
    f.write(text.data(), text.size());
    f.commit();
}

std::string read_text_file(const fs::path& path, std::size_t limit,
                           const std::function<std::size_t(std::string_view)>& enough) {
    const bool stdin_path = path == "-";
    int fd = STDIN_FILENO;
    if (!stdin_path) {
        std::error_code ec;
        const auto st = fs::status(path, ec);
        if (!fs::exists(st)) throw InputError(path.string() + ": no such file");
        if (fs::is_directory(st)) throw InputError(path.string() + ": is a folder, not a file");
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw InputError(path.string() + ": cannot be read (" + std::strerror(errno) + ")");
    }
    // Read once, as a stream, and stop past the limit: /dev/zero or an endless pipe is refused
    // without filling memory, and a pipe is never opened twice.
    std::string out;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            if (!stdin_path) ::close(fd);
            throw InputError(path.string() + ": cannot be read (" + std::strerror(err) + ")");
        }
        out.append(buf, static_cast<std::size_t>(n));
        if (enough) {
            if (const std::size_t wanted = enough(out); wanted > 0) {
                out.resize(std::min(wanted, out.size()));
                break;
            }
        }
        if (out.size() > limit) {
            if (!stdin_path) ::close(fd);
            throw InputError(path.string() + ": larger than " + std::to_string(limit >> 20) +
                             " MiB, more than such a file holds");
        }
    }
    if (!stdin_path) ::close(fd);
    return out;
}

}  // namespace primordial::core
