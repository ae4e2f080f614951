#include "core/io/video.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/io/interrupt.hpp"

extern char** environ;

namespace primordial::core {
namespace fs = std::filesystem;

namespace {

// The executable `program` in a folder of $PATH, or empty.
fs::path find_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0)
            return fs::path(dir) / program;
    return {};
}

// Starts `argv` with stdin and stdout on /dev/null and stderr into `log`. The child dies with
// its parent (PR_SET_PDEATHSIG), so a killed `animate` never leaves an encoder running.
pid_t spawn_tied(const fs::path& exe, std::vector<char*>& argv, const fs::path& log) {
    const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const pid_t parent = ::getpid();
    const pid_t pid = (null_fd < 0 || log_fd < 0) ? -1 : ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took
        ::dup2(null_fd, STDIN_FILENO);
        ::dup2(null_fd, STDOUT_FILENO);
        ::dup2(log_fd, STDERR_FILENO);
        ::execve(exe.c_str(), argv.data(), environ);
        ::_exit(127);
    }
    if (null_fd >= 0) ::close(null_fd);
    if (log_fd >= 0) ::close(log_fd);
    return pid;
}

// Waits for `pid`; on SIGINT or SIGTERM stops it first and throws Interrupted.
int wait_child(pid_t pid) {
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) return status;
        if (r < 0 && errno != EINTR) return -1;
        if (const int sig = interrupt_signal()) {
            ::kill(pid, SIGTERM);
            ::waitpid(pid, &status, 0);
            throw Interrupted(sig);
        }
        ::usleep(20000);
    }
}

}  // namespace

bool program_installed(const std::string& program) {
    return !find_program(program).empty();
}

bool video_format_known(const fs::path& video) {
    const std::string ext = video.extension().string();
    return std::find(std::begin(kVideoFormats), std::end(kVideoFormats), ext) !=
           std::end(kVideoFormats);
}

void encode_video(const fs::path& frames_dir, const fs::path& video, int fps) {
    const std::string ext = video.extension().string();
    // ffmpeg picks the container by extension, so the temporary name keeps it.
    const fs::path part = video.parent_path() / (video.stem().string() + ".part" + ext);
    const fs::path log = frames_dir / "ffmpeg.log";
    // -xerror: a write error (a full disk) ends ffmpeg with a failure, not a truncated success.
    std::vector<std::string> args{"ffmpeg",
                                  "-y",
                                  "-xerror",
                                  "-loglevel",
                                  "error",
                                  "-framerate",
                                  std::to_string(fps),
                                  "-i",
                                  (frames_dir / "frame-%05d.png").string()};
    if (ext == ".gif") {
        // One palette for the whole animation: far better colour than GIF's default.
        args.insert(args.end(), {"-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse"});
    } else if (ext == ".webm") {
        args.insert(args.end(),
                    {"-c:v", "libvpx-vp9", "-crf", "30", "-b:v", "0", "-pix_fmt", "yuv420p"});
    } else {
        // yuv420p needs even sides; pad by a pixel where needed.
        args.insert(args.end(), {"-c:v", "libx264", "-crf", "18", "-pix_fmt", "yuv420p", "-vf",
                                 "pad=ceil(iw/2)*2:ceil(ih/2)*2"});
    }
    args.push_back(part.string());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const fs::path exe = find_program("ffmpeg");
    if (exe.empty()) throw std::runtime_error("--video: ffmpeg is not installed");

    // Whatever happens, neither the partial video nor the log outlives a failure.
    struct Cleanup {
        fs::path part, log;
        ~Cleanup() {
            std::error_code ec;
            fs::remove(part, ec);
            fs::remove(log, ec);
        }
    } cleanup{part, log};
    const pid_t pid = spawn_tied(exe, argv, log);
    if (pid < 0)
        throw std::runtime_error("--video: cannot run ffmpeg: " +
                                 std::string(std::strerror(errno)));
    const int status = wait_child(pid);
    std::ifstream in(log);
    const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (said.find("No space left on device") != std::string::npos)
        throw std::runtime_error("no space left on device writing " + video.string());
    if (said.find("File too large") != std::string::npos)
        throw std::runtime_error("file too large (no space under the size limit) writing " +
                                 video.string());
    if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string first = said.substr(0, said.find('\n'));
        throw std::runtime_error("--video: ffmpeg failed: " +
                                 (first.empty() ? std::string("no message") : first));
    }
    std::error_code ec;
    fs::rename(part, video, ec);
    if (ec) throw std::runtime_error("cannot write " + video.string() + ": " + ec.message());
}

}  // namespace primordial::core
