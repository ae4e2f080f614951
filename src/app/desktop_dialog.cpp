#include "app/desktop_dialog.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <vector>

namespace primordial::app {
namespace {

bool on_path(const Getenv& env, const std::string& name) {
    std::istringstream dirs(env("PATH").value_or("/usr/bin:/bin"));
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    return false;
}

}  // namespace

std::string DesktopDialog::program(const Getenv& env) {
    const std::string choice = env("PRIMORDIAL_FILE_DIALOG").value_or("");
    if (choice == "builtin") return "";
    if (!env("DISPLAY") && !env("WAYLAND_DISPLAY")) return "";
    for (const char* name : {"zenity", "kdialog"})
        if ((choice.empty() || choice == name) && on_path(env, name)) return name;
    return "";
}

bool DesktopDialog::open(const Getenv& env, const std::filesystem::path& start) {
    if (running()) return true;
    const std::string prog = program(env);
    if (prog.empty()) return false;
    const std::string dir = start.string() + "/";
    std::vector<std::string> args =
        prog == "zenity"
            ? std::vector<std::string>{"zenity",
                                       "--file-selection",
                                       "--title=Open a Primordial file",
                                       "--filename=" + dir,
                                       "--file-filter=Primordial files | *.png *.json *.html",
                                       "--file-filter=All files | *"}
            : std::vector<std::string>{
                  "kdialog",           "--title", "Open a Primordial file",
                  "--getopenfilename", dir,       "Primordial files (*.png *.json *.html)"};
    std::vector<char*> argv;  // made before the fork: the child only duplicates and executes
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return false;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(pipe_fds[0]), ::close(pipe_fds[1]);
        return false;
    }
    if (pid == 0) {  // the child: its answer on the pipe, its chatter (GTK warnings) nowhere
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) ::dup2(null, STDERR_FILENO);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    ::fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
    pid_ = pid;
    out_ = pipe_fds[0];
    answer_.clear();
    return true;
}

std::optional<std::filesystem::path> DesktopDialog::poll(bool& finished) {
    finished = false;
    if (!running()) return std::nullopt;
    // A path, not a stream: what a dialog says beyond kMaxAnswer bytes is not kept.
    constexpr std::size_t kMaxAnswer = 64 << 10;
    char buf[4096];
    const auto drain = [&] {
        for (ssize_t n; (n = ::read(out_, buf, sizeof buf)) > 0;)
            if (answer_.size() < kMaxAnswer) answer_.append(buf, static_cast<std::size_t>(n));
    };
    drain();
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
    drain();
    ::close(out_);
    pid_ = out_ = -1;
    finished = true;
    while (!answer_.empty() && (answer_.back() == '\n' || answer_.back() == '\r'))
        answer_.pop_back();
    // Exit 0 with a path: chosen. Anything else (1: cancelled, 127: not runnable): nothing.
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || answer_.empty() ||
        answer_.size() >= kMaxAnswer || answer_.find('\n') != std::string::npos)
        return std::nullopt;  // one path, one line
    return std::filesystem::path(answer_);
}

DesktopDialog::~DesktopDialog() {
    if (!running()) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    ::close(out_);
}

}  // namespace primordial::app
