#pragma once

#include "call/CallRecord.h"
#include "data/DataError.h"
#include "text/Template.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cc {

class OutcomeList;

/// Who is taking the calls, for {agent_name} and {company}.
struct AgentProfile {
    std::string name;
    std::string company;
};

/// The placeholder values of a call: its fields, times, time-stamped notes, transfers and referrals.
Placeholders callPlaceholders(const CallRecord& call, const AgentProfile& agent, const OutcomeList& outcomes);

/// The plain-text summary an agent pastes into the CRM, from an editable template (data/summary.txt).
class CrmSummary {
public:
    /// Reads and checks the template; problems are in errors() with file:line:column.
    static CrmSummary load(const std::filesystem::path& file);
    static CrmSummary fromText(std::string text, const std::string& fileName);

    bool usable() const { return errors_.empty(); }
    const std::vector<DataError>& errors() const { return errors_; }
    /// The summary, with blank runs of lines squeezed and trailing space trimmed.
    std::string render(const Placeholders& values) const;

private:
    std::string text_;
    std::vector<DataError> errors_;
};

} // namespace cc
