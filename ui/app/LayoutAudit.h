#pragma once

#include <wx/arrstr.h>

class wxWindow;

namespace cc::ui {

/// What a user would see cut off under `top`, one line each: a control with a label given less room
/// than its text needs ("wxButton 'Save': clipped to 60x30 of 84x34"), a control running past the edge
/// of a parent that does not scroll, and, in the companion window, call pages left less than half of
/// the window's height.
wxArrayString layoutProblems(wxWindow* top);

/// With CALL_COMPANION_LAYOUT_AUDIT set, the windows shown are audited twice a second and each new
/// problem printed to stderr as "layout: <window>: <problem>", for tests/gui/layout.sh. Does nothing
/// otherwise.
void startLayoutAuditIfAsked();

} // namespace cc::ui
