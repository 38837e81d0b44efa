#pragma once

#include "knowledge/KnowledgeBase.h"
#include "store/Database.h"
#include "store/Migrations.h"

namespace cc::test {

/// A small knowledge base for tests: printers, passwords, Outlook, and a body-only mention.
inline void fillKnowledge(KnowledgeBase& kb) {
    auto add = [&kb](std::string title, std::string keywords, std::string handledBy, std::string body,
                     std::string url = {}, std::string verified = "2026-10-01") {
        KnowledgeEntry e;
        e.title = std::move(title);
        e.keywords = std::move(keywords);
        e.handledBy = std::move(handledBy);
        e.body = std::move(body);
        e.url = std::move(url);
        e.lastVerified = std::move(verified);
        e.category = "Test";
        return kb.add(e);
    };
    add("HP printer support", "printer; print; paper jam; toner", "HP", "Printers, scanners and ink.",
        "https://support.hp.com");
    add("Password manager help", "1Password; Bitwarden; vault", "Vendor support",
        "Forgotten master password of a password manager.");
    add("Reset a work password", "password; locked out; sign in", "IT service desk",
        "Self-service password reset for work accounts.", "https://intranet.example.com/reset");
    add("Outlook email problems", "email; mail; Outlook; calendar", "Microsoft support",
        "Outlook desktop and Outlook.com mail issues.", "https://support.microsoft.com");
    add("Facilities desk", "building; desk; keys; heating", "Facilities",
        "Broken chairs, heating, and the office printer paper supply.", "", "2025-01-10");
}

} // namespace cc::test
