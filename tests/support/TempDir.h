#pragma once

#include "core/Platform.h"

#include <filesystem>
#include <string>

namespace cc::test {

/// A fresh directory under $TMPDIR, removed with everything in it when the test ends.
class TempDir {
public:
    TempDir() : path_(createTemporaryFolder("cc-test")) {}
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace cc::test
