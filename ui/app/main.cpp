// call-companion: parses the command line without a display, then starts the GUI.
#include "app/CompanionApp.h"
#include "cli/CommandLine.h"
#include "cli/HeadlessCommands.h"

#include <clocale>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    // --data-dir before a command moves after it, where each command's parser reads it.
    std::vector<std::string> words(argv, argv + argc);
    words = cc::ui::commandFirst(std::move(words));
    std::vector<char*> reordered;
    for (std::string& w : words)
        reordered.push_back(w.data());
    reordered.push_back(nullptr);
    if (cc::ui::isHeadlessCommand(argc, reordered.data())) return cc::ui::runHeadless(argc, reordered.data());
    const cc::ui::CommandLine cmd = cc::ui::parseCommandLine(argc, argv);
    if (!cmd.runGui) return cmd.exitCode;
    return cc::ui::runGui(argc, argv, cmd);
}
