// call-companion: parses the command line without a display, then starts the GUI.
#include "CommandLine.h"
#include "CompanionApp.h"
#include "HeadlessCommands.h"

#include <clocale>

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    if (cc::ui::isHeadlessCommand(argc, argv)) return cc::ui::runHeadless(argc, argv);
    const cc::ui::CommandLine cmd = cc::ui::parseCommandLine(argc, argv);
    if (!cmd.runGui) return cmd.exitCode;
    return cc::ui::runGui(argc, argv, cmd);
}
