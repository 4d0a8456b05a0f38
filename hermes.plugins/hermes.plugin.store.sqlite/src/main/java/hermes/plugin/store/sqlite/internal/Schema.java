package hermes.plugin.store.sqlite.internal;

import java.util.List;

/**
 * The original's {@code state.db} schema, version 16, statement for statement as the original leaves it in
 * {@code sqlite_master} (so a database we create is indistinguishable from one the original created, and the
 * original opens it without migrating). Copied from the original's own database; keep the text byte-exact.
 */
final class Schema {

    /** The version the original keeps in the one-row table {@code schema_version} (not in {@code user_version}). */
    static final int VERSION = 16;

    /** Every statement, in the order the original runs them (FTS tables after the plain ones, triggers after each). */
    static final List<String> STATEMENTS = List.of(
            """
            CREATE TABLE schema_version (
                version INTEGER NOT NULL
            )""",
            """
            CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                user_id TEXT,
                model TEXT,
                model_config TEXT,
                system_prompt TEXT,
                parent_session_id TEXT,
                started_at REAL NOT NULL,
                ended_at REAL,
                end_reason TEXT,
                message_count INTEGER DEFAULT 0,
                tool_call_count INTEGER DEFAULT 0,
                input_tokens INTEGER DEFAULT 0,
                output_tokens INTEGER DEFAULT 0,
                cache_read_tokens INTEGER DEFAULT 0,
                cache_write_tokens INTEGER DEFAULT 0,
                reasoning_tokens INTEGER DEFAULT 0,
                cwd TEXT,
                billing_provider TEXT,
                billing_base_url TEXT,
                billing_mode TEXT,
                estimated_cost_usd REAL,
                actual_cost_usd REAL,
                cost_status TEXT,
                cost_source TEXT,
                pricing_version TEXT,
                title TEXT,
                api_call_count INTEGER DEFAULT 0,
                handoff_state TEXT,
                handoff_platform TEXT,
                handoff_error TEXT,
                rewind_count INTEGER NOT NULL DEFAULT 0,
                archived INTEGER NOT NULL DEFAULT 0,
                FOREIGN KEY (parent_session_id) REFERENCES sessions(id)
            )""",
            """
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id TEXT NOT NULL REFERENCES sessions(id),
                role TEXT NOT NULL,
                content TEXT,
                tool_call_id TEXT,
                tool_calls TEXT,
                tool_name TEXT,
                timestamp REAL NOT NULL,
                token_count INTEGER,
                finish_reason TEXT,
                reasoning TEXT,
                reasoning_content TEXT,
                reasoning_details TEXT,
                codex_reasoning_items TEXT,
                codex_message_items TEXT,
                platform_message_id TEXT,
                observed INTEGER DEFAULT 0,
                active INTEGER NOT NULL DEFAULT 1
            )""",
            """
            CREATE TABLE state_meta (
                key TEXT PRIMARY KEY,
                value TEXT
            )""",
            """
            CREATE TABLE compression_locks (
                session_id TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                acquired_at REAL NOT NULL,
                expires_at REAL NOT NULL
            )""",
            """
            CREATE INDEX idx_sessions_source ON sessions(source)""",
            """
            CREATE INDEX idx_sessions_source_id ON sessions(source, id)""",
            """
            CREATE INDEX idx_sessions_parent ON sessions(parent_session_id)""",
            """
            CREATE INDEX idx_sessions_started ON sessions(started_at DESC)""",
            """
            CREATE INDEX idx_messages_session ON messages(session_id, timestamp)""",
            """
            CREATE INDEX idx_compression_locks_expires ON compression_locks(expires_at)""",
            """
            CREATE INDEX idx_messages_platform_msg_id ON messages(session_id, platform_message_id) WHERE platform_message_id IS NOT NULL""",
            """
            CREATE INDEX idx_messages_session_active
                ON messages(session_id, active, timestamp)""",
            """
            CREATE UNIQUE INDEX idx_sessions_title_unique ON sessions(title) WHERE title IS NOT NULL""",
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5(
                content
            )""",
            """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts(rowid, content) VALUES (
                    new.id,
                    COALESCE(new.content, '') || ' ' || COALESCE(new.tool_name, '') || ' ' || COALESCE(new.tool_calls, '')
                );
            END""",
            """
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                DELETE FROM messages_fts WHERE rowid = old.id;
            END""",
            """
            CREATE TRIGGER messages_fts_update AFTER UPDATE ON messages BEGIN
                DELETE FROM messages_fts WHERE rowid = old.id;
                INSERT INTO messages_fts(rowid, content) VALUES (
                    new.id,
                    COALESCE(new.content, '') || ' ' || COALESCE(new.tool_name, '') || ' ' || COALESCE(new.tool_calls, '')
                );
            END""",
            """
            CREATE VIRTUAL TABLE messages_fts_trigram USING fts5(
                content,
                tokenize='trigram'
            )""",
            """
            CREATE TRIGGER messages_fts_trigram_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts_trigram(rowid, content) VALUES (
                    new.id,
                    COALESCE(new.content, '') || ' ' || COALESCE(new.tool_name, '') || ' ' || COALESCE(new.tool_calls, '')
                );
            END""",
            """
            CREATE TRIGGER messages_fts_trigram_delete AFTER DELETE ON messages BEGIN
                DELETE FROM messages_fts_trigram WHERE rowid = old.id;
            END""",
            """
            CREATE TRIGGER messages_fts_trigram_update AFTER UPDATE ON messages BEGIN
                DELETE FROM messages_fts_trigram WHERE rowid = old.id;
                INSERT INTO messages_fts_trigram(rowid, content) VALUES (
                    new.id,
                    COALESCE(new.content, '') || ' ' || COALESCE(new.tool_name, '') || ' ' || COALESCE(new.tool_calls, '')
                );
            END""");

    private Schema() {
    }
}
