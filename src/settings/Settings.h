#pragma once

#include "core/Clock.h"

#include <map>
#include <optional>
#include <string>

namespace cc {

/// Where settings live: wxConfig in the app, a map in tests.
class SettingsStorage {
public:
    virtual ~SettingsStorage() = default;
    virtual std::optional<std::string> read(const std::string& key) const = 0;
    virtual void write(const std::string& key, const std::string& value) = 0;
    virtual void flush() {}
};

/// Settings kept in memory, for tests and for headless commands.
class MemorySettingsStorage final : public SettingsStorage {
public:
    std::optional<std::string> read(const std::string& key) const override;
    void write(const std::string& key, const std::string& value) override { values_[key] = value; }

private:
    std::map<std::string, std::string> values_;
};

/// Every setting, typed, with its default. One read/write pair per setting; nothing else in the app
/// reads the storage directly.
class Settings {
public:
    explicit Settings(SettingsStorage& storage) : storage_(storage) {}

    bool alwaysOnTop() const { return readBool("window/always_on_top", false); }
    void setAlwaysOnTop(bool on) { writeBool("window/always_on_top", on); }

    /// Start with the window hidden and only the tray icon showing (when the desktop has a tray).
    bool startInTray() const { return readBool("window/start_in_tray", false); }
    /// The team's rule: wrap-up is not done until the call has an outcome.
    bool requireOutcome() const { return readBool("calls/require_outcome", false); }
    void setRequireOutcome(bool on) { writeBool("calls/require_outcome", on); }
    /// While the agent types notes, offer the knowledge base's best referral for the line (Alt+I).
    bool suggestReferrals() const { return readBool("knowledge/suggest_from_notes", true); }
    void setSuggestReferrals(bool on) { writeBool("knowledge/suggest_from_notes", on); }
    void setStartInTray(bool on) { writeBool("window/start_in_tray", on); }

    /// The user interface language ("es", "pt_BR"); empty (the default): the system's. Read at start-up.
    std::string uiLanguage() const { return storage_.read("ui/language").value_or(""); }
    void setUiLanguage(const std::string& language) { storage_.write("ui/language", language); }

    /// Where calls and notes are kept when no --data-dir is given; empty (the default):
    /// $XDG_DATA_HOME/call-companion. Read at start-up.
    std::string dataFolder() const { return storage_.read("storage/data_folder").value_or(""); }
    void setDataFolder(const std::string& folder) { storage_.write("storage/data_folder", folder); }

    /// First hold check-back nudge, and the interval of the ones after it. Clamped to 10 s .. 1 h.
    std::chrono::seconds holdCheckBackAfter() const { return readSeconds("call/hold_check_back_s", 60); }
    void setHoldCheckBackAfter(std::chrono::seconds s) { writeSeconds("call/hold_check_back_s", s); }

    /// Who takes the calls, for {agent_name} and {company} in snippets, scripts and summaries.
    std::string agentName() const { return storage_.read("agent/name").value_or(""); }
    void setAgentName(const std::string& name) { storage_.write("agent/name", name); }
    std::string company() const { return storage_.read("agent/company").value_or(""); }
    void setCompany(const std::string& company) { storage_.write("agent/company", company); }

    /// The spell-check language ("en_US", "es"); empty: follow the user interface language.
    /// spellLanguageFor() says which dictionary that means.
    std::string spellLanguage() const { return storage_.read("spell/language").value_or(""); }
    void setSpellLanguage(const std::string& language) { storage_.write("spell/language", language); }
    /// The dictionary to load: the chosen one, else the interface language's, else the system's.
    std::string spellLanguageFor(const std::string& systemLanguage) const;

    /// A knowledge entry not verified for this many days is marked stale. Clamped to 1 .. 3650.
    int staleDays() const { return static_cast<int>(readNumber("knowledge/stale_days", 90, 1, 3650)); }
    void setStaleDays(int days) { storage_.write("knowledge/stale_days", std::to_string(days)); }

    /// baresip's ctrl_tcp address ("127.0.0.1:4444"); empty (the default): the connector is off.
    std::string baresipAddress() const { return storage_.read("softphone/baresip").value_or(""); }
    void setBaresipAddress(const std::string& a) { storage_.write("softphone/baresip", a); }
    /// Whether `address` can be a baresip address: empty (off) or host:port with a port of 1..65535.
    static bool isBaresipAddress(const std::string& address);

    /// The QA reviewer's name, stored with their scores (it is not the agent's name).
    std::string reviewerName() const { return storage_.read("review/reviewer").value_or(""); }
    void setReviewerName(const std::string& name) { storage_.write("review/reviewer", name); }

    void flush() { storage_.flush(); }

private:
    bool readBool(const std::string& key, bool fallback) const;
    void writeBool(const std::string& key, bool value);
    std::chrono::seconds readSeconds(const std::string& key, long fallback) const;
    long readNumber(const std::string& key, long fallback, long min, long max) const;
    void writeSeconds(const std::string& key, std::chrono::seconds value);

    SettingsStorage& storage_;
};

} // namespace cc
