// call-companion: parses the command line without a display, then starts the GUI.
#include "app/CompanionApp.h"
#include "cli/CommandLine.h"
#include "cli/HeadlessCommands.h"

#include <clocale>
#include <string>
#include <vector>

#ifdef _WIN32
#include <cstdio>
#include <windows.h>
// clang-format off: shellapi.h needs windows.h's types
#include <shellapi.h>
// clang-format on
#include <wx/strconv.h>
#include <wx/string.h>

namespace {
// The words as the user typed them, in UTF-8: Windows hands main() its words in the ANSI code page,
// where a folder named "José" or "Дарья" cannot be spelled.
std::vector<std::string> utf8Words() {
    int count = 0;
    wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
    std::vector<std::string> words;
    for (int i = 0; i < count; ++i)
        words.push_back(wxString(wide[i]).utf8_string());
    ::LocalFree(wide);
    return words;
}

// The exe is a GUI program (no console window of its own opens beside the app, nor when MicroSIP runs
// the call hook); typed in cmd.exe, --help and the headless commands write to the console it came from.
void useParentConsole() {
    const auto kind = [](DWORD which) { return ::GetFileType(::GetStdHandle(which)); };
    if (kind(STD_OUTPUT_HANDLE) != FILE_TYPE_UNKNOWN || kind(STD_ERROR_HANDLE) != FILE_TYPE_UNKNOWN)
        return; // already going to a file or a pipe
    if (!::AttachConsole(ATTACH_PARENT_PROCESS)) return;
    std::freopen("CONOUT$", "w", stdout);
    std::freopen("CONOUT$", "w", stderr);
    ::SetConsoleOutputCP(CP_UTF8);
}
} // namespace
#endif

int main(int argc, [[maybe_unused]] char** argv) {
    std::setlocale(LC_ALL, "");
#ifdef _WIN32
    useParentConsole();
    // Every narrow string in Call Companion is UTF-8 (its sources, its data files, SQLite), and wx reads a
    // narrow string (a literal with "·" or "…", a gettext message id) in the C library's encoding: the
    // ANSI code page on Windows, where "·" would show as "Â·". MinGW's C library has no UTF-8 locale to
    // set, so wx is told directly.
    wxConvLibcPtr = &wxConvUTF8;
    std::vector<std::string> words = utf8Words();
    argc = static_cast<int>(words.size());
#else
    std::vector<std::string> words(argv, argv + argc);
#endif
    std::vector<char*> original;
    for (std::string& w : words)
        original.push_back(w.data());
    original.push_back(nullptr);
    // --data-dir before a command moves after it, where each command's parser reads it.
    std::vector<std::string> moved = cc::ui::commandFirst(words);
    std::vector<char*> reordered;
    for (std::string& w : moved)
        reordered.push_back(w.data());
    reordered.push_back(nullptr);
    if (cc::ui::isHeadlessCommand(argc, reordered.data())) return cc::ui::runHeadless(argc, reordered.data());
    const cc::ui::CommandLine cmd = cc::ui::parseCommandLine(argc, original.data());
    if (!cmd.runGui) return cmd.exitCode;
    return cc::ui::runGui(argc, original.data(), cmd);
}
