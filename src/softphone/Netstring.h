#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// "<length>:<payload>," as baresip's ctrl_tcp frames its JSON.
std::string encodeNetstring(std::string_view payload);

/// Cuts a TCP byte stream into netstrings. Frames may arrive split across reads or several in one;
/// a frame that is not a netstring, or longer than `maxFrame`, is reported and skipped, and reading
/// carries on at the next frame that looks right.
class NetstringDecoder {
public:
    explicit NetstringDecoder(std::size_t maxFrame = 256 * 1024) : maxFrame_(maxFrame) {}

    struct Result {
        std::vector<std::string> frames;
        std::vector<std::string> problems;
    };
    Result feed(std::string_view bytes);
    /// Bytes held back waiting for the rest of a frame.
    std::size_t pending() const { return buffer_.size(); }

private:
    std::size_t maxFrame_;
    std::string buffer_;
};

} // namespace cc
