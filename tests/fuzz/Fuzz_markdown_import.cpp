// Knowledge Markdown import (TOML front matter).
#include "knowledge/KnowledgeFiles.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)cc::readKnowledgeMarkdown({reinterpret_cast<const char*>(data), size}, "fuzz.md");
    return 0;
}
