#pragma once

#include <string>
#include <string_view>

namespace cc {

/// What masking found in a piece of text. The text itself never says what the numbers were.
struct MaskResult {
    std::string text;
    int cardNumbers = 0;   ///< 13-19 digit runs that pass the Luhn check
    int securityCodes = 0; ///< 3-4 digits after "CVV", "CVC", "CSC" or "security code"
    int ssns = 0;          ///< US social security numbers

    bool masked() const { return cardNumbers + securityCodes + ssns > 0; }
};

/// Masks what must never reach the disk (PCI DSS, and SSNs): card numbers keep their last four digits
/// and their spacing ("**** **** **** 1111"), security codes and SSNs lose their digits ("***",
/// "***-**-6789"). Numbers that only look alike (phone numbers, case numbers, order IDs that fail the
/// Luhn check) are left alone. Masking keeps the text's length, so an editor's caret stays put.
MaskResult maskSensitive(std::string_view text);

/// For a line still being typed: if it ends in a run of more than six digits (spaces, dashes and dots
/// allowed between them), that run could be the start of a card number, so the copy that is saved hides
/// it until the agent types past it. Six digits (a card's issuer prefix) may be kept.
std::string hideNumberBeingTyped(std::string_view line);

/// The Luhn checksum over a string of digits (other characters are ignored).
bool luhnValid(std::string_view digits);

} // namespace cc
