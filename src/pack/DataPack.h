#pragma once

#include "data/DataError.h"
#include "data/OutcomeList.h"
#include "knowledge/QueryVocabulary.h"
#include "notes/CrmSummary.h"
#include "notes/SnippetBook.h"
#include "prompts/PromptRule.h"
#include "review/Scorecard.h"
#include "scripts/Practice.h"
#include "scripts/Script.h"

#include <filesystem>
#include <vector>

namespace cc {

/// A data pack: the content a companion runs on, human-editable files in one folder (`data/` in the
/// source tree, `share/call-companion` installed; data/FORMATS.md): outcomes, snippets, the CRM summary,
/// scripts, prompt rules, practice customers, scorecards, the referral directory and its vocabulary.
/// An agent's own layer, their data folder, adds snippets and scorecards beside the pack's.
///
/// The one place that knows where each kind of file lives and how it is read: the app, the review
/// windows, the exports and `data check` all read through it. Each accessor reads its files when asked;
/// problems are kept in what it returns, file:line:column.
class DataPack {
public:
    /// `folder`: the pack. `local`: the agent's data folder (empty: the pack alone, as `data check`
    /// reads it).
    explicit DataPack(std::filesystem::path folder, std::filesystem::path local = {})
        : folder_(std::move(folder)), local_(std::move(local)) {}

    const std::filesystem::path& folder() const { return folder_; }
    /// The agent's data folder, the local layer (empty for none).
    const std::filesystem::path& local() const { return local_; }

    OutcomeList outcomes() const;
    /// The pack's snippets, then the agent's own (snippets.toml in their data folder, if there is one).
    SnippetBook snippets() const;
    CrmSummary summary() const;
    ScriptLibrary scripts() const;
    PracticeLibrary practice() const;
    PromptRules prompts() const;
    /// The pack's scorecards, then the team's own forms kept in the data folder (an id the pack already
    /// has is the pack's).
    ScorecardLibrary scorecards() const;
    /// Synonyms and stop words for the knowledge search.
    QueryVocabulary searchWords() const;
    /// The referral directory a new knowledge base is seeded with.
    std::filesystem::path seedReferrals() const { return folder_ / "knowledge" / "referrals.csv"; }
    /// The folder of the referral files (CSV and Markdown) and their vocabulary.
    std::filesystem::path knowledgeFolder() const { return folder_ / "knowledge"; }
    /// The team's word lists for the spell-checker (product names, jargon), sorted.
    std::vector<std::filesystem::path> wordLists() const;

    /// Every problem of the pack, each kind of file read as the app reads it, and the checks across
    /// files (crossCheck). A kind of file the pack does not have is not a problem. Empty: the pack is good.
    std::vector<DataError> check() const;

private:
    std::filesystem::path folder_, local_;
};

/// The checks across files of content already read: the scripts and steps that prompts name and link
/// to, the scripts and steps that practice customers follow. The app runs them at start-up as well.
std::vector<DataError> crossCheck(const std::filesystem::path& folder, const ScriptLibrary& scripts,
                                  const PromptRules& prompts, const PracticeLibrary& practice);

} // namespace cc
