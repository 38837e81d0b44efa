#include "data/DataError.h"

#include <fmt/format.h>

namespace cc {

std::string DataError::toString() const {
    if (line == 0) return fmt::format("{}: {}", file, message);
    if (column == 0) return fmt::format("{}:{}: {}", file, line, message);
    return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

} // namespace cc
