package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import hermes.api.Caller;

/**
 * Which stored session each chat continues: session key → current session id, in the original's
 * {@code $HERMES_HOME/sessions/sessions.json} (an object keyed by session key; entries keep the original's field names,
 * and fields this gateway does not use are kept as they are, so the original can still read the file). Timestamps are
 * local times without an offset, as the original writes them.
 *
 * <p>Changes are written atomically by a background writer that coalesces bursts (one write per burst, not per
 * message); {@link #flush()} writes what is pending before the gateway stops.
 *
 * <p>Threading: any thread.
 */
final class ChatRouter implements AutoCloseable {

    /** One chat's route. */
    record Route(String key, String sessionId, Instant createdAt, Instant updatedAt) {
    }

    private static final System.Logger LOG = System.getLogger(ChatRouter.class.getName());
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final Path file;
    private final ZoneId zone;
    /** Every entry of the file, including ones this gateway does not use ({@code _readme} and the like). */
    private final Map<String, JsonNode> entries = new LinkedHashMap<>();
    private boolean dirty;
    private boolean writing;

    private ChatRouter(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** Loads {@code sessions/sessions.json} of {@code home} (a missing file is an empty router). */
    static ChatRouter open(Path home, ZoneId zone) throws IOException {
        ChatRouter router = new ChatRouter(home.resolve("sessions").resolve("sessions.json"), zone);
        JsonFiles.readObject(router.file).fields().forEachRemaining(entry -> router.entries.put(entry.getKey(),
                entry.getValue()));
        return router;
    }

    synchronized Optional<Route> find(String key) {
        JsonNode entry = entries.get(key);
        if (entry == null || key.startsWith("_") || !entry.path("session_id").isTextual()) {
            return Optional.empty();
        }
        Instant updated = instant(entry.path("updated_at")).orElse(Instant.EPOCH);
        return Optional.of(new Route(key, entry.path("session_id").asText(),
                instant(entry.path("created_at")).orElse(updated), updated));
    }

    /** Points {@code key} at a new session (a first message, a reset, {@code /new}). */
    synchronized void bind(String key, String sessionId, Caller caller, ChatType type, Instant now,
                           boolean autoReset) {
        ObjectNode entry = JsonFiles.MAPPER.createObjectNode();
        entry.put("session_key", key);
        entry.put("session_id", sessionId);
        entry.put("created_at", local(now));
        entry.put("updated_at", local(now));
        entry.putNull("display_name");
        entry.put("platform", caller.platform());
        entry.put("chat_type", type.key());
        entry.putObject("metadata");
        entry.put("was_auto_reset", autoReset);
        ObjectNode origin = entry.putObject("origin");
        origin.put("platform", caller.platform());
        origin.put("chat_id", caller.chatId().or(caller::userId).orElse(""));
        origin.putNull("chat_name");
        origin.put("chat_type", type.key());
        origin.put("user_id", caller.userId().orElse(null));
        origin.putNull("user_name");
        origin.put("thread_id", caller.threadId().orElse(null));
        origin.putNull("chat_topic");
        entries.put(key, entry);
        persistSoon();
    }

    /** Records activity on {@code key} now (the idle rule counts from here). */
    synchronized void touch(String key, Instant now) {
        if (entries.get(key) instanceof ObjectNode entry) {
            entry.put("updated_at", local(now));
            persistSoon();
        }
    }

    /** The conversation of {@code key} continues under a new id (compaction, a new conversation in the runtime). */
    synchronized void rebind(String key, String sessionId) {
        if (entries.get(key) instanceof ObjectNode entry && !sessionId.equals(entry.path("session_id").asText())) {
            entry.put("session_id", sessionId);
            persistSoon();
        }
    }

    /** Writes pending changes now. */
    void flush() {
        ObjectNode snapshot;
        synchronized (this) {
            while (writing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!dirty) {
                return;
            }
            snapshot = snapshot();
            dirty = false;
        }
        if (!write(snapshot)) {
            synchronized (this) {
                dirty = true;
            }
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void persistSoon() {
        dirty = true;
        if (!writing) {
            writing = true;
            Thread.ofVirtual().name("hermes-gateway-sessions-json").start(this::writeWhileDirty);
        }
    }

    private void writeWhileDirty() {
        while (true) {
            ObjectNode snapshot;
            synchronized (this) {
                if (!dirty) {
                    writing = false;
                    notifyAll();
                    return;
                }
                snapshot = snapshot();
                dirty = false;
            }
            if (!write(snapshot)) {
                // the next change (or the flush at stop) tries again
                synchronized (this) {
                    dirty = true;
                    writing = false;
                    notifyAll();
                    return;
                }
            }
        }
    }

    private ObjectNode snapshot() {
        ObjectNode all = JsonFiles.MAPPER.createObjectNode();
        entries.forEach((key, entry) -> all.set(key, entry.deepCopy()));
        return all;
    }

    private boolean write(ObjectNode snapshot) {
        try {
            JsonFiles.write(file, snapshot, false);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + file + " (a chat may start a new conversation"
                    + " after a restart): " + e.getMessage());
            return false;
        }
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).format(LOCAL_TIME);
    }

    private Optional<Instant> instant(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
        } catch (DateTimeParseException noOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value.asText()).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
