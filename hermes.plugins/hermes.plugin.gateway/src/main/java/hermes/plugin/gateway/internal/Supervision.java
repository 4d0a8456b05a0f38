package hermes.plugin.gateway.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import hermes.api.Channel;

/**
 * Every installed channel, and while the gateway runs a {@link ChannelSupervisor} for each enabled one. A channel
 * that appears while the gateway runs is started; one that goes away is stopped and forgotten (on a thread of its
 * own: the framework thread that unbinds it must not wait). Pauses are kept by platform name, so a channel that is
 * replaced (a bundle update) comes back paused if it was.
 *
 * <p>Threading: any thread.
 */
final class Supervision {

    /** One platform as {@code /platform list} shows it. */
    record PlatformStatus(String platform, ChannelState state) {
    }

    private static final System.Logger LOG = System.getLogger(Supervision.class.getName());
    private static final Duration STOP_ALL_WAIT = Duration.ofSeconds(15);

    private final GatewaySettings settings;
    private final Function<Channel, Channel.Host> hosts;
    private final ChannelSupervisor.Timing timing;
    private final BiConsumer<String, ChannelState> listener;
    private final Map<String, Channel> channels = new TreeMap<>();
    private final Map<String, ChannelSupervisor> supervisors = new HashMap<>();
    private final Set<String> paused = new HashSet<>();
    private boolean running;

    /**
     * @param hosts the host a channel delivers its messages to
     * @param listener told of every state change of every channel, on that channel's supervisor thread
     */
    Supervision(GatewaySettings settings, Function<Channel, Channel.Host> hosts, ChannelSupervisor.Timing timing,
                BiConsumer<String, ChannelState> listener) {
        this.settings = settings;
        this.hosts = hosts;
        this.timing = timing;
        this.listener = listener;
    }

    synchronized void add(Channel channel) {
        String platform = channel.platform();
        Channel present = channels.putIfAbsent(platform, channel);
        if (present != null) {
            LOG.log(System.Logger.Level.WARNING, "two channels for " + platform + " are installed; the second ("
                    + channel.getClass().getName() + ") is ignored until the first goes away");
            return;
        }
        if (running) {
            startIfEnabled(platform, channel);
        }
    }

    void remove(Channel channel) {
        ChannelSupervisor supervisor;
        String platform;
        synchronized (this) {
            platform = platformOf(channel);
            if (platform == null) {
                return;
            }
            channels.remove(platform);
            supervisor = supervisors.remove(platform);
        }
        if (supervisor != null) {
            Thread.ofVirtual().name("hermes-gateway-stop-" + platform).start(() -> {
                supervisor.stop();
                listener.accept(platform, new ChannelState.Stopped());
            });
        }
    }

    /** Starts supervising every enabled channel. */
    synchronized void start() {
        running = true;
        channels.forEach(this::startIfEnabled);
    }

    /** Stops every channel (in parallel) and waits for them, a bounded time. */
    void stop() {
        List<ChannelSupervisor> all;
        synchronized (this) {
            running = false;
            all = List.copyOf(supervisors.values());
            supervisors.clear();
        }
        List<Thread> stopping = new ArrayList<>();
        for (ChannelSupervisor supervisor : all) {
            stopping.add(Thread.ofVirtual().start(supervisor::stop));
        }
        for (Thread thread : stopping) {
            try {
                thread.join(STOP_ALL_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The channel of {@code platform} while it is connected and healthy. */
    synchronized Optional<Channel> live(String platform) {
        ChannelSupervisor supervisor = supervisors.get(platform);
        return supervisor != null && supervisor.state() instanceof ChannelState.Running
                ? Optional.of(supervisor.channel()) : Optional.empty();
    }

    synchronized List<PlatformStatus> statuses() {
        List<PlatformStatus> all = new ArrayList<>();
        for (String platform : channels.keySet()) {
            ChannelSupervisor supervisor = supervisors.get(platform);
            ChannelState state = supervisor != null ? supervisor.state()
                    : !running ? new ChannelState.Stopped()
                    : paused.contains(platform) ? new ChannelState.Paused()
                    : new ChannelState.Disabled(howToEnable(platform));
            all.add(new PlatformStatus(platform, state));
        }
        return all;
    }

    /** {@code /platform pause}: stops the channel until it is resumed; returns what happened. */
    synchronized String pause(String platform) {
        requireKnown(platform);
        if (!paused.add(platform)) {
            return platform + " is already paused";
        }
        ChannelSupervisor supervisor = supervisors.get(platform);
        if (supervisor != null) {
            supervisor.pause();
        }
        return "paused " + platform + (running ? "" : " (it stays paused when the gateway runs in this process)");
    }

    /** {@code /platform resume}: starts a paused (or newly enabled) channel again; returns what happened. */
    synchronized String resume(String platform) {
        Channel channel = requireKnown(platform);
        boolean wasPaused = paused.remove(platform);
        ChannelSupervisor supervisor = supervisors.get(platform);
        if (supervisor != null) {
            supervisor.resume();
            return wasPaused ? "resumed " + platform : platform + " is not paused";
        }
        if (!running) {
            return wasPaused ? "resumed " + platform + " (it starts when the gateway runs)" : platform
                    + " is not paused";
        }
        if (!settings.enabled(platform)) {
            return platform + " is disabled: " + howToEnable(platform) + ", then /platform resume " + platform;
        }
        startIfEnabled(platform, channel);
        return "started " + platform;
    }

    private void startIfEnabled(String platform, Channel channel) {
        if (supervisors.containsKey(platform)) {
            return;
        }
        if (!settings.enabled(platform)) {
            LOG.log(System.Logger.Level.INFO, platform + " is installed but disabled: " + howToEnable(platform));
            listener.accept(platform, new ChannelState.Disabled(howToEnable(platform)));
            return;
        }
        ChannelSupervisor supervisor = new ChannelSupervisor(channel, hosts.apply(channel), timing,
                paused.contains(platform), (which, state) -> listener.accept(platform, state));
        supervisors.put(platform, supervisor);
        supervisor.start();
    }

    private Channel requireKnown(String platform) {
        Channel channel = channels.get(platform);
        if (channel == null) {
            throw new IllegalArgumentException("no channel for '" + platform + "' is installed"
                    + (channels.isEmpty() ? "" : "; installed: " + String.join(", ", channels.keySet())));
        }
        return channel;
    }

    private String platformOf(Channel channel) {
        for (Map.Entry<String, Channel> entry : channels.entrySet()) {
            if (entry.getValue() == channel) {
                return entry.getKey();
            }
        }
        return null;
    }

    static String howToEnable(String platform) {
        return "set platforms." + platform + ".enabled: true in config.yaml or "
                + GatewaySettings.environmentPrefix(platform) + "_ENABLED=true in .env";
    }
}
