package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DM pairing, in the original's files under {@code $HERMES_HOME/platforms/pairing/}: an unknown sender gets a one-time
 * code, the owner approves it with {@code hermes pairing approve <platform> <code>}.
 *
 * <p>Codes are 8 characters from an alphabet without 0/O/1/I, drawn with {@link SecureRandom}; only a salted SHA-256
 * of a code is stored ({@code <platform>-pending.json}, keyed by a random request id) and codes are never logged.
 * Limits: a code lives 1 hour, one request per user per 10 minutes, 3 pending codes per platform, and 5 wrong codes in
 * a row lock approvals for the platform for an hour ({@code _rate_limits.json}). Approved users are in
 * {@code <platform>-approved.json}. Files are 0600 and written atomically.
 *
 * <p>Threading: any thread, and several processes at once (the gateway issues codes while {@code hermes pairing}
 * approves them): every read-modify-write holds a lock file.
 */
final class PairingStore {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    static final Duration CODE_TTL = Duration.ofHours(1);
    static final Duration RATE_LIMIT = Duration.ofMinutes(10);
    static final Duration LOCKOUT = Duration.ofHours(1);
    static final int MAX_PENDING_PER_PLATFORM = 3;
    static final int MAX_FAILED_APPROVALS = 5;

    private static final System.Logger LOG = System.getLogger(PairingStore.class.getName());
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    /** What an approval attempt came to. */
    sealed interface Approval {
        record Approved(String platform, String userId, String userName) implements Approval {
        }

        record Invalid() implements Approval {
        }

        record LockedOut(Instant until) implements Approval {
        }
    }

    record Pending(String platform, String requestId, String userId, String userName, Instant created) {
    }

    record ApprovedUser(String platform, String userId, String userName, Instant approvedAt) {
    }

    private final Path directory;
    private final InstantSource clock;
    private final SecureRandom random;

    PairingStore(Path directory, InstantSource clock, SecureRandom random) {
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    /** The store of {@code home}. */
    static PairingStore in(Path home) {
        return new PairingStore(home.resolve("platforms").resolve("pairing"), InstantSource.system(),
                new SecureRandom());
    }

    /**
     * A new code for an unknown sender, or empty when none may be issued now (the sender asked within the last 10
     * minutes, the platform has 3 codes pending, or approvals are locked out).
     */
    Optional<String> requestCode(String platform, String userId, String userName) throws IOException {
        checkPlatform(platform);
        return locked(() -> {
            Instant now = clock.instant();
            ObjectNode pending = livePending(platform, now);
            ObjectNode limits = JsonFiles.readObject(rateLimits());
            String refusal = lockedOutUntil(limits, platform, now).map(until -> "approvals are locked out")
                    .or(() -> since(limits, platform + ":" + userId, now).filter(age -> age.compareTo(RATE_LIMIT) < 0)
                            .map(age -> "the sender asked less than 10 minutes ago"))
                    .or(() -> pending.size() >= MAX_PENDING_PER_PLATFORM
                            ? Optional.of(MAX_PENDING_PER_PLATFORM + " codes are pending") : Optional.empty())
                    .orElse(null);
            if (refusal != null) {
                LOG.log(System.Logger.Level.INFO, "no pairing code for " + platform + " user " + userId + ": "
                        + refusal);
                return Optional.empty();
            }
            String code = newCode();
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            ObjectNode entry = pending.putObject(randomHex(8));
            entry.put("hash", hash(code, salt));
            entry.put("salt", HEX.formatHex(salt));
            entry.put("user_id", userId);
            entry.put("user_name", userName);
            entry.put("created_at", seconds(now));
            JsonFiles.write(pendingFile(platform), pending, true);
            limits.put(platform + ":" + userId, seconds(now));
            JsonFiles.write(rateLimits(), limits, true);
            return Optional.of(code);
        });
    }

    /** Approves the sender who was given {@code code}; a wrong code counts towards the lockout. */
    Approval approve(String platform, String code) throws IOException {
        checkPlatform(platform);
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return locked(() -> {
            Instant now = clock.instant();
            ObjectNode limits = JsonFiles.readObject(rateLimits());
            Optional<Instant> lockedOut = lockedOutUntil(limits, platform, now);
            if (lockedOut.isPresent()) {
                return new Approval.LockedOut(lockedOut.get());
            }
            ObjectNode pending = livePending(platform, now);
            for (Iterator<Map.Entry<String, JsonNode>> it = pending.fields(); it.hasNext(); ) {
                JsonNode entry = it.next().getValue();
                if (matches(entry, wanted)) {
                    it.remove();
                    JsonFiles.write(pendingFile(platform), pending, true);
                    limits.put("_failures:" + platform, 0);
                    JsonFiles.write(rateLimits(), limits, true);
                    String userId = entry.path("user_id").asText();
                    String userName = entry.path("user_name").asText("");
                    ObjectNode approved = JsonFiles.readObject(approvedFile(platform));
                    ObjectNode user = approved.putObject(userId);
                    user.put("user_name", userName);
                    user.put("approved_at", seconds(now));
                    JsonFiles.write(approvedFile(platform), approved, true);
                    return new Approval.Approved(platform, userId, userName);
                }
            }
            int failures = limits.path("_failures:" + platform).asInt(0) + 1;
            if (failures >= MAX_FAILED_APPROVALS) {
                limits.put("_lockout:" + platform, seconds(now.plus(LOCKOUT)));
                failures = 0;
                LOG.log(System.Logger.Level.WARNING, "pairing approvals for " + platform + " are locked for 1 hour after "
                        + MAX_FAILED_APPROVALS + " wrong codes");
            }
            limits.put("_failures:" + platform, failures);
            JsonFiles.write(rateLimits(), limits, true);
            return new Approval.Invalid();
        });
    }

    /** Removes an approved user; false when the user was not approved. */
    boolean revoke(String platform, String userId) throws IOException {
        checkPlatform(platform);
        return locked(() -> {
            ObjectNode approved = JsonFiles.readObject(approvedFile(platform));
            if (approved.remove(userId) == null) {
                return false;
            }
            JsonFiles.write(approvedFile(platform), approved, true);
            return true;
        });
    }

    boolean isApproved(String platform, String userId) throws IOException {
        checkPlatform(platform);
        return JsonFiles.readObject(approvedFile(platform)).has(userId);
    }

    /** Pending requests of every platform (never their codes). */
    List<Pending> pending() throws IOException {
        return locked(() -> {
            Instant now = clock.instant();
            List<Pending> all = new ArrayList<>();
            for (String platform : platforms("-pending.json")) {
                livePending(platform, now).fields().forEachRemaining(request -> all.add(new Pending(platform,
                        request.getKey(), request.getValue().path("user_id").asText(),
                        request.getValue().path("user_name").asText(""),
                        instant(request.getValue().path("created_at").asDouble()))));
            }
            return all;
        });
    }

    /** Approved users of every platform. */
    List<ApprovedUser> approved() throws IOException {
        List<ApprovedUser> all = new ArrayList<>();
        for (String platform : platforms("-approved.json")) {
            JsonFiles.readObject(approvedFile(platform)).fields().forEachRemaining(user -> all.add(new ApprovedUser(
                    platform, user.getKey(), user.getValue().path("user_name").asText(""),
                    instant(user.getValue().path("approved_at").asDouble()))));
        }
        return all;
    }

    /** The pending codes of {@code platform} that have not expired; expired ones are removed from the file. */
    private ObjectNode livePending(String platform, Instant now) throws IOException {
        ObjectNode pending = JsonFiles.readObject(pendingFile(platform));
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = pending.fields(); it.hasNext(); ) {
            JsonNode created = it.next().getValue().path("created_at");
            if (!created.isNumber() || Duration.between(instant(created.asDouble()), now).compareTo(CODE_TTL) > 0) {
                it.remove();
                changed = true;
            }
        }
        if (changed) {
            JsonFiles.write(pendingFile(platform), pending, true);
        }
        return pending;
    }

    private boolean matches(JsonNode entry, String code) {
        if (!entry.path("hash").isTextual() || !entry.path("salt").isTextual()) {
            return false;
        }
        try {
            byte[] salt = HEX.parseHex(entry.path("salt").asText());
            return MessageDigest.isEqual(hash(code, salt).getBytes(StandardCharsets.US_ASCII),
                    entry.path("hash").asText().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static Optional<Instant> lockedOutUntil(ObjectNode limits, String platform, Instant now) {
        JsonNode until = limits.path("_lockout:" + platform);
        return until.isNumber() && instant(until.asDouble()).isAfter(now) ? Optional.of(instant(until.asDouble()))
                : Optional.empty();
    }

    private static Optional<Duration> since(ObjectNode limits, String key, Instant now) {
        JsonNode at = limits.path(key);
        return at.isNumber() ? Optional.of(Duration.between(instant(at.asDouble()), now)) : Optional.empty();
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        random.nextBytes(id);
        return HEX.formatHex(id);
    }

    private static String hash(String code, byte[] salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HEX.formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private List<String> platforms(String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .filter(name -> PLATFORM.matcher(name).matches()).sorted().toList();
        }
    }

    private static void checkPlatform(String platform) {
        if (!PLATFORM.matcher(platform).matches()) {
            throw new IllegalArgumentException("'" + platform + "' is not a platform name (lower-case letters, digits"
                    + " and _ only, e.g. telegram)");
        }
    }

    private Path pendingFile(String platform) {
        return directory.resolve(platform + "-pending.json");
    }

    private Path approvedFile(String platform) {
        return directory.resolve(platform + "-approved.json");
    }

    private Path rateLimits() {
        return directory.resolve("_rate_limits.json");
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static Instant instant(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }

    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding this store's monitor and the directory's lock file (other processes). Another store
     * on the same directory in this process holds the file lock only briefly, so an overlap is waited out.
     */
    private synchronized <T> T locked(LockedWork<T> work) throws IOException {
        Files.createDirectories(directory);
        try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockWithin(lockFile)) {
            return work.run();
        }
    }

    private static FileLock lockWithin(FileChannel lockFile) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return lockFile.lock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the pairing files stayed locked for " + LOCK_WAIT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the pairing files", e);
                }
            }
        }
    }
}
