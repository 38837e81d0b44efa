#pragma once

#include "data/DataError.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cc {

/// How this PC reaches the team server: server.toml in the data folder, which holds a credential and
/// must be readable by its owner only (0600). Never in settings.ini.
struct ServerConfig {
    std::string host;
    std::string port = "5432";
    std::string database = "callcompanion";
    std::string user;
    std::string password;    ///< a SCRAM password, or empty with a client certificate
    std::string certificate; ///< the client certificate and its key (files), instead of a password
    std::string key;
    std::string ca;                      ///< the team's CA certificate, to verify the server's
    std::string sslmode = "verify-full"; ///< only verify-full or verify-ca: never plain text
    bool practice = false;               ///< the team asked for practice calls too
    std::chrono::seconds connectTimeout{5};
    std::chrono::seconds queryTimeout{30};

    /// libpq's keywords and values for PQconnectdbParams: no connection string to quote.
    std::vector<std::pair<std::string, std::string>> connectParams() const;
    /// "alice@db.example.org:5432/callcompanion", for messages (no credential).
    std::string describe() const;
};

struct ServerConfigRead {
    std::optional<ServerConfig> config; ///< none: no server.toml (no team server), or errors
    std::vector<DataError> errors;
};

/// Reads server.toml. A missing file is not an error: the store stays local. Relative certificate
/// paths are taken from the file's folder. A file that others can read is refused while it holds a
/// password or names a key.
ServerConfigRead readServerConfig(const std::filesystem::path& file);

} // namespace cc
