#pragma once

#include "core/UserServices.h"

#include <functional>
#include <utility>
#include <vector>
#include <wx/string.h>

namespace cc::ui {

/// A core message in the interface's language (its English where the catalog has no translation).
wxString translated(const Text& message);
/// The app's catalogs as the core's Translate (for reports written in the interface's language).
Translate catalogTranslate();
/// The language the catalogs speak as an HTML language tag ("es", "pt-BR"), "en" without one.
std::string catalogLanguageTag();

/// Hands the core's messages to the window once it exists; keeps them until then.
class WxUserServices final : public UserServices {
public:
    using Sink = std::function<void(Level, const std::string&)>;

    void notify(Level level, const std::string& message) override;
    /// Translated through the app's catalogs (the core marks its messages with N_).
    void tell(Level level, const Text& message) override;
    /// From now on messages go to `sink`; anything queued is delivered at once.
    void attach(Sink sink);

private:
    Sink sink_;
    std::vector<std::pair<Level, std::string>> queued_;
};

} // namespace cc::ui
