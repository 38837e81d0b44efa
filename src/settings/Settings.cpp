#include "settings/Settings.h"

#include <algorithm>
#include <charconv>

namespace cc {

std::optional<std::string> MemorySettingsStorage::read(const std::string& key) const {
    const auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Settings::spellLanguageFor(const std::string& systemLanguage) const {
    if (auto chosen = spellLanguage(); !chosen.empty()) return chosen;
    if (auto ui = uiLanguage(); !ui.empty()) return ui;
    // "C" and "POSIX" name no language: English, the language the app is written in.
    if (systemLanguage.empty() || systemLanguage == "C" || systemLanguage == "POSIX") return "en_US";
    return systemLanguage;
}

bool Settings::isBaresipAddress(const std::string& address) {
    if (address.empty()) return true;
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    long port = 0;
    const char* first = address.data() + colon + 1;
    const char* last = address.data() + address.size();
    const auto [end, ec] = std::from_chars(first, last, port);
    return first != last && ec == std::errc{} && end == last && port >= 1 && port <= 65535;
}

bool Settings::readBool(const std::string& key, bool fallback) const {
    const auto v = storage_.read(key);
    if (!v) return fallback;
    if (*v == "1" || *v == "true") return true;
    if (*v == "0" || *v == "false") return false;
    return fallback;
}

void Settings::writeBool(const std::string& key, bool value) {
    storage_.write(key, value ? "1" : "0");
}

long Settings::readNumber(const std::string& key, long fallback, long min, long max) const {
    long value = fallback;
    if (const auto v = storage_.read(key)) {
        long parsed = 0;
        const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), parsed);
        if (ec == std::errc{} && end == v->data() + v->size()) value = parsed;
    }
    return std::clamp(value, min, max);
}

std::chrono::seconds Settings::readSeconds(const std::string& key, long fallback) const {
    return std::chrono::seconds{readNumber(key, fallback, 10, 3600)};
}

void Settings::writeSeconds(const std::string& key, std::chrono::seconds value) {
    storage_.write(key, std::to_string(std::clamp<long>(value.count(), 10L, 3600L)));
}

} // namespace cc
