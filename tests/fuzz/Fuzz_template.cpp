// The CRM summary and snippet templates: checking and filling never crash, whatever the braces.
#include "notes/CrmSummary.h"
#include "notes/SnippetBook.h"
#include "text/SensitiveMasker.h"
#include "text/Template.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto summary = cc::CrmSummary::fromText(text, "fuzz.txt");
    cc::Placeholders values;
    for (const auto& n : cc::SnippetBook::placeholderNames())
        values[n] = "4111 1111 1111 1111";
    if (summary.usable()) (void)summary.render(values);
    try {
        (void)cc::fillTemplate(text, values);
    } catch (const cc::TemplateError&) {
    }
    // Gaps for half the placeholders: the markers they are filled with must never be read wrong.
    bool gap = false;
    for (auto& [name, value] : values)
        value = (gap = !gap) ? "" : text;
    const auto gapped = cc::fillMarkingGaps(text, values);
    for (const auto& g : gapped.gaps)
        if (g.offset + g.length > gapped.text.size()) __builtin_trap();
    (void)cc::maskSensitive(text);
    (void)cc::hideNumberBeingTyped(text);
    return 0;
}
