#pragma once

#include "call/Timeline.h"
#include "data/OutcomeList.h"

#include <functional>
#include <utility>
#include <vector>
#include <wx/panel.h>

class wxTextCtrl;
class wxChoice;
class wxListView;
class wxButton;
class wxFlexGridSizer;
class wxStaticText;

namespace cc::ui {

/// The call's fields (caller, callback number, case, reason, outcome) and its transfers.
class DetailsPanel : public wxPanel {
public:
    DetailsPanel(wxWindow* parent, const OutcomeList& outcomes, std::function<void()> onEdited,
                 std::function<void()> onAddTransfer);

    /// Shows a call's fields without reporting an edit.
    void load(const CallFields& fields, const std::vector<Transfer>& transfers);
    void showTransfers(const std::vector<Transfer>& transfers);
    CallFields fields() const;
    /// Fills the caller's name alone (from an earlier call), leaving the field being typed in as it is.
    void fillCallerName(const std::string& name);
    void setEditable(bool editable);
    /// Puts the keyboard in the first field (the agent switched to this page with Alt+2).
    void focusFirst();
    /// The outcome choice gets the keyboard (wrap-up).
    void focusOutcome();

private:
    void showFocusOn(wxWindow* field, wxStaticText* label);
    void followFocus();
    /// Draws `label` (or none) as the label of the field with the keyboard, and the others plainly.
    void markLabel(wxStaticText* label);
    wxTextCtrl* addField(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const wxString& tip);

    const OutcomeList& outcomes_;
    std::function<void()> onEdited_;
    wxTextCtrl* callerName_;
    wxTextCtrl* callbackNumber_;
    wxTextCtrl* caseNumber_;
    wxTextCtrl* reason_;
    wxChoice* outcome_;
    wxListView* transfers_;
    wxButton* addTransfer_;
    std::vector<std::pair<wxWindow*, wxStaticText*>> labelOf_;
    wxStaticText* marked_ = nullptr;
    bool loading_ = false;
};

} // namespace cc::ui
