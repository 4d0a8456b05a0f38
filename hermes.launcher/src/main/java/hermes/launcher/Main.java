package hermes.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Manifest;

/**
 * {@code hermes}: answers {@code --version} and {@code --help} without starting anything, otherwise boots the runtime
 * and hands the command line to the CLI bundle. The launcher holds run configuration, not logic (DESIGN §6).
 */
public final class Main {

    private static final String USAGE = """
            usage: hermes [command]

              hermes                      start the interactive shell
              hermes chat [FLAGS]         the interactive shell with these settings
              hermes chat -q "TEXT" [FLAGS]  one turn: tool progress and the answer, then exit
              hermes -z "TEXT" [FLAGS]    one turn: only the final answer on stdout
              hermes approvals check "CMD"   does this command need approval? (--jsonl: one per stdin line)
              hermes scan [--scope S] FILE|-  prompt-injection findings as JSON, S all|context|strict (--jsonl too)
              hermes -c [TITLE]           continue the last session (or the one with this title)
              hermes -r, --resume ID|TITLE  continue a stored session
              hermes sessions list|show|export|rename|delete|prune   the stored conversations
              hermes skills list|view|install|audit|history|revert|diff   the skill library
              hermes gateway run|status|install|uninstall|start|stop|restart   the messaging gateway
              hermes pairing list|approve PLATFORM CODE|revoke PLATFORM USER   who may talk to the gateway
              hermes cron list|create|edit|pause|resume|run|remove   scheduled jobs (run by the gateway)
              hermes tools list           list the registered tools
              hermes plugins list         list the plugins in $HERMES_HOME/plugins
              hermes doctor               check the JDK, HERMES_HOME, bundles and plugins
              hermes config path|show     where the config is, what it says
              hermes config set KEY VALUE change a setting (API keys go to .env)
              hermes -V, --version        print the version
              hermes -h, --help           print this help

            FLAGS: -m/--model MODEL  --provider NAME  -t/--toolsets a,b  --yolo  --max-turns N  -Q/--quiet
                   -c/--continue [TITLE]  -r/--resume ID|TITLE  --save-trajectories
            Exit codes: 0 done, 1 failed or interrupted, 2 wrong command line.

            HERMES_HOME (default ~/.hermes) holds config.yaml, .env, memories, skills and plugins/.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && (arguments.get(0).equals("-V") || arguments.get(0).equals("--version")
                || arguments.get(0).equals("version"))) {
            System.out.println("hermes " + version());
            return;
        }
        if (!arguments.isEmpty() && (arguments.get(0).equals("-h") || arguments.get(0).equals("--help")
                || arguments.get(0).equals("help"))) {
            System.out.print(USAGE);
            return;
        }
        Path home = homeDirectory();
        Path distribution = distributionDirectory();
        int code;
        try {
            code = new Boot(home, distribution.resolve("bundle"), version(), arguments, true).runToExit();
        } catch (BootException e) {
            System.err.println("hermes: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /** {@code $HERMES_HOME}, else {@code ~/.hermes}. */
    static Path homeDirectory() {
        String env = System.getenv("HERMES_HOME");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".hermes");
    }

    /** The distribution folder: the parent of {@code lib/}, where this jar lives. */
    static Path distributionDirectory() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher jar", e);
        }
    }

    /** The version from this jar's manifest ({@code Hermes-Version}). */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            String v = in == null ? null : new Manifest(in).getMainAttributes().getValue("Hermes-Version");
            return v != null ? v : "dev";
        } catch (IOException e) {
            return "dev";
        }
    }

}
