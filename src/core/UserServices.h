#pragma once

#include "core/Text.h"

#include <string>

namespace cc {

/// How the core reaches the person at the keyboard. The app shows these in the window without ever
/// taking focus or opening a modal dialog; tests record them.
class UserServices {
public:
    enum class Level { Info, Warning, Error };

    virtual ~UserServices() = default;

    /// A one-line message for the agent, e.g. "Your notes could not be saved: the disk is full".
    virtual void notify(Level level, const std::string& message) = 0;
    /// A message the UI shows in the agent's language (English here, and wherever nothing translates).
    virtual void tell(Level level, const Text& message) { notify(level, message.render()); }
};

} // namespace cc
