#include "core/Text.h"

#include "core/Translatable.h"

#include <fmt/args.h>
#include <fmt/format.h>

namespace cc {

namespace {
std::string fill(const std::string& format, const std::vector<std::string>& args) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (const auto& a : args)
        store.push_back(a);
    return fmt::vformat(format, store);
}
} // namespace

std::string Text::render(const Translate& translate) const {
    if (literal) return format;
    std::vector<std::string> filled;
    filled.reserve(args.size());
    for (const auto& a : args)
        filled.push_back(a.render(translate));
    if (translate) {
        try {
            return fill(translate(format), filled);
        } catch (const fmt::format_error&) {
            // A translation with a placeholder too many or a stray brace: the English still works.
        }
    }
    try {
        return fill(format, filled);
    } catch (const fmt::format_error&) {
        return format;
    }
}

Text listOf(std::vector<Text> items) {
    switch (items.size()) {
    case 0: return Text::plain("");
    case 1: return std::move(items[0]);
    // TRANSLATORS: joins the last two items of a list: "a card number and a security code".
    case 2: return Text(N_("{0} and {1}"), std::move(items));
    default: break;
    }
    // Longer lists: "{0}, {1}" pairs folded from the left, the last pair joined with "and".
    // TRANSLATORS: joins the last two items of a list: "a card number and a security code".
    Text last(N_("{0} and {1}"), {std::move(items[items.size() - 2]), std::move(items.back())});
    items.resize(items.size() - 2);
    Text head = std::move(items[0]);
    for (std::size_t i = 1; i < items.size(); ++i)
        // TRANSLATORS: joins two items of a longer list: "a card number, a security code and ...".
        head = Text(N_("{0}, {1}"), {std::move(head), std::move(items[i])});
    // TRANSLATORS: joins two items of a longer list: "a card number, a security code and ...".
    return Text(N_("{0}, {1}"), {std::move(head), std::move(last)});
}

} // namespace cc
