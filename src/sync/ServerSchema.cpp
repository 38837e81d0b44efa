#include "sync/ServerSchema.h"

#include "sync/PgConnection.h"

#include <array>
#include <fmt/format.h>
#include <stdexcept>

namespace cc {

namespace {
constexpr std::array kServerSteps{
    ServerStep{"roles, members and teams; calls, reviews and quarantine under row-level security", R"sql(
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cc_agent', 'cc_reviewer', 'cc_lead', 'cc_owner'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', r);
        END IF;
    END LOOP;
END $$;

CREATE SCHEMA cc;
REVOKE ALL ON SCHEMA cc FROM PUBLIC;
GRANT USAGE ON SCHEMA cc TO cc_agent, cc_reviewer, cc_lead, cc_owner;

CREATE TABLE cc.schema_version (version integer NOT NULL);
INSERT INTO cc.schema_version VALUES (0);
GRANT SELECT ON cc.schema_version TO cc_agent, cc_reviewer, cc_lead, cc_owner;

-- Who is on which team, in which role: kept by the owner (cc.add_member), read through cc.team_of.
CREATE TABLE cc.members (
    login name PRIMARY KEY,
    team  text NOT NULL,
    role  text NOT NULL CHECK (role IN ('agent', 'reviewer', 'lead', 'owner'))
);
CREATE FUNCTION cc.team_of(who name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, cc
    AS $f$ SELECT team FROM cc.members WHERE login = who $f$;
REVOKE ALL ON FUNCTION cc.team_of(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cc.team_of(name) TO cc_agent, cc_reviewer, cc_lead, cc_owner;

-- Adds a login to a team in a role. A login that bypasses row-level security is refused.
CREATE FUNCTION cc.add_member(who name, team_name text, role_name text) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, cc AS $f$
DECLARE granted name;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = who AND rolcanlogin) THEN
        RAISE EXCEPTION 'no login role %: CREATE ROLE % LOGIN PASSWORD ''...'' first', who, who
            USING ERRCODE = '42704';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = who AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION '% bypasses row-level security: give Call Companion a login of its own', who
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO cc.members VALUES (who, team_name, role_name)
        ON CONFLICT (login) DO UPDATE SET team = excluded.team, role = excluded.role;
    FOR granted IN SELECT g.rolname FROM pg_auth_members am
                       JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
                   WHERE m.rolname = who AND g.rolname IN ('cc_agent', 'cc_reviewer', 'cc_lead', 'cc_owner') LOOP
        EXECUTE format('REVOKE %I FROM %I', granted, who);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'cc_' || role_name, who);
END $f$;
REVOKE ALL ON FUNCTION cc.add_member(name, text, text) FROM PUBLIC;

-- A finished call, as its agent's PC sent it: immutable, never updated or deleted by anyone.
CREATE TABLE cc.calls (
    store_id     text NOT NULL,            -- the agent's local store
    local_id     bigint NOT NULL,          -- the call's id in that store
    uuid         uuid NOT NULL UNIQUE,     -- the call's own id: a restored backup reuses local ids
    agent        name NOT NULL DEFAULT current_user,
    team         text NOT NULL,            -- filled from cc.members, never by the client
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    caller_name  text NOT NULL DEFAULT '',
    case_number  text NOT NULL DEFAULT '',
    outcome      text NOT NULL DEFAULT '',
    talk_ms      bigint NOT NULL DEFAULT 0,
    hold_ms      bigint NOT NULL DEFAULT 0,
    wrap_ms      bigint NOT NULL DEFAULT 0,
    practice     boolean NOT NULL DEFAULT false,
    difficult    boolean NOT NULL DEFAULT false,
    notes        text NOT NULL DEFAULT '', -- the note lines, already masked on the agent's PC
    notes_search tsvector GENERATED ALWAYS AS (to_tsvector('simple', notes)) STORED,
    payload      jsonb NOT NULL,           -- the call whole: segments, notes, fields, events
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, local_id)
);
CREATE INDEX calls_by_team ON cc.calls (team, started_at DESC);
CREATE INDEX calls_by_agent ON cc.calls (agent, started_at DESC);
CREATE INDEX calls_notes_search ON cc.calls USING gin (notes_search);

CREATE FUNCTION cc.calls_fill() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cc AS $f$
BEGIN
    NEW.team := cc.team_of(NEW.agent);
    IF NEW.team IS NULL THEN
        RAISE EXCEPTION '% is on no team: the owner adds them with cc.add_member', NEW.agent
            USING ERRCODE = '42501';
    END IF;
    NEW.received_at := now();
    RETURN NEW;
END $f$;
CREATE TRIGGER calls_fill BEFORE INSERT ON cc.calls FOR EACH ROW EXECUTE FUNCTION cc.calls_fill();

ALTER TABLE cc.calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.calls FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_adds_own ON cc.calls FOR INSERT TO cc_agent WITH CHECK (agent = current_user);
CREATE POLICY agent_reads_own ON cc.calls FOR SELECT TO cc_agent USING (agent = current_user);
CREATE POLICY team_reads ON cc.calls FOR SELECT TO cc_reviewer, cc_lead
    USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.calls FOR SELECT TO cc_owner USING (true);
GRANT SELECT, INSERT ON cc.calls TO cc_agent;
GRANT SELECT ON cc.calls TO cc_reviewer, cc_lead, cc_owner;

-- A call sent under an id the server already holds for another call (a restored backup): kept aside.
CREATE TABLE cc.quarantine (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    store_id    text NOT NULL,
    local_id    bigint NOT NULL,
    uuid        uuid NOT NULL,
    agent       name NOT NULL DEFAULT current_user,
    payload     jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE cc.quarantine ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.quarantine FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_adds_own ON cc.quarantine FOR INSERT TO cc_agent WITH CHECK (agent = current_user);
CREATE POLICY agent_reads_own ON cc.quarantine FOR SELECT TO cc_agent USING (agent = current_user);
CREATE POLICY owner_reads ON cc.quarantine FOR SELECT TO cc_owner USING (true);
GRANT SELECT, INSERT ON cc.quarantine TO cc_agent;
GRANT SELECT ON cc.quarantine TO cc_owner;

-- A reviewer's review of a call of their team, keyed by their login.
CREATE TABLE cc.reviews (
    store_id      text NOT NULL,
    local_id      bigint NOT NULL,
    reviewer      name NOT NULL DEFAULT current_user,
    scorecard_id  text NOT NULL,
    summary       text NOT NULL DEFAULT '',
    percent       real,
    final_percent real NOT NULL DEFAULT 0,
    passed        boolean NOT NULL DEFAULT false,
    sheet         jsonb NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, local_id, reviewer),
    FOREIGN KEY (store_id, local_id) REFERENCES cc.calls (store_id, local_id)
);
ALTER TABLE cc.reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.reviews FORCE ROW LEVEL SECURITY;
-- A review is seen by whoever sees its call (the agent, their team's reviewers and lead, the owner).
CREATE POLICY read_with_call ON cc.reviews FOR SELECT TO cc_agent, cc_reviewer, cc_lead, cc_owner
    USING (EXISTS (SELECT FROM cc.calls c WHERE c.store_id = reviews.store_id AND c.local_id = reviews.local_id));
CREATE POLICY reviewer_writes_own ON cc.reviews FOR INSERT TO cc_reviewer, cc_lead
    WITH CHECK (reviewer = current_user AND EXISTS (
        SELECT FROM cc.calls c WHERE c.store_id = reviews.store_id AND c.local_id = reviews.local_id));
CREATE POLICY reviewer_revises_own ON cc.reviews FOR UPDATE TO cc_reviewer, cc_lead
    USING (reviewer = current_user) WITH CHECK (reviewer = current_user);
GRANT SELECT ON cc.reviews TO cc_agent, cc_owner;
GRANT SELECT, INSERT, UPDATE ON cc.reviews TO cc_reviewer, cc_lead;
)sql"},
    ServerStep{"the floor: each agent's live state, latest value only, and the team's thresholds", R"sql(
-- One row per agent: the state and since when, on the server's clock (the client sends how long ago).
-- Not on a call is what it says, never "available": the phone system owns availability.
CREATE TABLE cc.agent_state (
    agent        name PRIMARY KEY DEFAULT current_user,
    team         text NOT NULL,               -- filled from cc.members, never by the client
    state        text NOT NULL CHECK (state IN ('idle', 'ringing', 'talking', 'on_hold', 'wrap_up', 'break')),
    since        timestamptz NOT NULL,
    call_started timestamptz,                 -- the current call's start, if one is on
    hold_ms      bigint NOT NULL DEFAULT 0,   -- hold so far in the current call
    heartbeat    timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION cc.agent_state_fill() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cc AS $f$
BEGIN
    NEW.team := cc.team_of(NEW.agent);
    IF NEW.team IS NULL THEN
        RAISE EXCEPTION '% is on no team: the owner adds them with cc.add_member', NEW.agent
            USING ERRCODE = '42501';
    END IF;
    NEW.heartbeat := now();
    RETURN NEW;
END $f$;
CREATE TRIGGER agent_state_fill BEFORE INSERT OR UPDATE ON cc.agent_state
    FOR EACH ROW EXECUTE FUNCTION cc.agent_state_fill();
-- Listeners re-read through row-level security: the notification says nothing (any listener sees it).
CREATE FUNCTION cc.agent_state_notify() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM pg_notify('cc_floor', '');
    RETURN NULL;
END $f$;
CREATE TRIGGER agent_state_notify AFTER INSERT OR UPDATE ON cc.agent_state
    FOR EACH ROW EXECUTE FUNCTION cc.agent_state_notify();
ALTER TABLE cc.agent_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.agent_state FORCE ROW LEVEL SECURITY;
CREATE POLICY agent_publishes_own ON cc.agent_state FOR INSERT TO cc_agent WITH CHECK (agent = current_user);
CREATE POLICY agent_updates_own ON cc.agent_state FOR UPDATE TO cc_agent
    USING (agent = current_user) WITH CHECK (agent = current_user);
CREATE POLICY agent_reads_own ON cc.agent_state FOR SELECT TO cc_agent USING (agent = current_user);
CREATE POLICY lead_reads_team ON cc.agent_state FOR SELECT TO cc_lead USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads_all ON cc.agent_state FOR SELECT TO cc_owner USING (true);
GRANT SELECT, INSERT, UPDATE ON cc.agent_state TO cc_agent;
GRANT SELECT ON cc.agent_state TO cc_lead, cc_owner;

-- When the floor view colours a row: a team's own, or these.
CREATE TABLE cc.team_thresholds (
    team        text PRIMARY KEY,
    long_talk_s integer NOT NULL DEFAULT 900,
    long_hold_s integer NOT NULL DEFAULT 120,
    long_wrap_s integer NOT NULL DEFAULT 300
);
ALTER TABLE cc.team_thresholds ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.team_thresholds FORCE ROW LEVEL SECURITY;
CREATE POLICY lead_reads_own ON cc.team_thresholds FOR SELECT TO cc_lead USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads_all ON cc.team_thresholds FOR SELECT TO cc_owner USING (true);
GRANT SELECT ON cc.team_thresholds TO cc_lead, cc_owner;
)sql"},
    ServerStep{
        "the team's knowledge base: versioned entries, every version kept, and proposals a lead decides",
        R"sql(
-- The team's knowledge version: one more at each approved change. Companions pull what is newer.
CREATE TABLE cc.kb_teams (
    team    text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);
-- Each entry of a team's referral directory as approved last; `key` names it on every PC.
CREATE TABLE cc.kb_entries (
    team        text NOT NULL,
    key         uuid NOT NULL,
    version     bigint NOT NULL,          -- the team's version that last changed it
    entry       jsonb NOT NULL,           -- the fields, by their file names (title, handled_by, ...)
    deleted     boolean NOT NULL DEFAULT false,
    proposed_by name NOT NULL,
    approved_by name NOT NULL,
    approved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, key)
);
CREATE INDEX kb_entries_by_version ON cc.kb_entries (team, version);
-- Every version ever approved, for the record.
CREATE TABLE cc.kb_history (LIKE cc.kb_entries);
-- An agent's new or changed entry, waiting for a lead. The id is the proposing PC's own: sending it
-- again is harmless.
CREATE TABLE cc.kb_proposals (
    id           uuid PRIMARY KEY,
    team         text NOT NULL,           -- filled from cc.members, never by the client
    key          uuid NOT NULL,           -- the entry it changes, or the new entry's
    base_version bigint,                  -- the version the agent changed (NULL: a new entry)
    entry        jsonb NOT NULL,
    proposed_by  name NOT NULL DEFAULT current_user,
    proposed_at  timestamptz NOT NULL DEFAULT now(),
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by   name,
    decided_at   timestamptz
);
CREATE INDEX kb_proposals_pending ON cc.kb_proposals (team) WHERE status = 'pending';
CREATE FUNCTION cc.kb_proposals_fill() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cc AS $f$
BEGIN
    NEW.team := cc.team_of(NEW.proposed_by);
    IF NEW.team IS NULL THEN
        RAISE EXCEPTION '% is on no team: the owner adds them with cc.add_member', NEW.proposed_by
            USING ERRCODE = '42501';
    END IF;
    NEW.proposed_at := now();
    NEW.status := 'pending';
    NEW.decided_by := NULL;
    NEW.decided_at := NULL;
    RETURN NEW;
END $f$;
CREATE TRIGGER kb_proposals_fill BEFORE INSERT ON cc.kb_proposals
    FOR EACH ROW EXECUTE FUNCTION cc.kb_proposals_fill();

ALTER TABLE cc.kb_teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_teams FORCE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_entries FORCE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_history FORCE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.kb_proposals FORCE ROW LEVEL SECURITY;
CREATE POLICY team_reads ON cc.kb_teams FOR SELECT TO cc_agent, cc_reviewer, cc_lead
    USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.kb_teams FOR SELECT TO cc_owner USING (true);
CREATE POLICY team_reads ON cc.kb_entries FOR SELECT TO cc_agent, cc_reviewer, cc_lead
    USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.kb_entries FOR SELECT TO cc_owner USING (true);
CREATE POLICY lead_reads ON cc.kb_history FOR SELECT TO cc_lead USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.kb_history FOR SELECT TO cc_owner USING (true);
CREATE POLICY member_proposes ON cc.kb_proposals FOR INSERT TO cc_agent, cc_reviewer, cc_lead
    WITH CHECK (proposed_by = current_user);
CREATE POLICY reads_own ON cc.kb_proposals FOR SELECT TO cc_agent, cc_reviewer, cc_lead
    USING (proposed_by = current_user);
CREATE POLICY lead_reads_team ON cc.kb_proposals FOR SELECT TO cc_lead USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.kb_proposals FOR SELECT TO cc_owner USING (true);
GRANT SELECT ON cc.kb_teams, cc.kb_entries TO cc_agent, cc_reviewer, cc_lead, cc_owner;
GRANT SELECT ON cc.kb_history TO cc_lead, cc_owner;
GRANT SELECT, INSERT ON cc.kb_proposals TO cc_agent, cc_reviewer, cc_lead;
GRANT SELECT ON cc.kb_proposals TO cc_owner;

-- A lead of the proposal's team (or the owner) approves or rejects it. Approved, the entry takes the
-- team's next version and every companion pulls it. Returns that version (NULL when rejected).
CREATE FUNCTION cc.decide_proposal(proposal uuid, approve boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cc AS $f$
DECLARE
    p cc.kb_proposals;
    who cc.members;
    v bigint;
BEGIN
    SELECT * INTO who FROM cc.members WHERE login = session_user;
    SELECT * INTO p FROM cc.kb_proposals WHERE id = proposal FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no proposal %', proposal USING ERRCODE = 'P0002';
    END IF;
    IF who IS NULL OR NOT (who.role = 'owner' OR (who.role = 'lead' AND who.team = p.team)) THEN
        RAISE EXCEPTION '% may not decide the proposals of team %', session_user, p.team
            USING ERRCODE = '42501';
    END IF;
    IF p.status <> 'pending' THEN
        RAISE EXCEPTION 'proposal % was already %', proposal, p.status USING ERRCODE = '55000';
    END IF;
    IF approve THEN
        INSERT INTO cc.kb_teams AS t VALUES (p.team, 1)
            ON CONFLICT (team) DO UPDATE SET version = t.version + 1
            RETURNING version INTO v;
        INSERT INTO cc.kb_entries AS e VALUES (p.team, p.key, v, p.entry, false, p.proposed_by, session_user, now())
            ON CONFLICT (team, key) DO UPDATE SET version = v, entry = p.entry, deleted = false,
                proposed_by = p.proposed_by, approved_by = session_user, approved_at = now();
        INSERT INTO cc.kb_history SELECT * FROM cc.kb_entries WHERE team = p.team AND key = p.key;
        PERFORM pg_notify('cc_kb', '');
    END IF;
    UPDATE cc.kb_proposals SET status = CASE WHEN approve THEN 'approved' ELSE 'rejected' END,
        decided_by = session_user, decided_at = now() WHERE id = proposal;
    RETURN v;
END $f$;
REVOKE ALL ON FUNCTION cc.decide_proposal(uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cc.decide_proposal(uuid, boolean) TO cc_lead, cc_owner;
)sql"},
    ServerStep{"the team's pack: scripts, prompt rules, scorecards and snippets, in versions", R"sql(
-- A team's data pack, each version whole: its text files by their paths in the pack folder. Only
-- `call-companion server publish-pack` writes one, after `data check` passed it; each companion
-- checks it again before it uses it.
CREATE TABLE cc.packs (
    team         text NOT NULL,
    version      bigint NOT NULL,
    files        jsonb NOT NULL,
    published_by name NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, version)
);
ALTER TABLE cc.packs ENABLE ROW LEVEL SECURITY;
ALTER TABLE cc.packs FORCE ROW LEVEL SECURITY;
CREATE POLICY team_reads ON cc.packs FOR SELECT TO cc_agent, cc_reviewer, cc_lead
    USING (team = cc.team_of(current_user));
CREATE POLICY owner_reads ON cc.packs FOR SELECT TO cc_owner USING (true);
GRANT SELECT ON cc.packs TO cc_agent, cc_reviewer, cc_lead, cc_owner;

-- A lead publishes their team's pack (the owner any team's): the next version. Paths are relative,
-- plain and of the pack's kinds of file; the whole pack stays under 10 MB.
CREATE FUNCTION cc.publish_pack(team_name text, pack jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, cc AS $f$
DECLARE
    who cc.members;
    bad text;
    v bigint;
BEGIN
    SELECT * INTO who FROM cc.members WHERE login = session_user;
    IF who IS NULL OR NOT (who.role = 'owner' OR (who.role = 'lead' AND who.team = team_name)) THEN
        RAISE EXCEPTION '% may not publish the pack of team %', session_user, team_name USING ERRCODE = '42501';
    END IF;
    IF jsonb_typeof(pack) <> 'object' OR pack = '{}'::jsonb THEN
        RAISE EXCEPTION 'a pack is an object of files by path' USING ERRCODE = '22023';
    END IF;
    SELECT k INTO bad FROM jsonb_each(pack) AS f(k, c)
        WHERE k !~ '^[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)*\.(toml|txt|csv|md)$' OR k ~ '\.\.' OR jsonb_typeof(c) <> 'string'
        LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'the pack has a file a pack may not have: %', bad USING ERRCODE = '22023';
    END IF;
    IF octet_length(pack::text) > 10 * 1024 * 1024 THEN
        RAISE EXCEPTION 'the pack is over 10 MB' USING ERRCODE = '54000';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('cc.packs ' || team_name));
    SELECT coalesce(max(version), 0) + 1 INTO v FROM cc.packs WHERE team = team_name;
    INSERT INTO cc.packs VALUES (team_name, v, pack, session_user, now());
    PERFORM pg_notify('cc_pack', '');
    RETURN v;
END $f$;
REVOKE ALL ON FUNCTION cc.publish_pack(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cc.publish_pack(text, jsonb) TO cc_lead, cc_owner;
)sql"},
};

int versionOf(PgConnection& server) {
    const auto exists = server.exec("SELECT to_regclass('cc.schema_version') IS NOT NULL");
    if (exists.text(0, 0) != "t") return 0;
    return std::stoi(server.exec("SELECT version FROM cc.schema_version").text(0, 0));
}
} // namespace

std::span<const ServerStep> serverSchemaSteps() {
    return kServerSteps;
}

int serverSchemaVersion(PgConnection& server) {
    return versionOf(server);
}

void checkNoLoginBypassesRls(PgConnection& server) {
    const auto r = server.exec(R"sql(
        SELECT string_agg(DISTINCT m.rolname, ', ' ORDER BY m.rolname)
        FROM pg_roles m JOIN pg_auth_members am ON am.member = m.oid JOIN pg_roles g ON g.oid = am.roleid
        WHERE g.rolname IN ('cc_agent', 'cc_reviewer', 'cc_lead', 'cc_owner')
          AND m.rolcanlogin AND (m.rolsuper OR m.rolbypassrls))sql");
    if (!r.isNull(0, 0))
        throw std::runtime_error(
            fmt::format("these logins bypass row-level security and must not be Call Companion members: {}",
                        r.text(0, 0)));
}

std::string setUpServer(PgConnection& server, bool init) {
    const int from = versionOf(server);
    const int steps = static_cast<int>(kServerSteps.size());
    if (from > steps)
        throw std::runtime_error(fmt::format(
            "the server's schema is version {}, newer than this Call Companion knows ({}): update it", from,
            steps));
    if (!init && from == 0)
        throw std::runtime_error(
            "Call Companion was never set up on this server: run 'call-companion server init'");
    if (init && from > 0 && from == steps) return fmt::format("already set up (schema version {})\n", from);
    std::string done;
    for (int i = from; i < steps; ++i) {
        inTransaction(server, [&] {
            server.script(kServerSteps[i].sql);
            server.exec(fmt::format("UPDATE cc.schema_version SET version = {}", i + 1));
        });
        done += fmt::format("schema version {}: {}\n", i + 1, kServerSteps[i].what);
    }
    checkNoLoginBypassesRls(server);
    return done;
}

} // namespace cc
