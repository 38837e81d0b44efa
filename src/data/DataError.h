#pragma once

#include <cstdint>
#include <string>

namespace cc {

/// A problem in one of the human-edited files in data/, located for the person who edits it.
struct DataError {
    std::string file;
    std::uint32_t line = 0;   ///< 1-based; 0 when the problem is the whole file
    std::uint32_t column = 0; ///< 1-based; 0 when unknown
    std::string message;

    /// "data/outcomes.toml:12:3: message", the form editors and compilers use.
    std::string toString() const;
};

} // namespace cc
