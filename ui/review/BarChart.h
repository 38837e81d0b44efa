#pragma once

#include <vector>
#include <wx/window.h>

namespace cc::ui {

/// A small bar chart drawn with wxGraphicsContext in the theme's colours: one bar a label, the count
/// above each bar that has one. Used for calls per hour and the handle-time histogram.
class BarChart : public wxWindow {
public:
    BarChart(wxWindow* parent, const wxString& name);

    void show(std::vector<wxString> labels, std::vector<int> values);

private:
    void onPaint(wxPaintEvent&);

    std::vector<wxString> labels_;
    std::vector<int> values_;
};

} // namespace cc::ui
