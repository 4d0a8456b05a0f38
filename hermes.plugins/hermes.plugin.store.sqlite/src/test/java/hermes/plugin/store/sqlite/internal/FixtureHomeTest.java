package hermes.plugin.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.Caller;
import hermes.api.Command;
import hermes.api.Message;
import hermes.api.Session;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.api.Usage;
import hermes.testing.FakeToolContext;

/** The sessions command and session_search on a copy of the home the original wrote, and what our writes leave. */
class FixtureHomeTest {

    @TempDir
    Path home;

    @Test
    void sessionsListShowsTheOriginalsTitlesAndLineage() throws Exception {
        try (SqliteSessionStore store = new SqliteSessionStore(StateFiles.copyOfFixture(home))) {
            List<String> lines = reply(new SessionsCommand(store), "list").lines().toList();

            assertThat(lines).hasSize(6);
            assertThat(lines.get(1)).startsWith("20260503_070000_444ddd").contains("—", "telegram");
            assertThat(lines.get(2)).startsWith("20260502_190500_222bbb").contains("Flaky test hunt", "cli", "4");
            assertThat(lines.get(3)).startsWith("└ 20260502_201000_333ccc");
            assertThat(lines.get(4)).startsWith("20260501_080000_111aaa").contains("Release checklist",
                    "openrouter/qwen3-coder");
            assertThat(lines.get(5)).isEqualTo("4 sessions");
        }
    }

    @Test
    void sessionSearchFindsTheOriginalsMessagesInEnglishAndJapanese() throws Exception {
        try (SqliteSessionStore store = new SqliteSessionStore(StateFiles.copyOfFixture(home))) {
            SessionSearchTool tool = new SessionSearchTool(store);

            JsonNode english = search(tool, "{\"query\":\"readiness\"}");
            assertThat(english.path("count").asInt()).as("one lineage, two hits").isEqualTo(1);
            assertThat(english.path("results").get(0).path("title").asText()).isEqualTo("Flaky test hunt");

            JsonNode japanese = search(tool, "{\"query\":\"会議は木曜日\"}");
            JsonNode found = japanese.path("results").get(0);
            assertThat(japanese.path("ranking").asText()).as("ranked by the trigram index").isEqualTo("relevance");
            assertThat(found.path("session_id").asText()).isEqualTo("20260503_070000_444ddd");
            assertThat(found.path("snippet").asText()).isEqualTo("日本語のメモ: >>>会議は木曜日<<<");
            assertThat(found.path("match_message_id").asLong()).isEqualTo(9);

            JsonNode shortTerm = search(tool, "{\"query\":\"了解\"}");
            assertThat(shortTerm.path("ranking").asText()).as("too short for trigrams").isEqualTo("newest");
            assertThat(shortTerm.path("results").get(0).path("snippet").asText()).isEqualTo(">>>了解<<<しました。");
        }
    }

    @Test
    void afterOurWritesTheFileKeepsTheOriginalsSchemaAndIntegrity() throws Exception {
        Path copy = StateFiles.copyOfFixture(home);
        List<String> schemaBefore = StateFiles.schemaOf(copy);
        List<String> sessionColumnsBefore = StateFiles.column(copy, "SELECT name FROM pragma_table_info('sessions')");
        try (SqliteSessionStore store = new SqliteSessionStore(copy)) {
            store.append("20260501_080000_111aaa", List.of(Message.user("and for 2.5?"),
                    Message.assistant("Same steps; bump first.")));
            store.rename("20260503_070000_444ddd", "Japanese notes");
            store.addUsage("20260501_080000_111aaa", new Usage(100, 20, 80, 0, 5), 1);
            store.truncate("20260501_080000_111aaa", 3);
            store.end("20260501_080000_111aaa", "user_exit");
        }

        assertThat(StateFiles.schemaOf(copy)).isEqualTo(schemaBefore);
        assertThat(StateFiles.column(copy, "SELECT name FROM pragma_table_info('sessions')"))
                .isEqualTo(sessionColumnsBefore);
        assertThat(StateFiles.column(copy, "SELECT version FROM schema_version")).containsExactly("16");
        assertThat(StateFiles.column(copy, "PRAGMA integrity_check")).containsExactly("ok");
        assertThat(StateFiles.column(copy, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'first'"))
                .as("the soft-deleted answer stays indexed; reads skip it").containsExactly("1");
        assertThat(StateFiles.column(copy, "SELECT title || '|' || quote(input_tokens) FROM sessions "
                + "WHERE title IS NOT NULL ORDER BY id")).containsExactly("Release checklist|100",
                "Flaky test hunt|0", "Japanese notes|0");
        assertThat(StateFiles.column(copy, "SELECT message_count || ' ' || rewind_count || ' ' || api_call_count "
                + "|| ' ' || end_reason FROM sessions WHERE id = '20260501_080000_111aaa'"))
                .containsExactly("3 1 1 user_exit");
    }

    private static JsonNode search(SessionSearchTool tool, String arguments) throws Exception {
        ToolResult result = tool.call(new ToolCall("c", "session_search", arguments),
                new FakeToolContext(Path.of(".")));
        assertThat(result.error()).as(result.content()).isFalse();
        return new ObjectMapper().readTree(result.content());
    }

    private static String reply(SessionsCommand command, String arguments) throws Exception {
        StringBuilder replies = new StringBuilder();
        command.run(arguments, new Command.Context() {
            @Override
            public Optional<Session> session() {
                return Optional.empty();
            }

            @Override
            public Caller caller() {
                return Caller.localUser();
            }

            @Override
            public void reply(String text) {
                replies.append(text);
            }
        });
        return replies.toString();
    }
}
