#pragma once

#include "data/DataError.h"

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// The team's words for searching its knowledge base: which words of a query carry no meaning (stop
/// words, in the knowledge base's language) and which words mean the same thing (synonyms: "stolen" and
/// "lost", "wifi" and "wireless"). Read from data/knowledge/synonyms.toml and
/// data/knowledge/stopwords/LANG.txt; plain words as people write them, lower-cased. The search stems
/// them as its index does.
class QueryVocabulary {
public:
    /// Reads `dir`/synonyms.toml (optional) and the stop words of the language it names ("en" when it
    /// names none) from `dir`/stopwords/. Problems are kept in errors(), each with its file and line.
    static QueryVocabulary loadFolder(const std::filesystem::path& dir);

    /// Parses synonyms.toml's text; the stop words are read separately.
    void parseSynonyms(std::string_view text, const std::string& fileName);
    /// Parses a stop-word list: one word a line, '#' starts a comment.
    void parseStopWords(std::string_view text);

    /// The knowledge base's language ("en", "es", "pt_BR"), as synonyms.toml says.
    const std::string& language() const { return language_; }
    /// Groups of words and phrases that mean the same, each as written in the file ("wi-fi", "log in").
    const std::vector<std::vector<std::string>>& synonyms() const { return synonyms_; }
    bool isStopWord(std::string_view lowerCaseWord) const {
        return stopWords_.count(std::string(lowerCaseWord)) > 0;
    }
    const std::vector<DataError>& errors() const { return errors_; }

private:
    std::string language_ = "en";
    std::vector<std::vector<std::string>> synonyms_;
    std::set<std::string, std::less<>> stopWords_;
    std::vector<DataError> errors_;
};

} // namespace cc
