#pragma once

// What the team-server benchmarks share: a fresh database on a tests/server/cluster.sh cluster, set up
// by `server init`'s own code, with N agent logins on one team led by lee; the server's CPU; percentiles.
#include "sync/PgConnection.h"
#include "sync/ServerSchema.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace cc::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

class BenchServer {
public:
    /// `actAs`: the administrator may SET ROLE to each agent (one connection speaking for many).
    BenchServer(std::filesystem::path cluster, const std::string& name, int agents, bool actAs = false)
        : cluster_(std::move(cluster)), database_(fmt::format("{}_{}", name, ::getpid())) {
        std::ifstream pidFile(std::filesystem::path(env("CC_PG_ROOT")) / "data" / "postmaster.pid");
        pidFile >> postmaster_;
        PgConnection(config("ccadmin", "callcompanion")).exec(fmt::format("CREATE DATABASE {}", database_));
        admin_ = std::make_unique<PgConnection>(config("ccadmin"));
        setUpServer(*admin_, true);
        admin_->script(fmt::format(R"sql(
            DO $$ BEGIN
                FOR i IN 1..{0} LOOP
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_agent_' || i) THEN
                        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', 'bench_agent_' || i, '{1}');
                    END IF;
                    PERFORM cc.add_member(('bench_agent_' || i)::name, 'floor', 'agent');
                    IF {2} THEN EXECUTE format('GRANT %I TO ccadmin', 'bench_agent_' || i); END IF;
                END LOOP;
                PERFORM cc.add_member('lee', 'floor', 'lead');
            END $$;)sql",
                                   agents, env("CC_PG_PASSWORD"), actAs ? "true" : "false"));
    }
    ~BenchServer() {
        admin_.reset();
        try {
            PgConnection(config("ccadmin", "callcompanion"))
                .exec(fmt::format("DROP DATABASE {} WITH (FORCE)", database_));
        } catch (const std::exception&) {
        }
    }
    BenchServer(const BenchServer&) = delete;
    BenchServer& operator=(const BenchServer&) = delete;

    /// A login's connection settings (the administrator's file, another user: the same password).
    ServerConfig config(const std::string& login, const std::string& database = "") const {
        auto read = readServerConfig(cluster_ / "ccadmin.toml");
        if (!read.config) throw std::runtime_error("cannot read " + (cluster_ / "ccadmin.toml").string());
        read.config->database = database.empty() ? database_ : database;
        read.config->user = login;
        return *read.config;
    }
    PgConnection& admin() { return *admin_; }
    /// A value of the cluster's env file (CC_PG_ROOT, CC_PG_PASSWORD, ...).
    std::string env(const std::string& key) const {
        std::ifstream in(cluster_ / "env");
        for (std::string line; std::getline(in, line);)
            if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
        return {};
    }
    /// The server's CPU seconds so far: the postmaster with the backends it reaped, and those alive.
    double serverCpu() {
        double total = cpuSeconds(postmaster_, true);
        const auto pids = admin_->exec("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()");
        for (int i = 0; i < pids.rows(); ++i)
            total += cpuSeconds(std::stoi(pids.text(i, 0)), false);
        return total;
    }

private:
    /// user+system CPU seconds of a process, and of the children it has reaped.
    static double cpuSeconds(pid_t pid, bool children) {
        std::ifstream in(fmt::format("/proc/{}/stat", pid));
        std::string s((std::istreambuf_iterator<char>(in)), {});
        const auto close = s.rfind(')');
        if (close == std::string::npos) return 0;
        std::istringstream rest(s.substr(close + 2));
        std::vector<std::string> f;
        for (std::string w; rest >> w;)
            f.push_back(w);
        if (f.size() < 15) return 0;
        // Fields after the name: state is f[0]; utime f[11], stime f[12], cutime f[13], cstime f[14].
        const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
        double t = (std::stod(f[11]) + std::stod(f[12])) / tick;
        if (children) t += (std::stod(f[13]) + std::stod(f[14])) / tick;
        return t;
    }

    std::filesystem::path cluster_;
    std::string database_;
    pid_t postmaster_ = 0;
    std::unique_ptr<PgConnection> admin_;
};

} // namespace cc::bench
