package hermes.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The npm package {@code telegram-test-api} ({@value #PACKAGE}) running in a node process on a free loopback port: a
 * Bot API server for the channel, and a "user" client API ({@code POST /sendMessage}, {@code POST /getUpdates}) for
 * the test. Installed with npm into {@code target/telegram-test-api} of the module under test on first use; a test
 * checks {@link #available()} first and skips when node or npm are missing.
 */
public final class TelegramEmulator implements AutoCloseable {

    public static final String PACKAGE = "telegram-test-api@4.2.1";
    /** Why a test skips when {@link #available()} is false. */
    public static final String UNAVAILABLE = "node and npm are not installed: skipping the Telegram emulator round trip"
            + " (apt-get install nodejs npm)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path INSTALL = BASE.resolve("target/telegram-test-api");
    private static final Path SCRIPT = INSTALL.resolve("telegram-emulator.js");

    private final Process node;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private TelegramEmulator(Process node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Whether node and npm are installed, so {@link #start()} can work. */
    public static boolean available() {
        return runs("node", "--version") && runs("npm", "--version");
    }

    /** Installs (once) and starts an emulator. */
    public static TelegramEmulator start() throws Exception {
        install();
        try (var script = TelegramEmulator.class.getResourceAsStream("telegram-emulator.js")) {
            Files.write(SCRIPT, script.readAllBytes());
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), Integer.toString(port))
                .redirectError(INSTALL.resolve("emulator.log").toFile());
        builder.environment().put("NODE_PATH", INSTALL.resolve("node_modules").toString());
        Process node = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
        if (line == null || !line.startsWith("ready")) {
            node.destroyForcibly();
            throw new IllegalStateException("telegram-test-api did not start (see " + INSTALL.resolve("emulator.log")
                    + "): " + line);
        }
        return new TelegramEmulator(node, port);
    }

    /** The Bot API base URL the channel is pointed at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A user writes {@code text} to the bot in a private chat. */
    public void userSends(String token, long userId, String text) throws Exception {
        post("/sendMessage", """
                {"botToken":"%s","from":{"id":%d,"first_name":"Ada","username":"ada"},
                 "chat":{"id":%d,"type":"private","first_name":"Ada"},"text":"%s","date":%d}"""
                .formatted(token, userId, userId, text, System.currentTimeMillis() / 1000));
    }

    /** The bot's messages to {@code chatId} the user has not seen yet (each is returned once). */
    public JsonNode userReceives(String token, long chatId) throws Exception {
        return post("/getUpdates", "{\"token\":\"%s\",\"chatId\":%d}".formatted(token, chatId)).path("result");
    }

    /**
     * Every message of this bot's chats so far, the user's and the bot's, oldest first, each as it is now (a bot
     * message edited since shows its new text): {@code [{"messageId":…,"message":{"text":…,"chat_id":…}, …}]}.
     */
    public JsonNode history(String token) throws Exception {
        return post("/getUpdatesHistory", "{\"token\":\"%s\"}".formatted(token)).path("result");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            node.getOutputStream().close(); // the script stops the server when its input ends
        } catch (IOException alreadyGone) {
            // the process is gone already
        }
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("emulator " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void install() throws Exception {
        if (Files.isDirectory(INSTALL.resolve("node_modules/telegram-test-api"))) {
            return;
        }
        Files.createDirectories(INSTALL);
        Path log = INSTALL.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", INSTALL.toString(), "--no-save", "--no-audit",
                "--no-fund", "--loglevel=error", PACKAGE)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install " + PACKAGE + " took over 5 minutes; see " + log);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + PACKAGE + " failed (is the npm registry reachable?): "
                    + Files.readString(log));
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
