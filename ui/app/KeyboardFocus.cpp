#include "app/KeyboardFocus.h"

#include <wx/toplevel.h>
#include <wx/window.h>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

namespace cc::ui {

bool hasKeyboard(const wxWindow& window) {
#ifdef __WXGTK__
    const wxWindow* top = wxGetTopLevelParent(const_cast<wxWindow*>(&window));
    auto* own = static_cast<GtkWidget*>(window.GetHandle());
    if (!top || !own) return false;
    auto* topWidget = static_cast<GtkWidget*>(top->GetHandle());
    if (!GTK_IS_WINDOW(topWidget)) return false;
    GtkWidget* focus = gtk_window_get_focus(GTK_WINDOW(topWidget));
    return focus && (focus == own || gtk_widget_is_ancestor(focus, own)) && gtk_widget_has_focus(focus);
#else
    const wxWindow* focus = wxWindow::FindFocus();
    return focus && (focus == &window || window.IsDescendant(const_cast<wxWindow*>(focus)));
#endif
}

} // namespace cc::ui
