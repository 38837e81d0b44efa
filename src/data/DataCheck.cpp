#include "data/DataCheck.h"

#include "data/OutcomeList.h"
#include "knowledge/KnowledgeFiles.h"
#include "knowledge/QueryVocabulary.h"
#include "notes/CrmSummary.h"
#include "notes/SnippetBook.h"
#include "prompts/PromptRule.h"
#include "review/Scorecard.h"
#include "scripts/Practice.h"
#include "scripts/Script.h"

#include <algorithm>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace cc {

std::vector<DataError> checkDataPack(const fs::path& dir) {
    std::vector<DataError> all;
    auto add = [&all](const std::vector<DataError>& e) { all.insert(all.end(), e.begin(), e.end()); };
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return {{dir.string(), 0, 0, "not a folder"}};

    if (fs::exists(dir / "outcomes.toml")) add(OutcomeList::load(dir / "outcomes.toml").errors());
    if (fs::exists(dir / "snippets.toml")) {
        SnippetBook snippets;
        snippets.load(dir / "snippets.toml");
        add(snippets.errors());
    }
    if (fs::exists(dir / "summary.txt")) add(CrmSummary::load(dir / "summary.txt").errors());

    ScriptLibrary scripts;
    if (fs::is_directory(dir / "scripts")) {
        scripts.loadFolder(dir / "scripts");
        add(scripts.errors());
    }
    if (fs::is_directory(dir / "prompts")) {
        PromptRules rules;
        rules.loadFolder(dir / "prompts");
        add(rules.errors());
        for (const auto& r : rules.rules()) {
            if (r.trigger == TriggerType::ScriptStep) {
                const Script* s = scripts.find(r.script);
                if (!s)
                    all.push_back(
                        {(dir / "prompts").string(), 0, 0,
                         fmt::format("prompt '{}' names a script '{}' that does not exist", r.id, r.script)});
                else if (!s->step(r.step))
                    all.push_back({(dir / "prompts").string(), 0, 0,
                                   fmt::format("prompt '{}' names a step '{}' that script '{}' does not have",
                                               r.id, r.step, r.script)});
            }
            if (!r.linkScript.empty() && !scripts.find(r.linkScript))
                all.push_back({(dir / "prompts").string(), 0, 0,
                               fmt::format("prompt '{}' links to a script '{}' that does not exist", r.id,
                                           r.linkScript)});
        }
    }
    if (fs::is_directory(dir / "practice")) {
        PracticeLibrary practice;
        practice.loadFolder(dir / "practice");
        add(practice.errors());
        for (std::size_t i = 0; i < practice.scenarios().size(); ++i) {
            const PracticeScenario& p = practice.scenarios()[i];
            const Script* script = scripts.find(p.script);
            if (!script) {
                all.push_back({practice.files()[i], 1, 1,
                               fmt::format("there is no script '{}' to practise", p.script)});
                continue;
            }
            for (const PracticeLine& line : p.lines)
                if (!line.after.empty() &&
                    std::none_of(script->steps.begin(), script->steps.end(),
                                 [&](const ScriptStep& s) { return s.id == line.after; }))
                    all.push_back({practice.files()[i], line.line, 1,
                                   fmt::format("the script '{}' has no step '{}' for this line to follow",
                                               p.script, line.after)});
        }
    }
    if (fs::is_directory(dir / "scorecards")) add(ScorecardLibrary::loadFolder(dir / "scorecards").errors);
    if (fs::is_directory(dir / "knowledge")) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir / "knowledge", ec))
            if (e.path().extension() == ".csv" || e.path().extension() == ".md") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            add(readKnowledgePath(f).errors);
        add(QueryVocabulary::loadFolder(dir / "knowledge").errors()); // synonyms.toml and the stop words
    }
    return all;
}

} // namespace cc
