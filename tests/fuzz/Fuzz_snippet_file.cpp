// Snippet files.
#include "notes/SnippetBook.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    cc::SnippetBook book;
    book.parse(text, "fuzz.toml");
    (void)cc::triggerBefore(text, text.size());
    return 0;
}
