#include "knowledge/ReferralSuggestion.h"

#include "knowledge/KnowledgeBase.h"
#include "knowledge/SearchWorker.h"

#include <wx/button.h>
#include <wx/sizer.h>

namespace cc::ui {

namespace {
// Look once the typing pauses: a suggestion that changes with every letter would be a distraction.
constexpr int kPauseMs = 600;
} // namespace

ReferralSuggestion::ReferralSuggestion(wxWindow* parent, KnowledgeBase& kb, std::filesystem::path database,
                                       const std::shared_ptr<const QueryVocabulary>& vocabulary,
                                       std::function<bool(const KnowledgeEntry&)> insert)
    : wxPanel(parent, wxID_ANY), kb_(kb), database_(std::move(database)), vocabulary_(vocabulary),
      insert_(std::move(insert)), pause_(this) {
    offer_ =
        new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_LEFT | wxBORDER_NONE);
    offer_->SetName(_("Suggested referral"));
    offer_->SetToolTip(
        _("The knowledge base's best match for the line you are typing. Alt+I inserts it into the "
          "notes; it can be turned off in the settings."));
    offer_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { insertShown(); });
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(offer_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    SetSizer(sizer);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { search(); }, pause_.GetId());
    Hide();
}

ReferralSuggestion::~ReferralSuggestion() {
    pause_.Stop();
    worker_.reset();
}

void ReferralSuggestion::lineChanged(const std::string& line) {
    if (line == line_) return;
    line_ = line;
    pause_.StartOnce(kPauseMs);
}

void ReferralSuggestion::clear() {
    pause_.Stop();
    latest_ = 0;
    line_.clear();
    inserted_.clear();
    shownId_ = 0;
    shownTitle_.clear();
    if (IsShown()) {
        Hide();
        GetParent()->Layout();
    }
}

void ReferralSuggestion::search() {
    // A referral line is what a suggestion writes: it does not suggest itself again.
    if (line_.find_first_not_of(" \t") == std::string::npos || line_.starts_with("Referred to:")) {
        showResults(latest_ = 0, {});
        return;
    }
    if (!worker_)
        worker_ = std::make_unique<SearchWorker>(
            database_,
            [this](std::uint64_t g, KnowledgeResults found) {
                CallAfter(
                    [this, g, found = std::move(found)]() mutable { showResults(g, std::move(found)); });
            },
            vocabulary_);
    // A finished line: its last word is whole, not a prefix.
    latest_ = worker_->submit(line_ + " ", 1);
}

void ReferralSuggestion::showResults(std::uint64_t generation, KnowledgeResults found) {
    if (generation != latest_ || found.provisional()) return;
    const bool offer = found.strong() && !inserted_.count(found.hits.front().id);
    if (offer) {
        const auto& hit = found.hits.front();
        shownId_ = hit.id;
        shownTitle_ = hit.title;
        wxString who = wxString::FromUTF8(hit.title);
        if (!hit.handledBy.empty()) who += wxString::FromUTF8(" · ") + wxString::FromUTF8(hit.handledBy);
        // TRANSLATORS: a quiet line under the notes; %s is a knowledge entry ("HP printer support · HP").
        // The key comes first: in a narrow window the end of the line is cut off.
        offer_->SetLabel(wxString::Format(_("Alt+I inserts the referral: %s"), who));
    } else {
        shownId_ = 0;
        shownTitle_.clear();
    }
    if (offer != IsShown()) {
        Show(offer);
        GetParent()->Layout();
    }
}

bool ReferralSuggestion::insertShown() {
    if (!shownId_) return false;
    const auto entry = kb_.get(shownId_);
    if (!entry || !insert_(*entry)) return true; // the key was meant for this; the frame said why not
    // Not learned from: the suggestion was already a clear match, and learning from its own offers would
    // only make the companion more sure of itself.
    inserted_.insert(shownId_);
    shownId_ = 0;
    Hide();
    GetParent()->Layout();
    return true;
}

} // namespace cc::ui
