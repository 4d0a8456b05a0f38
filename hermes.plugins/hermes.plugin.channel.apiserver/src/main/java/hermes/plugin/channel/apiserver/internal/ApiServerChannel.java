package hermes.plugin.channel.apiserver.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;

import hermes.api.AgentRuntime;
import hermes.api.Channel;
import hermes.api.SessionStore;

/**
 * The OpenAI-compatible API server as a channel (platform {@code api_server}): any OpenAI client (Open WebUI,
 * LibreChat, the SDKs) talks to Hermes by pointing at {@code http://127.0.0.1:8642/v1}. Unlike chat platforms it does
 * not hand messages to the gateway: each request opens its own runtime session and the answer goes back on the HTTP
 * response, so the gateway's part is only to {@link #start} and {@link #stop} it. Settings: {@link ServerSettings}.
 *
 * <p>HTTP comes from the JDK ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}): no extra bundle, and with
 * a virtual thread per exchange it holds thousands of open streams without a thread pool to size. Jetty would bring
 * HTTP/2 and a faster parser, neither of which a loopback API needs.
 *
 * <p>Threading: {@link #start} and {@link #stop} from the gateway's supervisor thread (serialised here all the same);
 * requests each on their own virtual thread.
 */
@Component(service = Channel.class, property = "hermes.id=" + ChatCompletions.PLATFORM)
public final class ApiServerChannel implements Channel {

    /** How long a quiet stream waits before a keepalive comment, which also finds out when the client left. */
    static final Duration KEEPALIVE = Duration.ofSeconds(15);
    /** Pending connections the OS may queue: enough for a burst of a thousand clients connecting at once. */
    static final int BACKLOG = 1024;
    /**
     * The JDK server writes a response's headers and its body in two writes; with Nagle's algorithm on, the body then
     * waits for the client's delayed ACK of the headers (up to 40 ms on Linux) — longer than a fast model takes to
     * answer. The server reads this property once, when its first instance is made in this JVM.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private static final System.Logger LOG = System.getLogger(ApiServerChannel.class.getName());

    private final AgentRuntime runtime;
    private final Supplier<Optional<SessionStore>> store;
    private final Duration keepalive;
    private final Object lifecycle = new Object();
    private volatile Running running;

    /**
     * Optional: without a store, stateless requests still work and continuing a session by header answers 503. The
     * highest-ranked store is the one the runtime writes to.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionStore sessionStore;

    @Activate
    public ApiServerChannel(@Reference AgentRuntime runtime) {
        this.runtime = runtime;
        this.store = () -> Optional.ofNullable(sessionStore);
        this.keepalive = KEEPALIVE;
    }

    ApiServerChannel(AgentRuntime runtime, Supplier<Optional<SessionStore>> store, Duration keepalive) {
        this.runtime = runtime;
        this.store = store;
        this.keepalive = keepalive;
    }

    @Override
    public String platform() {
        return ChatCompletions.PLATFORM;
    }

    /**
     * Binds and starts serving; a running server is stopped first.
     *
     * @throws IllegalArgumentException when a setting is malformed, or the address is not a loopback one and no key is
     *     set; the message says what to set
     * @throws IOException when the address cannot be bound (the port is taken, the address is not this machine's)
     */
    @Override
    public void start(Host host) throws IOException {
        synchronized (lifecycle) {
            stop();
            ServerSettings settings = ServerSettings.from(host);
            if (!settings.requiresKey()) {
                LOG.log(System.Logger.Level.WARNING, "the API server runs without " + ServerSettings.KEY
                        + ": every program on this machine can use it; set a key to require one");
            }
            if (System.getProperty(NO_DELAY) == null) {
                System.setProperty(NO_DELAY, "true");
            }
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
            } catch (IOException e) {
                throw new IOException("the API server cannot listen on " + settings.host() + ":" + settings.port()
                        + " (" + e.getMessage() + "): free the port or set " + ServerSettings.PORT, e);
            }
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            CompletionJson json = new CompletionJson(JsonMapper.builder().build());
            ChatCompletions chat = new ChatCompletions(runtime, store, settings, json, keepalive);
            server.setExecutor(executor);
            server.createContext("/", new ApiRouter(new Gatekeeper(settings), json, settings.modelName(), chat));
            server.start();
            running = new Running(server, executor);
            LOG.log(System.Logger.Level.INFO, "API server listening on http://" + settings.host() + ":" + port()
                    + "/v1 (model " + settings.modelName() + ")");
        }
    }

    /**
     * Stops listening, drops open connections and interrupts the requests in flight; each closes its session on the
     * way out (an unfinished turn is interrupted and not stored).
     */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            Running current = running;
            if (current == null) {
                return;
            }
            running = null;
            current.server().stop(0);
            current.executor().shutdownNow();
            LOG.log(System.Logger.Level.INFO, "API server stopped");
        }
    }

    @Override
    public boolean isHealthy() {
        return running != null;
    }

    /**
     * Not supported: answers go back on the HTTP response of the request that asked, and an API client has no
     * address to push to.
     */
    @Override
    public String send(Outbound message) {
        throw new UnsupportedOperationException("the API server cannot send messages on its own: its answers go "
                + "back on each request's HTTP response; deliver to another platform");
    }

    /** The bound port (useful with port 0); fails when the server is not running. */
    int port() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("the API server is not running: start it first");
        }
        return current.server().getAddress().getPort();
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private record Running(HttpServer server, ExecutorService executor) {
    }
}
