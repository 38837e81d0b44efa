// call-companion call incoming|start|hold|resume|end: the softphone hook.
#include "app/AppPaths.h"
#include "app/InstanceGuard.h"
#include "cli/HeadlessCommands.h"
#include "core/Platform.h"
#include "softphone/CallCommand.h"
#include "store/DataDir.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace cc::ui {

/// call-companion call incoming|start|hold|resume|end [--number N] [--name NAME] [--data-dir DIR]
/// Hands the event to the running companion over wx IPC and returns at once (softphones wait for their
/// hook programs). With none running, the event is queued in the data folder and the companion started;
/// it applies queued events less than a minute old when it starts.
///
/// Its words are read by softphone/CallCommand rather than wxCmdLineParser, which the other commands
/// share: softphones build this command line themselves, and MicroSIP leaves a dangling "--number" when
/// it has no number, which must deliver the event rather than fail the call.
int runCallHook(int argc, char** argv) {
    std::vector<std::string> args;
    wxString dataDirOption;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data-dir" && i + 1 < argc)
            dataDirOption = wxString::FromUTF8(argv[++i]);
        else if (a.rfind("--data-dir=", 0) == 0)
            dataDirOption = wxString::FromUTF8(a.substr(11));
        else if (a == "-h" || a == "--help") {
            std::puts(
                "Usage: call-companion call incoming|start|hold|resume|end [--number N] [--name NAME] "
                "[--data-dir DIR]\n"
                "Tells the running Call Companion about a call, for softphone hooks. A number given last\n"
                "without --number is taken as the caller's number (MicroSIP appends it).");
            return 0;
        } else
            args.push_back(a);
    }
    const auto parsed = parseCallCommand(args);
    if (!parsed.command) {
        err(parsed.error);
        std::fputs("Usage: call-companion call incoming|start|hold|resume|end [--number N] [--name NAME]\n",
                   stderr);
        return 2;
    }
    const wxString dataDir = AppPaths::dataDir(dataDirOption);
    const DataDir dir(pathFromUtf8(dataDir.utf8_string()));
    dir.prepare();
    const std::string line = encodeCallCommand(*parsed.command);
    {
        InstanceGuard guard(dataDir);
        if (guard.anotherIsRunning()) {
            if (guard.sendToRunning(wxString::FromUTF8(line))) return 0;
            err("Call Companion is running but did not answer; the call event was not delivered");
            return 1;
        }
    } // the lock is released here, before the companion starts and takes it
    std::ofstream queue(dir.root() / "queued-commands", std::ios::app);
    queue << std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count()
          << '\t' << line << '\n';
    queue.close();
    const wxString self = wxStandardPaths::Get().GetExecutablePath();
    const wxString cmd = "\"" + self + "\" --data-dir \"" + dataDir + "\"";
    if (wxExecute(cmd, wxEXEC_ASYNC | wxEXEC_MAKE_GROUP_LEADER) <= 0) {
        err("Call Companion was not running and could not be started; the call event is queued for its next "
            "start");
        return 1;
    }
    std::fprintf(stderr,
                 "call-companion: it was not running, so it was started; the call event is queued for it\n");
    return 0;
}

} // namespace cc::ui
