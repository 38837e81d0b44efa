#include "store/Database.h"

#include "core/Platform.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace cc {

bool DbError::isCorrupt() const {
    const int primary = code_ & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}
bool DbError::isFull() const {
    return (code_ & 0xff) == SQLITE_FULL;
}
bool DbError::isBusy() const {
    return (code_ & 0xff) == SQLITE_BUSY || (code_ & 0xff) == SQLITE_LOCKED;
}
bool DbError::isReadOnly() const {
    return (code_ & 0xff) == SQLITE_READONLY;
}

Database::Database(const std::filesystem::path& path, bool readOnly) : path_(path) {
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(pathUtf8(path).c_str(), &db_, flags, nullptr); // SQLite takes UTF-8
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw DbError(rc, fmt::format("cannot open {}: {}", pathUtf8(path), msg));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
    try {
        if (path != ":memory:" && !readOnly) {
            // journal_mode is the first statement to read the file, so a file that is not a database
            // fails here with SQLITE_NOTADB.
            exec("PRAGMA journal_mode=WAL");
        }
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
    } catch (...) {
        // The destructor does not run for an object whose constructor throws: close here, or the
        // connection (and its file handle) would outlive the failure.
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

bool Database::readOnly() const {
    return sqlite3_db_readonly(db_, "main") == 1;
}

void Database::setBusyTimeout(std::chrono::milliseconds wait) {
    sqlite3_busy_timeout(db_, static_cast<int>(wait.count()));
}

void Database::check(int rc, std::string_view what) const {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
    throw DbError(rc, fmt::format("{}: {} ({})", what, sqlite3_errmsg(db_), pathUtf8(path_)));
}

void Database::exec(std::string_view sql) {
    const std::string s(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DbError(sqlite3_extended_errcode(db_), fmt::format("{} ({})", msg, pathUtf8(path_)));
    }
}

Statement Database::prepare(std::string_view sql) {
    return Statement(*this, sql);
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

std::int64_t Database::scalar(std::string_view sql) {
    auto st = prepare(sql);
    return st.step() ? st.columnInt(0) : 0;
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    db.check(sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr),
             "prepare");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    db_->check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, double value) {
    db_->check(sqlite3_bind_double(stmt_, index, value), "bind");
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    db_->check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               "bind");
    return *this;
}
Statement& Statement::bindNull(int index) {
    db_->check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
}

Statement& Statement::bindFrom(int index, const Statement& row, int col) {
    db_->check(sqlite3_bind_value(stmt_, index, sqlite3_column_value(row.stmt_, col)), "bind");
    return *this;
}

int Statement::columnCount() const {
    return sqlite3_column_count(stmt_);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->check(rc, "step");
    return false;
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::columnInt(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
double Statement::columnDouble(int col) const {
    return sqlite3_column_double(stmt_, col);
}
std::string Statement::columnText(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
bool Statement::columnIsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const DbError&) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing more to undo.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace cc
