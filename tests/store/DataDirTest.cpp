#include "store/DataDir.h"

#include "store/Database.h"
#include "support/FakeClock.h"
#include "support/TempDir.h"

#include <doctest/doctest.h>
#include <fstream>
#ifndef _WIN32 // modes and chattr +i: on Windows the folder's ACL is what keeps it private
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace cc;
namespace fs = std::filesystem;

#ifndef _WIN32
namespace {
unsigned modeOf(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}
} // namespace

TEST_CASE("a new data folder is private to the user: folder 0700, database files 0600") {
    test::TempDir tmp;
    const DataDir dir(tmp.path() / "nested" / "call-companion");
    ::umask(022); // as a careless login shell might have it
    auto opened = dir.open(test::FakeClock().wallNow());
    REQUIRE(opened.db);
    CHECK(opened.notices.empty());
    CHECK(modeOf(dir.root()) == 0700);
    CHECK(modeOf(dir.databasePath()) == 0600);
    CHECK(modeOf(dir.databasePath().string() + "-wal") == 0600);
    CHECK(opened.db->scalar("SELECT count(*) FROM calls") == 0);
    auto st = opened.db->prepare("PRAGMA journal_mode");
    REQUIRE(st.step());
    CHECK(st.columnText(0) == "wal");
}
#endif

TEST_CASE("a damaged database is moved aside with a timestamp and a fresh one is started") {
    test::TempDir tmp;
    const DataDir dir(tmp.path());
    {
        std::ofstream junk(dir.databasePath(), std::ios::binary);
        junk << std::string(8192, 'x');
    }
    auto opened = dir.open(test::FakeClock().wallNow());
    REQUIRE(opened.db);
    REQUIRE(opened.notices.size() == 1);
    CHECK(opened.notices[0].render().find(tmp.path().string()) != std::string::npos);
    CHECK(opened.notices[0].render().find(".corrupt-2025") != std::string::npos);
    int aside = 0;
    for (const auto& e : fs::directory_iterator(tmp.path()))
        if (e.path().filename().string().starts_with("companion.db.corrupt-")) {
            ++aside;
            CHECK(fs::file_size(e.path()) == 8192); // the damaged file is kept, untouched
        }
    CHECK(aside == 1);
    CHECK(opened.db->scalar("SELECT count(*) FROM calls") == 0);
}

TEST_CASE("a data folder that cannot be created is reported with its path") {
    test::TempDir tmp;
    const fs::path blocker = tmp.path() / "file";
    std::ofstream(blocker) << "not a folder";
    const DataDir dir(blocker / "data");
    try {
        dir.open(test::FakeClock().wallNow());
        FAIL("opened a data folder inside a file");
    } catch (const DataDirError& e) {
        CHECK(std::string(e.what()).find((blocker / "data").string()) != std::string::npos);
    }
}

#ifndef _WIN32 // a read-only file: POSIX modes, and chattr +i for root
namespace {
/// Makes a file read-only for this process, and writable again when it goes. Root ignores permission
/// bits, so as root the file is made immutable (chattr +i), which binds root too.
class ReadOnlyFile {
public:
    explicit ReadOnlyFile(fs::path p) : path_(std::move(p)) {
        if (::geteuid() != 0) {
            fs::permissions(path_, fs::perms::owner_read, fs::perm_options::replace);
            done_ = true;
            return;
        }
        done_ = setImmutable(true);
    }
    ~ReadOnlyFile() {
        if (::geteuid() == 0)
            setImmutable(false);
        else
            fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    }
    bool done() const { return done_; }

private:
    bool setImmutable(bool on) {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        int flags = 0;
        bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        flags = on ? flags | FS_IMMUTABLE_FL : flags & ~FS_IMMUTABLE_FL;
        ok = ok && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        ::close(fd);
        return ok;
    }
    fs::path path_;
    bool done_ = false;
};
} // namespace

TEST_CASE("a read-only data folder is reported with its path") {
    test::TempDir tmp;
    const DataDir dir(tmp.path() / "ro");
    fs::create_directories(dir.root());
    ReadOnlyFile readOnly(dir.root()); // chattr +i as root, who ignores permission bits
    if (!readOnly.done()) {
        MESSAGE("not checked: cannot make a folder read-only for root on " << tmp.path().string());
        return;
    }
    CHECK_THROWS_WITH_AS(dir.open(test::FakeClock().wallNow()), doctest::Contains(dir.root().c_str()),
                         DataDirError);
    CHECK_FALSE(fs::exists(dir.databasePath()));
}

TEST_CASE("a read-only database is refused at start-up with its path, and the calls in it are kept") {
    test::TempDir tmp;
    const DataDir dir(tmp.path() / "data");
    test::FakeClock clock;
    {
        auto opened = dir.open(clock.wallNow());
        opened.db->exec("INSERT INTO calls (started_at, state, saved_at) VALUES (1, 'talking', 1)");
    }
    const auto sizeBefore = fs::file_size(dir.databasePath());
    ReadOnlyFile readOnly(dir.databasePath());
    if (!readOnly.done()) {
        // Running as root on a file system without chattr +i (e.g. tmpfs): nothing binds root here.
        MESSAGE("not checked: cannot make a file read-only for root on " << tmp.path().string());
        return;
    }
    try {
        dir.open(clock.wallNow());
        FAIL("opened a read-only database as if it could be written");
    } catch (const DataDirError& e) {
        const std::string what = e.what();
        CHECK(what.find(dir.databasePath().string()) != std::string::npos);
        CHECK(what.find("read-only") != std::string::npos);
    }
    CHECK(fs::file_size(dir.databasePath()) == sizeBefore);
    CHECK(Database(dir.databasePath(), true).scalar("SELECT count(*) FROM calls WHERE finished = 0") == 1);
}
#endif
