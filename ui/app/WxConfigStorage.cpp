#include "app/WxConfigStorage.h"

#include <wx/config.h>

namespace cc::ui {

std::optional<std::string> WxConfigStorage::read(const std::string& key) const {
    wxString value;
    if (!config_.Read(wxString::FromUTF8("/" + key), &value)) return std::nullopt;
    return std::string(value.utf8_str());
}

void WxConfigStorage::write(const std::string& key, const std::string& value) {
    config_.Write(wxString::FromUTF8("/" + key), wxString::FromUTF8(value));
}

void WxConfigStorage::flush() {
    config_.Flush();
}

} // namespace cc::ui
