#include "review/ReviewFrame.h"

#include "app/ListColumns.h"
#include "app/WindowPlacement.h"
#include "app/WxUserServices.h"
#include "core/Format.h"
#include "core/Platform.h"
#include "core/WholeFile.h"
#include "data/OutcomeList.h"
#include "review/CallExport.h"
#include "review/CallHistory.h"
#include "review/ReviewStore.h"
#include "review/ReviewWorkspace.h"
#include "review/ScorecardPanel.h"
#include "review/TimelineBar.h"
#include "settings/Settings.h"

#include <algorithm>
#include <fstream>
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/html/htmprint.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/print.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

namespace cc::ui {

namespace {
wxStaticText* swatch(wxWindow* parent, SegmentKind kind, const wxString& label) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString::FromUTF8("\u25A0 ") + label);
    t->SetForegroundColour(segmentColour(kind));
    return t;
}
} // namespace

ReviewFrame::ReviewFrame(wxWindow* parent, ReviewWorkspace& workspace, CallHistory& history,
                         std::int64_t callId, bool archive, const wxString& agent,
                         std::function<void()> saved)
    : wxFrame(parent, wxID_ANY, wxString()), workspace_(workspace), history_(history),
      saved_(std::move(saved)), call_(history.load(callId)), storeId_(history.storeId()) {
    SetName("review");
    const wxString when = wxString::FromUTF8(formatLocalDateTime(call_.startedAt).substr(0, 16));
    const wxString who =
        call_.fields.callerName.empty() ? _("unknown caller") : wxString::FromUTF8(call_.fields.callerName);
    SetTitle(wxString::Format(_("Review: %s, %s"), when, who) + (archive ? " · " + agent : wxString()));

    auto* split =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3D);
    split->SetName(_("Review"));
    auto* left = new wxPanel(split);

    const OutcomeList& outcomes = workspace_.outcomes();
    wxString facts;
    facts << _("Talk") << " "
          << wxString::FromUTF8(formatDuration(totalOf(call_.segments, SegmentKind::Talk))) << " · "
          << _("Hold") << " "
          << wxString::FromUTF8(formatDuration(totalOf(call_.segments, SegmentKind::Hold))) << " · "
          << _("Wrap-up") << " "
          << wxString::FromUTF8(formatDuration(totalOf(call_.segments, SegmentKind::WrapUp))) << "\n"
          << _("Case") << ": " << wxString::FromUTF8(call_.fields.caseNumber) << " · " << _("Callback")
          << ": " << wxString::FromUTF8(call_.fields.callbackNumber) << " · " << _("Outcome") << ": "
          << (call_.fields.outcome.empty() ? _("none set")
                                           : wxString::FromUTF8(outcomes.labelFor(call_.fields.outcome)));
    if (!call_.fields.reason.empty())
        facts << "\n" << _("Reason") << ": " << wxString::FromUTF8(call_.fields.reason);
    wxString flags;
    if (call_.difficult) flags << _("flagged difficult") << "  ";
    if (call_.training) flags << _("practice call") << "  ";
    if (call_.maskedCount)
        flags << wxString::Format(wxPLURAL("%d number masked", "%d numbers masked", call_.maskedCount),
                                  call_.maskedCount)
              << "  ";
    if (call_.missed) flags << _("missed") << "  ";
    if (!call_.finished) flags << _("not finished") << "  ";
    if (!flags.empty()) facts << "\n" << flags.Trim();
    auto* title = new wxStaticText(left, wxID_ANY, when + " · " + who);
    wxFont big = title->GetFont();
    big.MakeBold().MakeLarger();
    title->SetFont(big);
    auto* details = new wxStaticText(left, wxID_ANY, facts);
    details->SetName(_("Call details"));
    auto* readOnly =
        new wxStaticText(left, wxID_ANY, _("Read-only: review never changes the agent's notes."));
    readOnly->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    bar_ = new TimelineBar(left, [this](std::size_t i) {
        items_->Select(static_cast<long>(i));
        items_->Focus(static_cast<long>(i));
        items_->EnsureVisible(static_cast<long>(i));
    });
    auto* legend = new wxBoxSizer(wxHORIZONTAL);
    legend->Add(swatch(left, SegmentKind::Talk, _("Talk")), 0, wxRIGHT, FromDIP(12));
    legend->Add(swatch(left, SegmentKind::Hold, _("Hold")), 0, wxRIGHT, FromDIP(12));
    legend->Add(swatch(left, SegmentKind::WrapUp, _("Wrap-up")), 0, wxRIGHT, FromDIP(12));
    legend->Add(swatch(left, SegmentKind::Ringing, _("Ringing")), 0);

    items_ = new wxListView(left, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    items_->SetName(_("Timeline"));
    items_->SetToolTip(
        _("Everything that happened in the call, in order: notes, script steps, prompts, referrals, "
          "transfers, hold check-backs and your comments"));
    // The times as wide as their text in this font: at a large font "14:00" was cut to "14:…".
    items_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, columnWidthFor(*items_, {_("Time"), "00:00"}));
    items_->AppendColumn(_("Into call"), wxLIST_FORMAT_RIGHT,
                         columnWidthFor(*items_, {_("Into call"), "0:00:00"}));
    items_->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, FromDIP(230));
    items_->AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, FromDIP(330));
    moment_ = new wxTextCtrl(left, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    moment_->SetName(_("The moment selected"));
    moment_->SetToolTip(_("The moment selected in the timeline, in full"));
    moment_->SetMinSize(wxSize(-1, 3 * moment_->GetCharHeight() + FromDIP(12)));
    items_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto i = static_cast<std::size_t>(e.GetIndex());
        bar_->select(i);
        if (i < timeline_.items.size()) {
            const auto& item = timeline_.items[i];
            wxString text = wxString::FromUTF8(formatDuration(item.offset)) + "  " + translated(item.label);
            if (const wxString detail = translated(item.detail); !detail.empty()) text << ": " << detail;
            moment_->ChangeValue(text);
        }
    });

    auto* print = new wxButton(left, wxID_PRINT, _("&Print…"));
    print->SetToolTip(_("Preview and print this call's report with its timeline (Ctrl+P)"));
    auto* html = new wxButton(left, wxID_ANY, _("Save as &HTML…"));
    html->SetToolTip(_("Save this call's report with its timeline as a web page"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(print, 0, wxRIGHT, FromDIP(4));
    buttons->Add(html, 0);

    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(details, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(readOnly, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(bar_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(legend, 0, wxLEFT | wxRIGHT, gap);
    sizer->Add(items_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(moment_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    left->SetSizer(sizer);

    ScorecardPanel::Actions actions{[this]() -> std::optional<Duration> {
                                        const long i = items_->GetFirstSelected();
                                        if (i < 0 || static_cast<std::size_t>(i) >= timeline_.items.size())
                                            return std::nullopt;
                                        return timeline_.items[static_cast<std::size_t>(i)].offset;
                                    },
                                    [this] { showTimeline(); }, [this] { saveReview(); }};
    scorecard_ = new ScorecardPanel(split, workspace_.scorecards(), actions);
    // The timeline beside the scorecard needs the width: beside the companion only on a wide display.
    placeWindow(*this, wxSize(1150, 720), 1000);
    split->SplitVertically(left, scorecard_,
                           -FromDIP(400)); // the scorecard keeps its width; the timeline grows
    split->SetSashGravity(1.0);
    split->SetMinimumPaneSize(FromDIP(200));

    ScoreSheet sheet;
    sheet.reviewer = workspace_.settings().reviewerName();
    // A call from the team server is reviewed under the reviewer's login there, not a typed name.
    const auto login = workspace_.teamLogin(storeId_);
    if (login) {
        sheet.reviewer = *login;
        scorecard_->fixReviewer(wxString::FromUTF8(*login));
    }
    if (ReviewStore* reviews = workspace_.reviews(this); reviews && !sheet.reviewer.empty()) {
        try {
            if (auto saved = reviews->load(storeId_, call_.id, sheet.reviewer)) sheet = *saved;
        } catch (const std::exception& e) {
            scorecard_->saved(wxString::Format(_("Your earlier review could not be read: %s"),
                                               wxString::FromUTF8(e.what())));
        }
    }
    if (sheet.scorecardId.empty() && scorecard_->card()) sheet.scorecardId = scorecard_->card()->id;
    scorecard_->load(sheet);
    showTimeline();

    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->print(); });
    html->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveHtml(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'S') return saveReview();
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'P') return this->print();
        if (e.GetModifiers() == wxMOD_ALT && e.GetKeyCode() == 'R') return scorecard_->focusReviewer();
        if (e.GetModifiers() == wxMOD_ALT && e.GetKeyCode() == 'U') return scorecard_->focusSummary();
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'M') return scorecard_->pinComment();
        if (e.GetModifiers() == wxMOD_ALT && e.GetKeyCode() == 'T') return items_->SetFocus();
        if ((e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'W') ||
            (e.GetModifiers() == wxMOD_NONE && e.GetKeyCode() == WXK_ESCAPE)) {
            Close();
            return;
        }
        e.Skip();
    });
    CreateStatusBar(1);
    items_->SetFocus();
    if (items_->GetItemCount() > 0) items_->Select(0);
    savedSheet_ = scorecard_->sheet();
    Bind(wxEVT_CLOSE_WINDOW, &ReviewFrame::onClose, this);
}

void ReviewFrame::onClose(wxCloseEvent& e) {
    if (!e.CanVeto() || scorecard_->sheet() == savedSheet_) {
        e.Skip();
        return;
    }
    wxMessageDialog ask(this, _("This review has scores or comments that are not saved."),
                        _("Unsaved review"), wxYES_NO | wxCANCEL | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("&Save"), _("&Discard"), _("&Keep reviewing"));
    const int answer = ask.ShowModal();
    if (answer == wxID_CANCEL) {
        e.Veto();
        return;
    }
    if (answer == wxID_YES) {
        saveReview();
        if (scorecard_->sheet() != savedSheet_) { // not saved (no reviewer name, a locked file): stay
            e.Veto();
            return;
        }
    }
    e.Skip();
}

void ReviewFrame::showTimeline() {
    // The reviewer keeps their place when a comment is pinned or removed: the same moment stays
    // selected and in sight, though rows before it came or went.
    const long selected = items_->GetFirstSelected();
    std::optional<TimelineItem> was;
    if (selected >= 0 && static_cast<std::size_t>(selected) < timeline_.items.size())
        was = timeline_.items[static_cast<std::size_t>(selected)];
    timeline_ = buildTimeline(call_, scorecard_->sheet().comments);
    bar_->show(timeline_);
    items_->Freeze();
    items_->DeleteAllItems();
    for (std::size_t i = 0; i < timeline_.items.size(); ++i) {
        const auto& item = timeline_.items[i];
        const long row =
            items_->InsertItem(static_cast<long>(i), wxString::FromUTF8(formatTimeOfDay(item.at)));
        items_->SetItem(row, 1, wxString::FromUTF8(formatDuration(item.offset)));
        items_->SetItem(row, 2, translated(item.label));
        items_->SetItem(row, 3, translated(item.detail));
        if (item.kind == TimelineKind::Note) {
            wxFont bold = items_->GetFont();
            bold.MakeBold();
            items_->SetItemFont(row, bold);
        }
        if (item.kind == TimelineKind::Comment) items_->SetItemTextColour(row, wxColour(0xd0, 0x40, 0x40));
    }
    items_->Thaw();
    long row = selected;
    if (was) {
        const auto same =
            std::find_if(timeline_.items.begin(), timeline_.items.end(), [&](const TimelineItem& t) {
                return t.offset == was->offset && t.kind == was->kind && t.detail == was->detail;
            });
        if (same != timeline_.items.end()) row = static_cast<long>(same - timeline_.items.begin());
    }
    if (row >= 0 && row < items_->GetItemCount()) {
        items_->Select(row);
        items_->Focus(row);
        items_->EnsureVisible(row);
    }
}

void ReviewFrame::saveReview() {
    const ScoreSheet sheet = scorecard_->sheet();
    if (sheet.reviewer.empty()) {
        scorecard_->saved(_("Type your name as the reviewer first."));
        return;
    }
    if (sheet.scorecardId.empty()) {
        scorecard_->saved(_("There is no scorecard to save."));
        return;
    }
    ReviewStore* reviews = workspace_.reviews(this);
    if (!reviews) return;
    try {
        const bool share = workspace_.teamLogin(storeId_).has_value();
        reviews->save(storeId_, call_.id, sheet, scorecard_->result(), std::chrono::system_clock::now(),
                      share);
        savedSheet_ = sheet;
        if (!share) {
            workspace_.settings().setReviewerName(sheet.reviewer);
            workspace_.settings().flush();
        }
        const wxString at = wxString::FromUTF8(formatTimeOfDay(std::chrono::system_clock::now()));
        scorecard_->saved(share ? wxString::Format(_("Saved at %s; it goes to the team server"), at)
                                : wxString::Format(_("Saved at %s"), at));
        if (share) workspace_.reviewShared();
        if (saved_) saved_();
    } catch (const std::exception& e) {
        scorecard_->saved(wxString::Format(_("Not saved: %s"), wxString::FromUTF8(e.what())));
    }
}

std::string ReviewFrame::reportHtml() {
    const OutcomeList& outcomes = workspace_.outcomes();
    ExportContext context{{}, {}, std::chrono::system_clock::now(), [&outcomes](std::string_view id) {
                              return outcomes.labelFor(id);
                          }};
    context.translate = catalogTranslate();
    context.language = catalogLanguageTag();
    CallExporter exporter(history_, context);
    const ScoreSheet sheet = scorecard_->sheet();
    std::string body = exporter.htmlOf(call_, sheet.comments);
    if (const Scorecard* card = scorecard_->card(); card && !sheet.reviewer.empty())
        body += scorecardHtml(*card, sheet, scorecard_->result(), context.translate);
    return htmlPage(_("Call Companion: call review").utf8_string(), context.language, body);
}

namespace {
/// The review's printing: the preview first, beside the review and not modal. Modal, it left the review
/// window taking no keys once it closed. (The preview keeps its own copy of the print settings.)
class ReportPrinting : public wxHtmlEasyPrinting {
public:
    using wxHtmlEasyPrinting::wxHtmlEasyPrinting;

protected:
    bool DoPreview(wxHtmlPrintout* printout1, wxHtmlPrintout* printout2) override {
        auto* preview = new wxPrintPreview(printout1, printout2, GetPrintData());
        if (!preview->IsOk()) {
            delete preview;
            return false;
        }
        auto* frame = new wxPreviewFrame(preview, GetParentWindow(),
                                         wxString::Format(_("%s: print preview"), GetName()),
                                         wxDefaultPosition, GetParentWindow()->FromDIP(wxSize(650, 500)));
        frame->InitializeWithModality(wxPreviewFrame_NonModal);
        frame->Show();
        return true;
    }
};
} // namespace

void ReviewFrame::print() {
    ReportPrinting printing(_("Call review"), this);
    printing.SetFooter(_("Call Companion · page @PAGENUM@ of @PAGESCNT@"));
    // The preview first: the reviewer sees the pages and prints from there.
    printing.PreviewText(wxString::FromUTF8(reportHtml()));
}

void ReviewFrame::saveHtml() {
    // The report as printed: the call, its timeline and pinned comments, and the scorecard with the
    // summary. Proposed in the documents folder, named after the call's date and time.
    std::string stamp = formatLocalDateTime(call_.startedAt).substr(0, 16); // "2026-11-26 14:33"
    std::replace(stamp.begin(), stamp.end(), ' ', '-');
    std::erase(stamp, ':');
    wxFileDialog dialog(
        this, _("Save the call's report"), wxStandardPaths::Get().GetDocumentsDir(),
        // TRANSLATORS: the proposed file name of a saved review; %s is the call's date and time.
        wxString::Format(_("call-review-%s.html"), wxString::FromUTF8(stamp)), _("Web page (*.html)|*.html"),
        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        const std::string html = reportHtml();
        writeFileWhole(pathFromUtf8(dialog.GetPath().utf8_string()),
                       [&html](std::ostream& out) { out << html; });
        SetStatusText(wxString::Format(_("Saved %s"), dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(wxString::FromUTF8(e.what()), _("Save the call's report"), wxOK | wxICON_ERROR, this);
    }
}

} // namespace cc::ui
