// Script files: parse, then walk every branch the runner offers.
#include "scripts/Script.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = cc::parseScript({reinterpret_cast<const char*>(data), size}, "fuzz.toml");
    if (!read.script) return 0;
    cc::ScriptRunner run(*read.script);
    for (int i = 0; i < 64; ++i) {
        run.toggle(0);
        if (!run.next() && !run.choose(static_cast<std::size_t>(i) % 3)) break;
    }
    while (run.back()) {
    }
    return 0;
}
