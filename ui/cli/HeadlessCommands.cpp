#include "cli/HeadlessCommands.h"

#include "cli/CommandLine.h"
#include "cli/ExportCommand.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>
#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/init.h>
#include <wx/msgout.h>
#include <wx/stdpaths.h>

namespace cc::ui {

void err(const std::string& s) {
    std::fprintf(stderr, "call-companion: %s\n", s.c_str());
}

int usage(wxCmdLineParser& parser) {
    std::fputs(parser.GetUsageString().utf8_str(), stderr);
    return 2;
}

void setUtf8CommandLine(wxCmdLineParser& parser, int argc, char** argv) {
    std::vector<std::wstring> words;
    for (int i = 0; i < argc; ++i)
        words.push_back(wxString::FromUTF8(argv[i]).ToStdWstring());
    std::vector<wchar_t*> wide;
    for (std::wstring& w : words)
        wide.push_back(w.data());
    wide.push_back(nullptr);
    parser.SetCmdLine(argc, wide.data()); // copies the words
    parser.SetSwitchChars("-"); // on Windows too, where wx would also take "/h" (and a path "/x" as a switch)
}

void addCommonOptions(wxCmdLineParser& parser) {
    parser.AddSwitch("h", "help", "show this help", wxCMD_LINE_OPTION_HELP);
    parser.AddOption("", "data-dir", "the data folder (default: the user's)", wxCMD_LINE_VAL_STRING);
}

std::optional<int> parseOrExit(wxCmdLineParser& parser) {
    const int rc = parser.Parse(false);
    if (rc == -1) {
        std::fputs(parser.GetUsageString().utf8_str(), stdout);
        return 0;
    }
    if (rc != 0) return usage(parser);
    return std::nullopt;
}

bool isHeadlessCommand(int argc, char** argv) {
    return argc >= 2 && isCommandName(argv[1]);
}

int runHeadless(int argc, char** argv) {
    // A console application object: standard paths and message output work, and no display is opened.
    wxApp::SetInstance(new wxAppConsole);
    wxInitializer init(argc, argv);
    if (!init.IsOk()) {
        err("cannot initialise");
        return 1;
    }
    wxMessageOutputStderr errOut(stderr);
    wxMessageOutput::Set(&errOut);
    // Not wxTheApp: in a GUI build that casts to wxApp, and this object is only a wxAppConsole (UBSan).
    wxAppConsole::GetInstance()->SetAppName("call-companion");
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    // One file a command (cli/), each parsing its words with addCommonOptions and parseOrExit.
    int rc = 2;
    try {
        if (std::strcmp(argv[1], "call") == 0)
            rc = runCallHook(argc, argv);
        else if (std::strcmp(argv[1], "data") == 0)
            rc = runDataCommand(argc, argv);
        else if (std::strcmp(argv[1], "export") == 0)
            rc = runExportCommand(argc, argv);
        else if (std::strcmp(argv[1], "server") == 0)
            rc = runServerCommand(argc, argv);
        else if (std::strcmp(argv[1], "sync") == 0)
            rc = runSyncCommand(argc, argv);
        else
            rc = runKbCommand(argc, argv);
    } catch (const std::exception& e) {
        err(e.what());
        rc = 1;
    }
    wxMessageOutput::Set(nullptr); // errOut ends with this scope
    return rc;
}

} // namespace cc::ui
