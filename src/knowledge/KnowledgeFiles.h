#pragma once

#include "data/DataError.h"
#include "knowledge/KnowledgeEntry.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// Entries read from files, and every problem found, each with its file, line and column.
struct KnowledgeRead {
    std::vector<KnowledgeEntry> entries;
    std::vector<DataError> errors;
};

/// A CSV file with a header row. Header names are matched to fields case-insensitively, with a few
/// synonyms ("name" for title, "phone number" for phone...); unknown columns are an error, so a typo in
/// the header does not silently drop a column. A row's column is its field's position, 1-based.
KnowledgeRead readKnowledgeCsv(std::string_view text, const std::string& fileName);
KnowledgeRead readKnowledgeCsvFile(const std::filesystem::path& file);

/// A Markdown file: TOML front matter between "+++" lines holds the fields; the text after it is the
/// body (unless the front matter has one).
KnowledgeRead readKnowledgeMarkdown(std::string_view text, const std::string& fileName);
/// Every *.md file in a folder (not its subfolders), in name order.
KnowledgeRead readKnowledgeFolder(const std::filesystem::path& dir);

/// Reads a .csv file, a .md file or a folder of .md files.
KnowledgeRead readKnowledgePath(const std::filesystem::path& path);

/// The entries as CSV with the standard header, RFC 4180 quoting.
std::string writeKnowledgeCsv(const std::vector<KnowledgeEntry>& entries);

} // namespace cc
