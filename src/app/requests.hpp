// The command queue: what a command or the panel asks of the window rather than of the state
// (a screenshot, undo, the clipboard, an export, a window mode). Actions and the panel push;
// the explorer carries the requests out once per frame, in the order they were made, so no
// one-shot flag is left set or handled twice.
#pragma once

#include <vector>

namespace primordial::app {

enum class Request {
    screenshot,
    undo,
    redo,
    open_file,
    copy_state,
    paste_state,
    bookmark,
    export_picture,
    export_animation,
    toggle_fullscreen,
    toggle_presentation,
    quit,
};

class RequestQueue {
public:
    void push(Request r) { queue_.push_back(r); }
    // Everything asked since the last call, oldest first; the queue is empty afterwards.
    std::vector<Request> take() {
        std::vector<Request> out;
        out.swap(queue_);
        return out;
    }
    bool empty() const { return queue_.empty(); }

private:
    std::vector<Request> queue_;
};

}  // namespace primordial::app
