#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace cc {

/// Writes a file whole or not at all: `write` fills OUT.partial (created 0600: exports hold calls), which
/// then replaces OUT in one rename. A reader never sees half a file, and a failure (a full disk, a
/// read-only folder) leaves OUT as it was. Throws std::runtime_error naming the file and the reason.
void writeFileWhole(const std::filesystem::path& out, const std::function<void(std::ostream&)>& write);

} // namespace cc
