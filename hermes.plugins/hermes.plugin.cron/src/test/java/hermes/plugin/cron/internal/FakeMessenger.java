package hermes.plugin.cron.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import hermes.api.Channel;
import hermes.api.Messenger;

/** Records what would go to the gateway's outbox; fails on demand. */
final class FakeMessenger implements Messenger {

    /** One queued message. */
    record Sent(String platform, Channel.Outbound message) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Map<String, String> homeChats = new ConcurrentHashMap<>();
    volatile boolean failing;

    @Override
    public void send(String platform, Channel.Outbound message) throws IOException {
        if (failing) {
            throw new IOException("the outbox of " + platform + " is full");
        }
        sent.add(new Sent(platform, message));
    }

    @Override
    public Optional<String> homeChat(String platform) {
        return Optional.ofNullable(homeChats.get(platform));
    }
}
