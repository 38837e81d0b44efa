#pragma once

#include "data/OutcomeList.h"
#include "store/CallStore.h"

#include <vector>
#include <wx/panel.h>

class wxListView;
class wxStaticText;

namespace cc::ui {

/// Today's calls, newest first, with their times. For the agent's own overview, not a scoreboard.
class TodayPanel : public wxPanel {
public:
    TodayPanel(wxWindow* parent, const OutcomeList& outcomes);
    void show(const std::vector<CallSummary>& calls);

private:
    const OutcomeList& outcomes_;
    wxListView* list_;
    wxStaticText* summary_;
};

} // namespace cc::ui
