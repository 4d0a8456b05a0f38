package hermes.plugin.gateway.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import hermes.api.AgentRuntime;
import hermes.api.Channel;

/**
 * The gateway: while it runs, every enabled channel is supervised, inbound messages become turns of their chat's
 * conversation, and replies go out through the durable outbox. Channels are tracked all the time (so
 * {@code /platform list} shows them), started only while the gateway runs.
 *
 * <p>Threading: any thread. {@link #run} blocks its caller until {@link #stop()} or an interrupt.
 */
final class Gateway implements AutoCloseable {

    /**
     * How the gateway keeps time and identifies itself; tests pass fakes.
     *
     * @param outboxBackoff the waits between failed sends of one reply
     * @param typingRepeat the time between two "typing…" calls to a chat whose turn runs
     * @param pid written to {@code gateway.pid}
     */
    record Options(InstantSource clock, ZoneId zone, ChannelSupervisor.Timing timing, Backoff outboxBackoff,
                   Duration typingRepeat, long pid) {

        static Options real() {
            return new Options(InstantSource.system(), ZoneId.systemDefault(), ChannelSupervisor.Timing.REAL,
                    Backoff.DEFAULT, TypingIndicator.REPEAT, ProcessHandle.current().pid());
        }
    }

    /** What exists only while the gateway runs. */
    private record Running(PidFile pidFile, Outbox outbox, OutboxSender sender, ChatRouter router,
                           TypingIndicator typing, Conversations conversations, InboundHandler inbound,
                           SerialLanes lanes, Consumer<String> lines, CountDownLatch stopped) {
    }

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    private final GatewaySettings settings;
    private final AgentRuntime runtime;
    private final Options options;
    private final PairingStore pairing;
    private final Authorizer authorizer;
    private final CommandCatalog commands = new CommandCatalog();
    private final Supervision supervision;
    private final List<Consumer<Boolean>> runningListeners = new CopyOnWriteArrayList<>();
    private volatile Running running;

    Gateway(GatewaySettings settings, AgentRuntime runtime, Options options) {
        this.settings = settings;
        this.runtime = runtime;
        this.options = options;
        this.pairing = PairingStore.in(settings.home());
        this.authorizer = new Authorizer(settings, pairing);
        this.supervision = new Supervision(settings, channel -> new Host(channel.platform()), options.timing(),
                this::stateChanged);
    }

    void addChannel(Channel channel) {
        supervision.add(channel);
    }

    void removeChannel(Channel channel) {
        supervision.remove(channel);
    }

    /** The pairing store every part of this process shares. */
    PairingStore pairing() {
        return pairing;
    }

    CommandCatalog commands() {
        return commands;
    }

    GatewaySettings settings() {
        return settings;
    }

    boolean isRunning() {
        return running != null;
    }

    List<Supervision.PlatformStatus> statuses() {
        return supervision.statuses();
    }

    String pause(String platform) {
        return supervision.pause(platform);
    }

    String resume(String platform) {
        return supervision.resume(platform);
    }

    /**
     * Calls {@code listener} with {@code true} right after the gateway started and {@code false} right after it stopped
     * (the component offers the {@link hermes.api.Messenger} service in between).
     */
    void whenRunningChanges(Consumer<Boolean> listener) {
        runningListeners.add(listener);
    }

    /**
     * Stores a message outside any conversation in the outbox; the chat's sender delivers it in order.
     *
     * @throws IOException when the gateway is not running or the outbox cannot store it
     */
    void queue(String platform, Channel.Outbound message) throws IOException {
        Running current = running;
        if (current == null) {
            throw new IOException("the gateway is not running, so nothing can be queued for " + platform
                    + "; start it with 'hermes gateway run'");
        }
        current.sender().queue(platform, message);
    }

    /** Replies stored and not yet confirmed by their platform (while running). */
    Optional<Integer> unsentReplies() {
        Running current = running;
        return current == null ? Optional.empty() : Optional.of(current.sender().unsentCount());
    }

    /** Replies their platform refused for good in the last 30 days (while running). */
    Optional<Integer> refusedReplies() {
        Running current = running;
        return current == null ? Optional.empty() : Optional.of(current.sender().refusedCount());
    }

    /** The pid of a gateway running in another process on the same home, if one does. */
    Optional<Long> runningElsewhere() {
        return isRunning() ? Optional.empty() : PidFile.runningElsewhere(pidFile());
    }

    /**
     * Runs the gateway until {@link #stop()} or an interrupt; {@code lines} gets a line for each change of a channel's
     * state.
     *
     * @throws IllegalStateException when a gateway already runs here or in another process on this home
     */
    void run(Consumer<String> lines) throws IOException {
        CountDownLatch stopped = start(lines);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    /** Starts the gateway and returns; the latch opens when it stops. */
    synchronized CountDownLatch start(Consumer<String> lines) throws IOException {
        if (running != null) {
            throw new IllegalStateException("the gateway already runs in this process");
        }
        Path home = settings.home();
        PidFile pidFile = PidFile.acquire(pidFile(), options.pid(), options.clock().instant());
        Outbox outbox;
        ChatRouter router;
        try {
            outbox = Outbox.open(home.resolve("hermes-jvm.db"), options.clock().instant());
            router = ChatRouter.open(home, options.zone());
        } catch (IOException | RuntimeException e) {
            pidFile.close();
            throw e;
        }
        OutboxSender sender = new OutboxSender(outbox, supervision::live, options.outboxBackoff(), options.clock());
        TypingIndicator typing = new TypingIndicator(supervision::live, options.typingRepeat());
        Conversations conversations = new Conversations(new ChatConversation.Services(runtime, router, sender,
                options.clock(), options.zone(), new TurnDisplay.Services(sender, typing, settings, supervision::live)),
                settings);
        ChatCommands chatCommands = new ChatCommands(conversations, commands, sender);
        InboundHandler inbound = new InboundHandler(settings, authorizer, pairing, conversations, chatCommands,
                supervision::live);
        running = new Running(pidFile, outbox, sender, router, typing, conversations, inbound,
                new SerialLanes("hermes-gateway-inbound"), lines, new CountDownLatch(1));
        lines.accept("gateway running (pid " + options.pid() + ", home " + home + ")");
        supervision.start();
        sender.kickAll();
        CountDownLatch stopped = running.stopped();
        runningListeners.forEach(listener -> listener.accept(true));
        return stopped;
    }

    /** Stops every channel, ends the conversations, and releases the pid file. Idempotent. */
    void stop() {
        Running current;
        synchronized (this) {
            current = running;
            if (current == null) {
                return;
            }
            running = null;
        }
        runningListeners.forEach(listener -> listener.accept(false));
        current.lanes().close();
        supervision.stop();
        current.conversations().close();
        current.typing().close();
        current.sender().close();
        current.router().close();
        current.outbox().close();
        try {
            current.pidFile().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + pidFile() + ": " + e.getMessage());
        }
        current.lines().accept("gateway stopped");
        current.stopped().countDown();
    }

    @Override
    public void close() {
        stop();
    }

    private Path pidFile() {
        return settings.home().resolve("gateway.pid");
    }

    private void stateChanged(String platform, ChannelState state) {
        Running current = running;
        if (current == null) {
            return;
        }
        if (state instanceof ChannelState.Running) {
            current.sender().kickPlatform(platform);
        }
        if (!(state instanceof ChannelState.Starting)) {
            current.lines().accept(platform + ": " + state.describe(options.clock().instant()));
        }
    }

    /** What one channel delivers to. */
    private final class Host implements Channel.Host {
        private final String platform;

        Host(String platform) {
            this.platform = platform;
        }

        @Override
        public void receive(Channel.Inbound message) {
            Running current = running;
            if (current == null) {
                LOG.log(System.Logger.Level.WARNING, platform + " delivered a message while the gateway is stopped;"
                        + " dropped");
                return;
            }
            current.lanes().submit(InboundHandler.lane(platform, message),
                    () -> current.inbound().handle(platform, message));
        }

        @Override
        public Optional<String> setting(String key) {
            return settings.hostSetting(key);
        }
    }
}
