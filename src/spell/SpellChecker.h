#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

class Hunspell;

namespace cc {

/// A word the checker does not know: its byte offset and length in the line it came from.
struct Misspelling {
    std::size_t offset = 0;
    std::size_t length = 0;

    bool operator==(const Misspelling&) const = default;
};

/// The words of a line worth checking, as byte ranges of UTF-8 text: letters and inner apostrophes.
/// Tokens with digits (2FA, CASE-12), addresses (a@b.c) and links (https://...) are skipped.
std::vector<Misspelling> wordsOf(std::string_view line);

/// Hunspell behind a small interface, owning its handle. Knows the dictionary's words, the team's
/// word lists, the agent's personal dictionary (a file it appends to) and words ignored for this run.
/// Not thread-safe: build it anywhere, then use it from one thread.
class SpellChecker {
public:
    /// The .aff/.dic pair for a language such as "en_US" or "es" (any es_* then), looked up in the
    /// system Hunspell folders and in `extraDirs`. Nothing if none is installed.
    static std::optional<std::pair<std::filesystem::path, std::filesystem::path>>
    findDictionary(const std::string& language, const std::vector<std::filesystem::path>& extraDirs = {});

    /// The languages of every installed .aff/.dic pair ("en_US", "es_ES", "pt_BR"), sorted, each once.
    static std::vector<std::string>
    installedDictionaries(const std::vector<std::filesystem::path>& extraDirs = {});

    /// Loads a dictionary. `personalFile` is read if it exists and written by addToPersonal().
    /// Throws std::runtime_error naming the file if the dictionary cannot be read.
    SpellChecker(const std::filesystem::path& aff, const std::filesystem::path& dic,
                 std::filesystem::path personalFile);
    ~SpellChecker();
    SpellChecker(const SpellChecker&) = delete;
    SpellChecker& operator=(const SpellChecker&) = delete;

    /// Adds every word of a team word list (one a line, # comments). Returns how many were read.
    std::size_t addWordList(const std::filesystem::path& file);
    void addWord(const std::string& word);

    bool known(std::string_view word) const;
    std::vector<Misspelling> check(std::string_view line) const;
    /// Hunspell's suggestions: slow (tens of ms), so only on demand, never per keystroke.
    std::vector<std::string> suggest(std::string_view word) const;

    /// Adds the word for good: to the personal dictionary file and to this checker.
    void addToPersonal(const std::string& word);
    /// Accepts the word until the app closes.
    void ignore(const std::string& word);

private:
    std::unique_ptr<Hunspell> hunspell_;
    std::filesystem::path personalFile_;
    std::set<std::string, std::less<>> ignored_;
};

} // namespace cc
