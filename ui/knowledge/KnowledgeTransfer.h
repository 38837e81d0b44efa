#pragma once

#include "core/UserServices.h"

#include <filesystem>
#include <optional>
#include <wx/string.h>

class wxWindow;

namespace cc {
class KnowledgeBase;
}

namespace cc::ui {

/// What to tell the agent after an import or export.
struct TransferOutcome {
    UserServices::Level level = UserServices::Level::Info;
    wxString message;
};

/// Asks for a CSV or Markdown file and imports it, on a worker thread with its own connection, behind
/// a progress dialog whose Cancel rolls the whole import back. A file with problems imports nothing and
/// lists them. Nothing is returned if the agent closed the file dialog.
std::optional<TransferOutcome> importKnowledgeFromFile(wxWindow* parent,
                                                       const std::filesystem::path& database);

/// Asks where to save and writes every entry as CSV.
std::optional<TransferOutcome> exportKnowledgeToFile(wxWindow* parent, KnowledgeBase& kb);

} // namespace cc::ui
