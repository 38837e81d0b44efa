// One knowledge base for the team, against a real PostgreSQL 15: an agent's new entry goes to their
// lead as a proposal; approved, it reaches a second companion, which finds it from the caller's words;
// a change and a rejection; other teams see nothing and decide nothing; an entry a PC cannot take
// leaves its last good copy.
#include "sync/TeamKnowledge.h"

#include "TestServer.h"
#include "knowledge/KnowledgeBase.h"
#include "knowledge/KnowledgeSearch.h"
#include "store/Database.h"
#include "store/Migrations.h"

using namespace cc;

namespace {
struct Pc {
    Database db{":memory:"};
    KnowledgeBase kb{(migrate(db), db)};

    std::optional<KnowledgeEntry> titled(const std::string& title) {
        for (const auto& e : kb.all())
            if (e.title == title) return e;
        return std::nullopt;
    }
    std::string approvedBy(std::int64_t id) {
        auto st = db.prepare("SELECT approved_by FROM team_kb WHERE entry_id = ?");
        st.bind(1, id);
        return st.step() ? st.columnText(0) : std::string();
    }
};

KnowledgeEntry badgeDesk() {
    KnowledgeEntry e;
    e.title = "Building badge and door access";
    e.keywords = "badge; door; access card; swipe card; locked out of the building";
    e.handledBy = "Facilities security desk";
    e.phone = "+1 555 0142";
    e.hours = "24/7";
    e.whatToSay = "I haven't been trained to support door access, but Facilities can help: +1 555 0142.";
    e.lastVerified = "2026-11-20";
    return e;
}
} // namespace

TEST_CASE("an agent's new entry, approved by their lead, reaches a second companion, which finds it") {
    test::TestServer server;
    Pc alice, bob;
    const auto aliceId = alice.kb.add(badgeDesk());
    proposeKnowledge(alice.db, aliceId, std::chrono::system_clock::now());
    CHECK(proposalsWaiting(alice.db) == 1);
    {
        PgConnection link(server.config("alice"));
        CHECK(sendProposals(alice.db, link) == 1);
        CHECK(sendProposals(alice.db, link) == 0); // sent once, gone from the queue
    }
    CHECK(proposalsWaiting(alice.db) == 0);

    PgConnection bobLink(server.config("bob"));
    CHECK(pullTeamKnowledge(bob.db, bobLink).changed == 0); // not approved yet: nobody has it
    CHECK_FALSE(bob.titled("Building badge and door access"));

    PgConnection lee(server.config("lee"));
    auto pending = pendingProposals(lee);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].proposedBy == "alice");
    CHECK(pending[0].isNew);
    CHECK(pending[0].entry.phone == "+1 555 0142");
    CHECK(decideProposal(lee, pending[0].id, true) == 1);
    CHECK(pendingProposals(lee).empty());
    CHECK_THROWS_AS(decideProposal(lee, pending[0].id, false), PgError); // decided already

    CHECK(teamKnowledgeNewer(bobLink, teamKnowledgeVersion(bob.db)));
    const KnowledgePull pulled = pullTeamKnowledge(bob.db, bobLink);
    CHECK(pulled.changed == 1);
    CHECK(pulled.version == 1);
    CHECK_FALSE(teamKnowledgeNewer(bobLink, teamKnowledgeVersion(bob.db)));
    const auto got = bob.titled("Building badge and door access");
    REQUIRE(got);
    CHECK(got->lastVerified == "2026-11-20"); // the stale date travels with it
    CHECK(got->whatToSay == badgeDesk().whatToSay);
    CHECK(bob.approvedBy(got->id) == "lee");
    // Bob finds it from what his caller says, as he finds any entry.
    KnowledgeSearch search(bob.db);
    const auto found = search.search("hi, my swipe card stopped working and I'm stuck outside", 3);
    REQUIRE_FALSE(found.hits.empty());
    CHECK(found.hits[0].id == got->id);

    // Alice's own entry becomes the team's: not a second copy of it.
    PgConnection aliceLink(server.config("alice"));
    CHECK(pullTeamKnowledge(alice.db, aliceLink).changed == 1);
    CHECK(alice.kb.count() == 1);
    CHECK(alice.approvedBy(aliceId) == "lee");
}

TEST_CASE("a change goes through the lead too; a rejected one changes nothing; other teams see nothing") {
    test::TestServer server;
    PgConnection(server.config("ccadmin")).exec("SELECT cc.add_member('sam', 'south', 'lead')");
    Pc alice, bob, carol;
    const auto aliceId = alice.kb.add(badgeDesk());
    proposeKnowledge(alice.db, aliceId, std::chrono::system_clock::now());
    PgConnection aliceLink(server.config("alice")), bobLink(server.config("bob")),
        carolLink(server.config("carol")), lee(server.config("lee")), sam(server.config("sam"));
    sendProposals(alice.db, aliceLink);
    // A lead of another team neither sees nor decides it; an agent decides nothing.
    CHECK(pendingProposals(sam).empty());
    const auto pending = pendingProposals(lee);
    REQUIRE(pending.size() == 1);
    CHECK_THROWS_AS(decideProposal(sam, pending[0].id, true), PgError);
    CHECK_THROWS_AS(decideProposal(bobLink, pending[0].id, true), PgError);
    decideProposal(lee, pending[0].id, true);
    pullTeamKnowledge(bob.db, bobLink);
    pullTeamKnowledge(alice.db, aliceLink);
    CHECK(pullTeamKnowledge(carol.db, carolLink).changed == 0); // south has its own knowledge base

    // Bob changes the number: a proposal against version 1.
    auto entry = *bob.titled("Building badge and door access");
    entry.phone = "+1 555 0199";
    bob.kb.update(entry);
    proposeKnowledge(bob.db, entry.id, std::chrono::system_clock::now());
    sendProposals(bob.db, bobLink);
    auto change = pendingProposals(lee);
    REQUIRE(change.size() == 1);
    CHECK_FALSE(change[0].isNew);
    REQUIRE(change[0].current);
    CHECK(change[0].current->phone == "+1 555 0142");
    CHECK(change[0].entry.phone == "+1 555 0199");
    CHECK_FALSE(decideProposal(lee, change[0].id, false)); // rejected
    CHECK(pullTeamKnowledge(alice.db, aliceLink).changed == 0);
    CHECK(alice.titled("Building badge and door access")->phone == "+1 555 0142");

    // Proposed again and approved: it reaches Alice, under the same entry.
    proposeKnowledge(bob.db, entry.id, std::chrono::system_clock::now());
    sendProposals(bob.db, bobLink);
    CHECK(decideProposal(lee, pendingProposals(lee).at(0).id, true) == 2);
    CHECK(pullTeamKnowledge(alice.db, aliceLink).changed == 1);
    CHECK(alice.kb.count() == 1);
    CHECK(alice.titled("Building badge and door access")->phone == "+1 555 0199");
    // Every approved version is kept for the record.
    CHECK(server.count("lee", "SELECT count(*) FROM cc.kb_history") == 2);
    CHECK(server.count("sam", "SELECT count(*) FROM cc.kb_history") == 0);
}

TEST_CASE("an entry a companion cannot take leaves its last good copy; the rest arrives") {
    test::TestServer server;
    Pc alice, bob;
    const auto aliceId = alice.kb.add(badgeDesk());
    proposeKnowledge(alice.db, aliceId, std::chrono::system_clock::now());
    PgConnection aliceLink(server.config("alice")), bobLink(server.config("bob")), lee(server.config("lee"));
    sendProposals(alice.db, aliceLink);
    decideProposal(lee, pendingProposals(lee).at(0).id, true);
    pullTeamKnowledge(bob.db, bobLink);
    // The server's copy loses its title (an edit made by hand on the server), and a good entry comes.
    PgConnection admin(server.config("ccadmin"));
    admin.exec("UPDATE cc.kb_entries SET entry = entry - 'title', version = 2");
    admin.exec("UPDATE cc.kb_teams SET version = 2");
    KnowledgeEntry vpn;
    vpn.title = "VPN and remote access";
    vpn.keywords = "vpn; remote access; working from home";
    vpn.handledBy = "IT service desk";
    vpn.phone = "+1 555 0100";
    const auto vpnId = alice.kb.add(vpn);
    proposeKnowledge(alice.db, vpnId, std::chrono::system_clock::now());
    sendProposals(alice.db, aliceLink);
    decideProposal(lee, pendingProposals(lee).at(0).id, true);

    const KnowledgePull pulled = pullTeamKnowledge(bob.db, bobLink);
    CHECK(pulled.refused == 1);
    CHECK(pulled.changed == 1);
    CHECK(pulled.version == 3);
    CHECK(bob.titled("Building badge and door access")); // the last good copy
    CHECK(bob.titled("VPN and remote access"));
}
