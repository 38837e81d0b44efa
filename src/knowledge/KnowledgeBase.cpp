#include "knowledge/KnowledgeBase.h"

#include "knowledge/KnowledgeFiles.h"
#include "store/Database.h"

#include <stdexcept>

namespace cc {

namespace {
constexpr const char* kColumns =
    "title, keywords, category, handled_by, phone, url, email, hours, what_to_say, body, "
    "last_verified, source";

void bindEntry(Statement& st, const KnowledgeEntry& e) {
    int i = 1;
    for (const auto& name : kKnowledgeFields)
        st.bind(i++, *knowledgeField(e, name));
}

KnowledgeEntry readEntry(const Statement& st) {
    KnowledgeEntry e;
    e.id = st.columnInt(0);
    int col = 1;
    for (const auto& name : kKnowledgeFields)
        *knowledgeField(e, name) = st.columnText(col++);
    return e;
}

void requireValid(const KnowledgeEntry& e) {
    if (auto why = validate(e)) throw std::invalid_argument(*why);
}
} // namespace

std::int64_t KnowledgeBase::add(const KnowledgeEntry& e) {
    requireValid(e);
    Transaction tx(db_);
    const std::int64_t id = addWithin(e);
    tx.commit();
    return id;
}

std::int64_t KnowledgeBase::addWithin(const KnowledgeEntry& e) {
    requireValid(e);
    auto st = db_.prepare(std::string("INSERT INTO kb_entries (") + kColumns +
                          ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    bindEntry(st, e);
    st.run();
    const std::int64_t id = db_.lastInsertId();
    storeLearned(id, e.learned);
    return id;
}

void KnowledgeBase::storeLearned(std::int64_t id, const std::string& learned) {
    if (learned.empty()) return;
    auto st = db_.prepare("INSERT OR IGNORE INTO kb_learned (entry_id, term) VALUES (?, ?)");
    std::size_t start = 0;
    int stored = 0;
    while (start < learned.size() && stored < kMaxLearnedTerms) {
        auto end = learned.find(';', start);
        if (end == std::string::npos) end = learned.size();
        std::string term = learned.substr(start, end - start);
        term.erase(0, term.find_first_not_of(' '));
        term.erase(term.find_last_not_of(' ') + 1);
        if (!term.empty()) {
            st.bind(1, id).bind(2, term).run();
            st.reset();
            ++stored;
        }
        start = end + 1;
    }
}

std::string KnowledgeBase::learnedOf(std::int64_t id) {
    auto st = db_.prepare("SELECT term FROM kb_learned WHERE entry_id = ? ORDER BY term");
    st.bind(1, id);
    std::string out;
    while (st.step())
        out += (out.empty() ? "" : "; ") + st.columnText(0);
    return out;
}

void KnowledgeBase::learn(std::int64_t id, const std::vector<std::string>& terms, const std::string& today) {
    if (terms.empty()) return;
    Transaction tx(db_);
    if (!db_.prepare("SELECT 1 FROM kb_entries WHERE id = ?").bind(1, id).step()) return;
    auto st =
        db_.prepare("INSERT INTO kb_learned (entry_id, term, uses, last_used) VALUES (?1, ?2, 1, ?3) "
                    "ON CONFLICT (entry_id, term) DO UPDATE SET uses = min(uses + 1, 100), last_used = ?3");
    for (const auto& t : terms) {
        if (t.empty() || t.find(';') != std::string::npos) continue;
        st.bind(1, id).bind(2, t).bind(3, today).run();
        st.reset();
    }
    // Bounded: the words used least, and longest ago, make room.
    db_.prepare("DELETE FROM kb_learned WHERE entry_id = ?1 AND term NOT IN (SELECT term FROM kb_learned "
                "WHERE entry_id = ?1 ORDER BY uses DESC, last_used DESC, term LIMIT ?2)")
        .bind(1, id)
        .bind(2, kMaxLearnedTerms)
        .run();
    tx.commit();
}

void KnowledgeBase::update(const KnowledgeEntry& e) {
    requireValid(e);
    auto st =
        db_.prepare("UPDATE kb_entries SET title = ?, keywords = ?, category = ?, handled_by = ?, phone = ?, "
                    "url = ?, email = ?, hours = ?, what_to_say = ?, body = ?, last_verified = ?, source = ? "
                    "WHERE id = ?");
    bindEntry(st, e);
    st.bind(13, e.id).run();
    if (db_.changes() != 1) throw std::out_of_range("no knowledge entry " + std::to_string(e.id));
}

void KnowledgeBase::remove(std::int64_t id) {
    db_.prepare("DELETE FROM kb_entries WHERE id = ?").bind(1, id).run();
}

std::optional<KnowledgeEntry> KnowledgeBase::get(std::int64_t id) {
    auto st = db_.prepare(std::string("SELECT id, ") + kColumns + " FROM kb_entries WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    KnowledgeEntry e = readEntry(st);
    e.learned = learnedOf(id);
    return e;
}

std::string KnowledgeBase::approvedBy(std::int64_t id) {
    auto st = db_.prepare("SELECT approved_by FROM team_kb WHERE entry_id = ?");
    st.bind(1, id);
    return st.step() ? st.columnText(0) : std::string();
}

std::vector<KnowledgeEntry> KnowledgeBase::all() {
    auto st =
        db_.prepare(std::string("SELECT id, ") + kColumns + " FROM kb_entries ORDER BY category, title, id");
    std::vector<KnowledgeEntry> out;
    while (st.step())
        out.push_back(readEntry(st));
    for (auto& e : out)
        e.learned = learnedOf(e.id);
    return out;
}

std::int64_t KnowledgeBase::count() {
    return db_.scalar("SELECT count(*) FROM kb_entries");
}

bool KnowledgeBase::importAll(const std::vector<KnowledgeEntry>& entries, const Progress& progress) {
    for (const auto& e : entries)
        requireValid(e);
    Transaction tx(db_);
    auto st = db_.prepare(std::string("INSERT INTO kb_entries (") + kColumns +
                          ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    const std::size_t step = std::max<std::size_t>(1, entries.size() / 200);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i % step == 0) {
            if (progress.cancelled()) return false; // the transaction rolls back
            if (progress.report) progress.report(i, entries.size());
        }
        bindEntry(st, entries[i]);
        st.run();
        st.reset();
        storeLearned(db_.lastInsertId(), entries[i].learned);
    }
    tx.commit();
    if (progress.report) progress.report(entries.size(), entries.size());
    return true;
}

std::vector<std::string> KnowledgeBase::seedOnce(const std::filesystem::path& bundledCsv) {
    auto seeded = db_.prepare("SELECT 1 FROM meta WHERE key = 'kb_seeded'");
    if (seeded.step()) return {};
    std::vector<std::string> problems;
    std::error_code ec;
    if (count() == 0 && std::filesystem::exists(bundledCsv, ec)) {
        const KnowledgeRead read = readKnowledgeCsvFile(bundledCsv);
        for (const auto& e : read.errors)
            problems.push_back(e.toString());
        if (read.errors.empty()) importAll(read.entries);
    }
    db_.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('kb_seeded', '1')");
    return problems;
}

} // namespace cc
