#pragma once

#include <string>

namespace cc {
class Settings;
}

namespace cc::ui {

/// The agent's name as snippets and summaries use it: the one in the settings, else the full name the
/// system holds for the user. Never the login name: "this is root" greets no caller, and an empty name
/// leaves a gap the agent sees and fills.
std::string agentName(const Settings& settings);

/// The full name the system holds for the user, or empty when it holds only the login name.
std::string systemFullName();

} // namespace cc::ui
