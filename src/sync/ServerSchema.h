#pragma once

#include <span>
#include <string>

namespace cc {

class PgConnection;

/// One step of the team server's schema.
struct ServerStep {
    const char* what;
    const char* sql;
};
std::span<const ServerStep> serverSchemaSteps();

/// The schema version the server holds: 0 when Call Companion was never set up there.
int serverSchemaVersion(PgConnection& server);

/// `server init`: creates the roles (cc_agent, cc_reviewer, cc_lead, cc_owner) and the schema, or
/// migrates it. `server migrate`: the same on a server already set up, refused on one that is not.
/// Each step runs in its own transaction. Returns what was done, a line per step. Throws PgError or
/// std::runtime_error with the reason of a refusal.
std::string setUpServer(PgConnection& server, bool init);

/// Refuses (std::runtime_error) when a login of a Call Companion role bypasses row-level security
/// (a superuser, BYPASSRLS): row-level security would not hold for it.
void checkNoLoginBypassesRls(PgConnection& server);

} // namespace cc
