#include "review/CallExport.h"

#include "call/CallRecord.h"
#include "core/Format.h"
#include "core/Platform.h"
#include "core/Translatable.h"
#include "core/WholeFile.h"
#include "review/CallArchive.h"
#include "review/CallHistory.h"
#include "review/ReviewTimeline.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <csv.h>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

namespace cc {

namespace {
constexpr std::array kFormatNames{"csv", "json", "html", "archive"};

std::string seconds(Duration d) {
    return fmt::format("{:.1f}", static_cast<double>(d.count()) / 1000.0);
}

std::string flagsOf(const CallRecord& c, const Translate& translate = {}) {
    std::string f;
    auto add = [&](bool on, const char* word) {
        if (on) f += (f.empty() ? "" : ", ") + Text(word).render(translate);
    };
    add(c.missed, N_("missed"));
    add(c.difficult, N_("difficult"));
    add(c.training, N_("practice"));
    add(std::any_of(c.events.begin(), c.events.end(),
                    [](const TimelineEvent& e) { return e.kind == EventKind::Referral; }),
        N_("referral given"));
    add(c.maskedCount > 0, N_("card number masked"));
    return f;
}

std::string notesText(const CallRecord& c) {
    std::string s;
    for (std::size_t i = 0; i < c.notes.size(); ++i)
        s += (i ? "\n" : "") + c.notes[i].text;
    return s;
}

std::string barColour(SegmentKind k) {
    return fmt::format("#{:06x}", segmentRgb(k));
}

const char* segmentWord(SegmentKind k) {
    switch (k) {
    case SegmentKind::Talk: return N_("Talk");
    case SegmentKind::Hold: return N_("Hold");
    case SegmentKind::WrapUp: return N_("Wrap-up");
    case SegmentKind::Ringing: return N_("Ringing");
    }
    return "";
}

nlohmann::json jsonOf(const CallRecord& c, const std::string& outcomeLabel) {
    using nlohmann::json;
    json segments = json::array(), notes = json::array(), events = json::array(), transfers = json::array();
    for (const auto& s : c.segments)
        segments.push_back({{"kind", nameOf(s.kind)},
                            {"started_at", toUnixMs(s.wallStart)},
                            {"length_ms", s.length.count()}});
    for (const auto& n : c.notes)
        notes.push_back({{"at", n.at ? json(toUnixMs(*n.at)) : json(nullptr)}, {"text", n.text}});
    for (const auto& e : c.events)
        events.push_back({{"at", toUnixMs(e.at)},
                          {"offset_ms", e.offset.count()},
                          {"kind", e.kind == EventKind::Unknown ? e.word : std::string(wordOf(e.kind))},
                          {"facts", e.facts},
                          {"detail", describe(e).detail.render()}});
    for (const auto& t : c.transfers)
        transfers.push_back({{"at", toUnixMs(t.at)}, {"to", t.to}, {"reason", t.reason}});
    return {{"id", c.id},
            {"started_at", toUnixMs(c.startedAt)},
            {"started", formatLocalDateTime(c.startedAt)},
            {"finished_at", c.finishedAt ? json(toUnixMs(*c.finishedAt)) : json(nullptr)},
            {"finished", c.finished},
            {"missed", c.missed},
            {"difficult", c.difficult},
            {"practice", c.training},
            {"masked_count", c.maskedCount},
            {"talk_ms", totalOf(c.segments, SegmentKind::Talk).count()},
            {"hold_ms", totalOf(c.segments, SegmentKind::Hold).count()},
            {"wrap_up_ms", totalOf(c.segments, SegmentKind::WrapUp).count()},
            {"caller_name", c.fields.callerName},
            {"callback_number", c.fields.callbackNumber},
            {"case_number", c.fields.caseNumber},
            {"reason", c.fields.reason},
            {"outcome", c.fields.outcome},
            {"outcome_label", outcomeLabel},
            {"segments", segments},
            {"notes", notes},
            {"events", events},
            {"transfers", transfers}};
}

constexpr const char* kHtmlHead = R"(<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><title>{}</title>
<style>
body {{ font-family: sans-serif; font-size: 11pt; margin: 2em; color: #111; }}
h1 {{ font-size: 16pt; }} h2 {{ font-size: 13pt; margin-top: 2em; border-top: 1px solid #999; padding-top: 0.5em; }}
table {{ border-collapse: collapse; }} td, th {{ padding: 2px 6px; vertical-align: top; text-align: left; }}
table.list td, table.list th {{ border-bottom: 1px solid #ddd; }}
table.bar td {{ height: 14px; padding: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.k {{ color: #555; white-space: nowrap; }} .note {{ font-weight: bold; }}
@media print {{ h2 {{ page-break-before: always; }} }}
</style></head><body>
)";
} // namespace

std::string htmlPage(const std::string& title, const std::string& language, const std::string& body) {
    return fmt::format(kHtmlHead, htmlEscape(language), htmlEscape(title)) + body + "</body></html>\n";
}

std::optional<ExportFormat> exportFormatFromName(std::string_view name) {
    for (std::size_t i = 0; i < kFormatNames.size(); ++i)
        if (name == kFormatNames[i]) return static_cast<ExportFormat>(i);
    return std::nullopt;
}

std::string_view nameOf(ExportFormat f) {
    return kFormatNames.at(static_cast<std::size_t>(f));
}

std::string csvCell(std::string_view value) {
    std::string safe;
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        safe = "'";
    safe += value;
    std::string quoted(safe.size() * 2 + 2, '\0');
    quoted.resize(csv_write(quoted.data(), quoted.size(), safe.data(), safe.size()));
    return quoted;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

CallExporter::CallExporter(CallHistory& history, ExportContext context)
    : history_(history), context_(std::move(context)) {}

std::string CallExporter::outcome(std::string_view id) const {
    return context_.outcomeLabel ? context_.outcomeLabel(id) : std::string(id);
}

void CallExporter::step(std::size_t done, std::size_t total) const {
    progress_(done, total);
    progress_.checkCancelled();
}

void CallExporter::writeCsv(std::span<const std::int64_t> ids, std::ostream& out) {
    constexpr std::array kHeader{"id",          "started",   "finished", "talk_s",      "hold_s",
                                 "holds",       "wrap_up_s", "handle_s", "caller_name", "callback_number",
                                 "case_number", "reason",    "outcome",  "flags",       "transfers",
                                 "referrals",   "notes"};
    for (std::size_t i = 0; i < kHeader.size(); ++i)
        out << (i ? "," : "") << kHeader[i];
    out << "\r\n";
    std::size_t done = 0;
    for (const auto id : ids) {
        step(done++, ids.size());
        const CallRecord c = history_.load(id);
        const Duration talk = totalOf(c.segments, SegmentKind::Talk),
                       hold = totalOf(c.segments, SegmentKind::Hold),
                       wrap = totalOf(c.segments, SegmentKind::WrapUp);
        int holds = 0, referrals = 0;
        for (const auto& s : c.segments)
            holds += s.kind == SegmentKind::Hold;
        std::string transfers, referralList;
        for (const auto& t : c.transfers)
            transfers += (transfers.empty() ? "" : "; ") + t.to;
        for (const auto& e : c.events)
            if (e.kind == EventKind::Referral) referralList += (referrals++ ? "; " : "") + e.fact();
        const std::array cells{std::to_string(c.id),
                               formatLocalDateTime(c.startedAt),
                               c.finishedAt ? formatLocalDateTime(*c.finishedAt) : std::string(),
                               seconds(talk),
                               seconds(hold),
                               std::to_string(holds),
                               seconds(wrap),
                               seconds(talk + hold + wrap),
                               c.fields.callerName,
                               c.fields.callbackNumber,
                               c.fields.caseNumber,
                               c.fields.reason,
                               outcome(c.fields.outcome),
                               flagsOf(c),
                               transfers,
                               referralList,
                               notesText(c)};
        for (std::size_t i = 0; i < cells.size(); ++i)
            out << (i ? "," : "") << csvCell(cells[i]);
        out << "\r\n";
    }
}

void CallExporter::writeJson(std::span<const std::int64_t> ids, std::ostream& out) {
    const auto replace = nlohmann::json::error_handler_t::replace;
    const nlohmann::json head{{"format", "call-companion-export"},
                              {"version", 1},
                              {"agent", context_.agent},
                              {"range", context_.range},
                              {"exported_at", toUnixMs(context_.exportedAt)},
                              {"call_count", ids.size()}};
    std::string h = head.dump(2, ' ', false, replace);
    h.pop_back(); // the closing brace: the calls follow inside the same object
    while (!h.empty() && (h.back() == '\n' || h.back() == ' '))
        h.pop_back();
    out << h << ",\n  \"calls\": [";
    bool first = true;
    std::size_t done = 0;
    for (const auto id : ids) {
        step(done++, ids.size());
        const CallRecord c = history_.load(id);
        out << (first ? "\n" : ",\n") << jsonOf(c, outcome(c.fields.outcome)).dump(-1, ' ', false, replace);
        first = false;
    }
    out << "\n  ]\n}\n";
}

std::string CallExporter::htmlOf(const CallRecord& c, std::span<const PinnedComment> comments) {
    const ReviewTimeline t = buildTimeline(c, comments);
    auto T = [this](const char* english) { return htmlEscape(tr(Text(english))); };
    auto plain = [](const std::string& s) { return Text::plain(s); };
    std::string h;
    const std::string who =
        c.fields.callerName.empty() ? tr(Text(N_("Unknown caller"))) : c.fields.callerName;
    h += fmt::format("<h2 id=\"call-{}\">{} &middot; {}{}</h2>\n", c.id,
                     htmlEscape(formatLocalDateTime(c.startedAt)), htmlEscape(who),
                     c.fields.caseNumber.empty() ? "" : " &middot; " + htmlEscape(c.fields.caseNumber));
    int holds = 0;
    for (const auto& s : c.segments)
        holds += s.kind == SegmentKind::Hold;
    // TRANSLATORS: a call's times in the printed review: talk, hold (and how many holds), wrap-up.
    h += "<p>" +
         htmlEscape(tr(Text(
             N_("Talk {0} · Hold {1} (holds: {2}) · Wrap-up {3} · Outcome: {4}"),
             {plain(formatDuration(totalOf(c.segments, SegmentKind::Talk))),
              plain(formatDuration(totalOf(c.segments, SegmentKind::Hold))), plain(std::to_string(holds)),
              plain(formatDuration(totalOf(c.segments, SegmentKind::WrapUp))),
              c.fields.outcome.empty() ? Text(N_("none")) : plain(outcome(c.fields.outcome))})));
    if (const auto f = flagsOf(c, context_.translate); !f.empty()) h += " &middot; " + htmlEscape(f);
    h += "</p>\n";
    if (!c.fields.callbackNumber.empty() || !c.fields.reason.empty())
        h += "<p>" +
             htmlEscape(tr(Text(N_("Callback: {0} · Reason: {1}"),
                                {plain(c.fields.callbackNumber), plain(c.fields.reason)}))) +
             "</p>\n";

    // The bar: one cell per segment, its width its share of the call (bgcolor, so printing through
    // wx's HTML renderer shows it too).
    if (t.length.count() > 0 && !t.bars.empty()) {
        // Widths in pixels of a bar kBarWidth wide: wx's HTML printing shares percentages out evenly,
        // which drew a 1-second talk as long as a 2-minute hold.
        constexpr int kBarWidth = 600;
        h += fmt::format("<table class=\"bar\" width=\"{}\" cellspacing=\"0\" cellpadding=\"0\"><tr>",
                         kBarWidth);
        for (const auto& b : t.bars) {
            const long px = std::lround(kBarWidth * static_cast<double>(b.length.count()) /
                                        static_cast<double>(t.length.count()));
            if (px < 1) continue;
            h += fmt::format("<td width=\"{}\" bgcolor=\"{}\" style=\"background:{};width:{}px\" "
                             "title=\"{} {}\">&nbsp;</td>",
                             px, barColour(b.kind), barColour(b.kind), px, T(segmentWord(b.kind)),
                             formatDuration(b.length));
        }
        h +=
            fmt::format("</tr></table>\n<table width=\"{}\"><tr><td class=\"k\">0:00</td><td align=\"right\" "
                        "style=\"text-align:right\" class=\"k\">{}</td></tr></table>\n",
                        kBarWidth, formatDuration(t.length));
        h += "<p class=\"k\">";
        for (auto k : {SegmentKind::Talk, SegmentKind::Hold, SegmentKind::WrapUp})
            h += fmt::format("<font color=\"{}\">&#9632;</font> {} &nbsp; ", barColour(k), T(segmentWord(k)));
        h += "</p>\n";
    }
    h += fmt::format("<table class=\"list\" width=\"100%\"><tr><th align=\"left\">{}</th><th "
                     "align=\"left\">{}</th><th align=\"left\">{}</th><th align=\"left\">{}</th></tr>\n",
                     T(N_("Time")), T(N_("Into call")), T(N_("What")), T(N_("Detail")));
    for (const auto& item : t.items) {
        // Notes in bold and reviewers' comments in red, with tags wx's HTML printing understands too.
        const bool note = item.kind == TimelineKind::Note, comment = item.kind == TimelineKind::Comment;
        const std::string open = note ? "<b>" : comment ? "<font color=\"#c03030\">" : "";
        const std::string close = note ? "</b>" : comment ? "</font>" : "";
        h += fmt::format(
            "<tr><td class=\"k\">{}</td><td class=\"k\">{}</td><td class=\"k\">{}</td><td>{}{}{}</td></tr>\n",
            htmlEscape(formatTimeOfDay(item.at)), formatDuration(item.offset), htmlEscape(tr(item.label)),
            open, htmlEscape(tr(item.detail)), close);
    }
    h += "</table>\n";
    if (!c.transfers.empty()) {
        h += "<p><b>" + T(N_("Transfers:")) + "</b> ";
        for (std::size_t i = 0; i < c.transfers.size(); ++i)
            h += (i ? "; " : "") + htmlEscape(c.transfers[i].to) +
                 (c.transfers[i].reason.empty() ? "" : " (" + htmlEscape(c.transfers[i].reason) + ")");
        h += "</p>\n";
    }
    return h;
}

std::string scorecardHtml(const Scorecard& card, const ScoreSheet& sheet, const ScoreResult& result,
                          const Translate& translate) {
    auto tr = [&](Text t) { return htmlEscape(t.render(translate)); };
    auto plain = [](const std::string& s) { return Text::plain(s); };
    std::string h =
        "<h3>" + tr(Text(N_("{0} · reviewed by {1}"), {plain(card.name), plain(sheet.reviewer)})) + "</h3>\n";
    h += fmt::format("<table class=\"list\"><tr><th align=\"left\">{}</th><th align=\"left\">{}</th><th "
                     "align=\"left\">{}</th></tr>\n",
                     tr(Text(N_("Criterion"))), tr(Text(N_("Weight"))), tr(Text(N_("Score"))));
    for (const auto& c : card.criteria) {
        std::string points = "&ndash;";
        if (const auto na = sheet.notApplicable.find(c.id); na != sheet.notApplicable.end() && na->second)
            points = tr(Text(N_("N/A")));
        else if (const auto s = sheet.scores.find(c.id); s != sheet.scores.end())
            points = fmt::format("{} / {}", std::clamp(s->second, 0, c.scale), c.scale);
        h += fmt::format("<tr><td>{}</td><td>{:g}</td><td>{}</td></tr>\n", htmlEscape(c.title), c.weight,
                         points);
    }
    h += "</table>\n";
    for (const auto& fail : result.criticalFails)
        h += "<p><b>" + tr(Text(N_("Critical fail:"))) + "</b> " + htmlEscape(fail) + "</p>\n";
    if (result.percent) {
        const Text verdict = !result.complete ? Text(N_("incomplete"))
                             : result.passed  ? Text(N_("passed"))
                                              : Text(N_("not passed"));
        // TRANSLATORS: a review's result in the printed report: "Score 80% (final 80%, pass mark 75%):
        // passed".
        h += "<p><b>" +
             tr(Text(N_("Score {0}% (final {1}%, pass mark {2}%): {3}"),
                     {plain(fmt::format("{:.0f}", *result.percent)),
                      plain(fmt::format("{:.0f}", result.finalPercent)),
                      plain(fmt::format("{:.0f}", card.passMark)), verdict})) +
             "</b></p>\n";
    }
    if (!sheet.summary.empty()) h += "<p>" + htmlEscape(sheet.summary) + "</p>\n";
    return h;
}

void CallExporter::writeHtml(std::span<const std::int64_t> ids, std::ostream& out) {
    auto T = [this](const char* english) { return htmlEscape(tr(Text(english))); };
    const std::string title =
        tr(context_.agent.empty() ? Text(N_("Call Companion: call review"))
                                  : Text(N_("Call Companion: calls of {0}"), {Text::plain(context_.agent)}));
    out << fmt::format(kHtmlHead, htmlEscape(context_.language), htmlEscape(title));
    out << "<h1>" << htmlEscape(title) << "</h1>\n<p>";
    // TRANSLATORS: under the printed report's title: how many calls, the dates, when it was written.
    out << htmlEscape(tr(Text(N_("Calls: {0}{1}. Exported {2}."),
                              {Text::plain(std::to_string(ids.size())),
                               Text::plain(context_.range.empty() ? "" : ", " + context_.range),
                               Text::plain(formatLocalDateTime(context_.exportedAt))})))
        << "</p>\n";
    // The index first, then each call with its timeline; the rows are read again for the details so
    // only one call is in memory at a time.
    out << fmt::format("<table class=\"list\" width=\"100%\"><tr><th align=\"left\">{}</th><th "
                       "align=\"left\">{}</th><th align=\"left\">{}</th><th align=\"left\">{}</th>"
                       "<th align=\"left\">{}</th></tr>\n",
                       T(N_("Started")), T(N_("Caller")), T(N_("Case")), T(N_("Handle time")),
                       T(N_("Outcome")));
    for (std::size_t from = 0; from < ids.size(); from += 500) {
        const auto page = ids.subspan(from, std::min<std::size_t>(500, ids.size() - from));
        for (const auto& s : history_.rows(page))
            out << fmt::format(
                "<tr><td><a href=\"#call-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                s.id, htmlEscape(formatLocalDateTime(s.startedAt)), htmlEscape(s.callerName),
                htmlEscape(s.caseNumber), formatDuration(s.handleTime()), htmlEscape(outcome(s.outcome)));
    }
    out << "</table>\n";
    std::size_t done = 0;
    for (const auto id : ids) {
        step(done++, ids.size());
        const auto reviews = context_.reviewsOf ? context_.reviewsOf(id) : std::vector<ScoreSheet>{};
        std::vector<PinnedComment> comments;
        for (const auto& r : reviews)
            comments.insert(comments.end(), r.comments.begin(), r.comments.end());
        out << htmlOf(history_.load(id), comments);
        for (const auto& r : reviews)
            if (const Scorecard* card =
                    context_.scorecards ? context_.scorecards->find(r.scorecardId) : nullptr)
                out << scorecardHtml(*card, r, score(*card, r), context_.translate);
    }
    out << "</body></html>\n";
}

void exportCalls(CallHistory& history, const std::filesystem::path& source, std::span<const std::int64_t> ids,
                 ExportFormat format, const ExportContext& context, const std::filesystem::path& out,
                 const Progress& progress) {
    // An export named like the database it reads would replace the agent's calls with a report.
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ec;
        if (out != "-" && std::filesystem::equivalent(out, std::filesystem::path(source) += suffix, ec))
            throw std::runtime_error(
                fmt::format("Cannot write {}: it is the database the calls come from", pathUtf8(out)));
    }
    if (format == ExportFormat::Archive) {
        progress.checkCancelled();
        writeArchive(source, ids, ArchiveInfo{context.agent, "", context.exportedAt, 0, CC_VERSION}, out);
        return;
    }
    CallExporter exporter(history, context);
    exporter.reportTo(progress);
    auto write = [&](std::ostream& os) {
        switch (format) {
        case ExportFormat::Csv: exporter.writeCsv(ids, os); break;
        case ExportFormat::Json: exporter.writeJson(ids, os); break;
        case ExportFormat::Html: exporter.writeHtml(ids, os); break;
        case ExportFormat::Archive: break;
        }
    };
    if (out == "-") {
        write(std::cout);
        std::cout.flush();
        if (!std::cout) throw std::runtime_error("cannot write to standard output");
        return;
    }
    writeFileWhole(out, write);
    progress(ids.size(), ids.size());
}

} // namespace cc
