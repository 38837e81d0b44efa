#include "pack/DataPack.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "knowledge/KnowledgeFiles.h"

#include <algorithm>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace cc {

OutcomeList DataPack::outcomes() const {
    return OutcomeList::load(folder_ / "outcomes.toml");
}

SnippetBook DataPack::snippets() const {
    SnippetBook book;
    book.load(folder_ / "snippets.toml");
    if (!local_.empty()) book.load(local_ / "snippets.toml", /*optional=*/true);
    return book;
}

CrmSummary DataPack::summary() const {
    return CrmSummary::load(folder_ / "summary.txt");
}

ScriptLibrary DataPack::scripts() const {
    ScriptLibrary scripts;
    scripts.loadFolder(folder_ / "scripts");
    return scripts;
}

PracticeLibrary DataPack::practice() const {
    PracticeLibrary practice;
    practice.loadFolder(folder_ / "practice");
    return practice;
}

PromptRules DataPack::prompts() const {
    PromptRules rules;
    rules.loadFolder(folder_ / "prompts");
    return rules;
}

ScorecardLibrary DataPack::scorecards() const {
    ScorecardLibrary cards = ScorecardLibrary::loadFolder(folder_ / "scorecards");
    if (local_.empty()) return cards;
    auto own = ScorecardLibrary::loadFolder(local_ / "scorecards");
    for (auto& c : own.cards)
        if (!cards.find(c.id)) cards.cards.push_back(std::move(c));
    cards.errors.insert(cards.errors.end(), own.errors.begin(), own.errors.end());
    return cards;
}

std::vector<fs::path> DataPack::wordLists() const {
    return filesWithExtension(folder_ / "wordlists", ".txt");
}

QueryVocabulary DataPack::searchWords() const {
    return QueryVocabulary::loadFolder(knowledgeFolder());
}

std::vector<DataError> crossCheck(const fs::path& folder, const ScriptLibrary& scripts,
                                  const PromptRules& prompts, const PracticeLibrary& practice) {
    std::vector<DataError> all;
    const std::string promptsFolder = pathUtf8(folder / "prompts");
    for (const auto& r : prompts.rules()) {
        if (r.trigger == TriggerType::ScriptStep) {
            const Script* s = scripts.find(r.script);
            if (!s)
                all.push_back(
                    {promptsFolder, 0, 0,
                     fmt::format("prompt '{}' names a script '{}' that does not exist", r.id, r.script)});
            else if (!s->step(r.step))
                all.push_back({promptsFolder, 0, 0,
                               fmt::format("prompt '{}' names a step '{}' that script '{}' does not have",
                                           r.id, r.step, r.script)});
        }
        if (!r.linkScript.empty() && !scripts.find(r.linkScript))
            all.push_back(
                {promptsFolder, 0, 0,
                 fmt::format("prompt '{}' links to a script '{}' that does not exist", r.id, r.linkScript)});
    }
    for (std::size_t i = 0; i < practice.scenarios().size(); ++i) {
        const PracticeScenario& p = practice.scenarios()[i];
        const Script* script = scripts.find(p.script);
        if (!script) {
            all.push_back(
                {practice.files()[i], 1, 1, fmt::format("there is no script '{}' to practise", p.script)});
            continue;
        }
        for (const PracticeLine& line : p.lines)
            if (!line.after.empty() && !script->step(line.after))
                all.push_back({practice.files()[i], line.line, 1,
                               fmt::format("the script '{}' has no step '{}' for this line to follow",
                                           p.script, line.after)});
    }
    return all;
}

std::vector<DataError> DataPack::check() const {
    std::vector<DataError> all;
    auto add = [&all](const std::vector<DataError>& e) { all.insert(all.end(), e.begin(), e.end()); };
    std::error_code ec;
    if (!fs::is_directory(folder_, ec)) return {{pathUtf8(folder_), 0, 0, "not a folder"}};
    auto has = [this, &ec](const char* name) { return fs::exists(folder_ / name, ec); };

    if (has("outcomes.toml")) add(outcomes().errors());
    if (has("snippets.toml")) add(snippets().errors());
    if (has("summary.txt")) add(summary().errors());
    const ScriptLibrary scriptLibrary = scripts();
    add(scriptLibrary.errors());
    const PromptRules rules = prompts();
    add(rules.errors());
    const PracticeLibrary practiceLibrary = practice();
    add(practiceLibrary.errors());
    add(crossCheck(folder_, scriptLibrary, rules, practiceLibrary));
    add(scorecards().errors);
    if (fs::is_directory(knowledgeFolder(), ec)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(knowledgeFolder(), ec))
            if (e.path().extension() == ".csv" || e.path().extension() == ".md") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            add(readKnowledgePath(f).errors);
        add(searchWords().errors()); // synonyms.toml and the stop words
    }
    return all;
}

} // namespace cc
