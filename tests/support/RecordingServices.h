#pragma once

#include "core/UserServices.h"

#include <string>
#include <vector>

namespace cc::test {

/// Records what the core told the person.
class RecordingServices final : public UserServices {
public:
    struct Message {
        Level level;
        std::string text;
    };
    void notify(Level level, const std::string& message) override { messages.push_back({level, message}); }
    std::vector<Message> messages;
};

} // namespace cc::test
