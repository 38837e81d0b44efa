#include "text/SensitiveMasker.h"

#include <cctype>
#include <regex>
#include <vector>

namespace cc {

namespace {
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.';
}
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Card numbers: runs of digit groups joined by single spaces, dashes or dots. Windows of 13-19 digits
/// that start at a group boundary and pass Luhn are masked but for their last four digits.
int maskCards(std::string& s) {
    int found = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!isDigit(s[i]) || (i > 0 && isWordChar(s[i - 1]))) {
            ++i;
            continue;
        }
        // Collect the run: positions of its digits, and where each group starts.
        std::vector<std::size_t> digits;
        std::vector<std::size_t> groupStarts{0};
        std::size_t j = i;
        while (j < s.size()) {
            if (isDigit(s[j])) {
                digits.push_back(j++);
            } else if (isSeparator(s[j]) && j + 1 < s.size() && isDigit(s[j + 1]) && !digits.empty()) {
                groupStarts.push_back(digits.size());
                ++j;
            } else {
                break;
            }
        }
        const bool glued = j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]));
        if (!glued) {
            for (std::size_t g = 0; g < groupStarts.size(); ++g) {
                const std::size_t start = groupStarts[g];
                for (std::size_t len = std::min<std::size_t>(19, digits.size() - start); len >= 13; --len) {
                    std::string number;
                    for (std::size_t k = start; k < start + len; ++k)
                        number += s[digits[k]];
                    if (!luhnValid(number)) continue;
                    for (std::size_t k = start; k + 4 < start + len; ++k)
                        s[digits[k]] = '*';
                    ++found;
                    // Skip the groups this number covered.
                    while (g + 1 < groupStarts.size() && groupStarts[g + 1] < start + len)
                        ++g;
                    break;
                }
            }
        }
        i = j;
    }
    return found;
}

int maskMatches(std::string& s, const std::regex& pattern, int group, std::size_t keepLast) {
    int found = 0;
    std::string copy = s;
    for (auto it = std::sregex_iterator(copy.begin(), copy.end(), pattern); it != std::sregex_iterator();
         ++it) {
        const auto& m = (*it)[group];
        const auto begin = static_cast<std::size_t>(m.first - copy.begin());
        const auto end = static_cast<std::size_t>(m.second - copy.begin());
        std::size_t digitsSeen = 0, total = 0;
        for (std::size_t k = begin; k < end; ++k)
            total += isDigit(s[k]);
        for (std::size_t k = begin; k < end; ++k)
            if (isDigit(s[k]) && digitsSeen++ < total - std::min(keepLast, total)) s[k] = '*';
        ++found;
    }
    return found;
}
} // namespace

std::string hideNumberBeingTyped(std::string_view line) {
    std::string out(line);
    std::size_t start = out.size(), digits = 0;
    while (start > 0) {
        const char c = out[start - 1];
        if (isDigit(c))
            ++digits;
        else if (!(isSeparator(c) && start >= 2 && isDigit(out[start - 2])))
            break;
        --start;
    }
    if (digits <= 6) return out;
    for (std::size_t k = start; k < out.size(); ++k)
        if (isDigit(out[k])) out[k] = '*';
    return out;
}

bool luhnValid(std::string_view text) {
    int sum = 0, n = 0;
    for (auto it = text.rbegin(); it != text.rend(); ++it) {
        if (!isDigit(*it)) continue;
        int d = *it - '0';
        if (n++ % 2 == 1) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
    }
    return n > 0 && sum % 10 == 0;
}

MaskResult maskSensitive(std::string_view text) {
    MaskResult r{std::string(text)};
    // Cheap exit for the common case: most lines have no long digit runs at all.
    int digits = 0;
    for (char c : text)
        digits += isDigit(c);
    if (digits < 3) return r;

    r.cardNumbers = maskCards(r.text);
    static const std::regex code(
        R"((?:^|[^A-Za-z])(cvv2?|cvc2?|csc|cid|security\s+code)[^0-9\n]{0,16}?(\d{3,4})(?!\d))",
        std::regex::icase | std::regex::ECMAScript);
    r.securityCodes = maskMatches(r.text, code, 2, 0);
    static const std::regex ssn(R"((?:^|[^0-9A-Za-z])(\d{3}[- ]\d{2}[- ]\d{4})(?![0-9]))");
    r.ssns = maskMatches(r.text, ssn, 1, 4);
    static const std::regex ssnWord(R"((?:^|[^A-Za-z])ssn[^0-9\n]{0,8}?(\d{9})(?!\d))", std::regex::icase);
    r.ssns += maskMatches(r.text, ssnWord, 1, 4);
    return r;
}

} // namespace cc
