#pragma once

#include <algorithm>
#include <initializer_list>
#include <wx/string.h>
#include <wx/window.h>

namespace cc::ui {

/// A list column's width from the text it holds in the list's own font, so that a larger font widens
/// the column instead of cutting "2026-11-27 08:10" to "2026-11-…": the widest of `texts` (the heading,
/// the widest form of a time, a typical name) and a margin.
inline int columnWidthFor(const wxWindow& list, std::initializer_list<wxString> texts) {
    int widest = 0;
    for (const wxString& t : texts)
        widest = std::max(widest, list.GetTextExtent(t).x);
    return widest + list.FromDIP(16);
}

} // namespace cc::ui
