package hermes.plugin.store.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import hermes.api.Message;
import hermes.api.ToolCall;
import hermes.api.ToolResult;
import hermes.testing.FakeToolContext;

/**
 * The store's write and search benchmark (run by {@code bench/store}; not a unit test).
 *
 * <ol>
 *   <li>Fills a fresh {@code state.db} through {@link SqliteSessionStore#append} with one message per call, so one
 *       commit per message with the production pragmas, and reports messages per second overall and over the last
 *       100,000.</li>
 *   <li>Runs {@code session_search} discovery through {@link SessionSearchTool#call} (snippets, bookends, windows and
 *       lineage dedupe included) for single words from three frequency bands and reports p50/p99 per band and
 *       overall.</li>
 * </ol>
 *
 * <p>Options: {@code --messages N} (default 1,000,000), {@code --queries N} per band (default 300), {@code --db PATH}
 * to keep the database at PATH ({@code --search-only} then reuses it), {@code --seed N}.
 */
public final class StoreBenchmark {

    private static final int TAIL = 100_000;
    private static final int PROGRESS_EVERY = 100_000;
    private static final int WARM_UP_QUERIES = 500;

    private StoreBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = options(arguments);
        int messages = Integer.parseInt(options.getOrDefault("messages", "1000000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "300"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        boolean keep = options.containsKey("db");
        Path file = keep ? Path.of(options.get("db")) : Files.createTempDirectory("hermes-bench").resolve("state.db");
        BenchmarkCorpus corpus = new BenchmarkCorpus(seed);

        String lastSession;
        if (options.containsKey("search-only")) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--search-only reads the database of an earlier run: give its "
                        + "--db PATH");
            }
            try (SqliteSessionStore store = new SqliteSessionStore(file)) {
                lastSession = store.recent(1).getFirst().id();
            }
        } else {
            delete(file);
            lastSession = insert(file, corpus, messages);
        }
        search(file, corpus, queries, lastSession, new SplittableRandom(seed + 1));
        if (!keep) {
            delete(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    /** The database with its WAL and shared-memory files: a WAL left behind would be replayed into the next one. */
    private static void delete(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    /** Writes the corpus one message per commit; returns the last session's id. */
    private static String insert(Path file, BenchmarkCorpus corpus, int messages) throws IOException {
        List<BenchmarkCorpus.PlannedSession> plan = corpus.plan(messages);
        System.out.printf(Locale.ROOT, "insert: %,d messages in %,d sessions into %s%n", messages, plan.size(), file);
        long start = System.nanoTime();
        long tailStart = start;
        int written = 0;
        String last = "";
        try (SqliteSessionStore store = new SqliteSessionStore(file)) {
            for (BenchmarkCorpus.PlannedSession session : plan) {
                store.create(session.record());
                Message previous = null;
                for (int i = 0; i < session.messages(); i++) {
                    Message message = corpus.message(i, previous);
                    store.append(session.record().id(), List.of(message));
                    previous = message;
                    written++;
                    if (written == messages - TAIL) {
                        tailStart = System.nanoTime();
                    }
                    if (written % PROGRESS_EVERY == 0) {
                        System.out.printf(Locale.ROOT, "  %,d messages, %,.0f msg/s so far%n", written,
                                rate(written, start));
                    }
                }
                if (session.compressedIntoNext()) {
                    store.end(session.record().id(), "compression");
                }
                last = session.record().id();
            }
        }
        System.out.printf(Locale.ROOT, "insert: %,.0f msg/s overall, %,.0f msg/s over the last %,d%n",
                rate(written, start), rate(Math.min(TAIL, written), tailStart), Math.min(TAIL, written));
        return last;
    }

    /** Discovery latency for single words of three frequency bands, through the tool's own code path. */
    private static void search(Path file, BenchmarkCorpus corpus, int queries, String currentSession,
                               SplittableRandom random) throws Exception {
        Map<String, int[]> bands = new LinkedHashMap<>();
        bands.put("common (ranks 1-100)", new int[] {0, 100});
        bands.put("mid (ranks 1,000-5,000)", new int[] {999, 5_000});
        bands.put("rare (ranks 20,000-50,000)", new int[] {19_999, BenchmarkCorpus.VOCABULARY});
        try (SqliteSessionStore store = new SqliteSessionStore(file)) {
            SessionSearchTool tool = new SessionSearchTool(store);
            FakeToolContext context = new FakeToolContext(file.getParent());
            // the newest session asks, as in a live conversation: its own matches are skipped
            context.withSessionId(currentSession);
            // steady state: the JIT has compiled the search path before anything is timed
            for (int warmUp = 0; warmUp < WARM_UP_QUERIES; warmUp++) {
                discover(tool, context, corpus.wordOfRank(random.nextInt(0, BenchmarkCorpus.VOCABULARY)));
            }
            List<Long> all = new ArrayList<>();
            for (Map.Entry<String, int[]> band : bands.entrySet()) {
                long[] nanos = new long[queries];
                int empty = 0;
                for (int q = 0; q < queries; q++) {
                    String word = corpus.wordOfRank(random.nextInt(band.getValue()[0], band.getValue()[1]));
                    long start = System.nanoTime();
                    ToolResult result = discover(tool, context, word);
                    nanos[q] = System.nanoTime() - start;
                    if (result.error()) {
                        throw new IllegalStateException("discovery of " + word + " failed: " + result.content());
                    }
                    if (result.content().contains("\"count\":0")) {
                        empty++;
                    }
                    all.add(nanos[q]);
                }
                report(band.getKey(), nanos, empty);
            }
            report("overall", all.stream().mapToLong(Long::longValue).toArray(), 0);
        }
    }

    private static ToolResult discover(SessionSearchTool tool, FakeToolContext context, String word)
            throws InterruptedException {
        return tool.call(new ToolCall("bench", "session_search", "{\"query\":\"" + word + "\"}"), context);
    }

    private static void report(String band, long[] nanos, int empty) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "discovery %-28s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d queries%s)%n",
                band, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                sorted.length, empty > 0 ? ", " + empty + " without results" : "");
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            String name = arguments[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name
                        + "; options: --messages N --queries N --db PATH --search-only --seed N");
            }
            boolean flag = name.equals("--search-only");
            options.put(name.substring(2), flag ? "true" : arguments[++i]);
        }
        return options;
    }
}
