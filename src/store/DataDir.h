#pragma once

#include "core/Clock.h"
#include "core/Text.h"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cc {

class Database;

/// Why the data folder or its database could not be used, in words for the agent, naming the path.
class DataDirError : public std::runtime_error {
public:
    explicit DataDirError(Text message) : std::runtime_error(message.render()), text_(std::move(message)) {}
    explicit DataDirError(const std::string& message) : DataDirError(Text::plain(message)) {}
    /// The message, translatable (what() is its English).
    const Text& text() const { return text_; }

private:
    Text text_;
};

/// The database, opened and migrated, and what the agent should be told about opening it.
struct OpenedStore {
    std::unique_ptr<Database> db;
    std::vector<Text> notices; ///< e.g. a damaged database that was moved aside
};

/// The per-user data folder: companion.db and the agent's own files. Private to the user: the folder is
/// 0700 and the files in it 0600.
class DataDir {
public:
    explicit DataDir(std::filesystem::path root) : root_(std::move(root)) {}

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path databasePath() const { return root_ / "companion.db"; }

    /// Creates the folder if needed, checks it can be written, opens and migrates the database. A
    /// damaged database is renamed to companion.db.corrupt-YYYYMMDD-HHMMSS and a fresh one started.
    /// Throws DataDirError with a message naming the path when the folder cannot be used.
    OpenedStore open(WallTime now) const;

    /// Creates the folder (0700) and checks it is writable, without touching the database.
    void prepare() const;

    /// Another database in the folder, kept apart from the agent's calls (e.g. "reviews.db" for QA
    /// scores), created 0600 and opened, not migrated. Throws DbError if it cannot be opened.
    std::unique_ptr<Database> openSideDatabase(const std::string& fileName) const;

private:
    std::filesystem::path moveAside(WallTime now) const;

    std::filesystem::path root_;
};

} // namespace cc
