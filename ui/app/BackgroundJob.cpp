#include "app/BackgroundJob.h"

#include <algorithm>
#include <wx/evtloop.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

namespace cc::ui {

void detail::runBehindDialog(wxWindow* parent, const wxString& title, const wxString& message,
                             const std::function<void(const Progress&)>& work) {
    constexpr int kRange = 1000;
    std::atomic<std::size_t> done{0}, total{0};
    std::atomic<bool> cancel{false}, finished{false};
    const Progress progress{[&](std::size_t d, std::size_t t) {
                                done = d;
                                total = t;
                            },
                            &cancel};
    wxProgressDialog dialog(title, message, kRange, parent,
                            wxPD_CAN_ABORT | wxPD_APP_MODAL | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
    // The dialog is brought up to date 20 times a second from this thread's own event loop, which
    // keeps every window painted; the loop ends once the job is over.
    wxGUIEventLoop loop;
    wxTimer timer;
    timer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
        if (finished) {
            if (loop.IsRunning()) loop.Exit();
            return;
        }
        const std::size_t t = total, d = std::min<std::size_t>(done, total);
        const bool going =
            t ? dialog.Update(static_cast<int>(std::min<std::size_t>(kRange - 1, d * kRange / t)))
              : dialog.Pulse();
        if (!going) cancel = true;
    });
    std::thread worker([&] {
        work(progress);
        finished = true;
    });
    timer.Start(50);
    loop.Run();
    timer.Stop();
    worker.join();
    dialog.Hide();
}

void BackgroundTask::deliver(wxEvtHandler& owner, std::function<void()> onUiThread) {
    owner.CallAfter(std::move(onUiThread));
}

} // namespace cc::ui
