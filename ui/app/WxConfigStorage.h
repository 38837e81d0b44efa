#pragma once

#include "settings/Settings.h"

class wxConfigBase;

namespace cc::ui {

/// Settings storage over a wxConfig (a wxFileConfig in the app).
class WxConfigStorage final : public SettingsStorage {
public:
    explicit WxConfigStorage(wxConfigBase& config) : config_(config) {}
    std::optional<std::string> read(const std::string& key) const override;
    void write(const std::string& key, const std::string& value) override;
    void flush() override;

private:
    wxConfigBase& config_;
};

} // namespace cc::ui
