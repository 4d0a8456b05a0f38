package hermes.plugin.store.sqlite.internal;

import static hermes.plugin.store.sqlite.internal.History.each;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import hermes.api.ToolCall;
import hermes.api.ToolResult;

/** The scroll, read and browse shapes of {@code session_search}, its spec, and its answers to bad arguments. */
class SessionSearchShapesTest {

    private static final String LONG = "20260810_090000_aaaaaa";
    private static final String ELSEWHERE = "20260831_000000_ffffff";

    @TempDir
    Path home;

    private History history;

    @BeforeEach
    void open() throws IOException {
        history = new History(home);
        history.session(LONG, "cli", "Long one", null, 10, History.numbered("line", 45));
    }

    @AfterEach
    void close() throws IOException {
        history.store.close();
    }

    @Test
    void scrollingForwardRepeatsTheBoundaryMessageAndStopsAtTheEnd() throws Exception {
        long anchor = history.idOf("line 20");
        JsonNode page = history.search(ELSEWHERE, "{\"session_id\":\"" + LONG + "\",\"around_message_id\":" + anchor
                + ",\"window\":3}");

        assertThat(page.path("mode").asText()).isEqualTo("scroll");
        assertThat(page.path("session_meta").path("title").asText()).isEqualTo("Long one");
        assertThat(each(page.path("messages"), "content")).containsExactly("line 17", "line 18", "line 19",
                "line 20", "line 21", "line 22", "line 23");
        assertThat(page.path("messages_before").asInt()).isEqualTo(3);
        assertThat(page.path("messages_after").asInt()).isEqualTo(3);

        long last = history.idOf("line 23");
        JsonNode next = history.search(ELSEWHERE, "{\"session_id\":\"" + LONG + "\",\"around_message_id\":\""
                + last + "\",\"window\":3}");
        assertThat(each(next.path("messages"), "content").getFirst()).isEqualTo("line 20");
        assertThat(each(next.path("messages"), "content")).contains("line 23");

        JsonNode end = history.search(ELSEWHERE, "{\"session_id\":\"" + LONG + "\",\"around_message_id\":"
                + history.idOf("line 44") + ",\"window\":99}");
        assertThat(end.path("window").asInt()).as("clamped").isEqualTo(20);
        assertThat(end.path("messages_after").asInt()).isEqualTo(1);
        assertThat(end.path("messages").size()).isEqualTo(22);
    }

    @Test
    void readingALongSessionGivesItsHeadAndTailAndCountsWhatWasSkipped() throws Exception {
        JsonNode read = history.search(ELSEWHERE, "{\"session_id\":\"@session:default/" + LONG + "\"}");

        assertThat(read.path("mode").asText()).isEqualTo("read");
        assertThat(read.path("message_count").asInt()).isEqualTo(45);
        assertThat(read.path("truncated").asBoolean()).isTrue();
        assertThat(read.path("messages_skipped").asInt()).isEqualTo(15);
        List<String> contents = each(read.path("messages"), "content");
        assertThat(contents).containsExactlyElementsOf(java.util.stream.IntStream.concat(
                java.util.stream.IntStream.rangeClosed(1, 20), java.util.stream.IntStream.rangeClosed(36, 45))
                .mapToObj(i -> "line " + i).toList());
        assertThat(read.path("message").asText()).contains("showing the first 20 and the last 10, 15 skipped");

        history.session("20260811_090000_bbbbbb", "cli", null, null, 11, "short", "chat");
        JsonNode whole = history.search(ELSEWHERE, "{\"session_id\":\"20260811_090000_bbbbbb\"}");
        assertThat(whole.path("truncated").asBoolean()).isFalse();
        assertThat(each(whole.path("messages"), "content")).containsExactly("short", "chat");
        assertThat(whole.has("messages_skipped")).isFalse();
    }

    @Test
    void browsingListsRecentSessionsButNotTheCallersHiddenOnesOrReplacedParts() throws Exception {
        history.session("20260811_090000_bbbbbb", "cli", "Infra", null, 11, "plan the network", "ok");
        history.store.end("20260811_090000_bbbbbb", "compression");
        history.session("20260812_090000_cccccc", "cli", "Infra #2", "20260811_090000_bbbbbb", 12,
                "[summary] network", "applied");
        history.session("20260813_090000_dddddd", "tool", null, null, 13, "integration chatter", "x");
        history.session("20260814_090000_eeeeee", "telegram", null, null, 14, "  hello\n from   the phone ", "hi");

        JsonNode browse = history.search("20260814_090000_eeeeee", "{}");

        assertThat(browse.path("mode").asText()).isEqualTo("browse");
        assertThat(each(browse.path("results"), "session_id"))
                .containsExactly("20260812_090000_cccccc", LONG);
        JsonNode first = browse.path("results").get(0);
        assertThat(first.path("title").asText()).isEqualTo("Infra #2");
        assertThat(first.path("preview").asText()).isEqualTo("[summary] network");
        assertThat(first.path("message_count").asInt()).isEqualTo(2);
        assertThat(first.path("last_active").asText()).matches("[A-Z][a-z]+ \\d\\d, \\d{4} at \\d\\d:\\d\\d [AP]M");
        assertThat(history.search(ELSEWHERE, "{\"limit\":1}").path("results").get(0).path("preview").asText())
                .isEqualTo("hello from the phone");
    }

    @Test
    void badArgumentsAreToolErrorsThatSayWhatToDo() throws Exception {
        assertError("{\"query\":\"x\",\"sort\":\"sideways\"}",
                "sort must be \"newest\" or \"oldest\", not \"sideways\"; leave it out to order by best match");
        assertError("{\"query\":\"x\",\"role_filter\":\"user,robot\"}", "role_filter has the unknown role 'robot'; "
                + "use a comma-separated list of user, assistant, tool and system, e.g. user,assistant,tool");
        assertError("{\"around_message_id\":5}",
                "around_message_id needs session_id: pass the session_id the message came with");
        assertError("{\"query\":\"x\",\"limit\":\"many\"}", "limit must be a whole number from 1 to 10, not many");
        assertError("{\"session_id\":\"20990101_000000_000000\"}", "session_id not found: 20990101_000000_000000; "
                + "use a session_id from a discovery or browse result (call session_search without arguments to list "
                + "recent sessions)");
        history.session("20260811_090000_bbbbbb", "cli", null, null, 11, "elsewhere entirely");
        assertError("{\"session_id\":\"" + LONG + "\",\"around_message_id\":" + history.idOf("elsewhere entirely")
                + "}", "around_message_id " + history.idOf("elsewhere entirely") + " is not a message of session "
                + LONG + "; pass an id from that session's messages (match_message_id or an id seen in a window)");
        String broken = "{\"query\": 5";
        String parseError = org.assertj.core.api.Assertions.catchThrowable(
                () -> new ToolCall("c", "session_search", broken).parsedArguments()).getMessage();
        assertError(broken, parseError);
    }

    @Test
    void theToolIsReadOnlyAndDescribesItsFourShapes() throws Exception {
        assertThat(history.tool.isMutating(new ToolCall("c", "session_search", "{}"))).isFalse();
        assertThat(history.tool.spec().name()).isEqualTo("session_search");
        assertThat(history.tool.spec().toolset()).isEqualTo("session_search");
        assertThat(history.tool.spec().description()).contains("1. Find", "2. Scroll", "3. Read", "4. Browse");
        JsonNode schema = new ObjectMapper().readTree(history.tool.spec().parametersSchema());
        assertThat(schema.path("properties").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("query", "limit", "sort", "role_filter", "session_id", "around_message_id",
                        "window");
    }

    private void assertError(String arguments, String message) throws Exception {
        ToolResult result = history.call(ELSEWHERE, arguments);
        assertThat(result.error()).as(result.content()).isTrue();
        JsonNode json = new ObjectMapper().readTree(result.content());
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.path("error").asText()).isEqualTo(message);
    }
}
