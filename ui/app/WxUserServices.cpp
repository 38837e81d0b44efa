#include "app/WxUserServices.h"

#include <wx/translation.h>

namespace cc::ui {

void WxUserServices::notify(Level level, const std::string& message) {
    if (sink_)
        sink_(level, message);
    else
        queued_.emplace_back(level, message);
}

Translate catalogTranslate() {
    return [](const std::string& english) {
        return wxGetTranslation(wxString::FromUTF8(english)).utf8_string();
    };
}

wxString translated(const Text& message) {
    return wxString::FromUTF8(message.render(catalogTranslate()));
}

std::string catalogLanguageTag() {
    wxTranslations* t = wxTranslations::Get();
    if (!t || !t->IsLoaded("call-companion")) return "en"; // no catalog: the English msgids
    wxString lang = t->GetBestTranslation("call-companion");
    if (lang.empty()) return "en";
    lang.Replace("_", "-");
    return lang.BeforeFirst('.').utf8_string();
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
