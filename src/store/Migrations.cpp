#include "store/Migrations.h"

#include "core/Platform.h"
#include "store/Database.h"

#include <array>
#include <fmt/format.h>

namespace cc {

namespace {
constexpr std::array kSteps{
    Migration{"calls, their segments, notes, timeline events and transfers", R"sql(
CREATE TABLE calls (
    id              INTEGER PRIMARY KEY,
    started_at      INTEGER NOT NULL,             -- wall clock, Unix ms
    finished_at     INTEGER,                      -- set when wrap-up is done
    state           TEXT NOT NULL,                -- CallState name while unfinished
    finished        INTEGER NOT NULL DEFAULT 0,
    missed          INTEGER NOT NULL DEFAULT 0,
    ring_ms         INTEGER NOT NULL DEFAULT 0,
    talk_ms         INTEGER NOT NULL DEFAULT 0,
    hold_ms         INTEGER NOT NULL DEFAULT 0,
    hold_count      INTEGER NOT NULL DEFAULT 0,
    wrap_ms         INTEGER NOT NULL DEFAULT 0,
    caller_name     TEXT NOT NULL DEFAULT '',
    callback_number TEXT NOT NULL DEFAULT '',
    case_number     TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    saved_at        INTEGER NOT NULL              -- wall clock of the last save, to size a crash gap
);
CREATE INDEX calls_by_start ON calls(started_at);
CREATE INDEX calls_unfinished ON calls(finished) WHERE finished = 0;

CREATE TABLE segments (
    call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    length_ms  INTEGER NOT NULL,
    PRIMARY KEY (call_id, seq)
) WITHOUT ROWID;

CREATE TABLE note_lines (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    at      INTEGER,
    text    TEXT NOT NULL,
    PRIMARY KEY (call_id, line_no)
) WITHOUT ROWID;

CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    call_id   INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    at        INTEGER NOT NULL,
    offset_ms INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_by_call ON events(call_id, id);

CREATE TABLE transfers (
    call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    to_whom TEXT NOT NULL,
    reason  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (call_id, seq)
) WITHOUT ROWID;
)sql"},
    Migration{"earlier calls by callback or case number; how many numbers were masked", R"sql(
ALTER TABLE calls ADD COLUMN masked_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX calls_by_callback ON calls(callback_number) WHERE callback_number <> '';
CREATE INDEX calls_by_case ON calls(case_number) WHERE case_number <> '';
)sql"},
    Migration{"the referral knowledge base and its full-text index", R"sql(
CREATE TABLE kb_entries (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    keywords      TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL DEFAULT '',
    handled_by    TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    hours         TEXT NOT NULL DEFAULT '',
    what_to_say   TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    last_verified TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    source        TEXT NOT NULL DEFAULT ''
);
-- porter over unicode61: "printers" finds "printer", "resetting" finds "reset"; accents fold away.
-- prefix indexes for 2, 3 and 4 letters make a half-typed last word cheap to look up.
CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, keywords, handled_by, category, body,
    content = 'kb_entries', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4');
INSERT INTO kb_fts(kb_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 2.0, 1.0)');
CREATE VIRTUAL TABLE kb_vocab USING fts5vocab(kb_fts, 'row');
CREATE TRIGGER kb_entries_ai AFTER INSERT ON kb_entries BEGIN
    INSERT INTO kb_fts(rowid, title, keywords, handled_by, category, body)
    VALUES (new.id, new.title, new.keywords, new.handled_by, new.category, new.body);
END;
CREATE TRIGGER kb_entries_ad AFTER DELETE ON kb_entries BEGIN
    INSERT INTO kb_fts(kb_fts, rowid, title, keywords, handled_by, category, body)
    VALUES ('delete', old.id, old.title, old.keywords, old.handled_by, old.category, old.body);
END;
CREATE TRIGGER kb_entries_au AFTER UPDATE ON kb_entries BEGIN
    INSERT INTO kb_fts(kb_fts, rowid, title, keywords, handled_by, category, body)
    VALUES ('delete', old.id, old.title, old.keywords, old.handled_by, old.category, old.body);
    INSERT INTO kb_fts(rowid, title, keywords, handled_by, category, body)
    VALUES (new.id, new.title, new.keywords, new.handled_by, new.category, new.body);
END;
)sql"},
    Migration{"small facts about the store itself, e.g. whether the bundled knowledge base was loaded", R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql"},
    Migration{"difficult and practice calls; the agent's own break log", R"sql(
ALTER TABLE calls ADD COLUMN difficult INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN training INTEGER NOT NULL DEFAULT 0;
CREATE TABLE breaks (
    id         INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    reason     TEXT NOT NULL DEFAULT ''
);
)sql"},
    Migration{
        "call history for review: full-text search over notes, referral counts, outcome filter, store id",
        R"sql(
ALTER TABLE calls ADD COLUMN referral_count INTEGER NOT NULL DEFAULT 0;
UPDATE calls SET referral_count = (SELECT count(*) FROM events e WHERE e.call_id = calls.id AND e.kind = 'referral');
CREATE INDEX calls_by_outcome ON calls(outcome, started_at);
-- The history's flag filters: each index holds only the calls with that flag, newest first.
CREATE INDEX calls_difficult ON calls(started_at) WHERE difficult = 1;
CREATE INDEX calls_practice ON calls(started_at) WHERE training = 1;
CREATE INDEX calls_referred ON calls(started_at) WHERE referral_count > 0;
CREATE INDEX calls_masked ON calls(started_at) WHERE masked_count > 0;
CREATE INDEX calls_missed ON calls(started_at) WHERE missed = 1;
-- Contentless: the note text is kept once, in note_lines. A row's id is (call_id << 20) | line_no, so a
-- match names its call without a lookup; lines past the millionth of one call are not indexed.
CREATE VIRTUAL TABLE notes_fts USING fts5(text, content = '', tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO notes_fts(rowid, text)
    SELECT (call_id << 20) | line_no, text FROM note_lines WHERE line_no < 1048576 AND text <> '';
CREATE TRIGGER note_lines_ai AFTER INSERT ON note_lines WHEN new.line_no < 1048576 AND new.text <> '' BEGIN
    INSERT INTO notes_fts(rowid, text) VALUES ((new.call_id << 20) | new.line_no, new.text);
END;
CREATE TRIGGER note_lines_ad AFTER DELETE ON note_lines WHEN old.line_no < 1048576 AND old.text <> '' BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', (old.call_id << 20) | old.line_no, old.text);
END;
CREATE TRIGGER note_lines_au_old AFTER UPDATE ON note_lines WHEN old.line_no < 1048576 AND old.text <> '' BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text) VALUES ('delete', (old.call_id << 20) | old.line_no, old.text);
END;
CREATE TRIGGER note_lines_au_new AFTER UPDATE ON note_lines WHEN new.line_no < 1048576 AND new.text <> '' BEGIN
    INSERT INTO notes_fts(rowid, text) VALUES ((new.call_id << 20) | new.line_no, new.text);
END;
-- Names this store in reviews and archives, so a reviewer's scores stay with the right agent's calls.
INSERT OR IGNORE INTO meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
)sql"},
    Migration{"referrals learned from the team's own searches; a counter of knowledge base changes", R"sql(
-- The words of a search after which the agent inserted this entry as a referral: they lift the entry
-- for similar searches later. Gone with the entry.
CREATE TABLE kb_learned (
    entry_id  INTEGER NOT NULL REFERENCES kb_entries(id) ON DELETE CASCADE,
    term      TEXT NOT NULL,              -- a stem, as the full-text index stores words
    uses      INTEGER NOT NULL DEFAULT 1,
    last_used TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    PRIMARY KEY (entry_id, term)
) WITHOUT ROWID;
CREATE INDEX kb_learned_by_term ON kb_learned(term);
-- Bumped by every change to the entries, so a search connection knows when its copy of the index's
-- vocabulary (for typo correction) is out of date without rereading it.
INSERT OR IGNORE INTO meta (key, value) VALUES ('kb_generation', '0');
CREATE TRIGGER kb_generation_ai AFTER INSERT ON kb_entries BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'kb_generation';
END;
CREATE TRIGGER kb_generation_ad AFTER DELETE ON kb_entries BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'kb_generation';
END;
CREATE TRIGGER kb_generation_au AFTER UPDATE ON kb_entries BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'kb_generation';
END;
)sql"},
    Migration{"timeline events keep their facts, and people read them in their own language", R"sql(
-- A JSON array of the event's facts (a title, a name, a length in ms), in the order its kind takes.
-- NULL on rows from before: their English detail is shown as it was written.
ALTER TABLE events ADD COLUMN facts TEXT;
)sql"},
    Migration{"a team server: each call's own id, private events, and the outbox of finished calls", R"sql(
-- Names the call on a team server with the store id: a backup restored over newer calls reuses local
-- ids, never these.
ALTER TABLE calls ADD COLUMN uuid TEXT;
UPDATE calls SET uuid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX calls_by_uuid ON calls(uuid);
-- The agent's own events (a break, a wellbeing prompt): they never leave this PC. Rows from before
-- were all written by the bundled after-call prompt.
ALTER TABLE events ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
UPDATE events SET private = 1
    WHERE kind IN ('prompt', 'prompt-dismissed', 'prompt-acted')
      AND (facts LIKE '%Take a few minutes%' OR detail LIKE '%Take a few minutes%');
-- Finished calls waiting for the team server, written in the transaction that finishes the call and
-- deleted only once the server has committed it. Only while a server is set up (meta 'sync' = 'on').
CREATE TABLE outbox (
    call_id   INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
    queued_at INTEGER NOT NULL,                  -- Unix ms
    attempts  INTEGER NOT NULL DEFAULT 0,
    next_try  INTEGER NOT NULL DEFAULT 0,        -- Unix ms: not before
    state     TEXT NOT NULL DEFAULT 'waiting',   -- waiting | refused | quarantined
    error     TEXT NOT NULL DEFAULT ''           -- the server's last word on it
);
)sql"},
    Migration{"the team's knowledge base on this PC, and the agent's proposals waiting for the server", R"sql(
-- Which local entry each entry of the team's knowledge base is, at which team version (0: proposed from
-- this PC, not approved yet), and who approved it.
CREATE TABLE team_kb (
    key         TEXT PRIMARY KEY,
    entry_id    INTEGER NOT NULL UNIQUE REFERENCES kb_entries(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL DEFAULT 0,
    proposed_by TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT ''
);
-- New or changed entries for the team lead, deleted once the server has them.
CREATE TABLE kb_proposals_out (
    id           TEXT PRIMARY KEY,               -- the proposal's own id (sent again: harmless)
    key          TEXT NOT NULL,
    base_version INTEGER,                        -- NULL: a new entry
    entry        TEXT NOT NULL,                  -- JSON, the fields by their file names
    queued_at    INTEGER NOT NULL,               -- Unix ms
    error        TEXT NOT NULL DEFAULT ''        -- the server's last word, if it refused it
);
)sql"},
};
} // namespace

std::span<const Migration> schemaMigrations() {
    return kSteps;
}

void migrate(Database& db, std::span<const Migration> steps) {
    const auto version = db.scalar("PRAGMA user_version");
    if (version > static_cast<std::int64_t>(steps.size()))
        throw std::runtime_error(fmt::format(
            "{} has schema version {}, newer than this Call Companion understands ({}); use a newer version",
            pathUtf8(db.path()), version, steps.size()));
    for (auto i = static_cast<std::size_t>(version); i < steps.size(); ++i) {
        Transaction tx(db);
        // Another connection (the sync thread opening reviews.db as the window does) may have taken
        // this step while this one waited for the lock.
        if (db.scalar("PRAGMA user_version") > static_cast<std::int64_t>(i)) continue;
        db.exec(steps[i].sql);
        db.exec(fmt::format("PRAGMA user_version = {}", i + 1));
        tx.commit();
    }
}

} // namespace cc
