#pragma once

class wxWindow;

namespace cc::ui {

/// Whether the keyboard is in `window` or inside it. Unlike wxWindow::HasFocus(), it is also right for
/// a control that GTK builds from several widgets (a wxChoice: its inner button takes the keyboard and
/// wx hears of it from no event).
bool hasKeyboard(const wxWindow& window);

} // namespace cc::ui
