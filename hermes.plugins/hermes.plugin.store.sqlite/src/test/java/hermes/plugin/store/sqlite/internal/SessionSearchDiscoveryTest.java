package hermes.plugin.store.sqlite.internal;

import static hermes.plugin.store.sqlite.internal.History.each;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discovery shape of {@code session_search}: ranking, lineage dedupe, exclusions, hydration. */
class SessionSearchDiscoveryTest {

    private static final String ELSEWHERE = "20260831_000000_ffffff";

    @TempDir
    Path home;

    private History history;

    @BeforeEach
    void open() {
        history = new History(home);
    }

    @AfterEach
    void close() throws IOException {
        history.store.close();
    }

    @Test
    void aHitComesWithItsSnippetAnchoredWindowAndTheSessionsBookends() throws Exception {
        String[] texts = History.numbered("plain talk", 30);
        texts[14] = "we should move the cluster to kubernetes next quarter";
        history.session("20260810_090000_aaaaaa", "cli", "Cluster plans", null, 10, texts);
        long hit = history.idOf(texts[14]);

        JsonNode result = history.search(ELSEWHERE, "{\"query\":\"Kubernetes\"}");

        assertThat(result.path("mode").asText()).isEqualTo("discover");
        assertThat(result.path("ranking").asText()).isEqualTo("relevance");
        assertThat(result.path("count").asInt()).isEqualTo(1);
        JsonNode found = result.path("results").get(0);
        assertThat(found.path("session_id").asText()).isEqualTo("20260810_090000_aaaaaa");
        assertThat(found.path("title").asText()).isEqualTo("Cluster plans");
        assertThat(found.path("source").asText()).isEqualTo("cli");
        assertThat(found.path("when").asText()).matches("August 11, 2026 at \\d\\d:\\d\\d [AP]M");
        assertThat(found.path("matched_role").asText()).isEqualTo("user");
        assertThat(found.path("match_message_id").asLong()).isEqualTo(hit);
        assertThat(found.path("snippet").asText())
                .isEqualTo("we should move the cluster to >>>kubernetes<<< next quarter");
        assertThat(each(found.path("messages"), "content")).containsExactly("plain talk 10", "plain talk 11",
                "plain talk 12", "plain talk 13", "plain talk 14", texts[14], "plain talk 16", "plain talk 17",
                "plain talk 18", "plain talk 19", "plain talk 20");
        assertThat(each(found.path("messages"), "anchor")).containsExactly("", "", "", "", "", "true", "", "", "",
                "", "");
        assertThat(each(found.path("bookend_start"), "content"))
                .containsExactly("plain talk 1", "plain talk 2", "plain talk 3");
        assertThat(each(found.path("bookend_end"), "content"))
                .containsExactly("plain talk 28", "plain talk 29", "plain talk 30");
        assertThat(found.path("messages_before").asInt()).isEqualTo(5);
        assertThat(found.path("messages_after").asInt()).isEqualTo(5);
        assertThat(found.has("parent_session_id")).isFalse();
    }

    @Test
    void aCompactedChainCountsOnceAndTheCallingSessionIsNotSearched() throws Exception {
        history.session("20260810_090000_aaaaaa", "cli", "Infra", null, 10, "terraform plan for the vpc", "ok");
        history.store.end("20260810_090000_aaaaaa", "compression");
        history.session("20260811_090000_bbbbbb", "cli", "Infra #2", "20260810_090000_aaaaaa", 11,
                "[summary] terraform plan", "terraform apply done");
        history.session("20260812_090000_cccccc", "telegram", null, null, 12, "what does terraform cost", "little");
        history.session("20260813_090000_dddddd", "cli", null, null, 13, "terraform again here", "yes");

        JsonNode result = history.search("20260813_090000_dddddd", "{\"query\":\"terraform\",\"limit\":10}");

        assertThat(each(result.path("results"), "session_id")).hasSize(2)
                .containsExactlyInAnyOrder("20260812_090000_cccccc", firstOf(result, "Infra"));
        JsonNode chain = byTitle(result, "Infra");
        assertThat(chain.path("parent_session_id").asText(chain.path("session_id").asText()))
                .isEqualTo("20260810_090000_aaaaaa");
    }

    @Test
    void fromInsideALineageOnlyItsCompressedPartsAreFound() throws Exception {
        history.session("20260810_090000_aaaaaa", "cli", "Infra", null, 10, "terraform plan for the vpc", "ok");
        history.store.end("20260810_090000_aaaaaa", "compression");
        history.session("20260811_090000_bbbbbb", "cli", "Infra #2", "20260810_090000_aaaaaa", 11,
                "terraform apply is running", "fine");
        history.session("20260812_090000_cccccc", "subagent", null, "20260811_090000_bbbbbb", 12,
                "terraform from a subagent", "done");

        JsonNode result = history.search("20260811_090000_bbbbbb", "{\"query\":\"terraform\",\"limit\":10}");

        assertThat(each(result.path("results"), "session_id")).containsExactly("20260810_090000_aaaaaa");
        assertThat(each(result.path("results").get(0).path("messages"), "content"))
                .containsExactly("terraform plan for the vpc", "ok");
    }

    @Test
    void hiddenSourcesAndToolOutputAreLeftOutUnlessTheRolesAskForIt() throws Exception {
        history.session("20260810_090000_aaaaaa", "tool", null, null, 10, "flamingo from an integration", "ok");
        history.session("20260811_090000_bbbbbb", "cli", null, null, 11, "list the files", "sure");
        history.toolTurn("20260811_090000_bbbbbb", "c1", "flamingo.txt");

        assertThat(history.search(ELSEWHERE, "{\"query\":\"flamingo\"}").path("count").asInt()).isZero();
        JsonNode withTools = history.search(ELSEWHERE, "{\"query\":\"flamingo\",\"role_filter\":\"user, tool\"}");
        assertThat(each(withTools.path("results"), "session_id")).containsExactly("20260811_090000_bbbbbb");
        JsonNode found = withTools.path("results").get(0);
        assertThat(found.path("matched_role").asText()).isEqualTo("tool");
        assertThat(each(found.path("messages"), "role")).as("the window keeps the hit and the conversation")
                .containsExactly("user", "assistant", "assistant", "tool");
    }

    @Test
    void aWordInMoreMessagesThanCanBeRankedFindsTheNewestMatchesAndSaysSo() throws Exception {
        for (int day = 1; day <= 4; day++) {
            history.session("2026080" + day + "_090000_aaaaa" + day, "cli", "Day " + day, null, day,
                    History.numbered("common word", 100));
        }

        JsonNode result = history.search(ELSEWHERE, "{\"query\":\"common\",\"limit\":2}");

        assertThat(result.path("ranking").asText()).isEqualTo("recent_matches");
        assertThat(result.path("message").asText()).startsWith("More than 300 messages match");
        assertThat(each(result.path("results"), "title")).containsExactly("Day 4", "Day 3");
        assertThat(result.path("results").get(0).path("snippet").asText()).isEqualTo(">>>common<<< word 100");
    }

    @Test
    void sortOrdersByTimeInsteadOfRelevance() throws Exception {
        history.session("20260801_090000_aaaaaa", "cli", "Oldest", null, 1, "lighthouse", "a");
        history.session("20260802_090000_bbbbbb", "cli", "Middle", null, 2, "lighthouse lighthouse lighthouse", "b");
        history.session("20260803_090000_cccccc", "cli", "Newest", null, 3, "a long sentence about a lighthouse "
                + "and many other things that dilute it", "c");

        assertThat(each(history.search(ELSEWHERE, "{\"query\":\"lighthouse\"}").path("results"), "title"))
                .first().isEqualTo("Middle");
        assertThat(each(history.search(ELSEWHERE, "{\"query\":\"lighthouse\",\"sort\":\"newest\"}")
                .path("results"), "title")).containsExactly("Newest", "Middle", "Oldest");
        assertThat(each(history.search(ELSEWHERE, "{\"query\":\"lighthouse\",\"sort\":\"oldest\",\"limit\":2}")
                .path("results"), "title")).containsExactly("Oldest", "Middle");
    }

    @Test
    void queriesAreSanitisedAndAnEmptyOneFindsNothing() throws Exception {
        history.session("20260801_090000_aaaaaa", "cli", null, null, 1, "the chat-send script broke", "fixed");

        JsonNode found = history.search(ELSEWHERE, "{\"query\":\"chat-send AND\"}");
        assertThat(found.path("count").asInt()).isEqualTo(1);
        assertThat(found.path("results").get(0).path("snippet").asText())
                .isEqualTo("the >>>chat<<<->>>send<<< script broke");
        JsonNode nothing = history.search(ELSEWHERE, "{\"query\":\"((( ***\"}");
        assertThat(nothing.path("count").asInt()).isZero();
        assertThat(nothing.path("message").asText()).startsWith("No matching sessions found.");
    }

    private static String firstOf(JsonNode result, String title) {
        return byTitle(result, title).path("session_id").asText();
    }

    private static JsonNode byTitle(JsonNode result, String title) {
        List<JsonNode> matches = new ArrayList<>();
        result.path("results").forEach(node -> {
            if (node.path("title").asText().equals(title)) {
                matches.add(node);
            }
        });
        assertThat(matches).hasSize(1);
        return matches.getFirst();
    }
}
