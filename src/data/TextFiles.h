#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cc {

/// A whole file as bytes, or nothing if it cannot be read.
std::optional<std::string> readTextFile(const std::filesystem::path& file);

/// The regular files of a folder (not its subfolders) with this extension (".toml"), in name order.
/// A folder that cannot be read gives none.
std::vector<std::filesystem::path> filesWithExtension(const std::filesystem::path& dir,
                                                      std::string_view extension);

} // namespace cc
