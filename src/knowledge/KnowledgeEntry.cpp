#include "knowledge/KnowledgeEntry.h"

#include <chrono>
#include <cstdio>

namespace cc {

namespace {
std::optional<std::chrono::sys_days> parseDate(std::string_view s) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(std::string(s).c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
}
} // namespace

std::string* knowledgeField(KnowledgeEntry& e, std::string_view name) {
    return const_cast<std::string*>(knowledgeField(static_cast<const KnowledgeEntry&>(e), name));
}

const std::string* knowledgeField(const KnowledgeEntry& e, std::string_view name) {
    if (name == "title") return &e.title;
    if (name == "keywords") return &e.keywords;
    if (name == "category") return &e.category;
    if (name == "handled_by") return &e.handledBy;
    if (name == "phone") return &e.phone;
    if (name == "url") return &e.url;
    if (name == "email") return &e.email;
    if (name == "hours") return &e.hours;
    if (name == "what_to_say") return &e.whatToSay;
    if (name == "body") return &e.body;
    if (name == "last_verified") return &e.lastVerified;
    if (name == "source") return &e.source;
    if (name == kLearnedField) return &e.learned;
    return nullptr;
}

std::optional<std::string> validate(const KnowledgeEntry& e, std::string* field) {
    auto fail = [field](const char* f, std::string why) {
        if (field) *field = f;
        return std::optional<std::string>(std::move(why));
    };
    if (e.title.find_first_not_of(" \t") == std::string::npos) return fail("title", "the title is empty");
    if (!e.lastVerified.empty() && !parseDate(e.lastVerified))
        return fail("last_verified", "last_verified '" + e.lastVerified + "' is not a date like 2026-11-23");
    if (!e.url.empty() && !e.url.starts_with("https://") && !e.url.starts_with("http://"))
        return fail("url", "url '" + e.url + "' must start with https:// or http://");
    if (!e.email.empty() &&
        (e.email.find('@') == std::string::npos || e.email.find(' ') != std::string::npos))
        return fail("email", "email '" + e.email + "' is not an address");
    return std::nullopt;
}

std::optional<int> daysSinceVerified(const KnowledgeEntry& e, std::string_view today) {
    const auto then = parseDate(e.lastVerified), now = parseDate(today);
    if (!then || !now) return std::nullopt;
    return static_cast<int>((*now - *then).count());
}

} // namespace cc
