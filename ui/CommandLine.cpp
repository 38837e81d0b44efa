#include "CommandLine.h"

#include <cstdio>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgout.h>

namespace cc::ui {

CommandLine parseCommandLine(int argc, char** argv) {
    wxCmdLineParser parser(argc, argv);
    parser.SetLogo(_("Call Companion: a calm companion for call-centre and help-desk agents."));
    parser.AddSwitch("h", "help", _("show this help and exit"), wxCMD_LINE_OPTION_HELP);
    parser.AddSwitch("", "version", _("print the version and exit"));
    parser.AddOption("", "data-dir", _("keep the database and settings in DIR"), wxCMD_LINE_VAL_STRING);
    parser.AddOption("", "archive", _("open a call archive FILE for review, read-only"), wxCMD_LINE_VAL_STRING);
    parser.SetSwitchChars("-");

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

} // namespace cc::ui
