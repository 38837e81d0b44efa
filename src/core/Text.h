#pragma once

#include <functional>
#include <string>
#include <vector>

namespace cc {

/// English text to the reader's language (a catalog lookup); none: English.
using Translate = std::function<std::string(const std::string&)>;

/// A message for the person, kept translatable until the UI shows it: an English format marked N_()
/// with {0}, {1}... placeholders (the gettext msgid, so a translation may reorder them) and its arguments,
/// which are messages too (a list "{0} and {1}" of "a card number" and "a security code"), or literal text
/// such as a time or a file name.
struct Text {
    Text() = default;
    explicit Text(std::string english, std::vector<Text> arguments = {})
        : format(std::move(english)), args(std::move(arguments)) {}
    /// Literal text (a time, a file name), shown as it is, never looked up in a catalog.
    static Text plain(std::string s) {
        Text t(std::move(s));
        t.literal = true;
        return t;
    }

    std::string format;
    std::vector<Text> args;
    bool literal = false;

    /// The message with `translate` applied to each format (none: English). A translation whose
    /// placeholders do not fit falls back to the English format, so a catalog mistake never loses a
    /// message.
    std::string render(const Translate& translate = {}) const;

    bool operator==(const Text&) const = default;
};

/// "{0}", "{0} and {1}", "{0}, {1} and {2}"...: a list of messages in the catalog's own wording.
Text listOf(std::vector<Text> items);

} // namespace cc
