#pragma once

#include "data/DataError.h"
#include "scripts/Script.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// What the simulated customer says next; `after`, if set, is a step of the script the trainee must
/// have reached first: the customer answers the branch the trainee took.
struct PracticeLine {
    std::string said;
    std::string after;
    std::uint32_t line = 0; ///< in its file, for data check messages
};

/// A practice call: a simulated customer's lines for rehearsing one script without a live caller.
struct PracticeScenario {
    std::string script;
    std::string title;
    std::string callerName;
    std::vector<PracticeLine> lines;
};

/// One practice call, from its first line: which of the customer's lines comes next on the path the
/// trainee takes through the script, and at the end how the practice went.
class PracticeRun {
public:
    /// `script` is the one the scenario rehearses: it says which steps are still ahead of the trainee.
    PracticeRun(const PracticeScenario& scenario, const Script& script)
        : scenario_(&scenario), script_(&script), said_(scenario.lines.size(), false) {}

    const PracticeScenario& scenario() const { return *scenario_; }
    /// The trainee reached a step of the script. A step on the way here (Back) is the end of the path
    /// again: the branch taken after it is left, and its lines are no longer the customer's to say.
    void reached(std::string_view stepId);
    /// The customer's next line: the first one not said yet whose step is on the trainee's path. A line
    /// that waits for a step the trainee can no longer reach from where they are belongs to another
    /// branch and is passed over, until the trainee comes back and takes that branch. Nothing while the
    /// customer waits for the trainee to move on.
    std::optional<std::string> next();
    /// No line is left for the path the trainee is on or can still take.
    bool finished() const;
    /// Whether a line is ready to be said now.
    bool lineReady() const;

    struct Summary {
        std::size_t linesHeard = 0;
        std::size_t linesLeft = 0; ///< not said: the call ended first, or they waited for a step not reached
        std::size_t stepsWalked = 0; ///< distinct steps reached
    };
    Summary summary() const;

private:
    std::optional<std::size_t> ready() const;
    bool onPath(std::string_view stepId) const;
    bool stillAhead(std::string_view stepId) const;

    const PracticeScenario* scenario_;
    const Script* script_;
    std::vector<bool> said_;
    std::size_t heard_ = 0;
    std::vector<std::string> path_;   ///< the steps from the first to the one the trainee is on
    std::vector<std::string> walked_; ///< every step reached, once
};

class PracticeLibrary {
public:
    void parse(std::string_view text, const std::string& fileName);
    void loadFolder(const std::filesystem::path& dir);
    const std::vector<PracticeScenario>& scenarios() const { return scenarios_; }
    const std::vector<DataError>& errors() const { return errors_; }
    /// Where each scenario came from, for naming a script that does not exist.
    const std::vector<std::string>& files() const { return files_; }

private:
    std::vector<PracticeScenario> scenarios_;
    std::vector<std::string> files_;
    std::vector<DataError> errors_;
};

} // namespace cc
