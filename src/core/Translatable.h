#pragma once

namespace cc {

/// Marks a text of the core that the UI shows translated: xgettext finds it (keyword N_) and the UI
/// passes the English text to wxGetTranslation. The core itself always keeps the English.
constexpr const char* N_(const char* text) {
    return text;
}

} // namespace cc
