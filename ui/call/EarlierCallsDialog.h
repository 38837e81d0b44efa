#pragma once

#include "store/CallStore.h"

#include <vector>
#include <wx/dialog.h>

class wxListView;
class wxTextCtrl;

namespace cc {
class OutcomeList;
}

namespace cc::ui {

/// Earlier calls from the same caller, read-only: pick one to read its fields and notes. Nothing here
/// can change a saved call.
class EarlierCallsDialog : public wxDialog {
public:
    EarlierCallsDialog(wxWindow* parent, CallStore& store, const OutcomeList& outcomes,
                       std::vector<CallSummary> calls);

private:
    void showCall(long row);

    CallStore& store_;
    const OutcomeList& outcomes_;
    std::vector<CallSummary> calls_;
    wxListView* list_;
    wxTextCtrl* detail_;
};

} // namespace cc::ui
