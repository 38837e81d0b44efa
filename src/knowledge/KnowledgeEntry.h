#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cc {

/// One referral: who can help with something the help desk does not support, and how to reach them.
struct KnowledgeEntry {
    std::int64_t id = 0;
    std::string title;
    std::string keywords; ///< synonyms and words callers use, "; "-separated
    std::string category;
    std::string handledBy; ///< department, vendor or outside organisation
    std::string phone;
    std::string url;
    std::string email;
    std::string hours;
    std::string whatToSay;
    std::string body;
    std::string lastVerified; ///< YYYY-MM-DD, or empty
    std::string source;
    /// Words of searches after which agents referred callers here, "; "-separated: they lift the entry
    /// for similar searches (kb_learned). Exported and imported with it; not a column of kb_entries.
    std::string learned;

    bool operator==(const KnowledgeEntry&) const = default;
};

/// The entry's fields by their file names (the CSV header and Markdown front-matter keys), in order.
inline constexpr std::array<std::string_view, 12> kKnowledgeFields{
    "title", "keywords", "category",    "handled_by", "phone",         "url",
    "email", "hours",    "what_to_say", "body",       "last_verified", "source"};

/// The optional column of files that carries KnowledgeEntry::learned.
inline constexpr std::string_view kLearnedField = "learned";

/// The field of `e` named `name` (one of kKnowledgeFields, or kLearnedField), or nullptr.
std::string* knowledgeField(KnowledgeEntry& e, std::string_view name);
const std::string* knowledgeField(const KnowledgeEntry& e, std::string_view name);

/// Why an entry cannot be kept, or nothing: it needs a title, and dates, links and addresses in the
/// right shape. `field` is set to the field at fault.
std::optional<std::string> validate(const KnowledgeEntry& e, std::string* field = nullptr);

/// Days since the entry was last verified, counted from `today` (YYYY-MM-DD); nothing if not dated.
std::optional<int> daysSinceVerified(const KnowledgeEntry& e, std::string_view today);

} // namespace cc
