#include "notes/Notes.h"

#include <algorithm>

namespace cc {

namespace {
std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    while (true) {
        const auto nl = text.find('\n', begin);
        if (nl == std::string_view::npos) {
            out.push_back(text.substr(begin));
            break;
        }
        auto line = text.substr(begin, nl - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        begin = nl + 1;
    }
    return out;
}

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}
} // namespace

std::optional<NoteChange> Notes::update(std::string_view text, WallTime now) {
    const auto fresh = splitLines(text);
    if (lines_.empty() && fresh.size() == 1 && fresh[0].empty()) return std::nullopt;

    // Lines shared at the start and at the end keep their stamps; only the middle is new or edited.
    const std::size_t oldN = lines_.size(), newN = fresh.size();
    std::size_t head = 0;
    while (head < oldN && head < newN && lines_[head].text == fresh[head])
        ++head;
    std::size_t tail = 0;
    while (tail < oldN - head && tail < newN - head && lines_[oldN - 1 - tail].text == fresh[newN - 1 - tail])
        ++tail;
    if (head == oldN && head == newN) return std::nullopt;

    const std::size_t oldMid = oldN - head - tail, newMid = newN - head - tail;
    std::vector<NoteLine> middle;
    middle.reserve(newMid);
    for (std::size_t i = 0; i < newMid; ++i) {
        NoteLine line{std::nullopt, std::string(fresh[head + i])};
        // A line edited in place (the old middle had a line at the same position) keeps its stamp;
        // a line that first gets text is stamped now.
        if (i < oldMid) line.at = lines_[head + i].at;
        if (!line.at && !blank(line.text)) line.at = now;
        if (line.text.empty()) line.at.reset();
        middle.push_back(std::move(line));
    }
    lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(head),
                 lines_.begin() + static_cast<std::ptrdiff_t>(head + oldMid));
    lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(head), std::make_move_iterator(middle.begin()),
                  std::make_move_iterator(middle.end()));
    return NoteChange{head, newMid, oldN != newN};
}

std::string Notes::text() const {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (i) out += '\n';
        out += lines_[i].text;
    }
    return out;
}

bool Notes::empty() const {
    return std::all_of(lines_.begin(), lines_.end(), [](const NoteLine& l) { return blank(l.text); });
}

} // namespace cc
