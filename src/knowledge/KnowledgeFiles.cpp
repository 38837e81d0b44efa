#include "knowledge/KnowledgeFiles.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <csv.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <sstream>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace cc {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

/// The field a header cell names, or empty.
std::string fieldForHeader(std::string cell) {
    cell = lower(trim(cell));
    std::replace(cell.begin(), cell.end(), ' ', '_');
    std::replace(cell.begin(), cell.end(), '-', '_');
    static const std::map<std::string, std::string> synonyms{
        {"name", "title"},         {"synonyms", "keywords"},      {"tags", "keywords"},
        {"handled", "handled_by"}, {"handler", "handled_by"},     {"who", "handled_by"},
        {"phone_number", "phone"}, {"telephone", "phone"},        {"website", "url"},
        {"link", "url"},           {"e_mail", "email"},           {"opening_hours", "hours"},
        {"script", "what_to_say"}, {"say", "what_to_say"},        {"description", "body"},
        {"details", "body"},       {"verified", "last_verified"}, {"last_verified_date", "last_verified"}};
    if (const auto it = synonyms.find(cell); it != synonyms.end()) return it->second;
    for (const auto& f : kKnowledgeFields)
        if (cell == f) return cell;
    if (cell == kLearnedField) return cell;
    return {};
}

std::string slurp(const fs::path& p, std::vector<DataError>& errors) {
    if (auto text = readTextFile(p)) return std::move(*text);
    errors.push_back({pathUtf8(p), 0, 0, "cannot be read"});
    return {};
}

/// Collects libcsv's callbacks into rows, remembering the line each row starts on.
struct CsvCollector {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint32_t> rowLines;
    std::vector<std::string> current;
    std::uint32_t line = 1; // the line the next row starts on
    std::uint32_t rowStart = 1;

    static void onField(void* data, std::size_t len, void* self) {
        auto* c = static_cast<CsvCollector*>(self);
        if (c->current.empty()) c->rowStart = c->line;
        std::string field = data ? std::string(static_cast<const char*>(data), len) : std::string();
        c->line += static_cast<std::uint32_t>(std::count(field.begin(), field.end(), '\n'));
        c->current.push_back(std::move(field));
    }
    static void onRow(int, void* self) {
        auto* c = static_cast<CsvCollector*>(self);
        if (c->current.empty()) c->rowStart = c->line;
        c->rows.push_back(std::move(c->current));
        c->rowLines.push_back(c->rowStart);
        c->current.clear();
        ++c->line;
    }
};
} // namespace

KnowledgeRead readKnowledgeCsv(std::string_view text, const std::string& fileName) {
    KnowledgeRead out;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3); // a spreadsheet's byte-order mark
    csv_parser parser{};
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    CsvCollector rows;
    const std::size_t parsed =
        csv_parse(&parser, text.data(), text.size(), CsvCollector::onField, CsvCollector::onRow, &rows);
    if (parsed != text.size() || csv_fini(&parser, CsvCollector::onField, CsvCollector::onRow, &rows) != 0) {
        const auto upTo = text.substr(0, std::min(parsed, text.size()));
        const auto lineNo = static_cast<std::uint32_t>(std::count(upTo.begin(), upTo.end(), '\n') + 1);
        out.errors.push_back({fileName, lineNo, 0, fmt::format("CSV: {}", csv_strerror(csv_error(&parser)))});
        csv_free(&parser);
        return out;
    }
    csv_free(&parser);
    if (rows.rows.empty()) {
        out.errors.push_back(
            {fileName, 0, 0, "the file is empty: it needs a header row such as title,url,..."});
        return out;
    }
    std::vector<std::string> columns;
    bool titled = false;
    for (std::size_t c = 0; c < rows.rows[0].size(); ++c) {
        const std::string f = fieldForHeader(rows.rows[0][c]);
        if (f.empty())
            out.errors.push_back({fileName, rows.rowLines[0], static_cast<std::uint32_t>(c + 1),
                                  fmt::format("unknown column '{}'", trim(rows.rows[0][c]))});
        titled |= f == "title";
        columns.push_back(f);
    }
    if (!titled) out.errors.push_back({fileName, rows.rowLines[0], 0, "the header has no 'title' column"});
    if (!out.errors.empty()) return out;

    for (std::size_t r = 1; r < rows.rows.size(); ++r) {
        const auto& row = rows.rows[r];
        const std::uint32_t line = rows.rowLines[r];
        if (row.size() == 1 && trim(row[0]).empty()) continue; // a blank line
        if (row.size() != columns.size()) {
            out.errors.push_back(
                {fileName, line, static_cast<std::uint32_t>(std::min(row.size(), columns.size()) + 1),
                 fmt::format("{} fields where the header has {}", row.size(), columns.size())});
            continue;
        }
        KnowledgeEntry e;
        for (std::size_t c = 0; c < row.size(); ++c)
            *knowledgeField(e, columns[c]) = trim(row[c]);
        std::string badField;
        if (auto why = validate(e, &badField)) {
            const auto col = std::find(columns.begin(), columns.end(), badField) - columns.begin() + 1;
            out.errors.push_back({fileName, line, static_cast<std::uint32_t>(col), *why});
            continue;
        }
        out.entries.push_back(std::move(e));
    }
    return out;
}

KnowledgeRead readKnowledgeCsvFile(const fs::path& file) {
    KnowledgeRead out;
    const std::string text = slurp(file, out.errors);
    if (!out.errors.empty()) return out;
    return readKnowledgeCsv(text, pathUtf8(file));
}

KnowledgeRead readKnowledgeMarkdown(std::string_view text, const std::string& fileName) {
    KnowledgeRead out;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!text.starts_with("+++")) {
        out.errors.push_back({fileName, 1, 1, "expected TOML front matter opened by a '+++' line"});
        return out;
    }
    const auto open = text.find('\n');
    const auto close = text.find("\n+++", open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
        out.errors.push_back({fileName, 1, 1, "the front matter is never closed by a '+++' line"});
        return out;
    }
    const std::string_view front = text.substr(open + 1, close - open);
    auto bodyStart = text.find('\n', close + 1);
    const std::string_view body =
        bodyStart == std::string_view::npos ? std::string_view() : text.substr(bodyStart + 1);

    // Lines in the front matter start on the file's line 2.
    auto parsed = parseToml(front, fileName, out.errors, 1);
    if (!parsed) return out;
    toml::table& doc = *parsed;
    KnowledgeEntry e;
    for (const auto& [key, node] : doc) {
        const std::string field = fieldForHeader(std::string(key.str()));
        const auto where = node.source().begin;
        if (field.empty()) {
            out.errors.push_back(
                {fileName, where.line + 1, where.column, fmt::format("unknown key '{}'", key.str())});
            continue;
        }
        if (auto s = node.value<std::string>())
            *knowledgeField(e, field) = trim(*s);
        else if (const toml::array* list = node.as_array()) {
            std::string joined;
            for (const auto& item : *list)
                if (auto s = item.value<std::string>()) joined += (joined.empty() ? "" : "; ") + trim(*s);
            *knowledgeField(e, field) = joined;
        } else if (auto d = node.value<toml::date>()) {
            *knowledgeField(e, field) = fmt::format("{:04}-{:02}-{:02}", d->year, d->month, d->day);
        } else {
            out.errors.push_back(
                {fileName, where.line + 1, where.column, fmt::format("'{}' must be text", key.str())});
        }
    }
    if (e.body.empty()) e.body = trim(body);
    std::string badField;
    if (auto why = validate(e, &badField)) {
        out.errors.push_back({fileName, 2, 0, *why});
        return out;
    }
    if (out.errors.empty()) out.entries.push_back(std::move(e));
    return out;
}

KnowledgeRead readKnowledgeFolder(const fs::path& dir) {
    KnowledgeRead out;
    const auto files = filesWithExtension(dir, ".md");
    for (const auto& f : files) {
        std::vector<DataError> readErrors;
        const std::string text = slurp(f, readErrors);
        auto one =
            readErrors.empty() ? readKnowledgeMarkdown(text, pathUtf8(f)) : KnowledgeRead{{}, readErrors};
        out.entries.insert(out.entries.end(), one.entries.begin(), one.entries.end());
        out.errors.insert(out.errors.end(), one.errors.begin(), one.errors.end());
    }
    if (files.empty() && out.errors.empty())
        out.errors.push_back({pathUtf8(dir), 0, 0, "no .md files in this folder"});
    return out;
}

KnowledgeRead readKnowledgePath(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return readKnowledgeFolder(path);
    if (path.extension() == ".md") {
        KnowledgeRead out;
        const std::string text = slurp(path, out.errors);
        return out.errors.empty() ? readKnowledgeMarkdown(text, pathUtf8(path)) : out;
    }
    return readKnowledgeCsvFile(path);
}

std::string writeKnowledgeCsv(const std::vector<KnowledgeEntry>& entries) {
    std::string out;
    auto cell = [&out](std::string_view v, bool last) {
        std::string quoted(v.size() * 2 + 2, '\0');
        quoted.resize(csv_write(quoted.data(), quoted.size(), v.data(), v.size()));
        out += quoted;
        out += last ? "\r\n" : ",";
    };
    for (const auto& f : kKnowledgeFields)
        cell(f, false);
    cell(kLearnedField, true);
    for (const auto& e : entries) {
        for (const auto& f : kKnowledgeFields)
            cell(*knowledgeField(e, f), false);
        cell(e.learned, true);
    }
    return out;
}

} // namespace cc
