#include "text/SensitiveMasker.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace cc;

namespace {
// Published test card numbers of several brands and lengths.
const std::vector<std::string> kTestCards{
    "4111111111111111",    // Visa 16
    "4012888888881881",    // Visa 16
    "4222222222222",       // Visa 13
    "5555555555554444",    // Mastercard
    "5105105105105100",    // Mastercard
    "2223003122003222",    // Mastercard 2-series
    "378282246310005",     // American Express 15
    "371449635398431",     // American Express 15
    "6011111111111117",    // Discover
    "6011000990139424",    // Discover
    "30569309025904",      // Diners Club 14
    "3530111333300000",    // JCB
    "3566002020360505",    // JCB
    "6200000000000005",    // UnionPay
    "6304000000000000018", // Maestro 19
};

std::string digitsOf(const std::string& s) {
    std::string d;
    for (char c : s)
        if (c >= '0' && c <= '9') d += c;
    return d;
}
} // namespace

TEST_CASE("the Luhn check accepts valid numbers and rejects a changed digit") {
    for (const auto& card : kTestCards)
        CHECK_MESSAGE(luhnValid(card), card);
    CHECK_FALSE(luhnValid("4111111111111112"));
    CHECK_FALSE(luhnValid("1234567890123456"));
}

TEST_CASE("card numbers of every brand are masked but for their last four digits") {
    for (const auto& card : kTestCards) {
        const auto r = maskSensitive("Card " + card + " declined");
        CHECK_MESSAGE(r.cardNumbers == 1, card);
        CHECK(r.text.find(card) == std::string::npos);
        CHECK(r.text.find(card.substr(card.size() - 4)) != std::string::npos);
        CHECK(r.text.size() == std::string("Card " + card + " declined").size());
    }
}

TEST_CASE("spaces, dashes and dots inside a card number do not hide it") {
    CHECK(maskSensitive("4111 1111 1111 1111").text == "**** **** **** 1111");
    CHECK(maskSensitive("4111-1111-1111-1111").text == "****-****-****-1111");
    CHECK(maskSensitive("4111.1111.1111.1111").text == "****.****.****.1111");
    CHECK(maskSensitive("amex 3782 822463 10005 ok").text == "amex **** ****** *0005 ok");
    CHECK(maskSensitive("card:4111111111111111.").text == "card:************1111.");
}

TEST_CASE("two card numbers in one line are both masked") {
    const auto r = maskSensitive("old 4111 1111 1111 1111 new 5555 5555 5555 4444");
    CHECK(r.cardNumbers == 2);
    CHECK(r.text == "old **** **** **** 1111 new **** **** **** 4444");
}

TEST_CASE("numbers that are not card numbers are left alone") {
    for (const char* text : {
             "Call back on +1 555 010 0199",   // phone number
             "Phone (555) 010-0100 ext 12",    // phone number
             "Case CASE-2024-000123 reopened", // case number
             "Order 1234567890123456 is late", // 16 digits, fails Luhn
             "Order 1234-5678-9012-3456",      // card-shaped, fails Luhn
             "Tracking 1Z999AA10123456784",    // glued to letters
             "IP 192.168.100.254 and date 2026-11-23",
             "Ticket 4111111111111112",    // one digit off a test card
             "Serial ABC4111111111111111", // part of a longer token
         }) {
        const auto r = maskSensitive(text);
        CHECK_MESSAGE(!r.masked(), text);
        CHECK(r.text == text);
    }
}

TEST_CASE("a security code after CVV, CVC or 'security code' is masked") {
    CHECK(maskSensitive("CVV 123").text == "CVV ***");
    CHECK(maskSensitive("cvc: 9876").text == "cvc: ****");
    CHECK(maskSensitive("the security code is 456, expiry 12/27").text ==
          "the security code is ***, expiry 12/27");
    CHECK(maskSensitive("CVV2=321").securityCodes == 1);
    CHECK_FALSE(maskSensitive("recvv 123").masked());
    CHECK_FALSE(maskSensitive("code 123").masked());
}

TEST_CASE("US social security numbers are masked but for the last four digits") {
    CHECK(maskSensitive("SSN 123-45-6789").text == "SSN ***-**-6789");
    CHECK(maskSensitive("ssn: 123456789").text == "ssn: *****6789");
    CHECK(maskSensitive("id 078 05 1120 given").text == "id *** ** 1120 given");
    CHECK_FALSE(maskSensitive("ref 123-456-7890").masked()); // a phone number shape
}

TEST_CASE("masking keeps the length of the text, so the caret does not move") {
    const std::string in = "x 4111 1111 1111 1111 cvv 123 ssn 123-45-6789 y";
    const auto r = maskSensitive(in);
    CHECK(r.text.size() == in.size());
    CHECK(digitsOf(r.text) == "11116789"); // the card's and the SSN's last four, nothing else
}

TEST_CASE("a number still being typed is hidden once it is longer than a card's issuer prefix") {
    CHECK(hideNumberBeingTyped("card 411111") == "card 411111");
    CHECK(hideNumberBeingTyped("card 4111 111") == "card **** ***");
    CHECK(hideNumberBeingTyped("call 555-010-01") == "call ***-***-**");
    CHECK(hideNumberBeingTyped("call 555-010-0199 now") == "call 555-010-0199 now");
    CHECK(hideNumberBeingTyped("") == "");
}
