package hermes.plugin.channel.telegram.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import hermes.api.Channel;

/** A gateway stand-in: fixed settings, and every inbound message kept in arrival order. */
final class TestHost implements Channel.Host {

    private final Map<String, String> settings;
    private final BlockingQueue<Channel.Inbound> received = new LinkedBlockingQueue<>();

    TestHost(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void receive(Channel.Inbound message) {
        received.add(message);
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The next inbound message; fails the test when none comes within {@code wait}. */
    Channel.Inbound next(Duration wait) throws InterruptedException {
        Channel.Inbound message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no inbound message arrived within " + wait.toMillis() + " ms");
        }
        return message;
    }

    /** Whether any message is waiting (for tests that expect none). */
    boolean hasReceived() {
        return !received.isEmpty();
    }
}
