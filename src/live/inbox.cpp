#include "live/inbox.hpp"

namespace primordial::live {

void Inbox::set_wake(std::function<void()> wake) {
    const std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

void Inbox::push(Message m) {
    const std::lock_guard lock(mutex_);
    if (empty() && wake_) wake_();
    ++pending_.received;
    // The state is asked per sender: each gets its answer.
    const bool per_sender = m.address == "/primordial/state";
    for (Message& held : pending_.messages)
        if (held.address == m.address && (!per_sender || held.sender == m.sender)) {
            held = std::move(m);
            return;
        }
    if (pending_.messages.size() < kMaxPendingAddresses) {
        pending_.messages.push_back(std::move(m));
        return;
    }
    if (pending_.problems.size() < kMaxPendingProblems)
        pending_.problems.push_back("more than " + std::to_string(kMaxPendingAddresses) +
                                    " addresses in one frame: ignored " + m.address);
}

void Inbox::problem(std::string what) {
    const std::lock_guard lock(mutex_);
    if (empty() && wake_) wake_();
    if (pending_.problems.size() < kMaxPendingProblems)
        pending_.problems.push_back(std::move(what));
}

void Inbox::learnt(const MidiBinding& b) {
    const std::lock_guard lock(mutex_);
    if (empty() && wake_) wake_();
    pending_.learnt.push_back(b);
}

Inbox::Batch Inbox::take() {
    const std::lock_guard lock(mutex_);
    Batch out = std::move(pending_);
    pending_ = {};
    return out;
}

}  // namespace primordial::live
