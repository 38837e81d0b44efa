#pragma once

#include "core/Clock.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

namespace cc {

class Database;

/// Why a file could not be opened as an archive, or an archive not written, naming the file.
class ArchiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What an archive says about itself.
struct ArchiveInfo {
    std::string agent;   ///< who took the calls, as set in their settings
    std::string storeId; ///< the agent's own store, so reviews of its calls stay together
    WallTime exportedAt;
    std::int64_t calls = 0;
    std::string appVersion;
};

/// A private copy of an archive written by an older version, brought up to date; removed when the
/// last connection to it is gone.
struct ArchiveCopy {
    explicit ArchiveCopy(std::filesystem::path p) : path(std::move(p)) {}
    ArchiveCopy(const ArchiveCopy&) = delete;
    ArchiveCopy& operator=(const ArchiveCopy&) = delete;
    ~ArchiveCopy();
    std::filesystem::path path;
};

/// An archive opened for review: a read-only connection and what it says about itself.
struct OpenedArchive {
    std::shared_ptr<const ArchiveCopy> upgradedCopy; ///< set for an older archive: what `db` reads
    std::unique_ptr<Database> db;                    ///< closed before the copy is removed
    ArchiveInfo info;
};

/// A call archive is an SQLite file with the store's own schema holding only the chosen calls (their
/// segments, notes, timeline and transfers; never the break log or the knowledge base), marked with
/// its own application id. Another Call Companion opens it read-only in its history and review
/// windows, so one reviewer can read several agents' calls.
///
/// Writes the calls `ids` of the store at `source` to `out`. The file is written beside `out` and
/// renamed over it at the end, so a failure leaves no half archive. Throws ArchiveError.
void writeArchive(const std::filesystem::path& source, std::span<const std::int64_t> ids,
                  const ArchiveInfo& info, const std::filesystem::path& out);

/// Writes an archive whole: `fill` gets a new database with the store's schema, created 0600 beside
/// `out` with its journal in the one file, and writes the calls into it (marking it with
/// markAsArchive). The file is renamed over `out` only when `fill` returns: an exception leaves no half
/// archive, and is rethrown.
void writeArchiveWith(const std::filesystem::path& out, const std::function<void(Database&)>& fill);

/// Marks a database with the store's schema as an archive of `info`'s store and agent: its application
/// id and what it says about itself. Inside the caller's transaction.
void markAsArchive(Database& db, const ArchiveInfo& info);

/// Opens an archive read-only, after checking it is one this version understands and that it is not
/// damaged. An archive written by an older version is read through a private copy brought up to date.
/// Throws ArchiveError saying what is wrong with which file.
OpenedArchive openArchive(const std::filesystem::path& file);

/// The application id in an archive's header ("CCAR").
inline constexpr std::int64_t kArchiveApplicationId = 0x43434152;

} // namespace cc
