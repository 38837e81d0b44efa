#pragma once

#include <filesystem>
#include <vector>
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
    /// The data pack in use (pack/DataPack): the team's pack if one was put in use (usePack), else
    /// contentDir().
    static std::filesystem::path packDir();
    /// The team's pack in `folder` is the content from now on.
    static void usePack(std::filesystem::path folder);
    /// The translations' folder (<lang>/LC_MESSAGES/call-companion.mo): the installed share/locale
    /// beside the installed content, or the build tree's locale/ when running from a build.
    static wxString localeDir();
    /// Where Hunspell dictionaries are looked for before the system's: the installed dictionaries/
    /// beside the .exe on Windows, none elsewhere.
    static std::vector<std::filesystem::path> dictionaryDirs();
};

} // namespace cc::ui
