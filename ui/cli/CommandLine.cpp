#include "cli/CommandLine.h"

#include "cli/HeadlessCommands.h"

#include <cstdio>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgout.h>

namespace cc::ui {

CommandLine parseCommandLine(int argc, char** argv) {
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc, argv);
    parser.SetLogo(_("Call Companion: a calm companion for call-centre and help-desk agents.") + "\n\n" +
                   _("Commands that run without a window (each has its own --help):\n"
                     "  kb search|import|export   the referral knowledge base\n"
                     "  export                    calls as CSV, JSON, an HTML report or an archive\n"
                     "  data check [DIR]          check a data pack before it ships\n"
                     "  call incoming|start|hold|resume|end   a softphone hook\n"
                     "  server init|migrate|status   the team server (PostgreSQL)\n"
                     "  sync                      send finished calls to the team server now\n"
                     "--data-dir may come before the command or after it."));
    parser.AddSwitch("h", "help", _("show this help and exit"), wxCMD_LINE_OPTION_HELP);
    parser.AddSwitch("", "version", _("print the version and exit"));
    parser.AddOption("", "data-dir", _("keep the database and settings in DIR"), wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "archive", _("open a call archive FILE for review, read-only"),
                     wxCMD_LINE_VAL_STRING);

    CommandLine out;
    wxMessageOutputStderr err(stderr);
    const wxMessageOutput* previous = wxMessageOutput::Set(&err);
    const int rc = parser.Parse(false);
    wxMessageOutput::Set(const_cast<wxMessageOutput*>(previous));

    if (rc == -1) {
        std::fputs(parser.GetUsageString().utf8_str(), stdout);
        return out;
    }
    if (rc != 0) {
        std::fputs(parser.GetUsageString().utf8_str(), stderr);
        out.exitCode = 2;
        return out;
    }
    if (parser.Found("version")) {
        std::printf("call-companion %s\n", CC_VERSION);
        return out;
    }
    parser.Found("data-dir", &out.dataDir);
    if (parser.Found("data-dir") && out.dataDir.empty()) {
        std::fputs("call-companion: --data-dir needs a folder\n", stderr);
        std::fputs(parser.GetUsageString().utf8_str(), stderr);
        out.exitCode = 2;
        return out;
    }
    if (parser.Found("archive", &out.archive)) {
        wxFileName file(out.archive);
        file.MakeAbsolute(); // a running companion may have another working folder
        out.archive = file.GetFullPath();
    }
    out.runGui = true;
    return out;
}

bool isCommandName(const std::string& word) {
    return word == "kb" || word == "data" || word == "export" || word == "call" || word == "server" ||
           word == "sync";
}

std::vector<std::string> commandFirst(std::vector<std::string> words) {
    // Global options, each with its value, up to the first word that is a command.
    std::vector<std::string> global;
    std::size_t i = 1;
    while (i < words.size()) {
        if (words[i] == "--data-dir" && i + 1 < words.size()) {
            global.insert(global.end(), {words[i], words[i + 1]});
            i += 2;
        } else if (words[i].rfind("--data-dir=", 0) == 0) {
            global.push_back(words[i]);
            ++i;
        } else {
            break;
        }
    }
    if (global.empty() || i >= words.size() || !isCommandName(words[i])) return words;
    std::vector<std::string> out{words[0], words[i]};
    out.insert(out.end(), global.begin(), global.end());
    out.insert(out.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
    return out;
}

} // namespace cc::ui
