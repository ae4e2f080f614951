// GL error reporting: glGetError checks that throw, and a KHR_debug message log (tests fail on
// any error message it collects).
#pragma once

#include <string>
#include <vector>

namespace primordial::gpu {

// Throws gpu::Error naming `where` and the GL error when glGetError reports one.
void check_gl(const char* where);

// Collects KHR_debug messages of type error (and, if asked, every message) while it lives.
// Needs a current context; a no-op where KHR_debug is missing (then supported() is false).
class DebugLog {
public:
    explicit DebugLog(bool all_messages = false);
    ~DebugLog();
    DebugLog(const DebugLog&) = delete;
    DebugLog& operator=(const DebugLog&) = delete;

    bool supported() const { return supported_; }
    const std::vector<std::string>& messages() const { return messages_; }
    void clear() { messages_.clear(); }

    // Called from the GL callback.
    void add(unsigned type, unsigned severity, const char* message);

private:
    bool supported_ = false;
    bool all_ = false;
    std::vector<std::string> messages_;
};

}  // namespace primordial::gpu
