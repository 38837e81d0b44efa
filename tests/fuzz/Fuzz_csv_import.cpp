// Knowledge CSV import: any bytes give entries and located errors, never a crash.
#include "knowledge/KnowledgeFiles.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = cc::readKnowledgeCsv({reinterpret_cast<const char*>(data), size}, "fuzz.csv");
    for (const auto& e : read.entries)
        (void)cc::validate(e);
    (void)cc::writeKnowledgeCsv(read.entries);
    return 0;
}
