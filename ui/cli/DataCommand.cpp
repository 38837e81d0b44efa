// call-companion data check [DIR]: a data pack checked before it ships.
#include "app/AppPaths.h"
#include "cli/HeadlessCommands.h"
#include "core/Platform.h"
#include "pack/DataPack.h"

#include <cstdio>
#include <wx/cmdline.h>

namespace cc::ui {

int runDataCommand(int argc, char** argv) {
    wxCmdLineParser parser;
    setUtf8CommandLine(parser, argc - 1, argv + 1);
    parser.SetLogo(
        "call-companion data check [DIR]: checks a data pack (scripts, prompt rules, practice calls,\n"
        "snippets, outcomes, the summary template, knowledge files) before it ships. Prints every\n"
        "problem as file:line:column and exits 1 if there is one. DIR: the installed data by default.\n"
        "With --data-dir, the agent's own snippets and scorecards in that folder are checked too.");
    addCommonOptions(parser);
    parser.AddParam("check", wxCMD_LINE_VAL_STRING);
    parser.AddParam("DIR", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    if (const auto done = parseOrExit(parser)) return *done;
    if (parser.GetParam(0) != "check") return usage(parser);
    wxString dataDir;
    const bool local = parser.Found("data-dir", &dataDir);
    const wxString dir = parser.GetParamCount() > 1 ? parser.GetParam(1) : AppPaths::contentDir();
    const auto problems =
        DataPack(pathFromUtf8(dir.utf8_string()),
                 local ? pathFromUtf8(AppPaths::dataDir(dataDir).utf8_string()) : std::filesystem::path())
            .check();
    for (const auto& p : problems)
        std::printf("%s\n", p.toString().c_str());
    if (problems.empty())
        std::printf("%s: no problems found\n", dir.utf8_str().data());
    else
        std::fprintf(stderr, "%zu problem(s) in %s\n", problems.size(), dir.utf8_str().data());
    return problems.empty() ? 0 : 1;
}

} // namespace cc::ui
