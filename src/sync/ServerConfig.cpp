#include "sync/ServerConfig.h"

#include "core/Platform.h"
#include "data/TextFiles.h"
#include "data/TomlFile.h"

#include <algorithm>
#include <fmt/format.h>

namespace cc {

namespace fs = std::filesystem;

std::vector<std::pair<std::string, std::string>> ServerConfig::connectParams() const {
    std::vector<std::pair<std::string, std::string>> p{
        {"host", host},
        {"port", port},
        {"dbname", database},
        {"user", user},
        {"sslmode", sslmode},
        {"application_name", "call-companion"},
        {"connect_timeout", std::to_string(connectTimeout.count())},
        // A server that stops answering is noticed without waiting for the kernel's hours.
        {"keepalives", "1"},
        {"keepalives_idle", "10"},
        {"keepalives_interval", "5"},
        {"keepalives_count", "3"},
        {"tcp_user_timeout", std::to_string(queryTimeout.count() * 1000)}};
    if (!password.empty()) p.emplace_back("password", password);
    if (!certificate.empty()) p.emplace_back("sslcert", certificate);
    if (!key.empty()) p.emplace_back("sslkey", key);
    if (!ca.empty()) p.emplace_back("sslrootcert", ca);
    return p;
}

std::string ServerConfig::describe() const {
    return fmt::format("{}@{}:{}/{}", user, host, port, database);
}

ServerConfigRead readServerConfig(const fs::path& file) {
    ServerConfigRead out;
    std::error_code ec;
    if (!fs::exists(file, ec)) return out;
    const std::string name = pathUtf8(file);
    const auto text = readTextFile(file);
    if (!text) {
        out.errors.push_back({name, 0, 0, "cannot be read"});
        return out;
    }
    const auto table = parseToml(*text, name, out.errors);
    if (!table) return out;
    ServerConfig c;
    const auto str = [&](const char* key, std::string& into) {
        if (const auto* node = table->get(key)) {
            if (const auto v = node->value<std::string>())
                into = *v;
            else if (const auto n = node->value<std::int64_t>())
                into = std::to_string(*n);
            else
                out.errors.push_back(dataErrorAt(name, *node, fmt::format("{} must be text", key)));
        }
    };
    str("host", c.host);
    str("port", c.port);
    str("database", c.database);
    str("user", c.user);
    str("password", c.password);
    str("certificate", c.certificate);
    str("key", c.key);
    str("ca", c.ca);
    str("sslmode", c.sslmode);
    c.practice = (*table)["practice"].value_or(false);
    if (const auto t = (*table)["connect_timeout_seconds"].value<std::int64_t>(); t && *t > 0)
        c.connectTimeout = std::chrono::seconds{*t};
    if (const auto t = (*table)["query_timeout_seconds"].value<std::int64_t>(); t && *t > 0)
        c.queryTimeout = std::chrono::seconds{*t};
    for (const auto& [key, node] : *table) {
        static const std::vector<std::string> known{"host",
                                                    "port",
                                                    "database",
                                                    "user",
                                                    "password",
                                                    "certificate",
                                                    "key",
                                                    "ca",
                                                    "sslmode",
                                                    "practice",
                                                    "connect_timeout_seconds",
                                                    "query_timeout_seconds"};
        if (std::find(known.begin(), known.end(), std::string(key.str())) == known.end())
            out.errors.push_back(dataErrorAt(name, node, fmt::format("unknown setting '{}'", key.str())));
    }
    if (c.host.empty()) out.errors.push_back({name, 0, 0, "host = \"...\" is missing: which server?"});
    if (c.user.empty())
        out.errors.push_back({name, 0, 0, "user = \"...\" is missing: your login on the server"});
    if (c.sslmode != "verify-full" && c.sslmode != "verify-ca")
        out.errors.push_back({name, 0, 0,
                              fmt::format("sslmode = \"{}\" is refused: calls travel only over TLS that "
                                          "checks the server (verify-full, or verify-ca)",
                                          c.sslmode)});
    if (c.password.empty() && c.certificate.empty())
        out.errors.push_back({name, 0, 0, "neither password nor certificate: how does this PC log in?"});
    const fs::path dir = file.parent_path();
    for (std::string* path : {&c.certificate, &c.key, &c.ca})
        if (!path->empty() && fs::path(*path).is_relative()) *path = (dir / *path).string();
    if ((!c.password.empty() || !c.key.empty()) && fs::exists(file, ec) && !isOwnerOnly(file)) {
#ifdef _WIN32
        out.errors.push_back({name, 0, 0,
                              "holds a credential but others can read it: let your own account alone read "
                              "it (its Properties, Security tab)"});
#else
        const auto mode = static_cast<unsigned>(fs::status(file, ec).permissions()) & 0777u;
        out.errors.push_back(
            {name, 0, 0,
             fmt::format("holds a credential but others can read it (mode {:o}): chmod 600 '{}'", mode,
                         name)});
#endif
    }
    if (out.errors.empty()) out.config = std::move(c);
    return out;
}

} // namespace cc
