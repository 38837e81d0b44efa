#pragma once

#include <wx/gdicmn.h>

class wxScrolledWindow;

namespace cc::ui {

/// Scrolls `area` as little as brings `rect` into sight, with `margin` around it. `rect` is in the
/// area's visible coordinates, as a child's GetRect() gives it. For what the keyboard reaches without
/// moving the focus there (a checklist item ticked by its shortcut), and for a focused control whose
/// label reaches beyond it.
void scrollIntoView(wxScrolledWindow& area, const wxRect& rect, int margin);

} // namespace cc::ui
