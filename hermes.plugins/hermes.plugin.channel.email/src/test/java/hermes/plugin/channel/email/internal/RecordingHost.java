package hermes.plugin.channel.email.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import hermes.api.Channel;

/** A gateway stand-in: settings from a map, inbound messages into a queue. */
final class RecordingHost implements Channel.Host {

    private final Map<String, String> settings;
    private final BlockingQueue<Channel.Inbound> received = new LinkedBlockingQueue<>();

    RecordingHost(Map<String, String> settings) {
        this.settings = new HashMap<>(settings);
    }

    RecordingHost with(String key, String value) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(key, value);
        return new RecordingHost(changed);
    }

    @Override
    public void receive(Channel.Inbound message) {
        received.add(message);
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    Channel.Inbound next() throws InterruptedException {
        Channel.Inbound message = received.poll(20, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no inbound message within 20 s");
        }
        return message;
    }

    boolean nothingMore() throws InterruptedException {
        return received.poll(1, TimeUnit.SECONDS) == null;
    }
}
