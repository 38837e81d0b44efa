#pragma once

#include <wx/dialog.h>

class wxCheckBox;
class wxChoice;
class wxDirPickerCtrl;
class wxSpinCtrl;
class wxTextCtrl;

namespace cc {
class Settings;
}

namespace cc::ui {

/// Preferences: who the agent is, hold check-back, language and dictionary, window, softphone, data
/// folder and stale-knowledge days, over the typed Settings. Language, dictionary, data folder and
/// stale days are read at start-up; the dialog says so beside them.
class SettingsDialog : public wxDialog {
public:
    /// `dataDirFromCommandLine`: the --data-dir in force, if any (it wins over the setting, so the
    /// folder field is shown but not editable).
    SettingsDialog(wxWindow* parent, const Settings& settings, const wxString& dataDirFromCommandLine);

    /// Writes the fields into `settings`. Returns true if a change waits for the next start.
    bool apply(Settings& settings) const;

private:
    bool TransferDataFromWindow() override;

    wxTextCtrl* agentName_;
    wxTextCtrl* company_;
    wxSpinCtrl* holdCheckBack_;
    wxSpinCtrl* staleDays_;
    wxChoice* language_;
    wxChoice* dictionary_;
    wxCheckBox* onTop_;
    wxCheckBox* startInTray_;
    wxCheckBox* suggest_;
    wxCheckBox* requireOutcome_;
    wxTextCtrl* baresip_;
    wxDirPickerCtrl* dataFolder_;
    wxArrayString languageCodes_;   // parallel to language_'s items; "" is the system's
    wxArrayString dictionaryCodes_; // parallel to dictionary_'s items; "" follows the language
};

} // namespace cc::ui
