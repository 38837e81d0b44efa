#pragma once

#include "data/OutcomeList.h"
#include "store/CallStore.h"

#include <cstdint>
#include <functional>
#include <vector>
#include <wx/panel.h>

class wxListView;
class wxStaticText;

namespace cc::ui {

/// Today's calls, newest first, with their times. For the agent's own overview, not a scoreboard.
class TodayPanel : public wxPanel {
public:
    /// `open` runs with a call's id when the agent presses Enter on it (or double-clicks it).
    TodayPanel(wxWindow* parent, const OutcomeList& outcomes, std::function<void(std::int64_t)> open);
    void show(const std::vector<CallSummary>& calls);

private:
    void fitColumns();

    const OutcomeList& outcomes_;
    std::function<void(std::int64_t)> open_;
    std::vector<std::int64_t> ids_; ///< the calls listed, row by row
    wxListView* list_;
    wxStaticText* summary_;
};

} // namespace cc::ui
