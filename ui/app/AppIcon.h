#pragma once

#include <wx/bmpbndl.h>
#include <wx/colour.h>
#include <wx/iconbndl.h>

namespace cc::ui {

/// The app's icon (installer/icons/call-companion.svg, built into the binary) at any size; with a
/// colour, the same drawing on that colour: the tray shows the call state that way.
wxBitmapBundle appIcon(const wxSize& size, const wxColour& background = wxNullColour);
/// The icon in the sizes a window manager asks for, for the window's title bar and task switcher.
wxIconBundle appIcons();

} // namespace cc::ui
