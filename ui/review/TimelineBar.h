#pragma once

#include "review/ReviewTimeline.h"

#include <functional>
#include <optional>
#include <wx/window.h>

namespace cc::ui {

/// The call drawn on its own time axis: talk, hold, wrap-up and ringing as coloured stretches, a tick
/// above the bar for every event and note, a marker for each pinned comment, and the moment selected.
/// A click (or Left/Right when it has the keyboard) picks the nearest line of the timeline.
class TimelineBar : public wxWindow {
public:
    using Picked = std::function<void(std::size_t item)>;

    TimelineBar(wxWindow* parent, Picked picked);

    void show(const ReviewTimeline& timeline);
    /// Marks the moment of item `i` (from the list below the bar).
    void select(std::size_t i);

private:
    void onPaint(wxPaintEvent&);
    void onClick(wxMouseEvent& e);
    void onKey(wxKeyEvent& e);
    double xOf(Duration offset) const;
    wxRect barRect() const;

    ReviewTimeline timeline_;
    Picked picked_;
    std::optional<std::size_t> selected_;
};

/// The colour of a segment kind, shared by the bar and its legend.
wxColour segmentColour(SegmentKind k);

} // namespace cc::ui
