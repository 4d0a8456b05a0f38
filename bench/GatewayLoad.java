import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load client for the API server: N concurrent users, each in a session of its own, sending non-streaming
 * {@code POST /v1/chat/completions} turns. A user's first request has no {@code X-Hermes-Session-Id} and so creates a
 * stored session; every later one continues it by header, so each turn is persisted and the history grows.
 *
 * <p>Pacing: with {@code --rate R} (turns/s in all) each user sends a turn every {@code sessions / R} seconds from a
 * random start; latency is counted from the moment the turn was due, not from when it was sent, so a server that falls
 * behind shows its queueing in the percentiles (no coordinated omission). The schedule starts afresh when measuring
 * starts, and only turns due from then on are measured: a backlog the warm-up left (session creation, JIT compilation)
 * is not carried into the measured window, whose queueing is the server's at that rate. With {@code --rate 0} every
 * user sends its
 * next turn as soon as the last is answered (closed loop: the server's capacity at this concurrency).
 *
 * <p>Run with the JDK's source launcher, no dependencies:
 * {@code java bench/GatewayLoad.java --url http://127.0.0.1:8642 --key KEY [--sessions 1000] [--seconds 60]
 * [--warmup 10] [--rate 400]}
 */
public final class GatewayLoad {

    private static final String SESSION_HEADER = "X-Hermes-Session-Id";

    record Options(URI endpoint, String key, int sessions, int seconds, int warmup, double rate, Duration timeout) {

        static Options parse(String[] args) {
            Map<String, String> values = new TreeMap<>(Map.of("--sessions", "1000", "--seconds", "60",
                    "--warmup", "10", "--rate", "400", "--timeout", "30"));
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
                }
                values.put(args[i], args[i + 1]);
            }
            for (String required : List.of("--url", "--key")) {
                if (!values.containsKey(required)) {
                    throw new IllegalArgumentException(required + " is required");
                }
            }
            return new Options(URI.create(values.get("--url").replaceAll("/+$", "") + "/v1/chat/completions"),
                    values.get("--key"), Integer.parseInt(values.get("--sessions")),
                    Integer.parseInt(values.get("--seconds")), Integer.parseInt(values.get("--warmup")),
                    Double.parseDouble(values.get("--rate")),
                    Duration.ofSeconds(Long.parseLong(values.get("--timeout"))));
        }
    }

    /** What one user saw in the measured window; merged after the run. */
    static final class Tally {
        long[] latencyNanos = new long[64];
        long[] serviceNanos = new long[64];
        int count;

        void add(long latency, long service) {
            if (count == latencyNanos.length) {
                latencyNanos = Arrays.copyOf(latencyNanos, count * 2);
                serviceNanos = Arrays.copyOf(serviceNanos, count * 2);
            }
            latencyNanos[count] = latency;
            serviceNanos[count++] = service;
        }
    }

    private final Options options;
    private final HttpClient http;
    private final long measureFrom;
    private final long measureUntil;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();
    private final LongAdder warmupTurns = new LongAdder();
    private final LongAdder sessionsCreated = new LongAdder();

    private GatewayLoad(Options options, HttpClient http, long start) {
        this.options = options;
        this.http = http;
        this.measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmup());
        this.measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds());
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("GatewayLoad: " + e.getMessage());
            System.err.println("usage: java bench/GatewayLoad.java --url http://127.0.0.1:PORT --key KEY"
                    + " [--sessions N] [--seconds N] [--warmup N] [--rate TURNS_PER_S, 0 = closed loop]"
                    + " [--timeout S]");
            System.exit(2);
            return;
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            GatewayLoad load = new GatewayLoad(options, http, System.nanoTime());
            System.out.printf("load: %d sessions, %s, %d s warm-up + %d s measured, endpoint %s%n",
                    options.sessions(), options.rate() > 0 ? "paced at " + options.rate() + " turns/s in all"
                            : "closed loop (no think time)", options.warmup(), options.seconds(), options.endpoint());
            List<Tally> tallies = new ArrayList<>();
            List<java.util.concurrent.Future<?>> users = new ArrayList<>();
            for (int i = 0; i < options.sessions(); i++) {
                Tally tally = new Tally();
                tallies.add(tally);
                int user = i;
                users.add(threads.submit(() -> {
                    load.user(user, tally);
                    return null;
                }));
            }
            for (var user : users) {
                user.get();
            }
            load.report(tallies);
        }
    }

    private void user(int user, Tally tally) throws InterruptedException {
        long interval = options.rate() > 0 ? (long) (options.sessions() / options.rate() * 1e9) : 0;
        long due = System.nanoTime() + (interval > 0 ? ThreadLocalRandom.current().nextLong(interval) : 0);
        String session = null;
        int turn = 0;
        boolean measuring = false;
        while (due < measureUntil) {
            if (!measuring && interval > 0 && System.nanoTime() >= measureFrom) {
                measuring = true;
                due = Math.max(due, measureFrom + ThreadLocalRandom.current().nextLong(interval));
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sent = System.nanoTime();
            String body = "{\"model\":\"hermes-agent\",\"messages\":[{\"role\":\"user\",\"content\":\"user " + user
                    + " turn " + ++turn + ": say something short\"}]}";
            HttpRequest.Builder request = HttpRequest.newBuilder(options.endpoint()).timeout(options.timeout())
                    .header("Authorization", "Bearer " + options.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (session != null) {
                request.header(SESSION_HEADER, session);
            }
            String outcome;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                outcome = response.statusCode() == 200 ? "" : "HTTP " + response.statusCode();
                if (outcome.isEmpty() && session == null) {
                    session = response.headers().firstValue(SESSION_HEADER).orElse(null);
                    sessionsCreated.increment();
                }
                if (!outcome.isEmpty()) {
                    errorSamples.putIfAbsent(outcome, response.body());
                }
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
                errorSamples.putIfAbsent(outcome, String.valueOf(e.getMessage()));
            }
            long done = System.nanoTime();
            boolean measured = interval > 0 ? due >= measureFrom : done >= measureFrom;
            if (measured && done < measureUntil) {
                if (outcome.isEmpty()) {
                    tally.add(done - Math.min(due, sent), done - sent);
                } else {
                    errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                }
            } else if (!measured && outcome.isEmpty()) {
                warmupTurns.increment();
            }
            due = interval > 0 ? due + interval : done;
        }
    }

    private void report(List<Tally> tallies) {
        int total = tallies.stream().mapToInt(t -> t.count).sum();
        long[] latency = new long[total];
        long[] service = new long[total];
        int at = 0;
        for (Tally tally : tallies) {
            System.arraycopy(tally.latencyNanos, 0, latency, at, tally.count);
            System.arraycopy(tally.serviceNanos, 0, service, at, tally.count);
            at += tally.count;
        }
        Arrays.sort(latency);
        Arrays.sort(service);
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("sessions created: %d of %d; warm-up turns: %d%n", sessionsCreated.sum(),
                options.sessions(), warmupTurns.sum());
        System.out.printf("measured: %d turns in %d s = %.1f turns/s; errors: %d%n", total, options.seconds(),
                total / (double) options.seconds(), errorCount);
        System.out.println("latency from due time (ms): " + percentiles(latency));
        System.out.println("service time from send (ms): " + percentiles(service));
        System.out.printf("load client CPU: %.1f s%n", ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0).orElse(Double.NaN));
        errors.forEach((outcome, count) -> System.out.printf("  %s: %d (e.g. %s)%n", outcome, count.sum(),
                abbreviate(errorSamples.getOrDefault(outcome, ""))));
    }

    private static String percentiles(long[] sorted) {
        if (sorted.length == 0) {
            return "no samples";
        }
        return "p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f".formatted(at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
