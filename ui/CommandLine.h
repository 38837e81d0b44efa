#pragma once

#include <wx/string.h>

namespace cc::ui {

/// What the command line asked for.
struct CommandLine {
    bool runGui = false; ///< false: exit at once with exitCode (help, version, bad arguments)
    int exitCode = 0;
    wxString dataDir;    ///< --data-dir, empty for the default
    wxString archive;    ///< --archive: a call archive to open for review, read-only
};

/// Parses argv with wxCmdLineParser. --help and --version print and exit 0; bad arguments print the
/// error and the usage to stderr and exit 2. Runs before the GUI starts, so it works without a display.
CommandLine parseCommandLine(int argc, char** argv);

} // namespace cc::ui
