#pragma once

#include "call/BarStack.h"
#include "core/UserServices.h"

#include <wx/panel.h>

class wxStaticText;
class wxButton;

namespace cc::ui {

/// A strip in the window for messages to the agent: wraps long text (paths), never modal, never takes
/// the keyboard. Closed with its button; the next message replaces the current one.
class NoticeBar : public wxPanel, public StackedBar {
public:
    explicit NoticeBar(wxWindow* parent);
    void show(UserServices::Level level, const wxString& message);
    void dismiss();
    /// Hides the message if it is only information (a new call starts: old news goes).
    void dismissInfo();

    int wholeLinesWithin(int height) const override;

private:
    void rewrap();

    wxStaticText* text_;
    wxButton* close_;
    wxString message_;
    UserServices::Level level_ = UserServices::Level::Info;
};

} // namespace cc::ui
