#include "review/TimelineBar.h"

#include "core/Format.h"

#include <algorithm>
#include <memory>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace cc::ui {

wxColour segmentColour(SegmentKind k) {
    const std::uint32_t rgb = segmentRgb(k);
    return wxColour((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
}

namespace {
wxColour tickColour(TimelineKind k, const wxColour& text) {
    switch (k) {
    case TimelineKind::Prompt: return wxColour(0xc0, 0x5c, 0xd0);
    case TimelineKind::Referral:
    case TimelineKind::Transfer: return wxColour(0x1e, 0xa0, 0xa0);
    case TimelineKind::CheckBack: return wxColour(0xe0, 0x8a, 0x1e);
    case TimelineKind::Masked: return wxColour(0xd0, 0x40, 0x40);
    case TimelineKind::Comment: return wxColour(0xd0, 0x40, 0x40);
    default: return text;
    }
}

Duration niceStep(Duration length) {
    using namespace std::chrono_literals;
    for (Duration step : {10s, 30s, 60s, 120s, 300s, 600s, 900s, 1800s, 3600s})
        if (length / step <= 8) return step;
    return 7200s;
}
} // namespace

TimelineBar::TimelineBar(wxWindow* parent, Picked picked)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE),
      picked_(std::move(picked)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(300, 64)));
    SetName(_("Call timeline"));
    SetToolTip(
        _("The call on its time axis: talk (blue), hold (orange), wrap-up (green). A tick marks each event "
          "or note; a red marker a reviewer's comment. Click, or use Left and Right, to pick a moment."));
    Bind(wxEVT_PAINT, &TimelineBar::onPaint, this);
    Bind(wxEVT_LEFT_DOWN, &TimelineBar::onClick, this);
    Bind(wxEVT_KEY_DOWN, &TimelineBar::onKey, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        Refresh();
        e.Skip();
    });
}

void TimelineBar::show(const ReviewTimeline& timeline) {
    timeline_ = timeline;
    if (selected_ && *selected_ >= timeline_.items.size()) selected_.reset();
    Refresh();
}

void TimelineBar::select(std::size_t i) {
    selected_ = i;
    Refresh();
}

wxRect TimelineBar::barRect() const {
    const wxSize size = GetClientSize();
    const int margin = FromDIP(8);
    return wxRect(margin, FromDIP(18), std::max(1, size.x - 2 * margin), FromDIP(22));
}

double TimelineBar::xOf(Duration offset) const {
    const wxRect r = barRect();
    const double length = static_cast<double>(std::max<long long>(1, timeline_.length.count()));
    return r.x + r.width * std::clamp(static_cast<double>(offset.count()) / length, 0.0, 1.0);
}

void TimelineBar::onPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = GetParent()->GetBackgroundColour();
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxRect bar = barRect();
    gc->SetFont(GetFont(), text);

    for (const auto& b : timeline_.bars) {
        const double x0 = xOf(b.offset), x1 = xOf(b.offset + b.length);
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(segmentColour(b.kind)));
        gc->DrawRectangle(x0, bar.y, std::max(1.0, x1 - x0), bar.height);
    }
    if (timeline_.bars.empty()) {
        gc->SetPen(wxPen(text));
        gc->SetBrush(*wxTRANSPARENT_BRUSH);
        gc->DrawRectangle(bar.x, bar.y, bar.width, bar.height);
    }
    // Ticks above the bar: every line of the timeline at its moment.
    for (const auto& item : timeline_.items) {
        const double x = xOf(item.offset);
        const bool comment = item.kind == TimelineKind::Comment;
        gc->SetPen(wxPen(tickColour(item.kind, text), comment ? FromDIP(3) : FromDIP(1)));
        gc->StrokeLine(x, bar.y - FromDIP(comment ? 10 : 6), x, bar.y - FromDIP(1));
    }
    // The axis below: 0:00 and round times up to the call's length.
    const Duration step = niceStep(timeline_.length);
    gc->SetPen(wxPen(text));
    for (Duration t{0}; t <= timeline_.length; t += step) {
        const double x = xOf(t);
        gc->StrokeLine(x, bar.GetBottom() + FromDIP(1), x, bar.GetBottom() + FromDIP(4));
        const wxString label = wxString::FromUTF8(formatDuration(t));
        double w = 0, h = 0;
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, std::clamp(x - w / 2, 0.0, GetClientSize().x - w), bar.GetBottom() + FromDIP(5));
        if (step.count() <= 0) break;
    }
    if (selected_ && *selected_ < timeline_.items.size()) {
        const double x = xOf(timeline_.items[*selected_].offset);
        gc->SetPen(wxPen(text, FromDIP(2)));
        gc->StrokeLine(x, FromDIP(2), x, bar.GetBottom() + FromDIP(2));
    }
    if (HasFocus()) {
        gc->SetPen(wxPen(text, 1, wxPENSTYLE_DOT));
        gc->SetBrush(*wxTRANSPARENT_BRUSH);
        gc->DrawRectangle(1, 1, GetClientSize().x - 3, GetClientSize().y - 3);
    }
}

void TimelineBar::onClick(wxMouseEvent& e) {
    SetFocus();
    if (timeline_.items.empty()) return;
    std::size_t best = 0;
    double bestDistance = 1e18;
    for (std::size_t i = 0; i < timeline_.items.size(); ++i) {
        const double d = std::abs(xOf(timeline_.items[i].offset) - e.GetX());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    select(best);
    picked_(best);
}

void TimelineBar::onKey(wxKeyEvent& e) {
    if (timeline_.items.empty() || (e.GetKeyCode() != WXK_LEFT && e.GetKeyCode() != WXK_RIGHT)) {
        e.Skip();
        return;
    }
    std::size_t i = selected_.value_or(0);
    if (e.GetKeyCode() == WXK_LEFT && i > 0) --i;
    if (e.GetKeyCode() == WXK_RIGHT && selected_ && i + 1 < timeline_.items.size()) ++i;
    select(i);
    picked_(i);
}

} // namespace cc::ui
