#pragma once

#include <ctime>
#include <filesystem>
#include <string>

/// The few things the core asks of the operating system that POSIX and Windows spell differently, in
/// one place, so that the rest of the core is the same code on both.
namespace cc {

/// The local calendar time of `t` (localtime_r; localtime_s on Windows).
std::tm localParts(std::time_t t);

/// How a file is created for the owner alone.
enum class CreateFile {
    Keep,      ///< an existing file stays as it is
    Truncate,  ///< an existing file is emptied
    Exclusive, ///< an existing file is a failure
};

/// Creates `p` readable and writable by its owner alone (mode 0600 on POSIX; on Windows it takes the
/// access of its folder, which the app keeps the user's own), closed again at once and not inherited
/// by a child process. False if it could not be created (errno says why).
bool createOwnerOnlyFile(const std::filesystem::path& p, CreateFile how = CreateFile::Keep);

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

} // namespace cc
