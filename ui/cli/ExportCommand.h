#pragma once

namespace cc::ui {

/// call-companion export --format csv|json|html|archive [--from DATE] [--to DATE] [--call ID]
///                       [--archive FILE] [--data-dir DIR] OUT
/// Runs on the core without a display; returns the exit status (2 for bad arguments).
int runExportCommand(int argc, char** argv);

} // namespace cc::ui
