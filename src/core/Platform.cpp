#include "core/Platform.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <stdexcept>

#ifdef _WIN32
#include <aclapi.h> // includes windows.h
#include <io.h>
#include <memory>
#include <sys/stat.h>
#include <vector>
#include <windows.h>
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

#ifdef _WIN32
namespace {
// The SID of the user this process runs as, in a buffer of its own.
std::vector<unsigned char> currentUserSid() {
    HANDLE token = nullptr;
    if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
    DWORD size = 0;
    ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<unsigned char> buffer(size);
    const bool ok = size > 0 && ::GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
    ::CloseHandle(token);
    if (!ok) return {};
    const PSID sid = reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
    const DWORD length = ::GetLengthSid(sid);
    std::vector<unsigned char> out(length);
    if (!::CopySid(length, out.data(), sid)) return {};
    return out;
}

struct LocalFreeDeleter {
    void operator()(void* p) const { ::LocalFree(p); }
};
} // namespace
#endif

bool makeOwnerOnly(const std::filesystem::path& p) {
#ifdef _WIN32
    std::vector<unsigned char> sid = currentUserSid();
    if (sid.empty()) return false;
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(p, ec);
    EXPLICIT_ACCESS_W access{};
    access.grfAccessPermissions = FILE_ALL_ACCESS;
    access.grfAccessMode = SET_ACCESS;
    access.grfInheritance = folder ? SUB_CONTAINERS_AND_OBJECTS_INHERIT : NO_INHERITANCE;
    access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
    access.Trustee.TrusteeType = TRUSTEE_IS_USER;
    access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(sid.data());
    PACL acl = nullptr;
    if (::SetEntriesInAclW(1, &access, nullptr, &acl) != ERROR_SUCCESS) return false;
    const std::unique_ptr<ACL, LocalFreeDeleter> owned(acl);
    // PROTECTED: the parent's entries (Users, Everyone on a shared folder) are no longer inherited.
    std::wstring name = p.wstring();
    return ::SetNamedSecurityInfoW(name.data(), SE_FILE_OBJECT,
                                   DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                   nullptr, acl, nullptr) == ERROR_SUCCESS;
#else
    std::error_code ec;
    const auto st = std::filesystem::status(p, ec);
    if (ec || !std::filesystem::exists(st)) return false;
    using std::filesystem::perms;
    const perms kept =
        st.permissions() & (perms::owner_all | perms::set_uid | perms::set_gid | perms::sticky_bit);
    std::filesystem::permissions(p, kept, std::filesystem::perm_options::replace, ec);
    return !ec;
#endif
}

bool isOwnerOnly(const std::filesystem::path& p) {
#ifdef _WIN32
    const std::vector<unsigned char> sid = currentUserSid();
    if (sid.empty()) return false;
    PACL dacl = nullptr;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (::GetNamedSecurityInfoW(p.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &dacl,
                                nullptr, &descriptor) != ERROR_SUCCESS)
        return false;
    const std::unique_ptr<void, LocalFreeDeleter> owned(descriptor);
    if (!dacl) return false; // no access list at all: everyone may
    for (DWORD i = 0; i < dacl->AceCount; ++i) {
        void* entry = nullptr;
        if (!::GetAce(dacl, i, &entry)) return false;
        const auto* header = static_cast<const ACE_HEADER*>(entry);
        if (header->AceType == ACCESS_DENIED_ACE_TYPE) continue; // taking away is always fine
        if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) return false;
        auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
        if (!::EqualSid(&allowed->SidStart, const_cast<unsigned char*>(sid.data()))) return false;
    }
    return true;
#else
    std::error_code ec;
    const auto st = std::filesystem::status(p, ec);
    if (ec || !std::filesystem::exists(st)) return false;
    using std::filesystem::perms;
    return (st.permissions() & (perms::group_all | perms::others_all)) == perms::none;
#endif
}

bool createOwnerOnlyFile(const std::filesystem::path& p, IfExists how) {
    const int mode = how == IfExists::Truncate ? O_TRUNC : how == IfExists::Fail ? O_EXCL : 0;
#ifdef _WIN32
    std::error_code ec;
    const bool existed = std::filesystem::exists(p, ec);
    const int fd =
        ::_wopen(p.c_str(), _O_CREAT | _O_WRONLY | _O_NOINHERIT | _O_BINARY | mode, _S_IREAD | _S_IWRITE);
    if (fd < 0) return false;
    ::_close(fd);
    if (!existed || how != IfExists::Keep) makeOwnerOnly(p);
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
    if (!createOwnerOnlyFile(probe, IfExists::Truncate)) return false;
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
        if (createOwnerOnlyFile(p, IfExists::Fail)) return p;
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
            makeOwnerOnly(p);
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

std::filesystem::path pathFromUtf8(std::string_view utf8) {
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

} // namespace cc
