#include "knowledge/Referral.h"

#include "core/Format.h"

#include <fmt/format.h>

namespace cc {

std::string referralTarget(const KnowledgeEntry& e) {
    const std::string& who = e.title.empty() ? e.handledBy : e.title;
    const std::string& how = !e.url.empty() ? e.url : !e.phone.empty() ? e.phone : e.email;
    return how.empty() ? who : fmt::format("{} ({})", who, how);
}

std::string referralNote(const KnowledgeEntry& e) {
    // Who handles it and their number too: what the caller is given, and what QA checks was given.
    std::string line = "Referred to: " + (e.title.empty() ? e.handledBy : e.title);
    if (!e.title.empty() && !e.handledBy.empty()) line += ", " + e.handledBy;
    if (!e.phone.empty()) line += ", " + e.phone;
    const std::string& link = !e.url.empty() ? e.url : e.email;
    if (!link.empty()) line += " (" + link + ")";
    return line;
}

std::string referralCard(const KnowledgeEntry& e) {
    std::string out = e.title + "\n";
    auto line = [&out](const char* label, const std::string& value) {
        if (!value.empty()) out += fmt::format("{}: {}\n", label, value);
    };
    line("Who", e.handledBy);
    line("Phone", e.phone);
    line("Web", e.url);
    line("Email", e.email);
    line("Hours", e.hours);
    line("What to say", e.whatToSay);
    line("Last verified", e.lastVerified);
    return out;
}

} // namespace cc
