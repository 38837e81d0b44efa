#pragma once

#include "core/Clock.h"
#include "knowledge/KnowledgeEntry.h"

#include <string>

namespace cc {

/// "Acme Printers support (https://support.acme.example)": the entry, and the best way to reach them.
std::string referralTarget(const KnowledgeEntry& e);

/// The line written into the call's notes: "Referred to: Acme Printers support, Acme, +1 555-0100
/// (https://...)": the entry, who handles it, their phone, and the web page (else the email). The
/// line's time is in the notes' margin, like every line's.
std::string referralNote(const KnowledgeEntry& e);

/// The referral card as plain text for the clipboard: who, how to reach them, hours, what to say.
std::string referralCard(const KnowledgeEntry& e);

} // namespace cc
