#include "sync/Floor.h"

#include "core/Format.h"
#include "sync/PgConnection.h"

#include <array>
#include <fmt/format.h>

namespace cc {

using namespace std::chrono_literals;

namespace {
constexpr std::array<std::pair<FloorState, std::string_view>, 7> kWords{{{FloorState::Idle, "idle"},
                                                                         {FloorState::Ringing, "ringing"},
                                                                         {FloorState::Talking, "talking"},
                                                                         {FloorState::OnHold, "on_hold"},
                                                                         {FloorState::WrapUp, "wrap_up"},
                                                                         {FloorState::Break, "break"},
                                                                         {FloorState::Unknown, "unknown"}}};

std::string ms(Duration d) {
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}
} // namespace

std::string_view wordOf(FloorState s) {
    for (const auto& [state, word] : kWords)
        if (state == s) return word;
    return "unknown";
}

std::optional<FloorState> floorStateFrom(std::string_view word) {
    for (const auto& [state, w] : kWords)
        if (w == word) return state;
    return std::nullopt;
}

void publishState(PgConnection& server, const PublishedState& s) {
    // The server dates the state by its own clock: a PC's clock being off changes nothing.
    server.exec(R"sql(
        INSERT INTO cc.agent_state (state, since, call_started, hold_ms)
        VALUES ($1, now() - $2::bigint * interval '1 millisecond',
                now() - $3::bigint * interval '1 millisecond', $4::bigint)
        ON CONFLICT (agent) DO UPDATE SET state = excluded.state, since = excluded.since,
            call_started = excluded.call_started, hold_ms = excluded.hold_ms)sql",
                {std::string(wordOf(s.state)), ms(s.inState),
                 s.inCall ? std::optional(ms(*s.inCall)) : std::nullopt, ms(s.hold)});
}

FloorView readFloor(PgConnection& server, WallTime now, std::chrono::seconds silence) {
    FloorView view;
    const auto rows = server.exec(R"sql(
        SELECT agent, CASE WHEN now() - heartbeat > $1::bigint * interval '1 second' THEN 'unknown' ELSE state END,
               (extract(epoch FROM now() - since) * 1000)::bigint,
               (extract(epoch FROM now() - call_started) * 1000)::bigint, hold_ms
        FROM cc.agent_state ORDER BY agent)sql",
                                  {std::to_string(silence.count())});
    for (int r = 0; r < rows.rows(); ++r) {
        FloorRow row;
        row.agent = rows.text(r, 0);
        row.state = floorStateFrom(rows.text(r, 1)).value_or(FloorState::Unknown);
        row.inState = Duration{std::stoll(rows.text(r, 2))};
        if (!rows.isNull(r, 3) && row.state != FloorState::Idle && row.state != FloorState::Unknown)
            row.inCall = Duration{std::stoll(rows.text(r, 3))};
        row.hold = Duration{std::stoll(rows.text(r, 4))};
        view.agents.push_back(std::move(row));
    }
    const auto limits = server.exec("SELECT long_talk_s, long_hold_s, long_wrap_s FROM cc.team_thresholds "
                                    "WHERE team = cc.team_of(current_user)");
    if (limits.rows() == 1) {
        view.thresholds.longTalk = std::chrono::seconds(std::stoll(limits.text(0, 0)));
        view.thresholds.longHold = std::chrono::seconds(std::stoll(limits.text(0, 1)));
        view.thresholds.longWrap = std::chrono::seconds(std::stoll(limits.text(0, 2)));
    }
    // Today's calls by the reader's local hour (row-level security: their team's).
    const auto started = server.exec("SELECT (extract(epoch FROM started_at) * 1000)::bigint FROM cc.calls "
                                     "WHERE started_at >= to_timestamp($1::bigint / 1000.0)",
                                     {std::to_string(toUnixMs(startOfLocalDay(now)))});
    for (int r = 0; r < started.rows(); ++r) {
        const int h = localHour(fromUnixMs(std::stoll(started.text(r, 0))));
        if (h >= 0 && h < 24) ++view.callsPerHour[static_cast<std::size_t>(h)];
    }
    return view;
}

bool watchesFloor(PgConnection& server) {
    return server
               .exec("SELECT pg_has_role(current_user, 'cc_lead', 'member') OR "
                     "pg_has_role(current_user, 'cc_owner', 'member')")
               .text(0, 0) == "t";
}

FloorWatcher::FloorWatcher(ServerConfig config, std::function<void(const FloorView&)> update,
                           std::function<void(const std::string&)> problem)
    : config_(std::move(config)), update_(std::move(update)), problem_(std::move(problem)),
      thread_([this] { run(); }) {}

FloorWatcher::~FloorWatcher() {
    stop_ = true;
    thread_.join();
}

void FloorWatcher::run() {
    while (!stop_) {
        try {
            PgConnection server(config_, &stop_);
            server.exec("LISTEN cc_floor");
            update_(readFloor(server, std::chrono::system_clock::now()));
            auto nextRead = std::chrono::steady_clock::now() + 5s; // a heartbeat can turn a row unknown
            while (!stop_) {
                if (server.waitForNotification(200ms)) {
                    // A burst of changes is read once: the rest of it comes within the moment.
                    const auto settle = std::chrono::steady_clock::now() + 150ms;
                    while (!stop_ && std::chrono::steady_clock::now() < settle)
                        server.waitForNotification(50ms);
                    nextRead = std::chrono::steady_clock::now();
                }
                if (std::chrono::steady_clock::now() >= nextRead) {
                    update_(readFloor(server, std::chrono::system_clock::now()));
                    nextRead = std::chrono::steady_clock::now() + 5s;
                }
            }
        } catch (const PgError& e) {
            if (stop_) break;
            problem_(e.what());
            // Down: a new connection, and a fresh read, every few seconds.
            for (int i = 0; i < 30 && !stop_; ++i)
                std::this_thread::sleep_for(100ms);
        }
    }
}

} // namespace cc
