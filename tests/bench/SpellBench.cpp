// Spell-checking as the notes editor does it: after a keystroke only the edited line is checked again.
// Prints the dictionary load time, and the time to re-check one line of a 5,000-word note after a
// keystroke (p50/p99), next to raw Hunspell spell() over the same words; then suggest() for contrast.
//
//   spell_bench [--keystrokes N]
#include "spell/SpellChecker.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <hunspell/hunspell.hxx>
#include <string>
#include <vector>

namespace {
using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}
} // namespace

int main(int argc, char** argv) {
    int keystrokes = 2000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--keystrokes") keystrokes = std::max(10, std::atoi(argv[i + 1]));
    const auto dict = cc::SpellChecker::findDictionary("en_US");
    if (!dict) {
        std::fprintf(stderr, "hunspell-en-us is not installed\n");
        return 1;
    }

    auto t0 = Clock::now();
    cc::SpellChecker checker(dict->first, dict->second, {});
    const double loadMs = ms(Clock::now() - t0);
    t0 = Clock::now();
    Hunspell raw(dict->first.c_str(), dict->second.c_str());
    const double rawLoadMs = ms(Clock::now() - t0);

    // A 5,000-word note of help-desk prose with a typo now and then, 12 words a line.
    const std::vector<std::string> vocab{"caller",   "reports", "the",     "printer",   "is",
                                         "offline",  "since",   "morning", "restarted", "spooler",
                                         "recieved", "new",     "driver",  "customer",  "confirmed",
                                         "pasword",  "reset",   "works",   "again"};
    std::vector<std::string> lines;
    std::string line;
    for (int w = 0; w < 5000; ++w) {
        line += vocab[static_cast<std::size_t>(w * 7) % vocab.size()];
        if (w % 12 == 11) {
            lines.push_back(line);
            line.clear();
        } else {
            line += ' ';
        }
    }
    if (!line.empty()) lines.push_back(line);

    std::vector<double> companion, hunspell;
    std::size_t found = 0;
    for (int k = 0; k < keystrokes; ++k) {
        std::string& edited = lines[static_cast<std::size_t>(k * 31) % lines.size()];
        edited += (k % 5 == 0) ? ' ' : 'x'; // the keystroke
        t0 = Clock::now();
        found += checker.check(edited).size();
        companion.push_back(ms(Clock::now() - t0));
        t0 = Clock::now();
        for (const auto& w : cc::wordsOf(edited))
            found += raw.spell(edited.substr(w.offset, w.length)) ? 0 : 1;
        hunspell.push_back(ms(Clock::now() - t0));
    }
    std::vector<double> suggest;
    for (const char* typo : {"recieved", "acount", "pasword", "custmer", "adress", "teh", "fone", "emial"}) {
        t0 = Clock::now();
        found += raw.suggest(typo).size();
        suggest.push_back(ms(Clock::now() - t0));
    }

    std::printf("Hunspell en_US, a 5,000-word note (%zu lines), %d keystrokes\n", lines.size(), keystrokes);
    std::printf("%-44s %10.1f ms (raw Hunspell %0.1f ms)\n", "dictionary load", loadMs, rawLoadMs);
    std::printf("%-44s %22s %22s\n", "", "raw spell() p50 / p99", "companion p50 / p99");
    std::printf("%-44s %9.4f / %7.4f ms %9.4f / %7.4f ms\n", "re-check the edited line after a keystroke",
                percentile(hunspell, 0.5), percentile(hunspell, 0.99), percentile(companion, 0.5),
                percentile(companion, 0.99));
    std::printf("%-44s %9.1f / %7.1f ms (on right-click only)\n", "suggest() for one typo, p50 / max",
                percentile(suggest, 0.5), percentile(suggest, 1.0));
    return found > 0 ? 0 : 1;
}
