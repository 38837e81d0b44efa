#include "core/Platform.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <stdexcept>

#ifdef _WIN32
#include <io.h>
#include <sys/stat.h>
#else
#include <unistd.h>
#endif

namespace cc {

std::tm localParts(std::time_t t) {
    std::tm parts{};
#ifdef _WIN32
    localtime_s(&parts, &t);
#else
    localtime_r(&t, &parts);
#endif
    return parts;
}

bool createOwnerOnlyFile(const std::filesystem::path& p, CreateFile how) {
    const int mode = how == CreateFile::Truncate ? O_TRUNC : how == CreateFile::Exclusive ? O_EXCL : 0;
#ifdef _WIN32
    const int fd =
        ::_wopen(p.c_str(), _O_CREAT | _O_WRONLY | _O_NOINHERIT | _O_BINARY | mode, _S_IREAD | _S_IWRITE);
    if (fd < 0) return false;
    ::_close(fd);
#else
    const int fd = ::open(p.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC | mode, 0600);
    if (fd < 0) return false;
    ::close(fd);
#endif
    return true;
}

bool canWriteIn(const std::filesystem::path& dir) {
#ifdef _WIN32
    // Windows' access() looks at the read-only attribute alone, not at the folder's ACL: a file is made.
    const std::filesystem::path probe = dir / ".call-companion-write-test";
    if (!createOwnerOnlyFile(probe, CreateFile::Truncate)) return false;
    std::error_code ec;
    std::filesystem::remove(probe, ec);
    return true;
#else
    return ::access(dir.c_str(), W_OK | X_OK) == 0;
#endif
}

std::filesystem::path createTemporaryFile(const std::string& stem) {
    std::random_device seed;
    std::mt19937_64 random(seed());
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path p = dir / fmt::format("{}-{:012x}", stem, random() & 0xFFFFFFFFFFFFull);
        if (createOwnerOnlyFile(p, CreateFile::Exclusive)) return p;
        if (errno != EEXIST) break;
    }
    throw std::runtime_error(
        fmt::format("cannot make a temporary file in {}: {}", pathUtf8(dir), std::strerror(errno)));
}

std::filesystem::path createTemporaryFolder(const std::string& stem) {
    std::random_device seed;
    std::mt19937_64 random(seed());
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::error_code ec;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::filesystem::path p = dir / fmt::format("{}-{:012x}", stem, random() & 0xFFFFFFFFFFFFull);
        if (std::filesystem::create_directory(p, ec)) {
            std::filesystem::permissions(p, std::filesystem::perms::owner_all,
                                         std::filesystem::perm_options::replace, ec);
            return p;
        }
        if (ec) break;
    }
    throw std::runtime_error(fmt::format("cannot make a temporary folder in {}: {}", pathUtf8(dir),
                                         ec ? ec.message() : std::string("every name was taken")));
}

std::string pathUtf8(const std::filesystem::path& p) {
    const std::u8string s = p.u8string();
    return {reinterpret_cast<const char*>(s.data()), s.size()};
}

} // namespace cc
