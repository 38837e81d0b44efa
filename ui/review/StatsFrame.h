#pragma once

#include <memory>
#include <wx/frame.h>

class wxRadioBox;
class wxStaticText;

namespace cc {
class Database;
class OutcomeList;
} // namespace cc

namespace cc::ui {

class BarChart;

/// The agent's own figures for today or this week: calls, average handle time, share of time on hold,
/// outcomes, difficult calls and breaks, with calls per hour and a handle-time histogram. For the
/// agent's own awareness: there are no targets on it and nothing is compared with anyone.
class StatsFrame : public wxFrame {
public:
    /// `agent`: another agent's calls, read from the team server (empty: the agent's own). Their
    /// breaks stay on their PC and are not shown.
    StatsFrame(wxWindow* parent, std::unique_ptr<Database> db, const OutcomeList& outcomes,
               const wxString& agent = wxString());
    ~StatsFrame() override;

    void refresh();

private:
    std::unique_ptr<Database> db_;
    const OutcomeList& outcomes_;
    wxString agent_;
    wxRadioBox* period_;
    wxStaticText* figures_;
    BarChart* perHour_;
    BarChart* handle_;
};

} // namespace cc::ui
