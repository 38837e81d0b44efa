#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>

/// The few things the core asks of the operating system that POSIX and Windows spell differently, in
/// one place, so that the rest of the core is the same code on both.
namespace cc {

/// The local calendar time of `t` (localtime_r; localtime_s on Windows).
std::tm localParts(std::time_t t);

/// How a file is created for the owner alone.
enum class IfExists {
    Keep,     ///< an existing file stays as it is
    Truncate, ///< an existing file is emptied
    Fail,     ///< an existing file is a failure
};

/// Creates `p` readable and writable by its owner alone (mode 0600 on POSIX, an access list on Windows:
/// makeOwnerOnly), closed again at once and not inherited by a child process. False if it could not be
/// created (errno says why).
bool createOwnerOnlyFile(const std::filesystem::path& p, IfExists how = IfExists::Keep);

/// Makes the file or folder `p` its owner's alone. POSIX: what group and others may do is taken away
/// (the owner is never granted anything the owner took away). Windows: an access list that lets the
/// current user alone in, not inherited from the parent folder, and inherited by what is made inside
/// a folder. False if it could not be done.
bool makeOwnerOnly(const std::filesystem::path& p);

/// Whether `p` is its owner's alone: no group or other permission bits on POSIX; on Windows, an access
/// list that allows no one but the current user in. False if it cannot be read.
bool isOwnerOnly(const std::filesystem::path& p);

/// Whether files can be made in the folder `dir` (errno says why not).
bool canWriteIn(const std::filesystem::path& dir);

/// A new, empty, owner-only file in the system's temporary folder, its name `stem` and a random part.
/// Throws std::runtime_error if none could be made.
std::filesystem::path createTemporaryFile(const std::string& stem);

/// A new, empty folder in the system's temporary folder, for the owner alone (0700 on POSIX), its name
/// `stem` and a random part. Throws std::runtime_error if none could be made.
std::filesystem::path createTemporaryFolder(const std::string& stem);

/// The path as UTF-8, whatever the platform's own encoding of paths (UTF-16 on Windows): for messages
/// and for APIs that take UTF-8 (SQLite).
std::string pathUtf8(const std::filesystem::path& p);

/// The path that the UTF-8 text `utf8` names (a path from a settings file or wxString::utf8_string()). A
/// std::filesystem::path made from a std::string reads it in the ANSI code page on Windows.
std::filesystem::path pathFromUtf8(std::string_view utf8);

} // namespace cc
