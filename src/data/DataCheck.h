#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <vector>

namespace cc {

/// Checks a data pack as the app would load it: outcomes, snippets, the summary template, scripts,
/// prompt rules (and the scripts and steps they name), practice calls (and their scripts), the
/// knowledge files. Every problem, located; an empty list means the pack is good.
std::vector<DataError> checkDataPack(const std::filesystem::path& dir);

} // namespace cc
