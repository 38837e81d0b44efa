#include "AppPaths.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

namespace cc::ui {

wxString AppPaths::dataDir(const wxString& override) {
    if (!override.empty()) {
        wxFileName dir = wxFileName::DirName(override);
        dir.MakeAbsolute();
        return dir.GetPath();
    }
    // wx 3.2's GetUserDataDir() is ~/.call-companion even with the XDG file layout, and it has no
    // accessor for XDG_DATA_HOME, so the XDG base directory rule is applied here: $XDG_DATA_HOME if it
    // is an absolute path, else ~/.local/share.
    wxString base;
    if (!wxGetEnv("XDG_DATA_HOME", &base) || !wxFileName(base).IsAbsolute())
        base = wxFileName::GetHomeDir() + "/.local/share";
    return wxFileName::DirName(base + "/call-companion").GetPath();
}

wxString AppPaths::settingsFile(const wxString& dataDirOverride) {
    if (!dataDirOverride.empty()) return wxFileName(dataDir(dataDirOverride), "settings.ini").GetFullPath();
    return wxFileName(wxStandardPaths::Get().GetUserConfigDir() + "/call-companion", "settings.ini").GetFullPath();
}

wxString AppPaths::contentDir() {
    const wxString installed = wxStandardPaths::Get().GetDataDir() + "/data";
    if (wxFileName::DirExists(installed)) return installed;
    return CC_SOURCE_DATA_DIR;
}

} // namespace cc::ui
