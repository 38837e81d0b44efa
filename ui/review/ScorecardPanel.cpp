#include "review/ScorecardPanel.h"

#include "app/ScrollIntoView.h"
#include "core/Format.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

namespace cc::ui {

namespace {
constexpr int kNotScored = 0, kNotApplicable = 1; // the first two entries of a criterion's choice
}

ScorecardPanel::ScorecardPanel(wxWindow* parent, const ScorecardLibrary& cards, Actions actions)
    : wxPanel(parent, wxID_ANY), cards_(cards), actions_(std::move(actions)) {
    SetName(_("Scorecard"));
    cardChoice_ = new wxChoice(this, wxID_ANY);
    cardChoice_->SetName(_("Scorecard"));
    cardChoice_->SetToolTip(_("The QA form to score this call with (data/scorecards)"));
    for (const auto& c : cards_.cards)
        cardChoice_->Append(wxString::FromUTF8(c.name));
    reviewer_ = new wxTextCtrl(this, wxID_ANY);
    reviewer_->SetName(_("Reviewer"));
    reviewer_->SetToolTip(_("Your name, saved with your scores (Alt+R; Tab goes on to the scores)"));
    reviewer_->SetHint(_("Your name"));

    form_ =
        new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL);
    form_->SetScrollRate(0, FromDIP(10));
    form_->SetName(_("Criteria"));

    result_ = new wxStaticText(this, wxID_ANY, wxString());
    result_->SetName(_("Result"));
    wxFont bold = result_->GetFont();
    bold.MakeBold();
    result_->SetFont(bold);
    summary_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 60)),
                              wxTE_MULTILINE);
    summary_->SetName(_("Summary"));
    summary_->SetToolTip(_("Your overall comment on the call, for the agent and their coach (Alt+U)"));
    // No hint: GTK drew a saved summary in the hint's grey, as if nothing had been written.
    comments_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 70)));
    comments_->SetName(_("Comments pinned to moments"));
    comments_->SetToolTip(_("Your comments, each at a moment of the call; they show in the timeline too"));
    auto* pin = new wxButton(this, wxID_ANY, _("&Pin a comment…"));
    pin->SetToolTip(_("Add a comment at the moment selected in the timeline (Ctrl+M)"));
    auto* unpin = new wxButton(this, wxID_ANY, _("Remo&ve"));
    unpin->SetToolTip(_("Remove the selected comment"));
    auto* save = new wxButton(this, wxID_SAVE, _("&Save review"));
    save->SetToolTip(
        _("Save your scores and comments in your own reviews file; the call itself is never changed "
          "(Ctrl+S)"));
    status_ = new wxStaticText(this, wxID_ANY, wxString());

    auto* head = new wxFlexGridSizer(2, FromDIP(4), FromDIP(6));
    head->AddGrowableCol(1);
    head->Add(new wxStaticText(this, wxID_ANY, _("Scorecard")), 0, wxALIGN_CENTER_VERTICAL);
    head->Add(cardChoice_, 1, wxEXPAND);
    head->Add(new wxStaticText(this, wxID_ANY, _("Reviewer")), 0, wxALIGN_CENTER_VERTICAL);
    head->Add(reviewer_, 1, wxEXPAND);
    auto* pinRow = new wxBoxSizer(wxHORIZONTAL);
    pinRow->Add(pin, 0, wxRIGHT, FromDIP(4));
    pinRow->Add(unpin, 0);
    auto* saveRow = new wxBoxSizer(wxHORIZONTAL);
    saveRow->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
    saveRow->Add(save, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);
    sizer->Add(head, 0, wxEXPAND | wxALL, gap);
    sizer->Add(form_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(result_, 0, wxEXPAND | wxALL, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Summary")), 0, wxLEFT | wxRIGHT, gap);
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Comments pinned to moments")), 0, wxLEFT | wxRIGHT | wxTOP,
               gap);
    sizer->Add(comments_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(pinRow, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(saveRow, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    // Tab onto a criterion below the fold scrolls it into sight. GTK's combo boxes keep the focus in
    // a button wx does not report as the focus, so the control coming next in the form is worked out
    // from the one the Tab left (see the criteria's own key handler); the reviewer's name comes first.
    reviewer_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        e.Skip();
        if (e.GetKeyCode() == WXK_TAB && !e.ShiftDown() && !scores_.empty())
            CallAfter([this] { showInForm(scores_.front()); });
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { update(); }); // the result line wraps to the new width
    });

    cardChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        build(card());
        update();
    });
    pin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { pinComment(); });
    unpin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = comments_->GetSelection();
        if (i == wxNOT_FOUND) return;
        pinned_.erase(pinned_.begin() + i);
        showComments();
        actions_.commentsChanged();
    });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.save(); });
    if (!cards_.cards.empty()) cardChoice_->SetSelection(0);
    build(card());
    update();
}

const Scorecard* ScorecardPanel::card() const {
    const int i = cardChoice_->GetSelection();
    return i == wxNOT_FOUND ? nullptr : &cards_.cards[static_cast<std::size_t>(i)];
}

wxWindow* ScorecardPanel::nextInForm(wxWindow* from, bool forward) const {
    std::vector<wxWindow*> order(scores_.begin(), scores_.end());
    order.insert(order.end(), critical_.begin(), critical_.end());
    const auto at = std::find(order.begin(), order.end(), from);
    if (at == order.end()) return nullptr;
    if (forward) return at + 1 == order.end() ? nullptr : *(at + 1);
    return at == order.begin() ? nullptr : *(at - 1);
}

void ScorecardPanel::showInForm(wxWindow* focus) {
    if (!focus) return;
    wxRect row = focus->GetRect(); // in the form's visible area
    // A criterion's title and guide sit beside its box, and may reach higher and lower.
    for (std::size_t i = 0; i < scores_.size(); ++i)
        if (scores_[i] == focus && grid_->GetItemCount() > 2 * i) row.Union(grid_->GetItem(2 * i)->GetRect());
    // A critical item's title wraps beside its box, in the same row: the whole row comes into sight.
    if (std::find(critical_.begin(), critical_.end(), focus) != critical_.end())
        if (wxSizer* line = focus->GetContainingSizer(); line && line->GetItemCount() > 1)
            if (const wxWindow* title = line->GetItem(1)->GetWindow()) row.Union(title->GetRect());
    scrollIntoView(*form_, row, FromDIP(4));
}

void ScorecardPanel::build(const Scorecard* c) {
    form_->Freeze();
    form_->DestroyChildren();
    scores_.clear();
    critical_.clear();
    auto* column = new wxBoxSizer(wxVERTICAL);
    grid_ = new wxFlexGridSizer(2, FromDIP(4), FromDIP(8));
    grid_->AddGrowableCol(0);
    column->Add(grid_, 0, wxEXPAND);
    const int wrapAt = FromDIP(330);
    if (!c) {
        grid_->Add(new wxStaticText(form_, wxID_ANY, _("No scorecard is installed (data/scorecards).")));
    } else {
        for (const auto& criterion : c->criteria) {
            auto* label = new wxStaticText(
                form_, wxID_ANY,
                wxString::Format("%s (×%g)", wxString::FromUTF8(criterion.title), criterion.weight));
            label->Wrap(wrapAt - FromDIP(100));
            label->SetToolTip(wxString::FromUTF8(criterion.guide));
            auto* choice = new wxChoice(form_, wxID_ANY);
            // TRANSLATORS: a criterion not scored yet.
            choice->Append(_("–"));
            // TRANSLATORS: not applicable to this call: left out of the score.
            choice->Append(_("N/A"));
            for (int s = 0; s <= criterion.scale; ++s)
                choice->Append(wxString::Format("%d / %d", s, criterion.scale));
            choice->SetSelection(kNotScored);
            choice->SetName(wxString::FromUTF8(criterion.title));
            // TRANSLATORS: after a criterion's guide in its tooltip; %d is the top of its scale.
            choice->SetToolTip(
                wxString::FromUTF8(criterion.guide.empty() ? criterion.title : criterion.guide) + "\n" +
                wxString::Format(_("Type 0 to %d to score, N for not applicable"), criterion.scale));
            choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update(); });
            // A digit scores the criterion at once ("4" for 4 / 5), N marks it not applicable, a
            // minus unscores it: Down through "–", "N/A" and 0 took six keys for a 4.
            choice->Bind(wxEVT_CHAR_HOOK, [this, choice, scale = criterion.scale](wxKeyEvent& e) {
                const int key = e.GetKeyCode();
                if (key == WXK_TAB) {
                    e.Skip();
                    wxWindow* next = nextInForm(choice, !e.ShiftDown());
                    CallAfter([this, next] { showInForm(next); });
                    return;
                }
                int pick = -1;
                if (key >= '0' && key <= '9' && key - '0' <= scale)
                    pick = key - '0' + 2;
                else if (key >= WXK_NUMPAD0 && key <= WXK_NUMPAD9 && key - WXK_NUMPAD0 <= scale)
                    pick = key - WXK_NUMPAD0 + 2;
                else if (key == 'N' || key == 'n')
                    pick = kNotApplicable;
                else if (key == '-' || key == WXK_NUMPAD_SUBTRACT)
                    pick = kNotScored;
                if (pick < 0 || e.GetModifiers() != wxMOD_NONE) {
                    e.Skip();
                    return;
                }
                choice->SetSelection(pick);
                update();
            });
            // What the criterion asks for, under its title: the reviewer reads it, not only hovers for it.
            auto* title = new wxBoxSizer(wxVERTICAL);
            title->Add(label, 0);
            if (!criterion.guide.empty()) {
                auto* guide = new wxStaticText(form_, wxID_ANY, wxString::FromUTF8(criterion.guide));
                guide->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
                guide->SetFont(guide->GetFont().Smaller());
                guide->Wrap(wrapAt - FromDIP(100));
                title->Add(guide, 0, wxTOP, FromDIP(1));
            }
            grid_->Add(title, 0, wxALIGN_CENTER_VERTICAL);
            grid_->Add(choice, 0, wxALIGN_CENTER_VERTICAL);
            scores_.push_back(choice);
        }
        for (const auto& item : c->critical) {
            // A long title wraps beside its box instead of widening the form.
            auto* box = new wxCheckBox(form_, wxID_ANY, _("Critical fail:"));
            box->SetName(wxString::Format(_("Critical fail: %s"), wxString::FromUTF8(item.title)));
            box->SetToolTip(item.guide.empty() ? _("Ticked, this fails the call whatever the scores")
                                               : wxString::FromUTF8(item.guide));
            box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { update(); });
            box->Bind(wxEVT_CHAR_HOOK, [this, box](wxKeyEvent& e) {
                e.Skip();
                if (e.GetKeyCode() != WXK_TAB) return;
                wxWindow* next = nextInForm(box, !e.ShiftDown());
                CallAfter([this, next] { showInForm(next); });
            });
            auto* title = new wxStaticText(form_, wxID_ANY, wxString::FromUTF8(item.title));
            title->Wrap(wrapAt - box->GetBestSize().x);
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            row->Add(box, 0, wxRIGHT, FromDIP(4));
            row->Add(title, 1);
            column->Add(row, 0, wxTOP, FromDIP(8));
            critical_.push_back(box);
        }
    }
    form_->SetSizer(column);
    form_->FitInside();
    form_->Thaw();
}

ScoreSheet ScorecardPanel::sheet() const {
    ScoreSheet s;
    s.reviewer = reviewer_->GetValue().Strip(wxString::both).utf8_string();
    s.summary = summary_->GetValue().utf8_string();
    s.comments = pinned_;
    const Scorecard* c = card();
    if (!c) return s;
    s.scorecardId = c->id;
    for (std::size_t i = 0; i < scores_.size() && i < c->criteria.size(); ++i) {
        const int sel = scores_[i]->GetSelection();
        if (sel == kNotApplicable)
            s.notApplicable[c->criteria[i].id] = true;
        else if (sel > kNotApplicable)
            s.scores[c->criteria[i].id] = sel - 2;
    }
    for (std::size_t i = 0; i < critical_.size() && i < c->critical.size(); ++i)
        if (critical_[i]->GetValue()) s.criticalFailed[c->critical[i].id] = true;
    return s;
}

ScoreResult ScorecardPanel::result() const {
    const Scorecard* c = card();
    return c ? score(*c, sheet()) : ScoreResult{};
}

void ScorecardPanel::load(const ScoreSheet& s) {
    reviewer_->ChangeValue(wxString::FromUTF8(s.reviewer));
    for (std::size_t i = 0; i < cards_.cards.size(); ++i)
        if (cards_.cards[i].id == s.scorecardId) cardChoice_->SetSelection(static_cast<int>(i));
    build(card());
    if (const Scorecard* c = card()) {
        for (std::size_t i = 0; i < c->criteria.size(); ++i) {
            const auto& id = c->criteria[i].id;
            if (s.notApplicable.contains(id) && s.notApplicable.at(id))
                scores_[i]->SetSelection(kNotApplicable);
            else if (const auto it = s.scores.find(id); it != s.scores.end())
                scores_[i]->SetSelection(std::clamp(it->second, 0, c->criteria[i].scale) + 2);
        }
        for (std::size_t i = 0; i < c->critical.size(); ++i)
            critical_[i]->SetValue(s.criticalFailed.contains(c->critical[i].id) &&
                                   s.criticalFailed.at(c->critical[i].id));
    }
    summary_->ChangeValue(wxString::FromUTF8(s.summary));
    pinned_ = s.comments;
    showComments();
    update();
}

void ScorecardPanel::update() {
    const Scorecard* c = card();
    if (!c) {
        result_->SetLabel(wxString());
        return;
    }
    const ScoreResult r = score(*c, sheet());
    wxString text;
    if (!r.criticalFails.empty())
        text = wxString::Format(_("Critical fail: %s. Final score 0%%."),
                                wxString::FromUTF8(r.criticalFails.front()));
    else if (!r.percent)
        text = _("Nothing scored yet");
    else
        text = wxString::Format(_("Score %.0f%% (pass mark %.0f%%)"), *r.percent, c->passMark);
    if (r.unscored > 0)
        text << " · "
             << wxString::Format(wxPLURAL("%d criterion to score", "%d criteria to score", r.unscored),
                                 r.unscored);
    else if (r.passed)
        text << " · " << _("passed");
    else if (r.percent)
        text << " · " << _("not passed");
    if (result_->GetLabel() == text && result_->GetSize().x > 0 && resultWidth_ == GetClientSize().x) return;
    resultWidth_ = GetClientSize().x;
    result_->SetLabel(text);
    result_->Wrap(std::max(FromDIP(200), GetClientSize().x - FromDIP(12)));
    Layout();
}

void ScorecardPanel::pinComment() {
    const auto moment = actions_.selectedMoment();
    const Duration at = moment.value_or(Duration{0});
    wxTextEntryDialog dialog(
        this, wxString::Format(_("Comment at %s into the call:"), wxString::FromUTF8(formatDuration(at))),
        _("Pin a comment"), wxString(), wxOK | wxCANCEL);
    if (dialog.ShowModal() != wxID_OK || dialog.GetValue().Strip(wxString::both).empty()) return;
    pinned_.push_back(PinnedComment{at, dialog.GetValue().Strip(wxString::both).utf8_string()});
    std::stable_sort(pinned_.begin(), pinned_.end(),
                     [](const auto& a, const auto& b) { return a.offset < b.offset; });
    showComments();
    actions_.commentsChanged();
}

void ScorecardPanel::showComments() {
    comments_->Clear();
    for (const auto& c : pinned_)
        comments_->Append(wxString::FromUTF8(formatDuration(c.offset)) + "  " + wxString::FromUTF8(c.text));
}

void ScorecardPanel::saved(const wxString& message) {
    status_->SetLabel(message);
}

void ScorecardPanel::fixReviewer(const wxString& login) {
    reviewer_->ChangeValue(login);
    reviewer_->SetEditable(false);
    reviewer_->SetToolTip(_("Your login on the team server: the review is saved and shared under it"));
}

void ScorecardPanel::focusReviewer() {
    reviewer_->SetFocus();
}

void ScorecardPanel::focusSummary() {
    summary_->SetFocus();
    summary_->SetInsertionPointEnd();
}

} // namespace cc::ui
