#include "sync/PgConnection.h"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <libpq-fe.h>
#ifdef _WIN32
#include <winsock2.h> // WSAPoll
#else
#include <poll.h>
#endif

namespace cc {

namespace {
std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}
} // namespace

bool PgError::refusedForGood() const {
    if (lost_ || sqlstate_.size() != 5) return false;
    // Integrity constraints, data exceptions, a row-level security or privilege refusal, a syntax or
    // undefined-object error: the same statement would be refused again.
    const std::string cls = sqlstate_.substr(0, 2);
    return cls == "23" || cls == "22" || cls == "42" || cls == "44";
}

PgResult::PgResult(pg_result* r) : result_(r, PQclear) {}
int PgResult::rows() const {
    return PQntuples(result_.get());
}
std::string PgResult::text(int row, int col) const {
    return PQgetvalue(result_.get(), row, col);
}
bool PgResult::isNull(int row, int col) const {
    return PQgetisnull(result_.get(), row, col) != 0;
}

PgConnection::PgConnection(const ServerConfig& config, const std::atomic<bool>* stop)
    : stop_(stop), queryTimeout_(config.queryTimeout) {
    const auto params = config.connectParams();
    std::vector<const char*> keys, values;
    for (const auto& [k, v] : params) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ = PQconnectStartParams(keys.data(), values.data(), 0);
    if (!conn_) throw PgError("", "out of memory connecting to the server", true);
    // A connection that fails is finished here: no destructor runs for an object never made.
    try {
        if (PQstatus(conn_) == CONNECTION_BAD) lost(fmt::format("cannot reach {}", config.describe()));
        const auto deadline = std::chrono::steady_clock::now() + config.connectTimeout;
        for (;;) {
            const auto state = PQconnectPoll(conn_);
            if (state == PGRES_POLLING_OK) break;
            if (state == PGRES_POLLING_FAILED) lost(fmt::format("cannot connect to {}", config.describe()));
            wait(state == PGRES_POLLING_WRITING, deadline);
        }
        if (PQsetnonblocking(conn_, 1) != 0) lost("cannot use the connection without blocking");
    } catch (...) {
        PQfinish(conn_);
        conn_ = nullptr;
        throw;
    }
    // The server's notices (a NOTICE from a schema step) are not the agent's business, nor stderr's.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() {
    PQfinish(conn_);
}

void PgConnection::lost(const std::string& what) {
    const std::string detail = trimmed(PQerrorMessage(conn_));
    throw PgError("", detail.empty() ? what : what + ": " + detail, true);
}

void PgConnection::wait(bool forWrite, std::chrono::steady_clock::time_point deadline) {
    if (!ready(forWrite, deadline)) throw PgError("", "the server did not answer in time", true);
}

bool PgConnection::ready(bool forWrite, std::chrono::steady_clock::time_point deadline) {
    const int fd = PQsocket(conn_);
    if (fd < 0) lost("the connection has no socket");
    for (;;) {
        if (stop_ && stop_->load()) throw PgError("", "stopped", true);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        const int wait = static_cast<int>(std::min<long long>(left.count(), 100));
#ifdef _WIN32
        WSAPOLLFD p{static_cast<SOCKET>(fd), static_cast<short>(forWrite ? POLLOUT : POLLIN), 0};
        const int n = ::WSAPoll(&p, 1, wait);
        if (n > 0) return true;
        if (n < 0) lost("waiting for the server failed");
#else
        pollfd p{fd, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0};
        const int n = ::poll(&p, 1, wait);
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) lost("waiting for the server failed");
#endif
    }
}

PgResult PgConnection::exec(std::string_view sql, const PgParams& params) {
    std::vector<const char*> values;
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    const std::string text(sql);
    if (!PQsendQueryParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                           nullptr, nullptr, 0))
        lost("cannot send to the server");
    return finish(sql);
}

void PgConnection::script(std::string_view sql) {
    const std::string text(sql);
    if (!PQsendQuery(conn_, text.c_str())) lost("cannot send to the server");
    finish(sql);
}

PgResult PgConnection::finish(std::string_view) {
    const auto deadline = std::chrono::steady_clock::now() + queryTimeout_;
    for (;;) {
        const int flushed = PQflush(conn_);
        if (flushed < 0) lost("sending to the server failed");
        if (flushed == 0) break;
        wait(true, deadline);
    }
    PGresult* last = nullptr;
    std::optional<PgError> error;
    for (;;) {
        while (PQisBusy(conn_)) {
            wait(false, deadline);
            if (!PQconsumeInput(conn_)) lost("the server closed the connection");
        }
        PGresult* r = PQgetResult(conn_);
        if (!r) break;
        const auto status = PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && !error) {
            const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            error.emplace(state ? state : "", trimmed(PQresultErrorMessage(r)),
                          PQstatus(conn_) == CONNECTION_BAD);
        }
        if (last) PQclear(last);
        last = r;
    }
    PgResult result(last);
    if (error) throw *error;
    if (PQstatus(conn_) == CONNECTION_BAD) lost("the server closed the connection");
    return result;
}

bool PgConnection::waitForNotification(std::chrono::milliseconds timeout) {
    const auto drain = [this] {
        bool any = false;
        while (PGnotify* n = PQnotifies(conn_)) {
            PQfreemem(n);
            any = true;
        }
        return any;
    };
    if (drain()) return true;
    if (!ready(false, std::chrono::steady_clock::now() + timeout)) return false; // nothing came in time
    if (!PQconsumeInput(conn_)) lost("the server closed the connection");
    return drain();
}

std::string PgConnection::user() const {
    return PQuser(conn_);
}

bool PgConnection::encrypted() const {
    return PQsslInUse(conn_) != 0;
}

namespace {
void rollBack(PgConnection& server) {
    try {
        server.script("ROLLBACK");
    } catch (const PgError&) {
        // Gone meanwhile: the server rolls back by itself.
    }
}
} // namespace

void inTransaction(PgConnection& server, const std::function<void()>& work) {
    server.script("BEGIN");
    try {
        work();
        server.script("COMMIT");
    } catch (const PgError& e) {
        // A lost connection (down, slow, stopped) is not asked again: the server rolls back by itself.
        if (!e.connectionLost()) rollBack(server);
        throw;
    } catch (...) {
        rollBack(server);
        throw;
    }
}

std::optional<std::string> refusedWithinSavepoint(PgConnection& server, const std::function<void()>& one) {
    server.script("SAVEPOINT one_item");
    try {
        one();
        server.script("RELEASE SAVEPOINT one_item");
        return std::nullopt;
    } catch (const PgError& e) {
        if (!e.refusedForGood()) throw;
        server.script("ROLLBACK TO SAVEPOINT one_item");
        return std::string(e.what());
    }
}

} // namespace cc
