#include "store/DataDir.h"

#include "core/Platform.h"
#include "core/Translatable.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fmt/format.h>

namespace fs = std::filesystem;

namespace cc {

namespace {
constexpr const char* kSidecars[] = {"", "-wal", "-shm"};

// SQLite gives the -wal and -shm files the database file's mode, so the file is made 0600 before
// SQLite ever opens it.
void createPrivateFile(const fs::path& p) {
    createOwnerOnlyFile(p);
}

std::string stampForFileName(WallTime now) {
    std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const std::tm p = localParts(secs);
    return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", p.tm_year + 1900, p.tm_mon + 1, p.tm_mday,
                       p.tm_hour, p.tm_min, p.tm_sec);
}

Text readOnlyMessage(const fs::path& dbPath) {
    return Text(N_("The database {0} is read-only: Call Companion could not save your calls and notes to it. "
                   "Nothing in it was changed. Make the file writable again (its permissions, its immutable "
                   "flag, or the disk it is on) and start Call Companion again."),
                {Text::plain(pathUtf8(dbPath))});
}

std::unique_ptr<Database> openAndMigrate(const fs::path& dbPath) {
    createPrivateFile(dbPath);
    makeOwnerOnly(dbPath);
    auto db = std::make_unique<Database>(dbPath);
    // SQLite quietly opens a file it may not write for reading only; every save would then fail, so
    // it is refused here, before the agent types a word that could not be kept.
    if (db->readOnly()) throw DataDirError(readOnlyMessage(dbPath));
    migrate(*db);
    // A read of every table's root page: a file that is a database but damaged fails here rather than
    // in the middle of a call.
    db->exec("SELECT count(*) FROM calls WHERE finished = 0; SELECT count(*) FROM note_lines LIMIT 1;");
    return db;
}
} // namespace

void DataDir::prepare() const {
    std::error_code ec;
    fs::create_directories(root_, ec);
    if (ec || !fs::is_directory(root_))
        throw DataDirError(
            Text(N_("Cannot create the data folder {0}: {1}"),
                 {Text::plain(pathUtf8(root_)),
                  ec ? Text::plain(ec.message()) : Text(N_("a file of that name is in the way"))}));
    makeOwnerOnly(root_);
    if (!canWriteIn(root_))
        throw DataDirError(Text(N_("The data folder {0} cannot be written to: {1}"),
                                {Text::plain(pathUtf8(root_)), Text::plain(std::strerror(errno))}));
}

OpenedStore DataDir::open(WallTime now) const {
    prepare();
    OpenedStore out;
    const fs::path dbPath = databasePath();
    try {
        out.db = openAndMigrate(dbPath);
    } catch (const DbError& e) {
        if (e.isBusy())
            throw DataDirError(Text(
                N_("The database {0} is locked by another program. Close it and start Call Companion again."),
                {Text::plain(pathUtf8(dbPath))}));
        if (e.isReadOnly()) throw DataDirError(readOnlyMessage(dbPath));
        if (!e.isCorrupt())
            throw DataDirError(Text(N_("Cannot open the database {0}: {1}"),
                                    {Text::plain(pathUtf8(dbPath)), Text::plain(e.what())}));
        const fs::path aside = moveAside(now);
        out.notices.emplace_back(
            N_("The database {0} in {1} was damaged. It was moved aside as {2} and a fresh one was started."),
            std::vector<Text>{Text::plain(pathUtf8(dbPath.filename())), Text::plain(pathUtf8(root_)),
                              Text::plain(pathUtf8(aside.filename()))});
        try {
            out.db = openAndMigrate(dbPath);
        } catch (const DbError& again) {
            throw DataDirError(Text(N_("Cannot start a fresh database {0}: {1}"),
                                    {Text::plain(pathUtf8(dbPath)), Text::plain(again.what())}));
        }
    }
    for (const char* suffix : kSidecars)
        makeOwnerOnly(fs::path(dbPath) += suffix);
    return out;
}

std::unique_ptr<Database> DataDir::openSideDatabase(const std::string& fileName) const {
    prepare();
    const fs::path path = root_ / fileName;
    createPrivateFile(path);
    makeOwnerOnly(path);
    return std::make_unique<Database>(path);
}

fs::path DataDir::moveAside(WallTime now) const {
    const fs::path base = databasePath();
    fs::path target = fs::path(base) += ".corrupt-" + stampForFileName(now);
    for (int n = 2; fs::exists(target); ++n)
        target = fs::path(base) += ".corrupt-" + stampForFileName(now) + "-" + std::to_string(n);
    for (const char* suffix : kSidecars) {
        std::error_code ec;
        if (fs::exists(fs::path(base) += suffix))
            fs::rename(fs::path(base) += suffix, fs::path(target) += suffix, ec);
        if (ec)
            throw DataDirError(Text(N_("The database {0} is damaged and could not be moved aside: {1}"),
                                    {Text::plain(pathUtf8(base)), Text::plain(ec.message())}));
    }
    return target;
}

} // namespace cc
