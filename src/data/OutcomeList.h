#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// One choice for how a call ended, e.g. {"resolved", "Resolved on the call"}.
struct Outcome {
    std::string id;    ///< stable, stored with the call
    std::string label; ///< what the agent sees
};

/// The outcomes an agent can pick, read from data/outcomes.toml. A file with problems still yields
/// every good entry, and each problem is reported with its line and column.
class OutcomeList {
public:
    static OutcomeList parse(std::string_view text, const std::string& fileName);
    static OutcomeList load(const std::filesystem::path& file);

    const std::vector<Outcome>& outcomes() const { return outcomes_; }
    const std::vector<DataError>& errors() const { return errors_; }
    /// The label for an id; the id itself if it is not in the list (an outcome that was since removed).
    std::string labelFor(std::string_view id) const;

private:
    std::vector<Outcome> outcomes_;
    std::vector<DataError> errors_;
};

} // namespace cc
