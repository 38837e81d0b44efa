#include "settings/AgentName.h"

#include "settings/Settings.h"

#include <wx/utils.h>

namespace cc::ui {

std::string agentName(const Settings& settings) {
    if (std::string name = settings.agentName(); !name.empty()) return name;
    return systemFullName();
}

std::string systemFullName() {
    // wxGetUserName() falls back to the login name when the system holds no full name.
    const wxString full = wxGetUserName().Strip(wxString::both);
    if (full.empty() || full.IsSameAs(wxGetUserId(), false)) return {};
    return full.utf8_string();
}

} // namespace cc::ui
