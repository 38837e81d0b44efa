#include "notes/CrmSummary.h"

#include "core/Format.h"
#include "core/Platform.h"
#include "data/OutcomeList.h"
#include "data/TextFiles.h"
#include "notes/SnippetBook.h"

#include <fmt/format.h>
#include <sstream>

namespace cc {

namespace {
std::string localDate(WallTime t) {
    return formatLocalDateTime(t).substr(0, 10);
}
} // namespace

Placeholders callPlaceholders(const CallRecord& call, const AgentProfile& agent,
                              const OutcomeList& outcomes) {
    Placeholders p;
    p["caller_name"] = call.fields.callerName;
    p["callback_number"] = call.fields.callbackNumber;
    p["case"] = p["case_number"] = call.fields.caseNumber;
    p["reason"] = call.fields.reason;
    p["outcome"] = call.fields.outcome.empty() ? std::string() : outcomes.labelFor(call.fields.outcome);
    p["agent_name"] = agent.name;
    p["company"] = agent.company;
    p["date"] = localDate(call.startedAt);
    p["start"] = formatTimeOfDay(call.startedAt);
    const Duration talk = totalOf(call.segments, SegmentKind::Talk),
                   hold = totalOf(call.segments, SegmentKind::Hold),
                   wrap = totalOf(call.segments, SegmentKind::WrapUp);
    p["talk"] = formatDuration(talk);
    p["hold"] = formatDuration(hold);
    p["wrap_up"] = formatDuration(wrap);
    p["handle"] = formatDuration(talk + hold + wrap);

    std::string notes;
    for (const auto& line : call.notes) {
        if (line.text.find_first_not_of(" \t") == std::string::npos) continue;
        notes +=
            fmt::format("{}  {}\n", line.at ? formatTimeOfDay(*line.at) : std::string(5, ' '), line.text);
    }
    p["notes"] = notes.empty() ? std::string() : notes.substr(0, notes.size() - 1);

    std::string transfers;
    for (const auto& t : call.transfers)
        transfers += fmt::format("{}  {}{}\n", formatTimeOfDay(t.at), t.to,
                                 t.reason.empty() ? "" : " (" + t.reason + ")");
    p["transfers"] = transfers.empty() ? std::string() : transfers.substr(0, transfers.size() - 1);

    std::string referrals;
    for (const auto& e : call.events)
        if (e.kind == EventKind::Referral)
            referrals += fmt::format("{}  {}\n", formatTimeOfDay(e.at), e.fact());
    p["referrals"] = referrals.empty() ? std::string() : referrals.substr(0, referrals.size() - 1);
    return p;
}

CrmSummary CrmSummary::load(const std::filesystem::path& file) {
    if (const auto text = readTextFile(file)) return fromText(*text, pathUtf8(file));
    CrmSummary s;
    s.errors_.push_back({pathUtf8(file), 0, 0, "cannot be read"});
    return s;
}

CrmSummary CrmSummary::fromText(std::string text, const std::string& fileName) {
    CrmSummary s;
    // The '#' lines at the top are notes for whoever edits the template, not part of the summary.
    std::size_t pos = 0;
    std::uint32_t header = 0;
    while (pos < text.size() && text[pos] == '#') {
        const auto nl = text.find('\n', pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        ++header;
    }
    s.text_ = text.substr(pos);
    s.errors_ = checkTemplate(s.text_, SnippetBook::placeholderNames(), fileName, header + 1);
    return s;
}

std::string CrmSummary::render(const Placeholders& values) const {
    const std::string filled = fillTemplate(text_, values);
    // Squeeze runs of blank lines (an empty {transfers} leaves one) and trim trailing blanks.
    std::string out;
    std::istringstream in(filled);
    bool lastBlank = true;
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        const bool blank = line.empty();
        if (blank && lastBlank) continue;
        out += line + '\n';
        lastBlank = blank;
    }
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out + '\n';
}

} // namespace cc
