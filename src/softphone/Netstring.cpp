#include "softphone/Netstring.h"

#include <algorithm>
#include <fmt/format.h>

namespace cc {

std::string encodeNetstring(std::string_view payload) {
    return fmt::format("{}:{},", payload.size(), payload);
}

NetstringDecoder::Result NetstringDecoder::feed(std::string_view bytes) {
    Result out;
    buffer_.append(bytes);
    std::size_t pos = 0;
    auto isDigit = [this](std::size_t k) { return buffer_[k] >= '0' && buffer_[k] <= '9'; };
    auto skipFrom = [&](std::size_t from, std::string why) {
        out.problems.push_back(std::move(why));
        // Resynchronise at the next length: digits that do not continue the bad one.
        pos = from;
        while (pos < buffer_.size() && !(isDigit(pos) && !isDigit(pos - 1)))
            ++pos;
    };
    while (pos < buffer_.size()) {
        std::size_t i = pos;
        std::size_t length = 0;
        while (i < buffer_.size() && buffer_[i] >= '0' && buffer_[i] <= '9' && i - pos < 10) {
            length = length * 10 + static_cast<std::size_t>(buffer_[i] - '0');
            ++i;
        }
        if (i == buffer_.size()) break; // the length is still arriving
        if (i == pos || buffer_[i] != ':') {
            skipFrom(std::max(i, pos + 1), fmt::format("not a netstring at byte {:?}", buffer_[pos]));
            continue;
        }
        if (length > maxFrame_) {
            skipFrom(i + 1,
                     fmt::format("a frame of {} bytes is longer than the {} allowed", length, maxFrame_));
            continue;
        }
        const std::size_t end = i + 1 + length; // where the ',' must be
        if (end >= buffer_.size()) break;       // the payload is still arriving
        if (buffer_[end] != ',') {
            skipFrom(i + 1, "a netstring without its closing ','");
            continue;
        }
        out.frames.emplace_back(buffer_, i + 1, length);
        pos = end + 1;
    }
    buffer_.erase(0, pos);
    // A stream of garbage with no frame start must not grow without bound.
    if (buffer_.size() > maxFrame_ + 16) {
        out.problems.push_back("discarded a run of bytes that never became a frame");
        buffer_.clear();
    }
    return out;
}

} // namespace cc
