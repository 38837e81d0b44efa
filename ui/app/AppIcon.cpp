#include "app/AppIcon.h"

#include "AppIconSvg.h"

#include <string>

namespace cc::ui {

namespace {
// The background of the drawing; the tray icon swaps it for the call state's colour.
constexpr const char* kIconGreen = "#2E7D32";
} // namespace

wxBitmapBundle appIcon(const wxSize& size, const wxColour& background) {
    std::string svg = kAppIconSvg;
    if (background.IsOk()) {
        const auto at = svg.find(kIconGreen);
        if (at != std::string::npos)
            svg.replace(at, std::char_traits<char>::length(kIconGreen),
                        background.GetAsString(wxC2S_HTML_SYNTAX).utf8_string());
    }
    return wxBitmapBundle::FromSVG(svg.c_str(), size);
}

wxIconBundle appIcons() {
    wxIconBundle icons;
    for (int size : {16, 24, 32, 48, 64, 128}) {
        wxIcon icon;
        icon.CopyFromBitmap(appIcon(wxSize(size, size)).GetBitmap(wxSize(size, size)));
        icons.AddIcon(icon);
    }
    return icons;
}

} // namespace cc::ui
