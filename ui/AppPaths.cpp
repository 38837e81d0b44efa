#include "AppPaths.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>

namespace cc::ui {

wxString AppPaths::dataDir(const wxString& override) {
    if (!override.empty()) {
        wxFileName dir = wxFileName::DirName(override);
        dir.MakeAbsolute();
        return dir.GetPath();
    }
    // With the XDG layout, wx gives $XDG_DATA_HOME/<app> (or ~/.local/share/<app>).
    return wxStandardPaths::Get().GetUserDataDir();
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
