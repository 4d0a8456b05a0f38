package hermes.runtime.internal.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import hermes.api.MemoryStore;

/** A {@link MemoryStore} over a map, for tests of the prompt's memory snapshot; a test changes it between turns. */
final class MapMemory implements MemoryStore {

    private final Map<Target, List<String>> entries = new ConcurrentHashMap<>();

    MapMemory(List<String> memory, List<String> user) {
        entries.put(Target.MEMORY, List.copyOf(memory));
        entries.put(Target.USER, List.copyOf(user));
    }

    @Override
    public List<String> read(Target target) {
        return entries.get(target);
    }

    @Override
    public void write(Target target, List<String> written) {
        entries.put(target, List.copyOf(written));
    }
}
