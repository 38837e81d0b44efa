#pragma once

#include <wx/arrstr.h>

class wxWindow;

namespace cc::ui {

/// The controls under `top` a keyboard or screen-reader user would meet without a name of their own
/// (wx's default "button", "text"...) or without a tooltip, one line each: "wxButton 'Start': no tooltip".
/// Composite controls (pickers, lists, the editor) count as one control.
wxArrayString accessibilityProblems(wxWindow* top);

/// With CALL_COMPANION_A11Y_AUDIT set, every window shown is audited and each problem printed to stderr
/// as "a11y: <window>: <problem>", for tests/gui/accessibility.sh. Does nothing otherwise.
void startAccessibilityAuditIfAsked();

} // namespace cc::ui
