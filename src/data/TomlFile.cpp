#include "data/TomlFile.h"

namespace cc {

std::optional<toml::table> parseToml(std::string_view text, const std::string& fileName,
                                     std::vector<DataError>& errors, std::uint32_t lineOffset) {
    try {
        return toml::parse(text, fileName);
    } catch (const toml::parse_error& e) {
        errors.push_back({fileName, e.source().begin.line + lineOffset, e.source().begin.column,
                          std::string(e.description())});
        return std::nullopt;
    }
}

DataError dataErrorAt(const std::string& file, const toml::node& node, std::string message) {
    return DataError{file, node.source().begin.line, node.source().begin.column, std::move(message)};
}

} // namespace cc
