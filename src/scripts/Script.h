#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// Where a step stands in a call, in the order calls go.
enum class Stage { Opening, Verification, Discovery, Resolution, Recap, Closing };
std::string_view nameOf(Stage s);
std::optional<Stage> stageFromName(std::string_view name);
/// "Opening", "Verification"…: the stage as people read it, in English (marked for translation).
const char* stageLabel(Stage s);

struct Branch {
    std::string label;
    std::string target; ///< a step id
};

/// One step: the line to say now, with what a new hire should know, a checklist, and where it leads.
struct ScriptStep {
    std::string id;
    Stage stage = Stage::Opening;
    std::string say;
    std::string coaching;
    std::vector<std::string> checklist;
    std::string next;     ///< the following step, or empty
    std::string question; ///< a decision; then branches lead on
    std::vector<Branch> branches;
};

/// A call type's script: a decision tree of steps from the opening spiel to the closing one.
struct Script {
    std::string id;
    std::string title;
    std::string description;
    std::string start;
    std::vector<ScriptStep> steps;

    const ScriptStep* step(std::string_view id) const;
    std::map<std::string, std::size_t, std::less<>> index; ///< step id -> position in steps
};

/// Reads one script file; problems come with file:line:column. A script with any problem is not used.
struct ScriptRead {
    std::optional<Script> script;
    std::vector<DataError> errors;
};
ScriptRead parseScript(std::string_view text, const std::string& fileName);

/// Every scripts/*.toml of a folder, in title order.
class ScriptLibrary {
public:
    void loadFolder(const std::filesystem::path& dir);
    const std::vector<Script>& scripts() const { return scripts_; }
    const Script* find(std::string_view id) const;
    const std::vector<DataError>& errors() const { return errors_; }

private:
    std::vector<Script> scripts_;
    std::vector<DataError> errors_;
};

/// Walks a script during a call: the current step, Back, Next, the branches, the checklist ticks.
class ScriptRunner {
public:
    explicit ScriptRunner(const Script& script);

    const Script& script() const { return *script_; }
    const ScriptStep& current() const { return script_->steps[history_.back()]; }
    bool canBack() const { return history_.size() > 1; }
    bool back();
    /// Follows `next`; false on a decision or the last step.
    bool next();
    /// Follows branch `i` of the current decision.
    bool choose(std::size_t i);
    /// Ticks or unticks item `i` of the current step's checklist; returns the new state.
    bool toggle(std::size_t i);
    bool ticked(std::string_view stepId, std::size_t i) const;

private:
    bool go(std::string_view id);

    const Script* script_;
    std::vector<std::size_t> history_;
    std::map<std::string, std::vector<bool>, std::less<>> ticks_;
};

} // namespace cc
