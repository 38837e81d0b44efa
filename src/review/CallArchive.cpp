#include "review/CallArchive.h"

#include "core/Platform.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sqlite3.h>
#include <stdexcept>

namespace fs = std::filesystem;

namespace cc {

namespace {
constexpr const char* kTables[] = {"calls", "segments", "note_lines", "events", "transfers"};

void setMeta(Database& db, const char* key, const std::string& value) {
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").bind(1, key).bind(2, value).run();
}

std::string meta(Database& db, const char* key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    return st.step() ? st.columnText(0) : std::string();
}
/// Copies every row of `table` from `from` (the archive, read through its own guarded connection) to
/// the same table of `to`, value by value: nothing of the archive's schema runs in `to`.
void copyRows(Database& from, Database& to, const char* table) {
    auto read = from.prepare(fmt::format("SELECT * FROM {}", table));
    const int columns = read.columnCount();
    std::string marks;
    for (int i = 0; i < columns; ++i)
        marks += i ? ",?" : "?";
    auto write = to.prepare(fmt::format("INSERT OR REPLACE INTO {} VALUES ({})", table, marks));
    while (read.step()) {
        for (int i = 0; i < columns; ++i)
            write.bindFrom(i + 1, read, i);
        write.run();
        write.reset();
    }
}

/// An archive of an older schema, copied row by row into a private file with that same schema (made
/// here) and then migrated like a store.
std::shared_ptr<const ArchiveCopy> upgradedCopy(Database& archive, std::size_t version) {
    auto copy = std::make_shared<const ArchiveCopy>(createTemporaryFile("call-companion-archive"));
    Database db(copy->path);
    db.exec("PRAGMA journal_mode=DELETE");
    migrate(db, schemaMigrations().first(version));
    {
        Transaction tx(db);
        for (const char* table : kTables)
            copyRows(archive, db, table);
        copyRows(archive, db, "meta");
        tx.commit();
    }
    migrate(db);
    return copy;
}
} // namespace

ArchiveCopy::~ArchiveCopy() {
    std::error_code ec;
    fs::remove(path, ec);
}

void writeArchiveWith(const fs::path& out, const std::function<void(Database&)>& fill) {
    const fs::path partial = fs::path(out) += ".partial";
    std::error_code ec;
    fs::remove(partial, ec);
    try {
        // Customers' details: readable by the owner only, from the first byte.
        createOwnerOnlyFile(partial, IfExists::Fail);
        {
            Database db(partial);
            db.exec("PRAGMA journal_mode=DELETE"); // one self-contained file, readable from read-only media
            migrate(db);
            fill(db);
        }
        fs::rename(partial, out);
    } catch (...) {
        fs::remove(partial, ec);
        throw;
    }
}

void writeArchive(const fs::path& source, std::span<const std::int64_t> ids, const ArchiveInfo& info,
                  const fs::path& out) {
    try {
        writeArchiveWith(out, [&](Database& db) {
            db.prepare("ATTACH ? AS src").bind(1, pathUtf8(source)).run();
            const auto version = db.scalar("PRAGMA src.user_version");
            if (version != static_cast<std::int64_t>(schemaMigrations().size()))
                throw ArchiveError(
                    fmt::format("{} has schema version {}, this Call Companion writes version {}",
                                pathUtf8(source), version, schemaMigrations().size()));
            Transaction tx(db);
            db.exec("CREATE TEMP TABLE picked (id INTEGER PRIMARY KEY)");
            auto pick = db.prepare("INSERT OR IGNORE INTO picked (id) VALUES (?)");
            for (const auto id : ids) {
                pick.bind(1, id).run();
                pick.reset();
            }
            // Same schema version on both sides, so the columns line up; note_lines' triggers fill the
            // archive's own notes index. The agent's private events (a break, a wellbeing prompt) stay.
            db.exec("INSERT INTO main.calls SELECT * FROM src.calls WHERE id IN (SELECT id FROM picked)");
            for (const char* table : kTables)
                if (std::string_view(table) != "calls")
                    db.exec(fmt::format("INSERT INTO main.{0} SELECT * FROM src.{0} WHERE call_id IN "
                                        "(SELECT id FROM picked){1}",
                                        table,
                                        std::string_view(table) == "events" ? " AND private = 0" : ""));
            auto origin = db.prepare("SELECT value FROM src.meta WHERE key = 'store_id'");
            ArchiveInfo marked = info;
            if (origin.step()) marked.storeId = origin.columnText(0);
            markAsArchive(db, marked);
            tx.commit();
        });
    } catch (const ArchiveError&) {
        throw;
    } catch (const std::exception& e) {
        throw ArchiveError(fmt::format("Cannot write the archive {}: {}", pathUtf8(out), e.what()));
    }
}

void markAsArchive(Database& db, const ArchiveInfo& info) {
    db.exec(fmt::format("PRAGMA main.application_id = {}", kArchiveApplicationId));
    setMeta(db, "store_id", info.storeId);
    setMeta(db, "archive_agent", info.agent);
    setMeta(db, "archive_exported_at", std::to_string(toUnixMs(info.exportedAt)));
    setMeta(db, "archive_calls", std::to_string(db.scalar("SELECT count(*) FROM main.calls")));
    setMeta(db, "archive_app_version", info.appVersion);
}

OpenedArchive openArchive(const fs::path& file) {
    auto fail = [&file](const std::string& why) {
        return ArchiveError(fmt::format("{} cannot be opened as a call archive: {}", pathUtf8(file), why));
    };
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw fail("there is no such file");
    OpenedArchive out;
    try {
        out.db = std::make_unique<Database>(file, true);
        // The file comes from elsewhere: its schema may not define anything that runs code, and it
        // can't be written through this connection.
        sqlite3_db_config(out.db->handle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        out.db->exec("PRAGMA trusted_schema = OFF; PRAGMA query_only = ON; PRAGMA cell_size_check = ON");
        if (out.db->scalar("PRAGMA application_id") != kArchiveApplicationId)
            throw fail("it is not a Call Companion archive");
        const auto version = out.db->scalar("PRAGMA user_version");
        const auto known = static_cast<std::int64_t>(schemaMigrations().size());
        if (version > known)
            throw fail(fmt::format("it was written by a newer Call Companion (schema {}, this one reads {})",
                                   version, known));
        if (version < 1) throw fail("it holds no calls schema");
        auto check = out.db->prepare("PRAGMA quick_check");
        if (!check.step() || check.columnText(0) != "ok")
            throw fail("it is damaged (" + check.columnText(0) + ")");
        if (version < known) {
            // Written by an older version: its rows are read into a private copy brought up to date,
            // and the review reads the copy. The file itself is never written.
            check.reset();
            auto copy = upgradedCopy(*out.db, static_cast<std::size_t>(version));
            out.db = std::make_unique<Database>(copy->path, true);
            out.db->exec("PRAGMA query_only = ON");
            out.upgradedCopy = std::move(copy);
        }
        for (const char* table : kTables)
            out.db->exec(fmt::format("SELECT count(*) FROM {}", table));
        out.info.agent = meta(*out.db, "archive_agent");
        out.info.storeId = meta(*out.db, "store_id");
        out.info.appVersion = meta(*out.db, "archive_app_version");
        out.info.calls = out.db->scalar("SELECT count(*) FROM calls");
        const std::string exported = meta(*out.db, "archive_exported_at");
        try {
            out.info.exportedAt = fromUnixMs(exported.empty() ? 0 : std::stoll(exported));
        } catch (const std::exception&) {
            throw fail("its export time is not a number");
        }
        if (out.info.storeId.empty()) throw fail("it does not say whose calls it holds");
    } catch (const ArchiveError&) {
        throw;
    } catch (const DbError& e) {
        if (e.isCorrupt()) throw fail("it is damaged or not a database");
        throw fail(e.what());
    }
    return out;
}

} // namespace cc
