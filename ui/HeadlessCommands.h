#pragma once

namespace cc::ui {

/// True if argv names a command that runs without a display ("kb ...").
bool isHeadlessCommand(int argc, char** argv);

/// Runs it on the core, printing to stdout/stderr; returns the exit status (2 for bad arguments).
int runHeadless(int argc, char** argv);

} // namespace cc::ui
