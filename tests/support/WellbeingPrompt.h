#pragma once

#include "prompts/PromptRule.h"

#include <doctest/doctest.h>

namespace cc::test {

/// The bundled after-call prompt as data/prompts/default.toml writes it: a difficult_call rule, the
/// agent's own.
inline PromptRule afterDifficultCall() {
    PromptRules rules;
    rules.parse(R"([[prompt]]
id = "take-a-few-minutes"
title = "Take a few minutes"
say = "Take a few minutes. The call wasn't about you."
trigger = { type = "difficult_call" }
)",
                "prompts/default.toml");
    REQUIRE(rules.errors().empty());
    return rules.rules().at(0);
}

} // namespace cc::test
