#include "core/Format.h"

#include "core/Platform.h"

#include <cstdio>
#include <ctime>
#include <fmt/format.h>

namespace cc {

namespace {
std::tm localParts(WallTime t) {
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    return cc::localParts(secs);
}
} // namespace

std::string formatDuration(Duration d) {
    auto total = std::chrono::duration_cast<std::chrono::seconds>(d).count();
    if (total < 0) total = 0;
    const auto h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0) return fmt::format("{}:{:02}:{:02}", h, m, s);
    return fmt::format("{}:{:02}", m, s);
}

std::string formatTimeOfDay(WallTime t) {
    const std::tm p = localParts(t);
    return fmt::format("{:02}:{:02}", p.tm_hour, p.tm_min);
}

std::string formatLocalDateTime(WallTime t) {
    const std::tm p = localParts(t);
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday,
                       p.tm_hour, p.tm_min, p.tm_sec);
}

WallTime startOfLocalDay(WallTime t) {
    std::tm p = localParts(t);
    p.tm_hour = p.tm_min = p.tm_sec = 0;
    p.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&p));
}

WallTime startOfLocalWeek(WallTime t) {
    std::tm p = localParts(t);
    p.tm_mday -= (p.tm_wday + 6) % 7; // days since Monday; mktime carries into the month before
    p.tm_hour = p.tm_min = p.tm_sec = 0;
    p.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&p));
}

int localHour(WallTime t) {
    return localParts(t).tm_hour;
}

std::optional<WallTime> parseLocalDate(std::string_view text) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    const std::string s(text);
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 9999) return std::nullopt;
    std::tm p{};
    p.tm_year = y - 1900;
    p.tm_mon = m - 1;
    p.tm_mday = d;
    p.tm_isdst = -1;
    const std::time_t t = std::mktime(&p);
    if (t == -1 || p.tm_mday != d || p.tm_mon != m - 1) return std::nullopt; // 2026-02-30 rolled over
    return std::chrono::system_clock::from_time_t(t);
}

} // namespace cc

namespace cc {

std::string shortenAtWord(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    static constexpr std::string_view kEllipsis = "…";
    std::size_t cut = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    // Back to the start of a character, then to the end of the last whole word before it.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    const std::size_t space = text.substr(0, cut + 1).find_last_of(" \t\n");
    if (space != std::string_view::npos && space > 0) cut = space;
    while (cut > 0 && std::string_view(" \t\n,;:-").find(text[cut - 1]) != std::string_view::npos)
        --cut;
    return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

} // namespace cc
