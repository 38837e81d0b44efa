#include "settings/SettingsDialog.h"

#include "app/AppPaths.h"
#include "settings/AgentName.h"
#include "settings/Settings.h"
#include "spell/SpellChecker.h"

#include <chrono>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

namespace cc::ui {

namespace {
// "es_AR" -> "Spanish (Argentina)" in the interface's language where wx knows it, else the code.
wxString languageName(const wxString& code) {
    const wxLanguageInfo* info = wxLocale::FindLanguageInfo(code);
    if (!info) return code;
    return info->DescriptionNative.empty() ? wxGetTranslation(info->Description) : info->DescriptionNative;
}

void select(wxChoice* choice, const wxArrayString& codes, const std::string& code) {
    const int at = codes.Index(wxString::FromUTF8(code));
    choice->SetSelection(at == wxNOT_FOUND ? 0 : at);
}

std::string selected(const wxChoice* choice, const wxArrayString& codes) {
    const int at = choice->GetSelection();
    return at == wxNOT_FOUND ? std::string() : codes[at].utf8_string();
}

/// A labelled row: the label names the control for screen readers too.
void addRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxWindow* control,
            const wxString& tip) {
    auto* text = new wxStaticText(parent, wxID_ANY, label);
    grid->Add(text, 0, wxALIGN_CENTRE_VERTICAL);
    grid->Add(control, 1, wxEXPAND);
    wxString name = wxStripMenuCodes(label);
    if (name.EndsWith(":")) name.RemoveLast();
    control->SetName(name);
    control->SetToolTip(tip);
}

wxStaticText* restartNote(wxWindow* parent,
                          const wxString& text = _("Takes effect when Call Companion starts again.")) {
    auto* note = new wxStaticText(parent, wxID_ANY, text);
    note->SetFont(note->GetFont().Italic());
    return note;
}
} // namespace

SettingsDialog::SettingsDialog(wxWindow* parent, const Settings& settings,
                               const wxString& dataDirFromCommandLine)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("settings");
    const int gap = FromDIP(6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto group = [&](const wxString& title) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
        auto* grid = new wxFlexGridSizer(2, gap, gap * 2);
        grid->AddGrowableCol(1, 1);
        box->Add(grid, 0, wxEXPAND | wxALL, gap);
        sizer->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);
        return std::make_pair(box, grid);
    };

    // TRANSLATORS: settings about the agent: their name and company, used in scripts and snippets.
    auto [youBox, you] = group(_("You"));
    agentName_ = new wxTextCtrl(youBox->GetStaticBox(), wxID_ANY, wxString::FromUTF8(settings.agentName()));
    agentName_->SetHint(wxString::FromUTF8(systemFullName()));
    addRow(youBox->GetStaticBox(), you, _("&Your name:"), agentName_,
           _("Fills {agent_name} in scripts, snippets and summaries; empty: the full name your computer "
             "holds for you, if any"));
    company_ = new wxTextCtrl(youBox->GetStaticBox(), wxID_ANY, wxString::FromUTF8(settings.company()));
    addRow(youBox->GetStaticBox(), you, _("&Company:"), company_,
           _("Fills {company} in scripts and snippets"));

    auto [callsBox, calls] = group(_("Calls"));
    holdCheckBack_ =
        new wxSpinCtrl(callsBox->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                       wxSP_ARROW_KEYS, 10, 3600, static_cast<int>(settings.holdCheckBackAfter().count()));
    addRow(callsBox->GetStaticBox(), calls, _("&Hold check-back after (seconds):"), holdCheckBack_,
           _("How long a customer waits on hold before the reminder to check back with them, and between "
             "reminders"));
    staleDays_ = new wxSpinCtrl(callsBox->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                                wxDefaultSize, wxSP_ARROW_KEYS, 1, 3650, settings.staleDays());
    addRow(callsBox->GetStaticBox(), calls, _("&Knowledge is stale after (days):"), staleDays_,
           _("A knowledge base entry not verified for this many days is marked stale"));
    calls->AddSpacer(0);
    calls->Add(restartNote(callsBox->GetStaticBox(),
                           _("The stale days take effect when Call Companion starts again.")));
    requireOutcome_ =
        new wxCheckBox(callsBox->GetStaticBox(), wxID_ANY, _("Require an o&utcome before Done"));
    requireOutcome_->SetValue(settings.requireOutcome());
    requireOutcome_->SetToolTip(
        _("Wrap-up is not done (Ctrl+D) until the call has an outcome; a new call still "
          "finishes it"));
    calls->AddSpacer(0);
    calls->Add(requireOutcome_);

    auto [langBox, lang] = group(_("Language"));
    languageCodes_.Add(wxString());
    language_ = new wxChoice(langBox->GetStaticBox(), wxID_ANY);
    language_->Append(_("The system's language"));
    languageCodes_.Add("en");
    language_->Append(languageName("en"));
    wxArrayString available = wxTranslations::Get()
                                  ? wxTranslations::Get()->GetAvailableTranslations("call-companion")
                                  : wxArrayString();
    available.Sort();
    for (const wxString& code : available) {
        if (languageCodes_.Index(code) != wxNOT_FOUND) continue;
        languageCodes_.Add(code);
        language_->Append(languageName(code));
    }
    select(language_, languageCodes_, settings.uiLanguage());
    addRow(langBox->GetStaticBox(), lang, _("&Interface language:"), language_,
           _("The language of menus, buttons and messages"));
    dictionaryCodes_.Add(wxString());
    dictionary_ = new wxChoice(langBox->GetStaticBox(), wxID_ANY);
    dictionary_->Append(_("Follow the interface language"));
    for (const auto& code : SpellChecker::installedDictionaries(AppPaths::dictionaryDirs())) {
        dictionaryCodes_.Add(wxString::FromUTF8(code));
        dictionary_->Append(
            wxString::Format("%s (%s)", languageName(wxString::FromUTF8(code)), wxString::FromUTF8(code)));
    }
    select(dictionary_, dictionaryCodes_, settings.spellLanguage());
    addRow(langBox->GetStaticBox(), lang, _("Spell-check &dictionary:"), dictionary_,
           _("The installed Hunspell dictionary the notes are checked with"));
    lang->AddSpacer(0);
    lang->Add(restartNote(langBox->GetStaticBox()));

    auto [windowBox, window] = group(_("Window"));
    onTop_ = new wxCheckBox(windowBox->GetStaticBox(), wxID_ANY, _("Always on &top"));
    onTop_->SetValue(settings.alwaysOnTop());
    onTop_->SetToolTip(_("Keep the window above the softphone and other windows (Ctrl+T)"));
    startInTray_ = new wxCheckBox(windowBox->GetStaticBox(), wxID_ANY, _("Start in the t&ray"));
    startInTray_->SetValue(settings.startInTray());
    startInTray_->SetToolTip(_("Start with only the tray icon showing; click it to show the window. "
                               "Without a tray on the desktop, the window shows anyway."));
    suggest_ = new wxCheckBox(windowBox->GetStaticBox(), wxID_ANY, _("Suggest re&ferrals from the notes"));
    suggest_->SetValue(settings.suggestReferrals());
    suggest_->SetToolTip(
        _("While you type notes, a line under them names the knowledge base's best referral for "
          "what you wrote, when it is a clear match; Alt+I inserts it. It never takes the keyboard."));
    window->Add(onTop_);
    window->AddSpacer(0);
    window->Add(startInTray_);
    window->AddSpacer(0);
    window->Add(suggest_);

    auto [phoneBox, phone] = group(_("Softphone"));
    baresip_ =
        new wxTextCtrl(phoneBox->GetStaticBox(), wxID_ANY, wxString::FromUTF8(settings.baresipAddress()));
    // TRANSLATORS: an example network address; keep it as it is.
    baresip_->SetHint(_("127.0.0.1:4444"));
    addRow(phoneBox->GetStaticBox(), phone, _("&baresip address:"), baresip_,
           _("Where baresip's ctrl_tcp module listens (host:port); empty: not connected"));

    auto [dataBox, data] = group(_("Storage"));
    dataFolder_ =
        new wxDirPickerCtrl(dataBox->GetStaticBox(), wxID_ANY, wxString::FromUTF8(settings.dataFolder()),
                            _("Choose the folder for calls and notes"), wxDefaultPosition, wxDefaultSize,
                            wxDIRP_USE_TEXTCTRL | wxDIRP_SMALL);
    addRow(dataBox->GetStaticBox(), data, _("Data &folder:"), dataFolder_,
           _("Where calls, notes and your own snippets are kept; empty: the standard place"));
    data->AddSpacer(0);
    if (!dataDirFromCommandLine.empty()) {
        dataFolder_->Disable();
        data->Add(new wxStaticText(
            dataBox->GetStaticBox(), wxID_ANY,
            wxString::Format(_("This run uses %s, given with --data-dir."), dataDirFromCommandLine)));
    } else {
        data->Add(restartNote(dataBox->GetStaticBox()));
    }

    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap * 2);
    SetSizerAndFit(sizer);
    agentName_->SetFocus();
}

bool SettingsDialog::TransferDataFromWindow() {
    if (!Settings::isBaresipAddress(baresip_->GetValue().Strip(wxString::both).utf8_string())) {
        wxMessageBox(_("The baresip address is host:port, such as 127.0.0.1:4444, or empty."), _("Settings"),
                     wxOK | wxICON_WARNING, this);
        baresip_->SetFocus();
        return false;
    }
    return wxDialog::TransferDataFromWindow();
}

bool SettingsDialog::apply(Settings& settings) const {
    // These are read once, at start-up (the catalogs, the dictionary, the database, the search panel).
    const bool restart = selected(language_, languageCodes_) != settings.uiLanguage() ||
                         selected(dictionary_, dictionaryCodes_) != settings.spellLanguage() ||
                         dataFolder_->GetPath().utf8_string() != settings.dataFolder() ||
                         staleDays_->GetValue() != settings.staleDays();
    settings.setAgentName(agentName_->GetValue().Strip(wxString::both).utf8_string());
    settings.setCompany(company_->GetValue().Strip(wxString::both).utf8_string());
    settings.setHoldCheckBackAfter(std::chrono::seconds(holdCheckBack_->GetValue()));
    settings.setStaleDays(staleDays_->GetValue());
    settings.setUiLanguage(selected(language_, languageCodes_));
    settings.setSpellLanguage(selected(dictionary_, dictionaryCodes_));
    settings.setAlwaysOnTop(onTop_->GetValue());
    settings.setStartInTray(startInTray_->GetValue());
    settings.setSuggestReferrals(suggest_->GetValue());
    settings.setRequireOutcome(requireOutcome_->GetValue());
    settings.setBaresipAddress(baresip_->GetValue().Strip(wxString::both).utf8_string());
    if (dataFolder_->IsEnabled()) settings.setDataFolder(dataFolder_->GetPath().utf8_string());
    settings.flush();
    return restart;
}

} // namespace cc::ui
