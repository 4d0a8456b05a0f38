package hermes.api;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The agent's curated memory: the {@code memory} store (its notes, {@code memories/MEMORY.md}) and the {@code user}
 * store (what it knows about the user, {@code memories/USER.md}). Entries are short texts; the runtime enforces the
 * character limits and the threat scanner before anything is written.
 *
 * <p>Threading: any thread. {@link #write} replaces the whole store atomically and must not lose a concurrent writer's
 * entries silently (lock, or detect the change and fail).
 */
@ConsumerType
public interface MemoryStore {

    /** The store's entries in order. */
    List<String> read(Target target) throws IOException;

    /** Replaces the store's entries, atomically. */
    void write(Target target, List<String> entries) throws IOException;

    /** The two stores. */
    enum Target { MEMORY, USER }
}
