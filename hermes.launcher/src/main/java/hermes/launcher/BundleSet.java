package hermes.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The distribution's bundle list ({@code bundle/runtime.bundles}): the start order, and which bundles only a
 * long-running Hermes needs. A line is an artifact id, optionally followed by the word {@code gateway}: such bundles
 * (the gateway, its channels and their libraries) are left out of one-shot commands, which never talk to a chat
 * platform, so {@code hermes -z} does not pay for installing, resolving, starting and stopping them.
 *
 * @param names the listed artifact ids in start order
 * @param gatewayOnly the ones marked {@code gateway}
 */
record BundleSet(List<String> names, Set<String> gatewayOnly) {

    private static final String GATEWAY_MARK = "gateway";

    /** The commands that run once and exit without a chat platform (the first word after {@code hermes}). */
    private static final Set<String> ONE_SHOT_COMMANDS =
            Set.of("approvals", "scan", "sessions", "skills", "cron", "tools", "plugins", "config");

    BundleSet {
        names = List.copyOf(names);
        gatewayOnly = Set.copyOf(gatewayOnly);
    }

    /** Reads {@code runtime.bundles} from {@code bundleDirectory}. */
    static BundleSet read(Path bundleDirectory) throws BootException {
        Path list = bundleDirectory.resolve("runtime.bundles");
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BootException("cannot read " + list + ": the distribution is incomplete; rebuild with"
                    + " ./mvnw package", e);
        }
        return parse(lines);
    }

    static BundleSet parse(List<String> lines) {
        List<String[]> entries = lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).toList();
        return new BundleSet(entries.stream().map(words -> words[0]).toList(),
                entries.stream().filter(words -> words.length > 1 && words[1].equals(GATEWAY_MARK))
                        .map(words -> words[0]).collect(java.util.stream.Collectors.toSet()));
    }

    /** The position of {@code jar} (a file name) in the start order; unlisted jars sort last. */
    int rank(Path jar) {
        int i = names.indexOf(artifactId(jar));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Whether {@code jar} is needed by a run with the command line {@code arguments}. */
    boolean needed(Path jar, List<String> arguments) {
        return !(gatewayOnly.contains(artifactId(jar)) && isOneShot(arguments));
    }

    /**
     * Whether {@code arguments} run once and exit without a chat platform: {@code -z}, {@code chat -q}, and the
     * listing and maintenance commands. The REPL, {@code doctor}, {@code gateway} and {@code pairing} get everything.
     */
    static boolean isOneShot(List<String> arguments) {
        if (arguments.isEmpty()) {
            return false;
        }
        String first = arguments.get(0);
        if (first.startsWith("-")) {
            return arguments.contains("-z");
        }
        if (first.equals("chat")) {
            return arguments.stream().anyMatch(a -> a.equals("-q") || a.equals("--query") || a.startsWith("--query="));
        }
        return ONE_SHOT_COMMANDS.contains(first);
    }

    private static String artifactId(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }
}
