#include "review/BarChart.h"

#include <algorithm>
#include <memory>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace cc::ui {

BarChart::BarChart(wxWindow* parent, const wxString& name)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetName(name);
    SetMinSize(FromDIP(wxSize(320, 140)));
    Bind(wxEVT_PAINT, &BarChart::onPaint, this);
}

void BarChart::show(std::vector<wxString> labels, std::vector<int> values) {
    labels_ = std::move(labels);
    values_ = std::move(values);
    wxString tip = GetName() + ":";
    for (std::size_t i = 0; i < labels_.size() && i < values_.size(); ++i)
        if (values_[i]) tip << "\n" << labels_[i] << ": " << values_[i];
    SetToolTip(tip);
    Refresh();
}

void BarChart::onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc || labels_.empty()) return;
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour bar = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
    gc->SetFont(GetFont(), text);
    double w = 0, h = 0;
    gc->GetTextExtent("0", &w, &h);
    const wxSize size = GetClientSize();
    const double top = h + FromDIP(2), bottom = size.y - h - FromDIP(4);
    const double slot = static_cast<double>(size.x) / static_cast<double>(labels_.size());
    const int most = std::max(1, *std::max_element(values_.begin(), values_.end()));
    // Labels are thinned out so they never overlap: every n-th one is written.
    double widest = 0;
    for (const auto& l : labels_) {
        double lw = 0;
        gc->GetTextExtent(l, &lw, &h);
        widest = std::max(widest, lw);
    }
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>((widest + FromDIP(4)) / slot) + 1);
    gc->SetPen(wxPen(text));
    gc->StrokeLine(0, bottom, size.x, bottom);
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const int v = i < values_.size() ? values_[i] : 0;
        const double height = (bottom - top) * v / most;
        const double x = slot * static_cast<double>(i) + slot * 0.15;
        if (v > 0) {
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->SetBrush(wxBrush(bar));
            gc->DrawRectangle(x, bottom - height, slot * 0.7, height);
            const wxString count = wxString::Format("%d", v);
            double cw = 0;
            gc->GetTextExtent(count, &cw, &h);
            gc->DrawText(count, x + slot * 0.35 - cw / 2, bottom - height - h);
        }
        if (i % every == 0) {
            double lw = 0;
            gc->GetTextExtent(labels_[i], &lw, &h);
            gc->DrawText(labels_[i], std::max(0.0, x + slot * 0.35 - lw / 2), bottom + FromDIP(2));
        }
    }
}

} // namespace cc::ui
