#include "app/ScrollIntoView.h"

#include <wx/scrolwin.h>

namespace cc::ui {

void scrollIntoView(wxScrolledWindow& area, const wxRect& rect, int margin) {
    int unitX = 1, unitY = 1, viewX = 0, viewY = 0;
    area.GetScrollPixelsPerUnit(&unitX, &unitY);
    area.GetViewStart(&viewX, &viewY);
    if (unitY <= 0) return;
    const int height = area.GetClientSize().y;
    if (rect.y - margin < 0)
        area.Scroll(-1, viewY + (rect.y - margin - unitY + 1) / unitY);
    else if (rect.GetBottom() + margin >= height)
        area.Scroll(-1, viewY + (rect.GetBottom() + margin - height + unitY) / unitY);
}

} // namespace cc::ui
