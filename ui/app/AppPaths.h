#pragma once

#include <filesystem>
#include <wx/string.h>

namespace cc::ui {

/// Where the app keeps and finds things. Needs a running wxApp (wxStandardPaths).
struct AppPaths {
    /// The user's data folder: --data-dir if given, else the one chosen in the settings, else
    /// $XDG_DATA_HOME/call-companion.
    static wxString dataDir(const wxString& override);
    /// The settings file: settings.ini inside --data-dir if given, else $XDG_CONFIG_HOME/call-companion/.
    static wxString settingsFile(const wxString& dataDirOverride);
    /// The bundled content (outcomes, scripts, knowledge base): the installed share/call-companion/data,
    /// or the source tree's data/ when running from a build.
    static wxString contentDir();
    /// contentDir() as a path, for the data pack (pack/DataPack).
    static std::filesystem::path packDir() { return std::filesystem::path(contentDir().utf8_string()); }
    /// The translations' folder (<lang>/LC_MESSAGES/call-companion.mo): the installed share/locale
    /// beside the installed content, or the build tree's locale/ when running from a build.
    static wxString localeDir();
};

} // namespace cc::ui
