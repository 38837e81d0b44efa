#include "knowledge/KnowledgeTransfer.h"

#include "app/BackgroundJob.h"
#include "core/Platform.h"
#include "core/WholeFile.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeFiles.h"
#include "store/Database.h"

#include <fstream>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace cc::ui {

std::optional<TransferOutcome> importKnowledgeFromFile(wxWindow* parent,
                                                       const std::filesystem::path& database) {
    wxFileDialog pick(parent, _("Import knowledge entries"), wxString(), wxString(),
                      _("CSV or Markdown (*.csv;*.md)|*.csv;*.md|All files|*"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() != wxID_OK) return std::nullopt;
    const KnowledgeRead read = readKnowledgePath(pathFromUtf8(pick.GetPath().utf8_string()));
    if (!read.errors.empty()) {
        wxString list;
        for (std::size_t i = 0; i < read.errors.size() && i < 15; ++i)
            list += wxString::FromUTF8(read.errors[i].toString()) + "\n";
        if (read.errors.size() > 15) list += wxString::Format(_("…and %zu more"), read.errors.size() - 15);
        wxMessageBox(_("Nothing was imported. Fix these lines and import again:") + "\n\n" + list,
                     _("Import knowledge"), wxOK | wxICON_WARNING, parent);
        return TransferOutcome{UserServices::Level::Warning,
                               _("Nothing was imported: the file has problems")};
    }
    if (read.entries.empty())
        return TransferOutcome{UserServices::Level::Warning, _("The file holds no entries")};

    // The import runs on its own connection and thread; all or nothing, so Cancel changes nothing.
    const auto total = static_cast<int>(read.entries.size());
    const auto outcome = runWithProgress<bool>(parent, _("Import knowledge"), _("Importing entries…"),
                                               [&](const Progress& progress) {
                                                   Database db(database);
                                                   KnowledgeBase kb(db);
                                                   return kb.importAll(read.entries, progress);
                                               });
    if (!outcome.failure.empty())
        return TransferOutcome{UserServices::Level::Error, _("The import failed and changed nothing: ") +
                                                               wxString::FromUTF8(outcome.failure)};
    if (outcome.cancelled || !outcome.result || !*outcome.result)
        return TransferOutcome{UserServices::Level::Info, _("Import cancelled; nothing changed")};
    return TransferOutcome{
        UserServices::Level::Info,
        wxString::Format(wxPLURAL("Imported %d entry", "Imported %d entries", total), total)};
}

std::optional<TransferOutcome> exportKnowledgeToFile(wxWindow* parent, KnowledgeBase& kb) {
    wxFileDialog pick(parent, _("Export knowledge entries"), wxString(), "knowledge.csv",
                      _("CSV (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (pick.ShowModal() != wxID_OK) return std::nullopt;
    try {
        const std::string csv = writeKnowledgeCsv(kb.all());
        writeFileWhole(pathFromUtf8(pick.GetPath().utf8_string()), [&csv](std::ostream& out) { out << csv; });
    } catch (const std::exception& e) {
        return TransferOutcome{UserServices::Level::Error, wxString::FromUTF8(e.what())};
    }
    return TransferOutcome{UserServices::Level::Info, _("Knowledge exported")};
}

} // namespace cc::ui
