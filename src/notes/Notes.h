#pragma once

#include "call/Timeline.h"
#include "core/Clock.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// Which lines an update touched: lines [first, first + count) of the new text are new or changed.
struct NoteChange {
    std::size_t first = 0;
    std::size_t count = 0;
    bool lineCountChanged = false;
    bool masked = false; ///< a sensitive number in these lines was masked: the editor must show the new text
};

/// The free-text notes of a call, as time-stamped lines. The editor hands over its whole text after
/// every edit; unchanged lines keep their stamps, a line edited in place keeps its stamp, and a line
/// gets a stamp when it first holds text.
class Notes {
public:
    /// Takes the editor's new text. Returns what changed, or nothing when the text is the same.
    std::optional<NoteChange> update(std::string_view text, WallTime now);

    std::string text() const;
    const std::vector<NoteLine>& lines() const { return lines_; }
    bool empty() const;

    void assign(std::vector<NoteLine> lines) { lines_ = std::move(lines); }
    /// Replaces a line's text, keeping its stamp (used to mask numbers in place).
    void replaceText(std::size_t line, std::string text) { lines_.at(line).text = std::move(text); }
    void clear() { lines_.clear(); }

private:
    std::vector<NoteLine> lines_;
};

} // namespace cc
