#pragma once

#include <string>

class wxCmdLineParser;

namespace cc::ui {

/// "call-companion: MESSAGE" on stderr, for the headless commands.
void err(const std::string& message);
/// Prints the parser's usage to stderr; returns 2, the status for bad arguments.
int usage(wxCmdLineParser& parser);

/// True if argv names a command that runs without a display ("kb ...").
bool isHeadlessCommand(int argc, char** argv);

/// Runs it on the core, printing to stdout/stderr; returns the exit status (2 for bad arguments).
int runHeadless(int argc, char** argv);

} // namespace cc::ui
