package hermes.runtime.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import hermes.api.Message;
import hermes.api.SessionStore;

/**
 * Conversations kept in memory for the life of the process: the store the runtime falls back to when no persistent one
 * (SQLite, {@code state.db}) is installed. Registered with a low service ranking so any real store wins.
 *
 * <p>Threading: safe for concurrent use; each session's messages are guarded by their own list.
 */
@Component(service = SessionStore.class, property = {"service.ranking:Integer=-100", "hermes.id=memory"})
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
    private final Map<String, String> systemPrompts = new ConcurrentHashMap<>();

    @Override
    public void create(SessionRecord session) {
        sessions.put(session.id(), session);
        messages.putIfAbsent(session.id(), new ArrayList<>());
    }

    @Override
    public void append(String sessionId, List<Message> added) {
        List<Message> list = messages.computeIfAbsent(sessionId, id -> new ArrayList<>());
        synchronized (list) {
            list.addAll(added);
        }
    }

    @Override
    public void saveSystemPrompt(String sessionId, String prompt) {
        systemPrompts.put(sessionId, prompt);
    }

    @Override
    public Optional<String> systemPrompt(String sessionId) {
        return Optional.ofNullable(systemPrompts.get(sessionId));
    }

    @Override
    public void truncate(String sessionId, int keep) {
        List<Message> list = messages.get(sessionId);
        if (list != null) {
            synchronized (list) {
                if (keep < list.size()) {
                    list.subList(keep, list.size()).clear();
                }
            }
        }
    }

    @Override
    public List<Message> messages(String sessionId) {
        List<Message> list = messages.get(sessionId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public Optional<SessionRecord> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<SessionRecord> recent(int limit) {
        return sessions.values().stream().sorted(Comparator.comparing(SessionRecord::startedAt).reversed())
                .limit(limit).toList();
    }

    /** Unique titles, as the persistent store keeps them; a blank title clears it. */
    @Override
    public synchronized void rename(String sessionId, String title) {
        SessionRecord session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("no session " + sessionId + ": list them with /sessions");
        }
        String wanted = title.strip();
        sessions.values().stream().filter(s -> !s.id().equals(sessionId) && s.title().filter(wanted::equals).isPresent())
                .findFirst().ifPresent(holder -> {
                    throw new IllegalArgumentException("the title '" + wanted + "' is taken by session " + holder.id()
                            + ": choose another one");
                });
        sessions.put(sessionId, new SessionRecord(session.id(), session.source(), session.model(),
                wanted.isEmpty() ? Optional.empty() : Optional.of(wanted), session.parentId(), session.startedAt()));
    }

    /** A plain case-insensitive substring search: enough for a store that lives as long as the process. */
    @Override
    public List<SearchHit> search(String query, int limit) {
        String needle = query.toLowerCase(Locale.ROOT);
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<String, List<Message>> entry : messages.entrySet()) {
            List<Message> list = messages(entry.getKey());
            for (int i = 0; i < list.size() && hits.size() < limit; i++) {
                String text = list.get(i).text();
                int at = text.toLowerCase(Locale.ROOT).indexOf(needle);
                if (at >= 0) {
                    hits.add(new SearchHit(entry.getKey(), i,
                            text.substring(Math.max(0, at - 40), Math.min(text.length(), at + needle.length() + 40))));
                }
            }
        }
        return hits;
    }
}
