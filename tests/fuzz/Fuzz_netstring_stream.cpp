// baresip's ctrl_tcp stream: netstring framing and JSON, fed in uneven pieces as TCP delivers it.
#include "softphone/BaresipLink.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cc::BaresipLink link;
    std::size_t pos = 0, step = 1;
    while (pos < size) {
        const std::size_t n = std::min(step, size - pos);
        (void)link.received({reinterpret_cast<const char*>(data) + pos, n});
        pos += n;
        step = step * 3 % 17 + 1;
    }
    return 0;
}
