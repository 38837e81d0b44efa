#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <stdexcept>

namespace cc {

/// A long job's link to whoever waits for it: it reports how far it got (done of total; total 0 when
/// unknown) and asks, between steps, whether to stop. Default-constructed, it reports to nobody and
/// never stops.
struct Progress {
    std::function<void(std::size_t done, std::size_t total)> report;
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(); }
    void operator()(std::size_t done, std::size_t total) const {
        if (report) report(done, total);
    }
    /// Throws Cancelled if the job was asked to stop: for jobs that stop by unwinding (a file being
    /// written whole is then left as it was).
    void checkCancelled() const;
};

/// A job stopped because it was asked to.
struct Cancelled : std::runtime_error {
    Cancelled() : std::runtime_error("cancelled") {}
};

inline void Progress::checkCancelled() const {
    if (cancelled()) throw Cancelled();
}

} // namespace cc
