#pragma once

#include <string>
#include <vector>
#include <wx/string.h>

namespace cc::ui {

/// What the command line asked for.
struct CommandLine {
    bool runGui = false; ///< false: exit at once with exitCode (help, version, bad arguments)
    int exitCode = 0;
    wxString dataDir; ///< --data-dir, empty for the default
    wxString archive; ///< --archive: a call archive to open for review, read-only
};

/// Parses argv with wxCmdLineParser. --help and --version print and exit 0; bad arguments print the
/// error and the usage to stderr and exit 2. Runs before the GUI starts, so it works without a display.
CommandLine parseCommandLine(int argc, char** argv);

/// The commands that run without a display: kb, data, export, call, server, sync.
bool isCommandName(const std::string& word);

/// `call-companion --data-dir D kb search x` as `call-companion kb --data-dir D search x`: an option
/// the whole program takes (--data-dir) may come before the command as well as after it. The words
/// are returned with the command first after the program's name; unchanged if there is no command.
std::vector<std::string> commandFirst(std::vector<std::string> words);

} // namespace cc::ui
