#pragma once

#include "data/DataError.h"

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace cc {

/// Parses TOML text; a syntax error becomes a DataError at its line and column and the result is empty.
/// `lineOffset` is added to the lines of errors (front matter that starts below the file's first line).
std::optional<toml::table> parseToml(std::string_view text, const std::string& fileName,
                                     std::vector<DataError>& errors, std::uint32_t lineOffset = 0);

/// A problem at a node of a TOML document: its line and column in `file`.
DataError dataErrorAt(const std::string& file, const toml::node& node, std::string message);

} // namespace cc
