#include "core/video.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace primordial::core {
namespace fs = std::filesystem;

bool program_installed(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    return false;
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
    std::vector<std::string> args{"ffmpeg",     "-y",
                                  "-loglevel",  "error",
                                  "-framerate", std::to_string(fps),
                                  "-i",         (frames_dir / "frame-%05d.png").string()};
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

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    const int err = posix_spawnp(&pid, "ffmpeg", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0) throw std::runtime_error("--video: cannot run ffmpeg");
    int status = 0;
    waitpid(pid, &status, 0);
    std::error_code ec;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fs::remove(part, ec);
        std::ifstream in(log);
        std::string first;
        std::getline(in, first);
        throw std::runtime_error("--video: ffmpeg failed: " +
                                 (first.empty() ? std::string("no message") : first));
    }
    fs::rename(part, video);
    fs::remove(log, ec);
}

}  // namespace primordial::core
