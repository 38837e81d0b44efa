#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cc {

/// A practice call: a simulated customer's lines for rehearsing one script without a live caller.
struct PracticeScenario {
    std::string script;
    std::string title;
    std::string callerName;
    std::vector<std::string> lines;
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
