package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import hermes.api.Caller;
import hermes.api.Channel;

/** A channel that records what it sends, edits and types, and fails on demand: starts, sends, edits, health. */
final class FakeChannel implements Channel {

    private final String platform;
    final List<Outbound> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final AtomicInteger failingStarts = new AtomicInteger();
    final AtomicInteger failingSends = new AtomicInteger();
    final AtomicBoolean unhealthy = new AtomicBoolean();
    final AtomicBoolean sendsFail = new AtomicBoolean();
    /** Sends whose text is here are refused for good. */
    final Set<String> refusedTexts = ConcurrentHashMap.newKeySet();
    /** Whether the channel edits messages ({@link #canEdit()}). */
    volatile boolean edits;
    final AtomicBoolean editsFail = new AtomicBoolean();
    final AtomicBoolean editsRefused = new AtomicBoolean();
    final List<Edit> edited = new CopyOnWriteArrayList<>();
    final AtomicInteger typings = new AtomicInteger();
    /** Sends and edits in order: {@code send m1: text}, {@code edit m1: text}. */
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Thrown by every health check while set. */
    volatile RuntimeException healthFailure;
    private volatile Host host;
    private final AtomicInteger messageIds = new AtomicInteger();

    FakeChannel(String platform) {
        this.platform = platform;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public void start(Host host) throws IOException {
        starts.incrementAndGet();
        if (failingStarts.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IOException(platform + " is unreachable");
        }
        unhealthy.set(false);
        this.host = host;
    }

    @Override
    public void stop() {
        stops.incrementAndGet();
        host = null;
    }

    @Override
    public boolean isHealthy() {
        RuntimeException failure = healthFailure;
        if (failure != null) {
            throw failure;
        }
        return !unhealthy.get();
    }

    @Override
    public String send(Outbound message) throws IOException {
        if (sendsFail.get() || failingSends.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IOException(platform + " did not confirm");
        }
        if (refusedTexts.contains(message.text())) {
            throw new RejectedException("Bad Request: chat not found");
        }
        sent.add(message);
        String id = "m" + messageIds.incrementAndGet();
        log.add("send " + id + ": " + message.text());
        return id;
    }

    @Override
    public void typing(String chatId, Optional<String> threadId) {
        typings.incrementAndGet();
    }

    @Override
    public boolean canEdit() {
        return edits;
    }

    @Override
    public void edit(String chatId, String messageId, String text) throws IOException {
        if (editsRefused.get()) {
            throw new RejectedException("Bad Request: message to edit not found");
        }
        if (editsFail.get()) {
            throw new IOException(platform + " did not confirm the edit");
        }
        edited.add(new Edit(chatId, messageId, text));
        log.add("edit " + messageId + ": " + text);
    }

    /** One edit as the channel received it. */
    record Edit(String chatId, String messageId, String text) {
    }

    Host host() {
        return host;
    }

    /** Delivers a message as the platform would; the channel must be started. */
    void receive(Caller caller, String text) {
        host.receive(new Inbound(caller, "in-" + System.nanoTime(), text, List.of()));
    }

    /** A direct message from {@code user}. */
    void dm(String user, String text) {
        receive(new Caller(platform, Optional.of(user), Optional.empty(), Optional.of(user),
                Caller.Trust.UNTRUSTED), text);
    }

    List<String> texts() {
        return sent.stream().map(Outbound::text).toList();
    }
}
