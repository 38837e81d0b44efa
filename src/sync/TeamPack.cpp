#include "sync/TeamPack.h"

#include "core/Platform.h"
#include "core/WholeFile.h"
#include "pack/DataPack.h"
#include "sync/PgConnection.h"

#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace cc {

namespace {
constexpr std::uintmax_t kMaxPackBytes = 10u * 1024 * 1024;

std::string firstProblem(const std::vector<DataError>& errors) {
    return errors.empty() ? std::string() : errors.front().toString();
}
} // namespace

bool packPathAllowed(const std::string& path) {
    static const std::regex allowed(R"([A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\.(toml|txt|csv|md))");
    return std::regex_match(path, allowed) && path.find("..") == std::string::npos;
}

PackFiles readPackFiles(const fs::path& folder) {
    PackFiles files;
    std::uintmax_t total = 0;
    for (const auto& item : fs::recursive_directory_iterator(folder)) {
        if (!item.is_regular_file()) continue;
        const std::string path = fs::relative(item.path(), folder).generic_string();
        if (!packPathAllowed(path)) continue;
        total += item.file_size();
        if (total > kMaxPackBytes)
            throw std::runtime_error(fmt::format("{}: the pack is over 10 MB", pathUtf8(folder)));
        std::ifstream in(item.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files[path] = text.str();
    }
    return files;
}

PackRefused::PackRefused(std::vector<DataError> errors)
    : std::runtime_error(
          fmt::format("the pack does not pass data check: {}{}", firstProblem(errors),
                      errors.size() > 1 ? fmt::format(" (and {} more)", errors.size() - 1) : "")),
      errors_(std::move(errors)) {}

std::int64_t publishPack(PgConnection& server, const fs::path& folder, const std::string& team) {
    if (auto errors = DataPack(folder).check(); !errors.empty()) throw PackRefused(std::move(errors));
    const nlohmann::json files = readPackFiles(folder);
    const auto r = server.exec("SELECT cc.publish_pack($1, $2::jsonb)", {team, files.dump()});
    return std::stoll(r.text(0, 0));
}

std::int64_t serverPackVersion(PgConnection& server) {
    return std::stoll(server.exec("SELECT coalesce(max(version), 0) FROM cc.packs").text(0, 0));
}

std::int64_t TeamPacks::newest() const {
    std::int64_t best = 0;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(root_, ec)) {
        const std::string name = pathUtf8(item.path().filename());
        if (!item.is_directory() || name.size() < 2 || name[0] != 'v') continue;
        if (name.find_first_not_of("0123456789", 1) != std::string::npos) continue;
        best = std::max<std::int64_t>(best, std::stoll(name.substr(1)));
    }
    return best;
}

fs::path TeamPacks::folder(std::int64_t version) const {
    return root_ / fmt::format("v{}", version);
}

std::int64_t TeamPacks::refused() const {
    std::ifstream in(root_ / "refused");
    std::int64_t version = 0;
    in >> version;
    return version;
}

void TeamPacks::prune(std::int64_t keep) const {
    std::error_code ec;
    for (std::int64_t v = newest(); v > 0; --v)
        if (v < keep) fs::remove_all(folder(v), ec);
}

TeamPacks::Pull TeamPacks::pull(PgConnection& server) const {
    Pull result;
    result.version = newest();
    const std::int64_t after = std::max(result.version, refused());
    const auto r = server.exec("SELECT version, files::text FROM cc.packs WHERE version > $1::bigint "
                               "ORDER BY version DESC LIMIT 1",
                               {std::to_string(after)});
    if (r.rows() == 0) return result;
    const std::int64_t version = std::stoll(r.text(0, 0));
    fs::create_directories(root_);
    const fs::path partial = root_ / fmt::format("v{}.partial", version);
    fs::remove_all(partial);
    std::vector<DataError> problems;
    try {
        const auto files = nlohmann::json::parse(r.text(0, 1));
        if (!files.is_object() || files.empty()) throw std::runtime_error("the pack has no files");
        for (const auto& file : files.items()) {
            const std::string& path = file.key();
            if (!packPathAllowed(path) || !file.value().is_string()) {
                problems.push_back({path, 0, 0, "a file a pack may not have"});
                continue;
            }
            const std::string text = file.value().get<std::string>();
            const fs::path out = partial / fs::path(path);
            fs::create_directories(out.parent_path());
            writeFileWhole(out, [&text](std::ostream& o) { o << text; });
        }
    } catch (const std::exception& e) {
        problems.push_back({fmt::format("team pack v{}", version), 0, 0, e.what()});
    }
    if (problems.empty()) problems = DataPack(partial).check();
    if (!problems.empty()) {
        // Named as in the pack, not as in this PC's folder.
        for (auto& p : problems)
            if (const auto at = p.file.find(pathUtf8(partial)); at == 0)
                p.file = fmt::format("team pack v{}/{}", version,
                                     fs::path(p.file).lexically_relative(partial).generic_string());
        fs::remove_all(partial);
        writeFileWhole(root_ / "refused", [version](std::ostream& o) { o << version << '\n'; });
        result.refusedVersion = version;
        result.problems = std::move(problems);
        return result;
    }
    fs::rename(partial, folder(version));
    result.version = version;
    result.arrived = true;
    return result;
}

} // namespace cc
