#pragma once

#include "data/DataError.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cc {

class PgConnection;

/// One pack for the team: scripts, prompt rules, scorecards and snippets (a whole data pack, the same
/// folder layout as data/) published on the team server in versions. The server takes only what `data
/// check` passed; each companion checks a version again before it uses it, keeps the last good one if
/// a version is refused, and switches between calls.

/// A pack's text files by their paths in the folder ("scripts/helpdesk.toml").
using PackFiles = std::map<std::string, std::string>;

/// Whether `path` may be a file of a pack: relative, plain names, a pack's kind of file.
bool packPathAllowed(const std::string& path);
/// The pack's files under `folder` (the kinds a pack has: .toml, .txt, .csv, .md).
PackFiles readPackFiles(const std::filesystem::path& folder);

/// A pack `data check` did not pass: nothing was sent.
class PackRefused : public std::runtime_error {
public:
    explicit PackRefused(std::vector<DataError> errors);
    const std::vector<DataError>& errors() const { return errors_; }

private:
    std::vector<DataError> errors_;
};

/// Checks the pack in `folder` as `data check` does and publishes it as `team`'s next version; returns
/// that version. Throws PackRefused (with every problem, file:line) or PgError (a login that may not
/// publish for that team).
std::int64_t publishPack(PgConnection& server, const std::filesystem::path& folder, const std::string& team);

/// The team packs this PC holds: DATA/team-packs/v<N>, each complete and checked.
struct TeamPacks {
    explicit TeamPacks(std::filesystem::path dataDir) : root_(std::move(dataDir) / "team-packs") {}
    /// The newest good version here (0: none) and its folder.
    std::int64_t newest() const;
    std::filesystem::path folder(std::int64_t version) const;
    /// The newest version the server offered that this PC refused (0: none).
    std::int64_t refused() const;
    /// Removes the versions older than `keep`.
    void prune(std::int64_t keep) const;

    /// What a pull did.
    struct Pull {
        std::int64_t version = 0;        ///< the newest good version here after it
        bool arrived = false;            ///< that version came with this pull
        std::int64_t refusedVersion = 0; ///< a newer version that failed the check (0: none)
        std::vector<DataError> problems; ///< why, file:line as in the pack
    };
    /// Asks the server for a version newer than the newest here (and not refused before); writes it
    /// under a temporary name, checks it, and renames it into place only if it is good. A refused
    /// version is remembered and not fetched again. Throws PgError when the server is not reachable.
    Pull pull(PgConnection& server) const;

private:
    std::filesystem::path root_;
};

/// Whether the server has a pack version newer than `version` for this login's team.
std::int64_t serverPackVersion(PgConnection& server);

} // namespace cc
