#pragma once

#include "sync/Floor.h"

#include <chrono>
#include <memory>
#include <wx/frame.h>
#include <wx/timer.h>

class wxListView;
class wxStaticText;

namespace cc::ui {

class BarChart;

/// The floor, for a team lead: one row per agent of their team with the state, a time-in-state clock
/// ticking here, the current call's length and hold, coloured past the team's thresholds and sorted by
/// the longest; today's calls per hour under it. The server's changes arrive through a FloorWatcher;
/// between them the clocks run on this PC's steady clock. "Not on a call" is never "available".
class FloorFrame : public wxFrame {
public:
    FloorFrame(wxWindow* parent, const ServerConfig& config);
    ~FloorFrame() override;

private:
    void show(const FloorView& view);
    void redraw();

    wxListView* list_;
    BarChart* perHour_;
    wxStaticText* status_;
    wxTimer clock_;
    FloorView view_;
    std::chrono::steady_clock::time_point readAt_{};
    std::shared_ptr<bool> alive_;
    std::unique_ptr<FloorWatcher> watcher_;
};

} // namespace cc::ui
