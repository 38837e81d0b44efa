#include "knowledge/KnowledgeBase.h"

#include "knowledge/KnowledgeFiles.h"
#include "store/Database.h"

#include <stdexcept>

namespace cc {

namespace {
constexpr const char* kColumns = "title, keywords, category, handled_by, phone, url, email, hours, what_to_say, body, "
                                 "last_verified, source";

void bindEntry(Statement& st, const KnowledgeEntry& e) {
    int i = 1;
    for (const auto& name : kKnowledgeFields) st.bind(i++, *knowledgeField(e, name));
}

KnowledgeEntry readEntry(const Statement& st) {
    KnowledgeEntry e;
    e.id = st.columnInt(0);
    int col = 1;
    for (const auto& name : kKnowledgeFields) *knowledgeField(e, name) = st.columnText(col++);
    return e;
}

void requireValid(const KnowledgeEntry& e) {
    if (auto why = validate(e)) throw std::invalid_argument(*why);
}
} // namespace

std::int64_t KnowledgeBase::add(const KnowledgeEntry& e) {
    requireValid(e);
    auto st = db_.prepare(std::string("INSERT INTO kb_entries (") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    bindEntry(st, e);
    st.run();
    return db_.lastInsertId();
}

void KnowledgeBase::update(const KnowledgeEntry& e) {
    requireValid(e);
    auto st = db_.prepare("UPDATE kb_entries SET title = ?, keywords = ?, category = ?, handled_by = ?, phone = ?, "
                          "url = ?, email = ?, hours = ?, what_to_say = ?, body = ?, last_verified = ?, source = ? "
                          "WHERE id = ?");
    bindEntry(st, e);
    st.bind(13, e.id).run();
    if (db_.changes() != 1) throw std::out_of_range("no knowledge entry " + std::to_string(e.id));
}

void KnowledgeBase::remove(std::int64_t id) { db_.prepare("DELETE FROM kb_entries WHERE id = ?").bind(1, id).run(); }

std::optional<KnowledgeEntry> KnowledgeBase::get(std::int64_t id) {
    auto st = db_.prepare(std::string("SELECT id, ") + kColumns + " FROM kb_entries WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readEntry(st);
}

std::vector<KnowledgeEntry> KnowledgeBase::all() {
    auto st = db_.prepare(std::string("SELECT id, ") + kColumns + " FROM kb_entries ORDER BY category, title, id");
    std::vector<KnowledgeEntry> out;
    while (st.step()) out.push_back(readEntry(st));
    return out;
}

std::int64_t KnowledgeBase::count() { return db_.scalar("SELECT count(*) FROM kb_entries"); }

bool KnowledgeBase::importAll(const std::vector<KnowledgeEntry>& entries, const Progress& progress) {
    for (const auto& e : entries) requireValid(e);
    Transaction tx(db_);
    auto st = db_.prepare(std::string("INSERT INTO kb_entries (") + kColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    const std::size_t step = std::max<std::size_t>(1, entries.size() / 200);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i % step == 0) {
            if (progress.cancelled()) return false; // the transaction rolls back
            if (progress.report) progress.report(i, entries.size());
        }
        bindEntry(st, entries[i]);
        st.run();
        st.reset();
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
        for (const auto& e : read.errors) problems.push_back(e.toString());
        if (read.errors.empty()) importAll(read.entries);
    }
    db_.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('kb_seeded', '1')");
    return problems;
}

} // namespace cc
