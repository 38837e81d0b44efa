#pragma once

#include <string>
#include <wx/dialog.h>

class wxTextCtrl;

namespace cc::ui {

/// Asks to whom a call is transferred or escalated, and why. Opened only by the agent.
class TransferDialog : public wxDialog {
public:
    explicit TransferDialog(wxWindow* parent);
    std::string to() const;
    std::string reason() const;

private:
    wxTextCtrl* to_;
    wxTextCtrl* reason_;
};

} // namespace cc::ui
