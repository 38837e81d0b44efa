#pragma once

#include "knowledge/KnowledgeEntry.h"

#include <map>
#include <string>
#include <wx/dialog.h>

class wxTextCtrl;
class wxStaticText;

namespace cc::ui {

/// The label of an entry's field (one of kKnowledgeFields), with its mnemonic ("&Phone").
wxString knowledgeFieldLabel(std::string_view field);

/// Adds or edits one knowledge entry. The core's validate() decides what is acceptable; its answer is
/// shown in the dialog, not in another dialog. With `canDelete`, a Delete button closes it with wxID_DELETE.
class KnowledgeEntryDialog : public wxDialog {
public:
    KnowledgeEntryDialog(wxWindow* parent, const wxString& title, const KnowledgeEntry& entry,
                         bool canDelete = false);
    KnowledgeEntry entry() const;

private:
    KnowledgeEntry original_;
    std::map<std::string, wxTextCtrl*> fields_;
    wxStaticText* problem_;
};

} // namespace cc::ui
