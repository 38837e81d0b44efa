#pragma once

#include "core/Clock.h"

#include <optional>
#include <string>
#include <string_view>

namespace cc {

/// "4:05" under an hour, "1:02:03" past it; negative durations show as 0:00.
std::string formatDuration(Duration d);

/// Local time of day, "14:32".
std::string formatTimeOfDay(WallTime t);

/// Local date and time, "2026-11-23 14:32:05", for file names and reports.
std::string formatLocalDateTime(WallTime t);

/// Local midnight at the start of the day that contains t.
WallTime startOfLocalDay(WallTime t);

/// Local midnight at the start of the Monday of the week that contains t.
WallTime startOfLocalWeek(WallTime t);

/// The local hour of day of t, 0..23.
int localHour(WallTime t);

/// Local midnight of a "YYYY-MM-DD" date; nothing if the text is not a real date.
std::optional<WallTime> parseLocalDate(std::string_view text);

/// `text` in at most `maxBytes` bytes of UTF-8, cut after a whole word with "…" when it is longer: a
/// timeline line or a title never ends in half a word or half a character.
std::string shortenAtWord(std::string_view text, std::size_t maxBytes);

} // namespace cc
