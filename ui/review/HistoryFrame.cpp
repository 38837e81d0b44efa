#include "review/HistoryFrame.h"

#include "app/BackgroundJob.h"
#include "app/ListColumns.h"
#include "app/WindowPlacement.h"
#include "app/WxUserServices.h"
#include "core/Format.h"
#include "core/Platform.h"
#include "data/OutcomeList.h"
#include "review/CallExport.h"
#include "review/ReviewFrame.h"
#include "review/ReviewStore.h"
#include "review/ReviewWorkspace.h"
#include "settings/Settings.h"
#include "store/Database.h"

#include <algorithm>
#include <map>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace cc::ui {

namespace {
struct FlagChoice {
    unsigned flag;
    const char* label;
};
const FlagChoice kFlags[] = {
    {0, wxTRANSLATE("Any flag")},
    {FlagDifficult, wxTRANSLATE("Difficult")},
    {FlagReferral, wxTRANSLATE("Referral given")},
    {FlagMasked, wxTRANSLATE("Card number masked")},
    // TRANSLATORS: a practice call made in training mode.
    {FlagTraining, wxTRANSLATE("Practice")},
    {FlagMissed, wxTRANSLATE("Missed")},
};

WallTime toWall(const wxDateTime& d) {
    return std::chrono::system_clock::from_time_t(d.GetTicks());
}
} // namespace

/// The call list: a virtual list that holds only the matching ids and reads rows a page at a time,
/// so 100,000 calls cost no more to show than 100.
class HistoryList : public wxListView {
public:
    /// `reviews` may be null (reviews.db could not be opened): the Review column stays empty.
    HistoryList(wxWindow* parent, CallHistory& history, const OutcomeList& outcomes, ReviewStore* reviews)
        : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
          history_(history), outcomes_(outcomes), reviews_(reviews) {
        try {
            storeId_ = history_.storeId();
        } catch (const std::exception&) {
        }
        SetName(_("Calls"));
        SetToolTip(
            _("The calls that match the filters, newest first. Enter or a double-click opens the review."));
        // Widths from the text they hold in this font, so a larger font widens them instead of cutting
        // "2026-11-27 08:10" to "2026-11-…": times by their widest form, names by a typical length.
        const int pad = FromDIP(16), letter = GetTextExtent("abcdefghijklmnopqrstuvwxyz").x / 26;
        // The columns a reviewer picks a call by come first (when, how long, who, how it ended, its
        // flags): in a window beside the companion the talk, hold and wrap-up split is a scroll away.
        struct Column {
            wxString heading;
            wxListColumnFormat align;
            int width;
        };
        const Column columns[kColumns] = {
            {_("Started"), wxLIST_FORMAT_LEFT, columnWidthFor(*this, {_("Started"), "2026-11-27 08:10"})},
            // TRANSLATORS: handle time, the length of a call: talk + hold + wrap-up.
            {_("Length"), wxLIST_FORMAT_RIGHT, columnWidthFor(*this, {_("Length"), "0:00:00", _("missed")})},
            {_("Talk"), wxLIST_FORMAT_RIGHT, columnWidthFor(*this, {_("Talk"), "0:00:00"})},
            {_("Hold"), wxLIST_FORMAT_RIGHT, columnWidthFor(*this, {_("Hold"), "0:00:00"})},
            {_("Wrap-up"), wxLIST_FORMAT_RIGHT, columnWidthFor(*this, {_("Wrap-up"), "0:00:00"})},
            {_("Caller"), wxLIST_FORMAT_LEFT, 18 * letter + pad},
            {_("Case"), wxLIST_FORMAT_LEFT, 11 * letter + pad},
            {_("Outcome"), wxLIST_FORMAT_LEFT, 20 * letter + pad},
            {_("Flags"), wxLIST_FORMAT_LEFT, 22 * letter + pad},
            // TRANSLATORS: the column with the QA reviews of a call: score and reviewer.
            {_("Review"), wxLIST_FORMAT_LEFT, 20 * letter + pad},
        };
        for (const int c : kShown)
            AppendColumn(columns[c].heading, columns[c].align, columns[c].width);
    }

    void show(std::vector<std::int64_t> ids) {
        ids_ = std::move(ids);
        cache_.clear();
        SetItemCount(static_cast<long>(ids_.size()));
        Refresh();
    }
    std::int64_t idAt(long row) const {
        return row >= 0 && static_cast<std::size_t>(row) < ids_.size() ? ids_[static_cast<std::size_t>(row)]
                                                                       : 0;
    }
    const std::vector<std::int64_t>& ids() const { return ids_; }

private:
    static constexpr std::size_t kPage = 100;
    // The columns' own numbers (as OnGetItemText knows them), in the order shown.
    static constexpr int kColumns = 10;
    static constexpr int kShown[kColumns] = {0, 1, 5, 7, 8, 6, 2, 3, 4, 9};

    const CallSummary* row(long item) const {
        const auto index = static_cast<std::size_t>(item);
        if (index >= ids_.size()) return nullptr;
        const std::size_t page = index / kPage;
        auto it = cache_.find(page);
        if (it == cache_.end()) {
            if (cache_.size() > 50) cache_.clear(); // a long scroll keeps memory flat
            const auto first = page * kPage;
            std::vector<CallSummary> rows;
            try {
                rows = history_.rows(std::span(ids_).subspan(first, std::min(kPage, ids_.size() - first)));
            } catch (const std::exception&) {
                // The database went away under us: show the row empty rather than fail the paint.
            }
            it = cache_.emplace(page, std::move(rows)).first;
        }
        const std::size_t offset = index % kPage;
        return offset < it->second.size() ? &it->second[offset] : nullptr;
    }

    wxString OnGetItemText(long item, long shownColumn) const override {
        const CallSummary* c = row(item);
        if (!c || shownColumn < 0 || shownColumn >= kColumns) return wxString();
        switch (kShown[shownColumn]) {
        case 0: return wxString::FromUTF8(formatLocalDateTime(c->startedAt).substr(0, 16));
        case 1:
            return c->missed ? wxString(_("missed")) : wxString::FromUTF8(formatDuration(c->handleTime()));
        case 2: return wxString::FromUTF8(formatDuration(c->talk));
        case 3: return wxString::FromUTF8(formatDuration(c->hold));
        case 4: return wxString::FromUTF8(formatDuration(c->wrapUp));
        case 5: return wxString::FromUTF8(c->callerName);
        case 6: return wxString::FromUTF8(c->caseNumber);
        case 7: return c->outcome.empty() ? wxString() : wxString::FromUTF8(outcomes_.labelFor(c->outcome));
        case 8: {
            wxString flags;
            auto add = [&flags](bool on, const wxString& word) {
                if (on) flags << (flags.empty() ? "" : ", ") << word;
            };
            add(c->difficult, _("difficult"));
            // TRANSLATORS: a practice call made in training mode.
            add(c->training, _("practice"));
            add(c->referrals > 0, _("referral given"));
            add(c->maskedCount > 0, _("card number masked"));
            add(!c->finished, _("in progress"));
            return flags;
        }
        case 9: return reviewText(c->id);
        default: return wxString();
        }
    }

    wxString reviewText(std::int64_t id) const {
        if (!reviews_) return wxString();
        std::vector<ReviewSummary> list;
        try {
            list = reviews_->reviewsOf(storeId_, id);
        } catch (const std::exception&) {
            return wxString();
        }
        wxString text;
        for (const auto& r : list) {
            if (!text.empty()) text << "; ";
            if (r.finalPercent == 0 && r.percent && *r.percent > 0)
                text << _("critical fail");
            else if (r.percent)
                text << wxString::Format("%.0f%%", *r.percent);
            text << " " << wxString::FromUTF8(r.reviewer);
        }
        return text;
    }

    CallHistory& history_;
    const OutcomeList& outcomes_;
    ReviewStore* reviews_;
    std::string storeId_;
    std::vector<std::int64_t> ids_;
    mutable std::map<std::size_t, std::vector<CallSummary>> cache_;
};

HistoryFrame::HistoryFrame(wxWindow* parent, ReviewWorkspace& workspace, std::unique_ptr<Database> db,
                           std::filesystem::path path, Source source, const wxString& agent)
    : wxFrame(parent, wxID_ANY, wxString()), workspace_(workspace), db_(std::move(db)), history_(*db_),
      path_(std::move(path)), source_(source), agent_(agent), searchDelay_(this) {
    SetName("history");
    SetTitle(source == Source::Own ? _("Call history")
                                   : wxString::Format(_("Call history: %s (archive, read-only)"), agent_));
    auto* root = new wxPanel(this);

    from_ = new wxDatePickerCtrl(root, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                 wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
    from_->SetValue(wxInvalidDateTime);
    from_->SetName(_("From date"));
    from_->SetToolTip(_("Calls that started on or after this day (empty: from the first call)"));
    to_ = new wxDatePickerCtrl(root, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                               wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
    to_->SetValue(wxInvalidDateTime);
    to_->SetName(_("To date"));
    to_->SetToolTip(_("Calls that started on or before this day (empty: up to now)"));

    outcome_ = new wxChoice(root, wxID_ANY);
    outcome_->SetName(_("Outcome"));
    outcome_->SetToolTip(_("Only calls with this outcome"));
    outcome_->Append(_("Any outcome"));
    for (const auto& o : workspace_.outcomes().outcomes()) {
        outcomeIds_.push_back(o.id);
        outcome_->Append(wxString::FromUTF8(o.label));
    }
    try {
        for (const auto& id :
             history_.outcomesUsed()) // outcomes since removed from the list, or from elsewhere
            if (std::find(outcomeIds_.begin(), outcomeIds_.end(), id) == outcomeIds_.end()) {
                outcomeIds_.push_back(id);
                outcome_->Append(wxString::FromUTF8(id));
            }
    } catch (const std::exception&) {
    }
    outcome_->SetSelection(0);

    flag_ = new wxChoice(root, wxID_ANY);
    flag_->SetName(_("Flag"));
    flag_->SetToolTip(_("Only calls with this flag"));
    for (const auto& f : kFlags)
        flag_->Append(wxGetTranslation(f.label));
    flag_->SetSelection(0);

    search_ = new wxSearchCtrl(root, wxID_ANY, wxString(), wxDefaultPosition,
                               wxSize(root->GetTextExtent(_("Search the notes")).x + FromDIP(80), -1));
    search_->SetDescriptiveText(_("Search the notes"));
    search_->SetName(_("Search the notes"));
    search_->SetToolTip(_("Words that must all be in the call's notes (Ctrl+F)"));
    search_->ShowCancelButton(true);

    list_ = new HistoryList(root, history_, workspace_.outcomes(), workspace_.reviews(this));
    count_ = new wxStaticText(root, wxID_ANY, wxString());

    auto* review = new wxButton(root, wxID_ANY, _("&Review call"));
    review->SetToolTip(_("Open the selected call's timeline and scorecard, read-only (Enter)"));
    auto* exportButton = new wxButton(root, wxID_ANY, _("&Export…"));
    exportButton->SetToolTip(
        _("Export the calls listed, or the selected call, as CSV, JSON, an HTML report or an "
          "archive (Ctrl+E)"));

    // The filters wrap onto a second line when the window is narrow or the font large: the search box
    // is never cut.
    auto* filters = new wxWrapSizer(wxHORIZONTAL);
    auto label = [root](const wxString& text) { return new wxStaticText(root, wxID_ANY, text); };
    const auto gap = FromDIP(4);
    auto labelled = [&](const wxString& text, wxWindow* control) {
        auto* pair = new wxBoxSizer(wxHORIZONTAL);
        pair->Add(label(text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
        pair->Add(control, 0);
        filters->Add(pair, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    };
    labelled(_("From"), from_);
    labelled(_("To"), to_);
    filters->Add(outcome_, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    filters->Add(flag_, 0, wxRIGHT | wxBOTTOM, FromDIP(8));
    filters->Add(search_, 1, wxBOTTOM, FromDIP(8));
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(count_, 1, wxALIGN_CENTER_VERTICAL);
    bottom->Add(exportButton, 0, wxRIGHT, gap);
    bottom->Add(review, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(bottom, 0, wxEXPAND | wxALL, FromDIP(8));
    root->SetSizer(sizer);
    CreateStatusBar(1);
    placeWindow(*this, wxSize(1140, 600));

    auto changed = [this](wxEvent&) { refresh(); };
    from_->Bind(wxEVT_DATE_CHANGED, changed);
    to_->Bind(wxEVT_DATE_CHANGED, changed);
    outcome_->Bind(wxEVT_CHOICE, changed);
    flag_->Bind(wxEVT_CHOICE, changed);
    // Search as the reviewer types, a moment after the last key.
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { searchDelay_.StartOnce(150); });
    // Enter in the search box opens the call found (the one selected, else the first).
    search_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) {
        searchDelay_.Stop();
        refresh();
        if (list_->GetItemCount() == 0) return;
        if (list_->GetFirstSelected() < 0) list_->Select(0);
        openSelected();
    });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        refresh();
    });
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { refresh(); }, searchDelay_.GetId());
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { openSelected(); });
    review->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSelected(); });
    exportButton->Bind(wxEVT_BUTTON, [this, exportButton](wxCommandEvent&) {
        wxMenu menu;
        menu.Append(1, _("The calls listed…"));
        menu.Append(2, _("The selected call…"));
        menu.Enable(2, list_->GetFirstSelected() >= 0);
        const int picked = exportButton->GetPopupMenuSelectionFromUser(menu);
        if (picked == 1 || picked == 2) exportCalls(picked == 2);
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'F') return search_->SetFocus();
        // Down from the search box goes into the calls found, at the first one.
        if (e.GetKeyCode() == WXK_DOWN && e.GetModifiers() == wxMOD_NONE && search_->HasFocus() &&
            list_->GetItemCount() > 0) {
            const long row = std::max(0L, list_->GetFirstSelected());
            list_->Select(row);
            list_->Focus(row);
            list_->SetFocus();
            return;
        }
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'E') return exportCalls(false);
        if (e.GetModifiers() == wxMOD_CONTROL && e.GetKeyCode() == 'W') {
            Close();
            return;
        }
        if (e.GetKeyCode() == WXK_ESCAPE && e.GetModifiers() == wxMOD_NONE) {
            Close();
            return;
        }
        e.Skip();
    });
    // Calls finished since the list was drawn appear when the reviewer comes back to the window.
    if (source_ == Source::Own)
        Bind(wxEVT_ACTIVATE, [this](wxActivateEvent& e) {
            if (e.GetActive()) refresh();
            e.Skip();
        });
    refresh();
    list_->SetFocus();
}

HistoryFrame::~HistoryFrame() = default;

HistoryFilter HistoryFrame::currentFilter() const {
    HistoryFilter f;
    if (from_->GetValue().IsValid()) f.from = toWall(from_->GetValue().GetDateOnly());
    if (to_->GetValue().IsValid()) f.to = toWall(to_->GetValue().GetDateOnly().Add(wxDateSpan::Day()));
    const int outcome = outcome_->GetSelection();
    if (outcome > 0) f.outcome = outcomeIds_[static_cast<std::size_t>(outcome - 1)];
    const int flag = flag_->GetSelection();
    if (flag > 0) f.flags = kFlags[flag].flag;
    f.text = search_->GetValue().utf8_string();
    return f;
}

void HistoryFrame::refresh() {
    const std::int64_t selected = list_->idAt(list_->GetFirstSelected());
    std::vector<std::int64_t> ids;
    try {
        ids = history_.find(currentFilter());
    } catch (const std::exception& e) {
        count_->SetLabel(wxString::Format(_("The calls cannot be read: %s"), wxString::FromUTF8(e.what())));
        list_->show({});
        return;
    }
    const auto n = static_cast<int>(ids.size());
    list_->show(std::move(ids));
    count_->SetLabel(wxString::Format(wxPLURAL("%d call", "%d calls", n), n));
    const auto& shown = list_->ids();
    const auto it = std::find(shown.begin(), shown.end(), selected);
    const long row = it == shown.end() ? (shown.empty() ? -1 : 0) : static_cast<long>(it - shown.begin());
    if (row >= 0) {
        list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(row);
    }
}

void HistoryFrame::openCall(std::int64_t id) {
    const auto& ids = list_->ids();
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) return;
    const long row = static_cast<long>(it - ids.begin());
    list_->Select(row);
    list_->Focus(row);
    openSelected();
}

void HistoryFrame::openSelected() {
    const std::int64_t id = list_->idAt(list_->GetFirstSelected());
    if (!id) return;
    // One review window a call: a second one, saved later from what it read before, would overwrite the
    // first one's saved work.
    for (wxWindow* child : GetChildren())
        if (auto* open = dynamic_cast<ReviewFrame*>(child);
            open && open->callId() == id && !open->IsBeingDeleted()) {
            if (open->IsIconized()) open->Iconize(false);
            open->Raise();
            open->SetFocus();
            return;
        }
    try {
        auto* frame = new ReviewFrame(this, workspace_, history_, id, source_ == Source::Archive, agent_,
                                      [this] { list_->Refresh(); }); // the Review column shows it
        frame->Show();
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("This call cannot be read: %s"), wxString::FromUTF8(e.what())),
                     _("Call review"), wxOK | wxICON_ERROR, this);
    }
}

void HistoryFrame::exportCalls(bool selectedOnly) {
    std::vector<std::int64_t> ids;
    if (selectedOnly) {
        if (const auto id = list_->idAt(list_->GetFirstSelected())) ids.push_back(id);
    } else {
        ids = list_->ids();
    }
    if (ids.empty()) {
        wxMessageBox(_("There are no calls to export with these filters."), _("Export calls"),
                     wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxFileDialog dialog(
        this,
        wxString::Format(wxPLURAL("Export %d call", "Export %d calls", static_cast<int>(ids.size())),
                         static_cast<int>(ids.size())),
        wxString(), "calls",
        _("HTML report (*.html)|*.html|CSV for a spreadsheet (*.csv)|*.csv|JSON (*.json)|*.json|"
          "Call archive for another reviewer (*.ccarchive)|*.ccarchive"),
        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    constexpr ExportFormat kFormats[] = {ExportFormat::Html, ExportFormat::Csv, ExportFormat::Json,
                                         ExportFormat::Archive};
    constexpr const char* kExtensions[] = {".html", ".csv", ".json", ".ccarchive"};
    const int index = std::clamp(dialog.GetFilterIndex(), 0, 3);
    std::filesystem::path out(dialog.GetPath().utf8_string());
    if (out.extension().empty()) out += kExtensions[index];

    const HistoryFilter f = currentFilter();
    std::string range;
    if (f.from || f.to)
        range =
            (f.from ? formatLocalDateTime(*f.from).substr(0, 10) : std::string("…")) + " – " +
            (to_->GetValue().IsValid() ? to_->GetValue().FormatISODate().utf8_string() : std::string("…"));
    const std::string agent =
        source_ == Source::Own ? workspace_.settings().agentName() : agent_.utf8_string();
    const OutcomeList& outcomes = workspace_.outcomes();
    ExportContext context{agent, range, std::chrono::system_clock::now(),
                          [&outcomes](std::string_view id) { return outcomes.labelFor(id); }};
    // The report speaks the window's language (catalog lookups only read what was loaded at start-up,
    // so the worker may make them).
    context.translate = catalogTranslate();
    context.language = catalogLanguageTag();
    // The HTML report carries each call's reviews, as the command line's export does. The export reads
    // through its own connections, off the UI thread; Cancel leaves a file of that name as it was.
    const bool withReviews = workspace_.reviews(this) != nullptr;
    if (withReviews) context.scorecards = &workspace_.scorecards();
    const auto outcome = runWithProgress<bool>(
        this, _("Export calls"), _("Writing the calls…"), [&](const Progress& progress) {
            Database calls(path_, true);
            CallHistory history(calls);
            std::unique_ptr<Database> reviewsDb;
            std::unique_ptr<ReviewStore> reviews;
            ExportContext ctx = context;
            if (withReviews) {
                reviewsDb = std::make_unique<Database>(workspace_.reviewsPath(), true);
                reviews = std::make_unique<ReviewStore>(*reviewsDb);
                ctx.reviewsOf = [&reviews, storeId = history.storeId()](std::int64_t id) {
                    return reviews->sheetsOf(storeId, id);
                };
            }
            cc::exportCalls(history, path_, ids, kFormats[index], ctx, out, progress);
            return true;
        });
    if (outcome.result)
        SetStatusText(wxString::Format(_("Exported to %s"), wxString::FromUTF8(pathUtf8(out))));
    else if (outcome.cancelled)
        SetStatusText(_("Export cancelled; no file was written"));
    else
        wxMessageBox(wxString::FromUTF8(outcome.failure), _("Export calls"), wxOK | wxICON_ERROR, this);
}

} // namespace cc::ui
