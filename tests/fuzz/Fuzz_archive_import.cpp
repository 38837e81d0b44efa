// Archive import: any file handed to File > Open archive or `export --archive` is refused with an
// ArchiveError, or opened and read through everything a reviewer does (list, search, each call, its
// timeline, the CSV/JSON/HTML export), never a crash. The bytes go to a file on tmpfs, since the real
// path opens a file.
#include "review/CallArchive.h"
#include "review/CallExport.h"
#include "review/CallHistory.h"
#include "review/ReviewTimeline.h"
#include "store/Database.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path file = [] {
        const std::filesystem::path shm("/dev/shm");
        const auto dir = std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path();
        return dir / ("cc-fuzz-archive-" + std::to_string(::getpid()) + ".ccarchive");
    }();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        cc::OpenedArchive archive = cc::openArchive(file);
        cc::CallHistory history(*archive.db);
        const auto ids = history.find({});
        (void)history.find({.flags = cc::FlagReferral, .text = "printer offl"});
        (void)history.rows(ids);
        for (const auto id : ids)
            (void)cc::buildTimeline(history.load(id));
        cc::CallExporter exporter(history, {});
        std::ostringstream sink;
        exporter.writeCsv(ids, sink);
        exporter.writeJson(ids, sink);
        exporter.writeHtml(ids, sink);
    } catch (const cc::ArchiveError&) {
    } catch (const cc::DbError&) {       // damage found only when a page is read
    } catch (const std::out_of_range&) { // a call row whose details are gone
    }
    return 0;
}
