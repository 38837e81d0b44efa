// Scorecard files: any bytes give a scorecard or located errors, never a crash; a scorecard read is
// scored with every criterion at its top, bottom and out of range.
#include "review/Scorecard.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto read = cc::parseScorecard({reinterpret_cast<const char*>(data), size}, "fuzz.toml");
    if (!read.card) return 0;
    for (int points : {-1, 0, 3, 1000}) {
        cc::ScoreSheet sheet;
        for (const auto& c : read.card->criteria)
            sheet.scores[c.id] = points;
        for (const auto& c : read.card->critical)
            sheet.criticalFailed[c.id] = points > 100;
        (void)cc::score(*read.card, sheet);
    }
    return 0;
}
