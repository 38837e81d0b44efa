#include "core/WholeFile.h"

#include "core/Platform.h"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace cc {

void writeFileWhole(const std::filesystem::path& out, const std::function<void(std::ostream&)>& write) {
    const std::filesystem::path partial = std::filesystem::path(out) += ".partial";
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    createOwnerOnlyFile(partial, IfExists::Truncate);
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    try {
        if (file) write(file);
    } catch (...) { // a cancel, or what was being written could not be read: nothing is left behind
        file.close();
        std::filesystem::remove(partial, ec);
        throw;
    }
    file.close();
    if (!file) {
        const std::string why = std::strerror(errno);
        std::filesystem::remove(partial, ec);
        throw std::runtime_error(fmt::format("Cannot write {}: {}", pathUtf8(out), why));
    }
    std::filesystem::rename(partial, out, ec);
    if (ec) {
        const std::string why = ec.message();
        std::filesystem::remove(partial, ec);
        throw std::runtime_error(fmt::format("Cannot write {}: {}", pathUtf8(out), why));
    }
}

} // namespace cc
