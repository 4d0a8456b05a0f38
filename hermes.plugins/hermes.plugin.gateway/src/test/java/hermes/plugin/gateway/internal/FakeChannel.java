package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import hermes.api.Caller;
import hermes.api.Channel;

/** A channel that records what it sends and fails on demand: starts, sends, health. */
final class FakeChannel implements Channel {

    private final String platform;
    final List<Outbound> sent = new CopyOnWriteArrayList<>();
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();
    final AtomicInteger failingStarts = new AtomicInteger();
    final AtomicInteger failingSends = new AtomicInteger();
    final AtomicBoolean unhealthy = new AtomicBoolean();
    final AtomicBoolean sendsFail = new AtomicBoolean();
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
        sent.add(message);
        return "m" + messageIds.incrementAndGet();
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
