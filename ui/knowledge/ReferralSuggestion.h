#pragma once

#include "knowledge/KnowledgeEntry.h"
#include "knowledge/KnowledgeSearch.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;

namespace cc {
class KnowledgeBase;
class SearchWorker;
} // namespace cc

namespace cc::ui {

/// A quiet line under the notes naming the knowledge base's best referral for the line the agent is
/// typing, when it is a clear match (KnowledgeResults::strong). Never a dialog, never the focus: Alt+I
/// (or Enter on it, if the agent tabs there) inserts it. The search runs on a worker of its own, a
/// moment after the typing pauses.
class ReferralSuggestion : public wxPanel {
public:
    /// `insert` writes the referral into the notes; false if it could not.
    ReferralSuggestion(wxWindow* parent, KnowledgeBase& kb, std::filesystem::path database,
                       const std::shared_ptr<const QueryVocabulary>& vocabulary,
                       std::function<bool(const KnowledgeEntry&)> insert);
    ~ReferralSuggestion() override;

    /// The line at the caret changed: look again once the typing pauses.
    void lineChanged(const std::string& line);
    /// Takes the suggestion down (a new call, the setting turned off).
    void clear();
    /// Alt+I: inserts the suggestion shown; false if none is.
    bool insertShown();
    bool showing() const { return shownId_ != 0; }
    std::string shownTitle() const { return shownTitle_; }

private:
    void search();
    void showResults(std::uint64_t generation, KnowledgeResults found);

    KnowledgeBase& kb_;
    std::filesystem::path database_;
    const std::shared_ptr<const QueryVocabulary>& vocabulary_;
    std::function<bool(const KnowledgeEntry&)> insert_;
    std::unique_ptr<SearchWorker> worker_;
    std::uint64_t latest_ = 0;
    std::string line_;
    std::int64_t shownId_ = 0;
    std::string shownTitle_;
    std::set<std::int64_t> inserted_; ///< referred already in this call: not offered again
    wxTimer pause_;
    wxButton* offer_;
};

} // namespace cc::ui
