#pragma once

#include "sync/ServerConfig.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace cc {

/// A PostgreSQL failure: what the server (or libpq) said, with the SQLSTATE when there is one, so a
/// refusal for good (a policy, a constraint) can be told from a server that is down or slow.
class PgError : public std::runtime_error {
public:
    PgError(std::string sqlstate, const std::string& what, bool connectionLost)
        : std::runtime_error(what), sqlstate_(std::move(sqlstate)), lost_(connectionLost) {}
    const std::string& sqlstate() const { return sqlstate_; }
    /// The connection is gone or unusable (down, slow, stopped): try again later on a new one.
    bool connectionLost() const { return lost_; }
    /// The server refused the statement itself: sending it again would be refused again.
    bool refusedForGood() const;

private:
    std::string sqlstate_;
    bool lost_;
};

/// One query's rows, as text.
class PgResult {
public:
    explicit PgResult(pg_result* r);
    int rows() const;
    std::string text(int row, int col) const;
    bool isNull(int row, int col) const;

private:
    std::shared_ptr<pg_result> result_;
};

using PgParams = std::vector<std::optional<std::string>>;

/// One libpq connection, used by one thread. Every wait (connecting, a query) polls the socket, so it
/// gives up at its deadline or as soon as `stop` is set: a stopped or hung server never holds the
/// thread longer than that.
class PgConnection {
public:
    /// Connects with TLS as the config says; throws PgError.
    explicit PgConnection(const ServerConfig& config, const std::atomic<bool>* stop = nullptr);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// Runs one statement with $1.. parameters (text; nullopt is NULL). Throws PgError.
    PgResult exec(std::string_view sql, const PgParams& params = {});
    /// Runs several statements without parameters (a schema step). Throws PgError.
    void script(std::string_view sql);
    /// Waits up to `timeout` for a NOTIFY on a channel this connection LISTENs to; true if one (or
    /// more) came. Throws PgError if the connection is lost.
    bool waitForNotification(std::chrono::milliseconds timeout);
    /// The login this connection runs as.
    std::string user() const;
    /// Whether TLS protects the connection.
    bool encrypted() const;

private:
    /// Waits for the socket, within the deadline, unless stopped (PgError either way).
    void wait(bool forWrite, std::chrono::steady_clock::time_point deadline);
    /// The same; false when the deadline passed first.
    bool ready(bool forWrite, std::chrono::steady_clock::time_point deadline);
    PgResult finish(std::string_view sql);
    [[noreturn]] void lost(const std::string& what);

    pg_conn* conn_ = nullptr;
    const std::atomic<bool>* stop_;
    std::chrono::seconds queryTimeout_;
};

/// Runs `work` in one transaction: committed if it returns; rolled back and rethrown if it throws
/// (on a lost connection, not asked again: the server rolls back by itself).
void inTransaction(PgConnection& server, const std::function<void()>& work);

/// Runs one item of a batch (`one`) inside a savepoint of the transaction under way. A refusal for
/// good (PgError::refusedForGood: a constraint, a policy) undoes that item only and is returned as its
/// reason; any other error is rethrown, for the whole batch to be tried again.
std::optional<std::string> refusedWithinSavepoint(PgConnection& server, const std::function<void()>& one);

} // namespace cc
