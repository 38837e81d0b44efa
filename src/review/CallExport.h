#pragma once

#include "core/Clock.h"
#include "core/Progress.h"
#include "core/Text.h"
#include "review/ReviewTimeline.h"
#include "review/Scorecard.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cc {

class CallHistory;
struct CallRecord;

enum class ExportFormat { Csv, Json, Html, Archive };
std::optional<ExportFormat> exportFormatFromName(std::string_view name);
std::string_view nameOf(ExportFormat f);

/// What a report says about itself, and how outcome ids read.
struct ExportContext {
    std::string agent;
    std::string range; ///< e.g. "2026-11-01 to 2026-11-07", or empty
    WallTime exportedAt;
    std::function<std::string(std::string_view)> outcomeLabel; ///< id -> label; none: the id
    /// The HTML report adds each call's reviews: their scorecards, summaries and pinned comments.
    /// None: the report holds the calls only.
    std::function<std::vector<ScoreSheet>(std::int64_t callId)> reviewsOf = {};
    const ScorecardLibrary* scorecards = nullptr;
    /// The HTML report's words in the reader's language (the review window's); none: English.
    Translate translate = {};
    std::string language = "en"; ///< the report's language tag, for its <html lang>
};

/// Writes calls out of the history for people and other programs: one row a call in CSV (for a
/// spreadsheet), every detail in JSON, and a printable HTML report with each call's timeline. Calls
/// are read one at a time, so a large range costs little memory. Only masked text was ever saved,
/// so nothing written here can hold a card number.
class CallExporter {
public:
    CallExporter(CallHistory& history, ExportContext context);

    void writeCsv(std::span<const std::int64_t> ids, std::ostream& out);
    void writeJson(std::span<const std::int64_t> ids, std::ostream& out);
    void writeHtml(std::span<const std::int64_t> ids, std::ostream& out);

    /// The HTML report of one call, with a reviewer's pinned comments in its timeline (the review
    /// window prints it).
    std::string htmlOf(const CallRecord& call, std::span<const PinnedComment> comments = {});

    /// Each call written is reported to `progress`; a cancel asked for stops the writing by throwing
    /// Cancelled.
    void reportTo(Progress progress) { progress_ = std::move(progress); }

private:
    std::string outcome(std::string_view id) const;
    std::string tr(const Text& text) const { return text.render(context_.translate); }
    void step(std::size_t done, std::size_t total) const;

    CallHistory& history_;
    ExportContext context_;
    Progress progress_;
};

/// Writes the calls `ids` of `history` (whose database file is `source`) to the file `out` in `format`.
/// Text formats go to a file beside `out` that is renamed over it when complete, so a full disk never
/// leaves half a report; `out` "-" writes them to standard output. Every file is readable by its owner
/// only. Throws std::runtime_error naming the file when it cannot be written, and Cancelled (leaving
/// `out` as it was) when `progress` is cancelled.
void exportCalls(CallHistory& history, const std::filesystem::path& source, std::span<const std::int64_t> ids,
                 ExportFormat format, const ExportContext& context, const std::filesystem::path& out,
                 const Progress& progress = {});

/// A whole HTML page around `body`, with the reports' style, `title` (the browser's tab) and language
/// tag: the history's export and the review's saved report look alike.
std::string htmlPage(const std::string& title, const std::string& language, const std::string& body);

/// A reviewer's scorecard as HTML, for the printed review: each criterion's score, the critical
/// fails, the result and the overall comment.
std::string scorecardHtml(const Scorecard& card, const ScoreSheet& sheet, const ScoreResult& result,
                          const Translate& translate = {});

/// A CSV cell as a spreadsheet reads it safely: quoted as RFC 4180 wants, and a text starting with
/// = + - @ (which a spreadsheet would run as a formula) kept as text with a leading apostrophe.
std::string csvCell(std::string_view value);

/// Text made safe for HTML.
std::string htmlEscape(std::string_view text);

} // namespace cc
