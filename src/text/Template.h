#pragma once

#include "data/DataError.h"

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// Values for {name} placeholders.
using Placeholders = std::map<std::string, std::string, std::less<>>;

class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Fills a template's {name} placeholders (fmt's named-argument syntax: "{{" is a literal brace and
/// "{talk:>6}" aligns). Throws TemplateError for an unknown name or a stray brace.
std::string fillTemplate(std::string_view text, const Placeholders& values);

/// Fills a line to say or to write now. What the call does not know yet shows as a gap to fill,
/// "[caller name]", never as nothing: "Thanks, ." would be read out or saved as it stands. A template
/// that cannot be filled comes back as written: the agent's flow never stops on it.
std::string fillWithGaps(std::string_view text, Placeholders values);

/// A filled line and where its gaps are, in bytes, in the order they come: an editor selects the first
/// so the agent types over it.
struct GappedText {
    struct Gap {
        std::size_t offset = 0;
        std::size_t length = 0;
    };
    std::string text;
    std::vector<Gap> gaps;
};
GappedText fillMarkingGaps(std::string_view text, Placeholders values);

/// Every problem in a template, located: unknown placeholder names and brace mistakes. `firstLine` is
/// the line in `file` where the template text starts (templates may sit inside a TOML file).
std::vector<DataError> checkTemplate(std::string_view text, const std::vector<std::string>& knownNames,
                                     const std::string& file, std::uint32_t firstLine = 1);

} // namespace cc
