package hermes.plugin.context.compressor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import hermes.api.ContextEngine.Summarizer;
import hermes.api.Message;
import hermes.api.Message.Role;
import hermes.api.ModelException;

class ContextCompressorTest {

    /** 1,010 tokens a message: 20 of them are just over the tail budget of a 200K window (20,000 tokens). */
    private static final int SIZE = 4_000;
    private static final long WINDOW = 200_000;
    private static final String SUMMARY = "## Goal\nShip it.";

    private final SettableClock clock = new SettableClock();
    private final ContextCompressor compressor = new ContextCompressor(clock);
    private final List<String> prompts = new ArrayList<>();
    private final Summarizer summarizer = prompt -> {
        prompts.add(prompt);
        return SUMMARY;
    };

    @Test
    void registersUnderItsId() {
        assertThat(new ContextCompressor().id()).isEqualTo("compressor");
    }

    @Test
    void keepsHeadAndTailVerbatimAroundOneSummary() throws InterruptedException {
        List<Message> history = Script.of("u a ".repeat(25), SIZE);

        Optional<List<Message>> compacted = compressor.compact(history, 120_000, WINDOW, summarizer);

        List<Message> expected = new ArrayList<>(history.subList(0, 3));
        expected.add(CompactionBanner.summarised(Role.ASSISTANT, SUMMARY));
        expected.addAll(history.subList(30, 50));
        assertThat(compacted).contains(expected);
        assertThat(prompts).singleElement().asString()
                .contains("[USER]\nuser 4.", "[ASSISTANT]\nanswer 29.")
                .doesNotContain("user 2.", "user 30.")
                // a fifth of 27 messages of 1,010 tokens
                .contains("Aim for about 5454 tokens.");
    }

    static Stream<Arguments> conversations() {
        return Stream.of(
                Arguments.of("chat", "u a ".repeat(40)),
                Arguments.of("tool loop after the first exchange", "u a u " + "c t ".repeat(40) + "a u"),
                Arguments.of("head ending in a call", "u c t a u " + "c2 t t a u ".repeat(15)),
                Arguments.of("bulky tool outputs", "u a u " + "c T ".repeat(6) + "a u"),
                Arguments.of("wide batches, ending with an answer", "u a u " + "c3 t t t ".repeat(20) + "a"),
                Arguments.of("earlier compaction", "u a u s " + "u a ".repeat(30)),
                Arguments.of("odd lengths", "u a u " + "c t a u ".repeat(7) + "c2 t t c t a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversations")
    void keepsToolPairsRolesHeadAndTailIntact(String description, String script) throws InterruptedException {
        List<Message> history = Script.of(script, SIZE);

        List<Message> compacted = compressor.compact(history, WINDOW, WINDOW, summarizer).orElseThrow();

        Script.assertWellFormed(compacted);
        List<Message> banners = compacted.stream().filter(CompactionBanner::isCompactionMessage).toList();
        assertThat(banners).singleElement().extracting(Message::text).asString().endsWith(SUMMARY);
        int summaryAt = compacted.indexOf(banners.getFirst());
        List<Message> head = compacted.subList(0, summaryAt);
        List<Message> tail = compacted.subList(summaryAt + 1, compacted.size());
        assertThat(head).hasSizeGreaterThanOrEqualTo(3).isEqualTo(history.subList(0, head.size()));
        assertThat(tail).hasSizeGreaterThanOrEqualTo(Boundaries.BULKY_TAIL_MESSAGE_FLOOR)
                .isEqualTo(history.subList(history.size() - tail.size(), history.size()));
        assertThat(compacted).hasSizeLessThan(history.size());
    }

    @ParameterizedTest(name = "window {0}, last request {1} tokens: compacts {2}")
    @CsvSource({
            "200000,  99999,   false",
            "200000,  100000,  true",
            "100000,  63999,   false", // half the window is 50,000, but the threshold never goes below 64,000
            "100000,  64000,   true",
            "32000,   31999,   false",
            "32000,   32000,   true",  // a full window forces it, though below 64,000
            "1000000, 499999,  false",
            "1000000, 500000,  true"
    })
    void firesAtHalfTheWindowButNotBelow64K(long window, long promptTokens, boolean compacts)
            throws InterruptedException {
        // 250,000 tokens: more than the tail budget of every window in the table
        List<Message> history = Script.of("u a ".repeat(125), SIZE);

        assertThat(compressor.compact(history, promptTokens, window, summarizer).isPresent()).isEqualTo(compacts);
        assertThat(prompts).hasSize(compacts ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} messages of 1,010 tokens")
    @CsvSource({"50, false", "100, true"})
    void estimatesTheHistoryWhenTheProviderGaveNoCount(int messages, boolean compacts) throws InterruptedException {
        List<Message> history = Script.of("u a ".repeat(messages / 2), SIZE);

        assertThat(compressor.compact(history, 0, WINDOW, summarizer).isPresent()).isEqualTo(compacts);
    }

    @Test
    void forcedCompactionOfAShortConversationHasNothingToDo() throws InterruptedException {
        assertThat(compressor.compact(Script.of("u a u a u a", SIZE), Long.MAX_VALUE, WINDOW, summarizer)).isEmpty();
        assertThat(prompts).isEmpty();
    }

    @Test
    void updatesTheEarlierSummaryInsteadOfSummarisingIt() throws InterruptedException {
        List<Message> history = Script.of("u a u s " + "u a ".repeat(30), SIZE);

        compressor.compact(history, WINDOW, WINDOW, summarizer).orElseThrow();

        assertThat(prompts).singleElement().asString()
                .contains("EARLIER SUMMARY:\n## Goal\nearlier summary 3\n\nNEW TURNS:\n[USER]\nuser 4.")
                .doesNotContain(CompactionBanner.MARKER);
    }

    @Test
    void bulkyOldToolOutputsAreClearedBeforeSummarising() throws InterruptedException {
        List<Message> history = new ArrayList<>(Script.of("u a u " + "c t ".repeat(48) + "a", SIZE));
        history.set(6, Message.toolResult(history.get(6).toolCallId().orElseThrow(), "short output 6"));

        compressor.compact(history, WINDOW, WINDOW, summarizer).orElseThrow();

        // the tail starts at 61; the last 60 messages (40 on) keep their outputs for the summary
        assertThat(prompts).singleElement().asString()
                .contains("[TOOL RESULT terminal]\n" + ContextCompressor.PRUNED_TOOL_OUTPUT + "\n")
                .doesNotContain("output 4.", "output 38.")
                .contains("short output 6", "output 40.", "output 60.");
    }

    static Stream<Exception> summaryFailures() {
        return Stream.of(new ModelException(ModelException.Kind.CONTEXT_LENGTH, "prompt too long"),
                new IllegalStateException("no compression model configured"));
    }

    @ParameterizedTest
    @MethodSource("summaryFailures")
    void failedSummaryDropsTheMiddleWithANote(Exception failure) throws InterruptedException {
        List<Message> history = Script.of("u a ".repeat(25), SIZE);

        Optional<List<Message>> compacted = compressor.compact(history, WINDOW, WINDOW, prompt -> {
            if (failure instanceof ModelException model) {
                throw model;
            }
            throw (RuntimeException) failure;
        });

        List<Message> expected = new ArrayList<>(history.subList(0, 3));
        expected.add(Message.assistant(CompactionBanner.REMOVED));
        expected.addAll(history.subList(30, 50));
        assertThat(compacted).contains(expected);
    }

    @Test
    void failedSummaryKeepsTheEarlierSummary() throws InterruptedException {
        List<Message> history = Script.of("u a u s " + "u a ".repeat(30), SIZE);

        List<Message> compacted = compressor.compact(history, WINDOW, WINDOW, prompt -> {
            throw new ModelException(ModelException.Kind.SERVER, "overloaded");
        }).orElseThrow();

        assertThat(compacted.get(3)).isEqualTo(Message.assistant(CompactionBanner.REMOVED
                + " The summary of the turns before those follows.\n\n## Goal\nearlier summary 3"));
        assertThat(CompactionBanner.summaryOf(compacted.get(3))).contains("## Goal\nearlier summary 3");
    }

    @Test
    void noSummaryIsTriedFor600SecondsAfterAFailure() throws InterruptedException {
        List<Message> history = Script.of("u a ".repeat(25), SIZE);
        compressor.compact(history, WINDOW, WINDOW, prompt -> {
            throw new ModelException(ModelException.Kind.TIMEOUT, "no answer in 120 s");
        });

        clock.advance(Duration.ofSeconds(599));
        assertThat(compressor.compact(history, WINDOW, WINDOW, summarizer).orElseThrow().get(3).text())
                .isEqualTo(CompactionBanner.REMOVED);
        assertThat(prompts).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(compressor.compact(history, WINDOW, WINDOW, summarizer).orElseThrow().get(3))
                .isEqualTo(CompactionBanner.summarised(Role.ASSISTANT, SUMMARY));
        assertThat(prompts).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n "})
    void blankSummaryCountsAsAFailure(String answer) throws InterruptedException {
        List<Message> compacted = compressor.compact(Script.of("u a ".repeat(25), SIZE), WINDOW, WINDOW,
                prompt -> answer).orElseThrow();

        assertThat(compacted.get(3).text()).isEqualTo(CompactionBanner.REMOVED);
    }

    @Test
    void bannerEchoedByTheModelIsNotRepeated() throws InterruptedException {
        List<Message> compacted = compressor.compact(Script.of("u a ".repeat(25), SIZE), WINDOW, WINDOW,
                prompt -> CompactionBanner.SUMMARISED + "\n\n" + SUMMARY + "\n").orElseThrow();

        assertThat(compacted.get(3)).isEqualTo(CompactionBanner.summarised(Role.ASSISTANT, SUMMARY));
    }

    @Test
    void interruptionWhileSummarisingIsPassedOn() {
        assertThatThrownBy(() -> compressor.compact(Script.of("u a ".repeat(25), SIZE), WINDOW, WINDOW, prompt -> {
            throw new InterruptedException();
        })).isInstanceOf(InterruptedException.class);
    }

    @Test
    void unknownContextLengthIsRefused() {
        assertThatThrownBy(() -> compressor.compact(List.of(), 1, 0, summarizer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context length must be positive");
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
