// Softphone hook arguments: NUL-separated argv, parsed, encoded for IPC and decoded again.
#include "softphone/CallCommand.h"

#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            args.emplace_back();
        else
            args.back() += static_cast<char>(data[i]);
    }
    const auto parsed = cc::parseCallCommand(args);
    if (parsed.command) {
        const auto back = cc::decodeCallCommand(cc::encodeCallCommand(*parsed.command));
        if (!back || back->action != parsed.command->action) __builtin_trap();
    }
    (void)cc::decodeCallCommand({reinterpret_cast<const char*>(data), size});
    return 0;
}
