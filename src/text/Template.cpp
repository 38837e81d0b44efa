#include "text/Template.h"

#include <algorithm>
#include <cctype>
#include <fmt/args.h>
#include <fmt/format.h>

namespace cc {

std::string fillTemplate(std::string_view text, const Placeholders& values) {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& [name, value] : values)
        args.push_back(fmt::arg(name.c_str(), value));
    try {
        return fmt::vformat(text, args);
    } catch (const fmt::format_error& e) {
        throw TemplateError(e.what());
    }
}

std::vector<DataError> checkTemplate(std::string_view text, const std::vector<std::string>& knownNames,
                                     const std::string& file, std::uint32_t firstLine) {
    std::vector<DataError> errors;
    std::uint32_t line = firstLine, column = 1;
    for (std::size_t i = 0; i < text.size(); ++i, ++column) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            column = 0;
            continue;
        }
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            ++i;
            ++column;
            continue;
        }
        if (c == '}') {
            errors.push_back({file, line, column, "a lone '}': write '}}' for a brace"});
            continue;
        }
        if (c != '{') continue;
        const auto close = text.find('}', i);
        if (close == std::string_view::npos) {
            errors.push_back({file, line, column, "'{' is never closed: write '{{' for a brace"});
            break;
        }
        const std::string_view inside = text.substr(i + 1, close - i - 1);
        const std::string name(inside.substr(0, inside.find(':')));
        if (std::find(knownNames.begin(), knownNames.end(), name) == knownNames.end())
            errors.push_back({file, line, column, fmt::format("unknown placeholder {{{}}}", name)});
        column += static_cast<std::uint32_t>(close - i);
        i = close;
    }
    if (errors.empty()) {
        Placeholders sample;
        for (const auto& n : knownNames)
            sample.emplace(n, std::string(1, 'x'));
        try {
            fillTemplate(text, sample);
        } catch (const TemplateError& e) {
            errors.push_back({file, firstLine, 0, e.what()});
        }
    }
    return errors;
}

} // namespace cc

namespace cc {

std::string fillWithGaps(std::string_view text, Placeholders values) {
    return fillMarkingGaps(text, std::move(values)).text;
}

GappedText fillMarkingGaps(std::string_view text, Placeholders values) {
    // Each empty value is filled with a marker no template holds, then the markers become the gaps'
    // words: where each lands is then known, whatever the text around it.
    constexpr char kOpen = '\x01', kClose = '\x02';
    std::vector<std::string> gapWords;
    for (auto& [name, value] : values)
        if (value.empty()) {
            std::string words = "[" + name + "]";
            std::replace(words.begin(), words.end(), '_', ' ');
            value = fmt::format("{}{}{}", kOpen, gapWords.size(), kClose);
            gapWords.push_back(std::move(words));
        }
    std::string filled;
    try {
        filled = fillTemplate(text, values);
    } catch (const TemplateError&) {
        return {std::string(text), {}};
    }
    GappedText out;
    out.text.reserve(filled.size());
    for (std::size_t i = 0; i < filled.size(); ++i) {
        // A marker is kOpen, the gap's number, kClose; anything else (a control byte pasted into a
        // value) stays as it is.
        std::size_t gap = 0, close = i + 1;
        const bool marker = filled[i] == kOpen && close < filled.size() &&
                            std::isdigit(static_cast<unsigned char>(filled[close]));
        for (; marker && close < filled.size() && std::isdigit(static_cast<unsigned char>(filled[close]));
             ++close)
            gap = std::min<std::size_t>(gap * 10 + static_cast<std::size_t>(filled[close] - '0'),
                                        gapWords.size());
        if (!marker || close >= filled.size() || filled[close] != kClose || gap >= gapWords.size()) {
            out.text += filled[i];
            continue;
        }
        const std::string& words = gapWords[gap];
        out.gaps.push_back({out.text.size(), words.size()});
        out.text += words;
        i = close;
    }
    return out;
}

} // namespace cc
