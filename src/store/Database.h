#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cc {

/// An SQLite failure, with SQLite's primary result code so callers can tell a full disk from a
/// corrupt file from a lock.
class DbError : public std::runtime_error {
public:
    DbError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const { return code_; }
    bool isCorrupt() const;
    bool isFull() const;
    bool isBusy() const;
    bool isReadOnly() const;

private:
    int code_;
};

class Statement;

/// One SQLite connection. Opening applies the store's settings: WAL journal, synchronous=FULL (a
/// committed note survives a power cut), foreign keys, and a short busy timeout.
class Database {
public:
    /// ":memory:" opens a private in-memory database.
    explicit Database(const std::filesystem::path& path, bool readOnly = false);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    /// One integer from a query such as "PRAGMA user_version".
    std::int64_t scalar(std::string_view sql);
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    /// True when SQLite could open the file for reading only (permissions, an immutable file, a
    /// read-only file system): every write would fail with SQLITE_READONLY.
    bool readOnly() const;
    /// How long a write waits for another connection's lock before failing with SQLITE_BUSY.
    void setBusyTimeout(std::chrono::milliseconds wait);

    /// Throws DbError if `rc` is not SQLITE_OK / ROW / DONE.
    void check(int rc, std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

/// A prepared statement; finalized on destruction. Bind indexes start at 1, columns at 0.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    /// Binds column `col` of `row`'s current row as it is (its type kept): copies rows between databases.
    Statement& bindFrom(int index, const Statement& row, int col);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Steps once: true while a row is available, false when done.
    bool step();
    /// Steps to completion, for statements that return no rows.
    void run();
    void reset();

    std::int64_t columnInt(int col) const;
    double columnDouble(int col) const;
    std::string columnText(int col) const;
    bool columnIsNull(int col) const;
    int columnCount() const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace cc
