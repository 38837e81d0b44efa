#pragma once

#include <optional>
#include <string>

class wxCmdLineParser;

namespace cc::ui {

/// "call-companion: MESSAGE" on stderr, for the headless commands.
void err(const std::string& message);
/// Prints the parser's usage to stderr; returns 2, the status for bad arguments.
int usage(wxCmdLineParser& parser);

/// Gives `parser` the words argv[0..argc), which are UTF-8 (main() makes them so on Windows too): wx
/// would read char** words in the C library's locale, the ANSI code page on Windows.
void setUtf8CommandLine(wxCmdLineParser& parser, int argc, char** argv);

/// The options every command takes, before or after its name: --help and --data-dir DIR.
void addCommonOptions(wxCmdLineParser& parser);
/// Parses. --help prints the usage to stdout (0); bad words print the error and the usage to stderr
/// (2). Nothing when the command goes on.
std::optional<int> parseOrExit(wxCmdLineParser& parser);

/// The commands, one file each in cli/; argv[1] is the command's name. Each returns the exit status.
int runKbCommand(int argc, char** argv);     ///< kb import|export|search
int runDataCommand(int argc, char** argv);   ///< data check [DIR]
int runServerCommand(int argc, char** argv); ///< server init|migrate|status
int runSyncCommand(int argc, char** argv);   ///< sync: the outbox sent now
/// call incoming|start|hold|resume|end: its own words are read by the core's parseCallCommand (the
/// one parser softphones' hooks are fuzzed against); --help and --data-dir as everywhere.
int runCallHook(int argc, char** argv);

/// True if argv names a command that runs without a display ("kb ...").
bool isHeadlessCommand(int argc, char** argv);

/// Runs it on the core, printing to stdout/stderr; returns the exit status (2 for bad arguments).
int runHeadless(int argc, char** argv);

} // namespace cc::ui
