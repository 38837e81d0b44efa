#pragma once

#include "knowledge/KnowledgeEntry.h"
#include "knowledge/KnowledgeSearch.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxSearchCtrl;
class wxSimpleHtmlListBox;
class wxHtmlWindow;
class wxButton;
class wxStaticText;

namespace cc {
class KnowledgeBase;
class SearchWorker;
} // namespace cc

namespace cc::ui {

/// What the knowledge panel needs from the window.
struct KnowledgeActions {
    /// "Referred to: ..." and a timeline event; false if it could not (no call).
    std::function<bool(const KnowledgeEntry&)> insertIntoNotes;
    std::function<void()> backToNotes;           ///< Escape
    std::function<void(const wxString&)> status; ///< a short word in the status bar
    /// An entry was added or changed here: true if it went to the team's lead as a proposal.
    std::function<bool(std::int64_t)> saved;
};

/// Search as you type over the referral knowledge base, and the referral card of the chosen entry.
/// Results come from a SearchWorker thread; this panel only shows them.
class KnowledgePanel : public wxPanel {
public:
    KnowledgePanel(wxWindow* parent, KnowledgeBase& kb, const std::filesystem::path& database, int staleDays,
                   KnowledgeActions actions, std::shared_ptr<const QueryVocabulary> vocabulary);
    ~KnowledgePanel() override;

    /// Ctrl+K: the keyboard goes to the search box, its text selected.
    void focusSearch();
    /// After an import or an edit: run the current query again.
    void refreshResults();
    /// Types a query into the search box (a prompt's link).
    void search(const std::string& query);

    void newEntry();
    void editEntry();
    void deleteEntry();

private:
    void onQueryChanged();
    void showHits(std::uint64_t generation, KnowledgeResults results);
    void showCard(int row);
    void insertShown();
    void copyCard();
    wxString itemHtml(const KnowledgeHit& hit, bool selected) const;
    bool stale(const std::string& lastVerified) const;

    KnowledgeBase& kb_;
    int staleDays_;
    KnowledgeActions actions_;
    std::unique_ptr<SearchWorker> worker_;
    std::uint64_t latest_ = 0;
    KnowledgeResults found_;
    std::optional<KnowledgeEntry> shown_;
    int selectedRow_ = -1; ///< drawn without colours, so it reads on the selection's background

    wxSearchCtrl* query_;
    wxStaticText* count_;
    wxSimpleHtmlListBox* results_;
    wxHtmlWindow* card_;
    wxButton* copy_;
    wxButton* insert_;
    wxButton* edit_;
};

} // namespace cc::ui
