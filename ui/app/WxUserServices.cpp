#include "app/WxUserServices.h"

#include <wx/translation.h>

namespace cc::ui {

void WxUserServices::notify(Level level, const std::string& message) {
    if (sink_)
        sink_(level, message);
    else
        queued_.emplace_back(level, message);
}

wxString translated(const Text& message) {
    return wxString::FromUTF8(message.render([](const std::string& english) {
        return wxGetTranslation(wxString::FromUTF8(english)).utf8_string();
    }));
}

void WxUserServices::tell(Level level, const Text& message) {
    notify(level, translated(message).utf8_string());
}

void WxUserServices::attach(Sink sink) {
    sink_ = std::move(sink);
    for (const auto& [level, message] : queued_)
        sink_(level, message);
    queued_.clear();
}

} // namespace cc::ui
