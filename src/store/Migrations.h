#pragma once

#include <span>
#include <string_view>

namespace cc {

class Database;

/// One step of the schema. Step i takes the database from user_version i to i + 1.
struct Migration {
    std::string_view description;
    std::string_view sql;
};

/// The store's schema, in order. Append; never edit a step that has shipped.
std::span<const Migration> schemaMigrations();

/// Brings the database up to the newest schema. Each step runs in its own transaction together with
/// the user_version bump, so a failed step leaves the database at the version before it. Throws
/// DbError; throws std::runtime_error if the file comes from a newer Call Companion.
void migrate(Database& db, std::span<const Migration> steps = schemaMigrations());

} // namespace cc
