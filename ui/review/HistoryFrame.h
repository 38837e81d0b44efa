#pragma once

#include "review/CallHistory.h"

#include <filesystem>
#include <memory>
#include <vector>
#include <wx/frame.h>
#include <wx/timer.h>

class wxChoice;
class wxDatePickerCtrl;
class wxSearchCtrl;
class wxStaticText;

namespace cc {
class Database;
}

namespace cc::ui {

class ReviewWorkspace;
class HistoryList;

/// The QA reviewer's list of saved calls: filters by date, outcome and flag, full-text search over the
/// notes, export of the filtered calls, and a read-only review of each. It reads through its own
/// read-only connection, to the agent's database or to an archive.
class HistoryFrame : public wxFrame {
public:
    enum class Source { Own, Archive };

    HistoryFrame(wxWindow* parent, ReviewWorkspace& workspace, std::unique_ptr<Database> db,
                 std::filesystem::path path, Source source, const wxString& agent);
    ~HistoryFrame() override;

    /// Runs the filter again (the window also does so as the filters change).
    void refresh();
    /// Selects the call in the list and opens its review (from the companion's Today page).
    void openCall(std::int64_t id);

private:
    HistoryFilter currentFilter() const;
    void openSelected();
    void exportCalls(bool selectedOnly);

    ReviewWorkspace& workspace_;
    std::unique_ptr<Database> db_;
    CallHistory history_;
    std::filesystem::path path_;
    Source source_;
    wxString agent_;
    wxDatePickerCtrl* from_;
    wxDatePickerCtrl* to_;
    wxChoice* outcome_;
    wxChoice* flag_;
    wxSearchCtrl* search_;
    HistoryList* list_;
    wxStaticText* count_;
    std::vector<std::string> outcomeIds_; ///< the outcome choice's entries after "Any outcome"
    wxTimer searchDelay_;
};

} // namespace cc::ui
