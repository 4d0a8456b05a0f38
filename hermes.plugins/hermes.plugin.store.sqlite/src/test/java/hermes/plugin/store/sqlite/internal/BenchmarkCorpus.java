package hermes.plugin.store.sqlite.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import hermes.api.ContentPart;
import hermes.api.Message;
import hermes.api.SessionStore.SessionRecord;
import hermes.api.ToolCall;

/**
 * The synthetic history {@link StoreBenchmark} writes: made-up words drawn from a Zipf-like distribution (a few words
 * in almost every message, a long tail of rare ones, as in real text), in sessions of 20–200 messages with some
 * compression chains, titles and a hidden source. Deterministic for a seed, so runs compare.
 */
final class BenchmarkCorpus {

    static final int VOCABULARY = 50_000;
    static final int WORDS_PER_MESSAGE = 30;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final String CONSONANTS = "bdfghklmnprstvz";
    private static final String VOWELS = "aeiou";

    /** One session to write: its record, how many messages it gets, and whether it ends by compression. */
    record PlannedSession(SessionRecord record, int messages, boolean compressedIntoNext) {
    }

    private final SplittableRandom random;
    private final double[] cumulative = new double[VOCABULARY];
    private final String[] words = new String[VOCABULARY];

    BenchmarkCorpus(long seed) {
        this.random = new SplittableRandom(seed);
        double total = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            total += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = total;
            words[rank] = word(rank);
        }
        for (int rank = 0; rank < VOCABULARY; rank++) {
            cumulative[rank] /= total;
        }
    }

    /** The word of a frequency rank (0 = most common). */
    String wordOfRank(int rank) {
        return words[rank];
    }

    /** Sessions until {@code messages} messages are planned, oldest first, ids in the original's format. */
    List<PlannedSession> plan(int messages) {
        List<PlannedSession> sessions = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        int planned = 0;
        String previous = null;
        boolean previousCompressed = false;
        Optional<String> previousTitle = Optional.empty();
        int chainLength = 1;
        for (int index = 0; planned < messages; index++) {
            int size = Math.min(random.nextInt(20, 201), messages - planned);
            Instant startedAt = start.plusSeconds(index * 3_600L);
            String id = String.format("%s_%06x", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                    .withZone(java.time.ZoneOffset.UTC).format(startedAt), index & 0xFFFFFF);
            Optional<String> parent = previousCompressed ? Optional.of(previous) : Optional.empty();
            Optional<String> title;
            if (previousCompressed && previousTitle.isPresent()) {
                chainLength++;
                title = Optional.of(previousTitle.get().replaceAll(" #\\d+$", "") + " #" + chainLength);
            } else {
                chainLength = 1;
                title = random.nextInt(4) == 0 ? Optional.of("Project " + index) : Optional.empty();
            }
            String source = random.nextInt(50) == 0 ? "tool" : random.nextInt(5) == 0 ? "telegram" : "cli";
            boolean compressed = random.nextInt(10) == 0;
            sessions.add(new PlannedSession(new SessionRecord(id, source, "bench/model", title, parent, startedAt),
                    size, compressed));
            planned += size;
            previous = id;
            previousCompressed = compressed;
            previousTitle = title;
        }
        return sessions;
    }

    /**
     * The {@code index}-th message of a session: user and assistant turns alternate; one assistant turn in ten calls a
     * tool, and the next message is that tool's result.
     */
    Message message(int index, Message previous) {
        if (previous != null && !previous.toolCalls().isEmpty()) {
            return Message.toolResult(previous.toolCalls().getFirst().id(), text());
        }
        if (index % 2 == 0) {
            return Message.user(text());
        }
        if (random.nextInt(10) == 0) {
            return new Message(Message.Role.ASSISTANT, List.of(new ContentPart.Text(text())),
                    List.of(new ToolCall("call_" + index, "terminal", "{\"command\":\"ls\"}")), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        return Message.assistant(text());
    }

    private String text() {
        StringBuilder text = new StringBuilder(WORDS_PER_MESSAGE * 7);
        for (int i = 0; i < WORDS_PER_MESSAGE; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(words[sampleRank()]);
        }
        return text.toString();
    }

    private int sampleRank() {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(found >= 0 ? found : -found - 1, VOCABULARY - 1);
    }

    /** Two or three syllables spelled from the rank: distinct, pronounceable, one unicode61 token each. */
    private static String word(int rank) {
        int syllables = CONSONANTS.length() * VOWELS.length();
        StringBuilder word = new StringBuilder();
        for (int value = rank + syllables; value > 0; value /= syllables) {
            int syllable = value % syllables;
            word.append(CONSONANTS.charAt(syllable / VOWELS.length())).append(VOWELS.charAt(syllable % VOWELS.length()));
        }
        return word.toString();
    }
}
