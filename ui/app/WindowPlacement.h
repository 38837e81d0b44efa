#pragma once

#include <wx/gdicmn.h>

class wxTopLevelWindow;

namespace cc::ui {

/// Gives a secondary window (history, review, stats…) its place on screen. The size and position the
/// user last left it at come back (wxPersistenceManager, under the window's name); the first time, it
/// takes `wanted` (in DIPs) as far as the display allows, and stands beside the companion
/// window when there is room on either side for at least `narrowest` (default: `wanted`'s width or
/// 600, whichever is less), so the timer and the notes stay in sight; otherwise it is centred on the
/// companion's display. A remembered place that is no longer on any display (a second
/// monitor unplugged) is brought back onto this one.
void placeWindow(wxTopLevelWindow& window, const wxSize& wanted, int narrowest = 600);

} // namespace cc::ui
