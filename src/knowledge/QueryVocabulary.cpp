#include "knowledge/QueryVocabulary.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace fs = std::filesystem;

namespace cc {

namespace {
std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x80)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

bool hasWordCharacter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalnum(u) || u >= 0x80;
    });
}
} // namespace

QueryVocabulary QueryVocabulary::loadFolder(const fs::path& dir) {
    QueryVocabulary v;
    const fs::path synonyms = dir / "synonyms.toml";
    std::error_code ec;
    if (fs::exists(synonyms, ec)) {
        if (const auto text = readTextFile(synonyms))
            v.parseSynonyms(*text, pathUtf8(synonyms));
        else
            v.errors_.push_back({pathUtf8(synonyms), 0, 0, "cannot be read"});
    }
    const fs::path stop = dir / "stopwords" / (v.language_ + ".txt");
    if (const auto text = readTextFile(stop))
        v.parseStopWords(*text);
    else if (fs::exists(dir / "stopwords", ec))
        v.errors_.push_back(
            {pathUtf8(stop), 0, 0,
             fmt::format("no stop words for the language '{}' named in synonyms.toml", v.language_)});
    return v;
}

void QueryVocabulary::parseStopWords(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, end - start));
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        line = lowerAscii(trim(line));
        if (!line.empty()) stopWords_.insert(line);
        start = end + 1;
    }
}

void QueryVocabulary::parseSynonyms(std::string_view text, const std::string& fileName) {
    auto parsed = parseToml(text, fileName, errors_);
    if (!parsed) return;
    const toml::table& doc = *parsed;
    for (const auto& [key, node] : doc) {
        if (key == "language") {
            const auto lang = node.value<std::string>();
            if (!lang || lang->empty() || lang->find_first_of("/\\. ") != std::string::npos)
                errors_.push_back(dataErrorAt(fileName, node,
                                              "'language' must be a language code such as \"en\", "
                                              "\"es\" or \"pt_BR\""));
            else
                language_ = *lang;
        } else if (key != "synonyms") {
            errors_.push_back({fileName, key.source().begin.line, key.source().begin.column,
                               fmt::format("unknown key '{}'", key.str())});
        }
    }
    const toml::node_view list = doc["synonyms"];
    if (!list) return;
    const toml::array* groups = list.as_array();
    if (!groups) {
        errors_.push_back(dataErrorAt(fileName, *list.node(),
                                      "'synonyms' must be a list of groups: [[\"stolen\", \"lost\"], ...]"));
        return;
    }
    std::map<std::string, std::uint32_t> seen; // a word in two groups would join them silently
    for (const toml::node& g : *groups) {
        const toml::array* words = g.as_array();
        if (!words) {
            errors_.push_back(
                dataErrorAt(fileName, g, "each group of synonyms must be a list of words in [ ]"));
            continue;
        }
        std::vector<std::string> group;
        bool ok = true;
        for (const toml::node& w : *words) {
            const auto word = w.value<std::string>();
            if (!word || !hasWordCharacter(*word)) {
                errors_.push_back(dataErrorAt(fileName, w, "a synonym must be a word or a phrase in quotes"));
                ok = false;
                continue;
            }
            const std::string lower = lowerAscii(trim(*word));
            if (const auto it = seen.find(lower); it != seen.end()) {
                errors_.push_back(dataErrorAt(
                    fileName, w, fmt::format("'{}' is already in the group on line {}", lower, it->second)));
                ok = false;
                continue;
            }
            seen.emplace(lower, g.source().begin.line);
            group.push_back(lower);
        }
        if (ok && group.size() < 2) {
            errors_.push_back(dataErrorAt(fileName, g, "a group of synonyms needs at least two words"));
            ok = false;
        }
        if (ok) synonyms_.push_back(std::move(group));
    }
}

} // namespace cc
