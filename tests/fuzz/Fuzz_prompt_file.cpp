// Prompt rule files, then the engine over them.
#include "prompts/PromptEngine.h"
#include "prompts/PromptRule.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    cc::PromptRules rules;
    rules.parse(text, "fuzz.toml");
    cc::PromptEngine engine(rules.rules());
    cc::PromptSituation s;
    s.state = cc::CallState::OnHold;
    s.currentHold = std::chrono::minutes(5);
    s.text = std::string(text.substr(0, 512));
    (void)engine.evaluate(s, std::chrono::steady_clock::time_point{});
    return 0;
}
