#include "spell/SpellChecker.h"

#include "core/Platform.h"

#include <cctype>
#include <fmt/format.h>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <set>
#include <stdexcept>

namespace fs = std::filesystem;

namespace cc {

namespace {
bool isLetterByte(unsigned char c) {
    return std::isalpha(c) || c >= 0x80;
}

std::string trimmed(std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
} // namespace

std::vector<Misspelling> wordsOf(std::string_view line) {
    std::vector<Misspelling> out;
    std::size_t i = 0;
    while (i < line.size()) {
        // A token is everything up to the next blank; only its letters-and-apostrophes core is a word.
        std::size_t end = i;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        const std::string_view token = line.substr(i, end - i);
        const bool skip = token.find('@') != std::string_view::npos ||
                          token.find("://") != std::string_view::npos || token.starts_with("www.");
        if (!skip) {
            std::size_t k = 0;
            while (k < token.size()) {
                while (k < token.size() && !isLetterByte(static_cast<unsigned char>(token[k])) &&
                       !std::isdigit(static_cast<unsigned char>(token[k])))
                    ++k;
                std::size_t w = k;
                bool digits = false;
                while (w < token.size()) {
                    const auto c = static_cast<unsigned char>(token[w]);
                    if (std::isdigit(c))
                        digits = true;
                    else if (!isLetterByte(c) && !(c == '\'' && w + 1 < token.size() &&
                                                   isLetterByte(static_cast<unsigned char>(token[w + 1]))))
                        break;
                    ++w;
                }
                if (w > k && !digits) out.push_back(Misspelling{i + k, w - k});
                k = w == k ? k + 1 : w;
            }
        }
        i = end;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
    }
    return out;
}

namespace {
// Where Hunspell dictionaries live: the caller's folders first, then the user's, then the system's.
std::vector<fs::path> dictionaryDirs(const std::vector<fs::path>& extraDirs) {
    std::vector<fs::path> dirs = extraDirs;
    if (const char* home = std::getenv("HOME")) dirs.push_back(fs::path(home) / ".local/share/hunspell");
    for (const char* d : {"/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell",
                          "/usr/share/myspell/dicts"})
        dirs.emplace_back(d);
    return dirs;
}
} // namespace

std::vector<std::string> SpellChecker::installedDictionaries(const std::vector<fs::path>& extraDirs) {
    std::set<std::string> names;
    for (const auto& dir : dictionaryDirs(extraDirs)) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            if (e.path().extension() != ".dic") continue;
            auto aff = e.path();
            aff.replace_extension(".aff");
            if (fs::exists(aff, ec)) names.insert(pathUtf8(e.path().stem()));
        }
    }
    return {names.begin(), names.end()};
}

std::optional<std::pair<fs::path, fs::path>>
SpellChecker::findDictionary(const std::string& language, const std::vector<fs::path>& extraDirs) {
    const std::vector<fs::path> dirs = dictionaryDirs(extraDirs);
    auto pairIn = [](const fs::path& dir,
                     const std::string& name) -> std::optional<std::pair<fs::path, fs::path>> {
        const fs::path aff = dir / (name + ".aff"), dic = dir / (name + ".dic");
        std::error_code ec;
        if (fs::exists(aff, ec) && fs::exists(dic, ec)) return std::make_pair(aff, dic);
        return std::nullopt;
    };
    for (const auto& dir : dirs)
        if (auto p = pairIn(dir, language)) return p;
    // "es" or "es_419": the language's own country first (es_ES), then any regional dictionary.
    const std::string base = language.substr(0, language.find('_'));
    std::string own = base + "_";
    for (char c : base)
        own += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const auto& dir : dirs)
        if (auto p = pairIn(dir, own)) return p;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir, ec)) {
            const std::string name = pathUtf8(e.path().stem());
            if (e.path().extension() == ".dic" && name.starts_with(base + "_"))
                if (auto p = pairIn(dir, name)) return p;
        }
    }
    return std::nullopt;
}

namespace {
// A path as Hunspell opens it: on Windows it reads a path in the ANSI code page unless it starts with
// \\?\, which it reads as UTF-8 (a user name with "é" in the profile's path).
std::string hunspellPath(const fs::path& p) {
#ifdef _WIN32
    return "\\\\?\\" + pathUtf8(fs::absolute(p).make_preferred());
#else
    return pathUtf8(p);
#endif
}
} // namespace

SpellChecker::SpellChecker(const fs::path& aff, const fs::path& dic, fs::path personalFile)
    : personalFile_(std::move(personalFile)) {
    for (const auto& f : {aff, dic})
        if (!std::ifstream(f))
            throw std::runtime_error(fmt::format("cannot read the dictionary file {}", pathUtf8(f)));
    hunspell_ = std::make_unique<Hunspell>(hunspellPath(aff).c_str(), hunspellPath(dic).c_str());
    if (hunspell_->get_dict_encoding() != "UTF-8")
        throw std::runtime_error(
            fmt::format("{} is not a UTF-8 dictionary ({})", pathUtf8(aff), hunspell_->get_dict_encoding()));
    if (!personalFile_.empty()) addWordList(personalFile_);
}

SpellChecker::~SpellChecker() = default;

std::size_t SpellChecker::addWordList(const fs::path& file) {
    std::ifstream in(file);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        line = trimmed(line);
        if (line.empty() || line.front() == '#') continue;
        hunspell_->add(line);
        ++n;
    }
    return n;
}

void SpellChecker::addWord(const std::string& word) {
    hunspell_->add(word);
}

bool SpellChecker::known(std::string_view word) const {
    const std::string w(word);
    return ignored_.contains(w) || hunspell_->spell(w);
}

std::vector<Misspelling> SpellChecker::check(std::string_view line) const {
    std::vector<Misspelling> out;
    for (const auto& w : wordsOf(line))
        if (!known(line.substr(w.offset, w.length))) out.push_back(w);
    return out;
}

std::vector<std::string> SpellChecker::suggest(std::string_view word) const {
    return hunspell_->suggest(std::string(word));
}

void SpellChecker::addToPersonal(const std::string& word) {
    hunspell_->add(word);
    if (personalFile_.empty()) return;
    std::ofstream out(personalFile_, std::ios::app);
    out << word << '\n';
    if (!out) throw std::runtime_error(fmt::format("cannot write to {}", pathUtf8(personalFile_)));
}

void SpellChecker::ignore(const std::string& word) {
    ignored_.insert(word);
}

} // namespace cc
