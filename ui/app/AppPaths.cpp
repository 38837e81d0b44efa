#include "app/AppPaths.h"

#include "app/WxConfigStorage.h"
#include "core/Platform.h"

#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace cc::ui {

namespace {
// The data folder chosen in the settings dialog (the settings file outside any data folder), if any.
wxString configuredDataFolder() {
    const wxString file = AppPaths::settingsFile(wxString());
    if (!wxFileName::FileExists(file)) return {};
    wxFileConfig config(wxString(), wxString(), file, wxString(), wxCONFIG_USE_LOCAL_FILE);
    WxConfigStorage storage(config);
    return wxString::FromUTF8(Settings(storage).dataFolder());
}
} // namespace

wxString AppPaths::dataDir(const wxString& override) {
    // --data-dir, then the setting, then the standard place. The softphone hooks and the kb commands
    // come here too, so they find the same folder as the window.
    const wxString chosen = override.empty() ? configuredDataFolder() : override;
    if (!chosen.empty()) {
        wxFileName dir = wxFileName::DirName(chosen);
        dir.MakeAbsolute();
        return dir.GetPath();
    }
#ifdef __WINDOWS__
    // %APPDATA%\Call Companion: roams with the user's profile, and is the user's own.
    return wxFileName::DirName(wxStandardPaths::Get().GetUserConfigDir() + "\\Call Companion").GetPath();
#else
    // wx 3.2's GetUserDataDir() is ~/.call-companion even with the XDG file layout, and it has no
    // accessor for XDG_DATA_HOME, so the XDG base directory rule is applied here: $XDG_DATA_HOME if it
    // is an absolute path, else ~/.local/share.
    wxString base;
    if (!wxGetEnv("XDG_DATA_HOME", &base) || !wxFileName(base).IsAbsolute())
        base = wxFileName::GetHomeDir() + "/.local/share";
    return wxFileName::DirName(base + "/call-companion").GetPath();
#endif
}

wxString AppPaths::settingsFile(const wxString& dataDirOverride) {
    if (!dataDirOverride.empty()) return wxFileName(dataDir(dataDirOverride), "settings.ini").GetFullPath();
#ifdef __WINDOWS__
    // Beside the data, in %APPDATA%\Call Companion (the data folder may be moved elsewhere).
    return wxFileName(wxStandardPaths::Get().GetUserConfigDir() + "\\Call Companion", "settings.ini")
        .GetFullPath();
#endif
    return wxFileName(wxStandardPaths::Get().GetUserConfigDir() + "/call-companion", "settings.ini")
        .GetFullPath();
}

wxString AppPaths::contentDir() {
    const wxString installed = wxStandardPaths::Get().GetDataDir() + "/data";
    if (wxFileName::DirExists(installed)) return installed;
    return CC_SOURCE_DATA_DIR;
}

namespace {
std::filesystem::path& teamPack() {
    static std::filesystem::path folder;
    return folder;
}
} // namespace

std::filesystem::path AppPaths::packDir() {
    if (!teamPack().empty()) return teamPack();
    return pathFromUtf8(contentDir().utf8_string());
}

void AppPaths::usePack(std::filesystem::path folder) {
    teamPack() = std::move(folder);
}

wxString AppPaths::localeDir() {
    // Installed and built copies are kept apart: an installed app never reads a build tree's catalogs.
    if (wxFileName::DirExists(wxStandardPaths::Get().GetDataDir() + "/data")) {
#ifdef __WINDOWS__
        return wxStandardPaths::Get().GetDataDir() + "\\locale"; // beside the .exe
#else
        return wxStandardPaths::Get().GetInstallPrefix() + "/share/locale";
#endif
    }
    return CC_LOCALE_BUILD_DIR;
}

std::vector<std::filesystem::path> AppPaths::dictionaryDirs() {
#ifdef __WINDOWS__
    // Windows has no system Hunspell: the installer puts them beside the .exe.
    return {pathFromUtf8((wxStandardPaths::Get().GetDataDir() + "\\dictionaries").utf8_string())};
#else
    return {}; // the system's (SpellChecker looks in /usr/share/hunspell and the user's own)
#endif
}

} // namespace cc::ui
