#pragma once

#include "core/Progress.h"

#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <wx/string.h>

class wxEvtHandler;
class wxWindow;

namespace cc::ui {

/// How a job ended: its result, or the reason it has none.
template <class Result> struct JobOutcome {
    std::optional<Result> result;
    bool cancelled = false;
    std::string failure; ///< what() of the exception the job threw, when it failed
};

namespace detail {
/// Runs `work` on its own thread behind a progress dialog (Cancel asks the job to stop; the window
/// stays painted and nothing else can be clicked) and returns when the job is over. `work` owns
/// everything it touches: its own database connection, never one the UI thread reads.
void runBehindDialog(wxWindow* parent, const wxString& title, const wxString& message,
                     const std::function<void(const Progress&)>& work);
} // namespace detail

/// Long work the person waits for (an import, an export, opening an archive), the one way: on its own
/// thread, with progress and Cancel in a dialog, its result back on the UI thread.
template <class Result>
JobOutcome<Result> runWithProgress(wxWindow* parent, const wxString& title, const wxString& message,
                                   const std::function<Result(const Progress&)>& work) {
    JobOutcome<Result> outcome;
    detail::runBehindDialog(parent, title, message, [&](const Progress& progress) {
        try {
            outcome.result = work(progress);
        } catch (const Cancelled&) {
            outcome.cancelled = true;
        } catch (const std::exception& e) {
            outcome.failure = e.what();
        }
    });
    if (!outcome.cancelled && outcome.result) return outcome;
    outcome.result.reset();
    return outcome;
}

/// Long work nobody waits for (loading the dictionary): on its own thread, its outcome handed to
/// `done` on the UI thread through `owner` once it is over. The destructor waits for the thread, so
/// the job's owner outlives it.
class BackgroundTask {
public:
    BackgroundTask() = default;
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;
    ~BackgroundTask() { wait(); }

    template <class Result>
    void start(wxEvtHandler& owner, std::function<Result()> work,
               std::function<void(JobOutcome<Result>)> done) {
        wait();
        thread_ = std::thread([&owner, work = std::move(work), done = std::move(done)] {
            JobOutcome<Result> outcome;
            try {
                outcome.result = work();
            } catch (const std::exception& e) {
                outcome.failure = e.what();
            }
            deliver(owner, [done, outcome = std::move(outcome)]() mutable { done(std::move(outcome)); });
        });
    }
    /// Waits for the running job, if any (its result may still be on its way to the UI thread).
    void wait() {
        if (thread_.joinable()) thread_.join();
    }

private:
    static void deliver(wxEvtHandler& owner, std::function<void()> onUiThread);
    std::thread thread_;
};

} // namespace cc::ui
