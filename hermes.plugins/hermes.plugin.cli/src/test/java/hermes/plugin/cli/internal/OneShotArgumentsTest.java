package hermes.plugin.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import hermes.plugin.cli.internal.OneShotArguments.CheckApprovalsJsonl;
import hermes.plugin.cli.internal.OneShotArguments.Interactive;
import hermes.plugin.cli.internal.OneShotArguments.Query;
import hermes.plugin.cli.internal.OneShotArguments.Run;
import hermes.plugin.cli.internal.OneShotArguments.Scan;
import hermes.plugin.cli.internal.OneShotArguments.ScanJsonl;
import hermes.plugin.cli.internal.OneShotArguments.UsageError;

class OneShotArgumentsTest {

    @Test
    void noArgumentsStartsTheShell() {
        assertThat(OneShotArguments.parse(List.of())).isEqualTo(new Interactive(ChatOptions.DEFAULTS));
    }

    @Test
    void chatWithoutAQueryStartsTheShellWithItsFlags() {
        assertThat(OneShotArguments.parse(List.of("chat"))).isEqualTo(new Interactive(ChatOptions.DEFAULTS));
        assertThat(OneShotArguments.parse(List.of("chat", "-m", "gpt-5", "--yolo")))
                .isEqualTo(new Interactive(new ChatOptions(Optional.of("gpt-5"), Optional.empty(), List.of(), true,
                        OptionalInt.empty(), false, Optional.empty(), false)));
        // top-level chat flags, as in hermes --yolo
        assertThat(OneShotArguments.parse(List.of("--yolo"))).isEqualTo(new Interactive(
                new ChatOptions(Optional.empty(), Optional.empty(), List.of(), true, OptionalInt.empty(), false, Optional.empty(), false)));
    }

    @Test
    void chatQueryIsOneTurnWithProgress() {
        assertThat(OneShotArguments.parse(List.of("chat", "-q", "what is 2+2?")))
                .isEqualTo(new Query(ChatOptions.DEFAULTS, "what is 2+2?", false));
        assertThat(OneShotArguments.parse(List.of("chat", "--query", "hi", "-Q", "-t", "web")))
                .isEqualTo(new Query(new ChatOptions(Optional.empty(), Optional.empty(), List.of("web"), false,
                        OptionalInt.empty(), true, Optional.empty(), false), "hi", false));
    }

    @Test
    void dashZIsOneTurnThatPrintsOnlyTheAnswer() {
        assertThat(OneShotArguments.parse(List.of("-z", "what is 2+2?")))
                .isEqualTo(new Query(ChatOptions.DEFAULTS, "what is 2+2?", true));
        assertThat(OneShotArguments.parse(List.of("--max-turns", "3", "-z", "hi", "--provider", "openrouter")))
                .isEqualTo(new Query(new ChatOptions(Optional.empty(), Optional.of("openrouter"), List.of(), false,
                        OptionalInt.of(3), false, Optional.empty(), false), "hi", true));
    }

    @Test
    void approvalsCheckRunsTheApprovalsCommand() {
        assertThat(OneShotArguments.parse(List.of("approvals", "check", "rm -rf /tmp/x")))
                .isEqualTo(new Run("approvals", "check rm -rf /tmp/x"));
        assertThat(OneShotArguments.parse(List.of("approvals", "check", "git", "push", "--force")))
                .isEqualTo(new Run("approvals", "check git push --force"));
        assertThat(OneShotArguments.parse(List.of("approvals", "check", "--jsonl")))
                .isEqualTo(new CheckApprovalsJsonl());
    }

    @Test
    void wrongApprovalsCommandLinesSayHowToWriteThem() {
        String usage = "hermes approvals check \"COMMAND\" (or check --jsonl to read one JSON string per line)";
        assertThat(OneShotArguments.parse(List.of("approvals")))
                .isEqualTo(new UsageError("missing subcommand: " + usage));
        assertThat(OneShotArguments.parse(List.of("approvals", "list")))
                .isEqualTo(new UsageError("unknown argument 'list': " + usage));
        assertThat(OneShotArguments.parse(List.of("approvals", "check", " ")))
                .isEqualTo(new UsageError("missing the command to check: " + usage));
    }

    @Test
    void wrongChatCommandLinesAreUsageErrors() {
        assertThat(OneShotArguments.parse(List.of("chat", "-q")))
                .isEqualTo(new UsageError("-q needs a value: -q \"your message\""));
        assertThat(OneShotArguments.parse(List.of("-z", "what", "is", "this")))
                .isEqualTo(new UsageError("unexpected argument 'is': quote the whole message, hermes -z \"your"
                        + " message\""));
        assertThat(OneShotArguments.parse(List.of("-q", "hi")))
                .isEqualTo(new UsageError("-q belongs to hermes chat: hermes chat -q \"your message\" (or hermes -z"
                        + " \"your message\" for the answer alone)"));
        assertThat(OneShotArguments.parse(List.of("chat", "-z", "hi")))
                .isEqualTo(new UsageError("unknown option '-z': the chat options are -m/--model, --provider,"
                        + " -t/--toolsets, --yolo, --max-turns N, -Q/--quiet, -c/--continue [TITLE], -r/--resume"
                        + " ID|TITLE, --save-trajectories"));
    }

    @Test
    void listingsRunTheirCommandWithList() {
        assertThat(OneShotArguments.parse(List.of("tools", "list"))).isEqualTo(new Run("tools", "list"));
        assertThat(OneShotArguments.parse(List.of("plugins", "list"))).isEqualTo(new Run("plugins", "list"));
    }

    @Test
    void continueTakesAnOptionalTitleAndResumeARequiredOne() {
        assertThat(OneShotArguments.parse(List.of("-c"))).isEqualTo(new Interactive(ChatOptions.DEFAULTS
                .withResume("last")));
        assertThat(OneShotArguments.parse(List.of("-c", "Tax return"))).isEqualTo(new Interactive(ChatOptions.DEFAULTS
                .withResume("Tax return")));
        assertThat(OneShotArguments.parse(List.of("-c", "-z", "and now?")))
                .isEqualTo(new Query(ChatOptions.DEFAULTS.withResume("last"), "and now?", true));
        assertThat(OneShotArguments.parse(List.of("--resume=20260811_074725_7f4a5c")))
                .isEqualTo(new Interactive(ChatOptions.DEFAULTS.withResume("20260811_074725_7f4a5c")));
        assertThat(OneShotArguments.parse(List.of("-r"))).isEqualTo(new UsageError("-r needs a value: -r ID|TITLE"));
        assertThat(ChatOptions.DEFAULTS.withResume("x").spec().resume()).contains("x");
    }

    @Test
    void sessionsAndSkillsPassTheirWordsToTheirCommands() {
        assertThat(OneShotArguments.parse(List.of("sessions", "rename", "20260811_074725_7f4a5c", "Tax return")))
                .isEqualTo(new Run("sessions", "rename 20260811_074725_7f4a5c Tax return"));
        assertThat(OneShotArguments.parse(List.of("sessions"))).isEqualTo(new Run("sessions", ""));
        assertThat(OneShotArguments.parse(List.of("skills", "history", "plan"))).isEqualTo(new Run("skills",
                "history plan"));
    }

    @Test
    void doctorRunsWithoutArguments() {
        assertThat(OneShotArguments.parse(List.of("doctor"))).isEqualTo(new Run("doctor", ""));
    }

    @Test
    void configPassesItsSubcommand() {
        assertThat(OneShotArguments.parse(List.of("config", "path"))).isEqualTo(new Run("config", "path"));
        assertThat(OneShotArguments.parse(List.of("config", "show"))).isEqualTo(new Run("config", "show"));
    }

    @Test
    void configSetKeepsTheValueAsTyped() {
        assertThat(OneShotArguments.parse(List.of("config", "set", "model.default", "openrouter:x/y")))
                .isEqualTo(new Run("config", "set model.default openrouter:x/y"));
        // one quoted shell argument with spaces, or several words: both end up as "a b"
        assertThat(OneShotArguments.parse(List.of("config", "set", "display.name", "a b")))
                .isEqualTo(new Run("config", "set display.name a b"));
        assertThat(OneShotArguments.parse(List.of("config", "set", "display.name", "a", "b")))
                .isEqualTo(new Run("config", "set display.name a b"));
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertThat(OneShotArguments.parse(List.of("frobnicate")))
                .isEqualTo(new UsageError("unknown command 'frobnicate': hermes --help lists the commands"));
        assertThat(OneShotArguments.parse(List.of("--verbose"))).isEqualTo(new UsageError("unknown option"
                + " '--verbose': the chat options are -m/--model, --provider, -t/--toolsets, --yolo, --max-turns N,"
                + " -Q/--quiet, -c/--continue [TITLE], -r/--resume ID|TITLE, --save-trajectories"));
        assertThat(OneShotArguments.parse(List.of("tools")))
                .isEqualTo(new UsageError("missing subcommand: hermes tools list"));
        assertThat(OneShotArguments.parse(List.of("plugins", "remove", "x")))
                .isEqualTo(new UsageError("unknown argument 'remove x': hermes plugins list"));
        assertThat(OneShotArguments.parse(List.of("doctor", "now")))
                .isEqualTo(new UsageError("doctor takes no arguments, got 'now'"));
        assertThat(OneShotArguments.parse(List.of("config")))
                .isEqualTo(new UsageError("missing subcommand: hermes config path|show|set KEY VALUE"));
        assertThat(OneShotArguments.parse(List.of("config", "show", "all")))
                .isEqualTo(new UsageError("config show takes no arguments"));
        assertThat(OneShotArguments.parse(List.of("config", "set", "KEY")))
                .isEqualTo(new UsageError("usage: hermes config set KEY VALUE"));
        assertThat(OneShotArguments.parse(List.of("config", "unset", "KEY")))
                .isEqualTo(new UsageError("unknown argument 'unset': hermes config path|show|set KEY VALUE"));
    }

    @Test
    void splitsTheLauncherProperty() {
        assertThat(OneShotArguments.split(null)).isEmpty();
        assertThat(OneShotArguments.split("")).isEmpty();
        assertThat(OneShotArguments.split("tools\u001flist")).containsExactly("tools", "list");
        assertThat(OneShotArguments.split("config\u001fset\u001fname\u001fa b")).containsExactly("config", "set", "name",
                "a b");
        assertThat(OneShotArguments.split("config\u001fset\u001fname\u001f")).containsExactly("config", "set", "name", "");
    }

    record ScanLine(List<String> arguments, OneShotArguments.Dispatch expected) {
        @Override
        public String toString() {
            return "hermes scan " + String.join(" ", arguments);
        }
    }

    private static final String SCAN_USAGE =
            "hermes scan [--scope all|context|strict] FILE|- (or --jsonl to read one JSON string per line)";

    static List<ScanLine> scanLines() {
        return List.of(
                new ScanLine(List.of("AGENTS.md"), new Scan("all", "AGENTS.md")),
                new ScanLine(List.of("-"), new Scan("all", "-")),
                new ScanLine(List.of("--scope", "strict", "notes.md"), new Scan("strict", "notes.md")),
                new ScanLine(List.of("notes.md", "--scope", "context"), new Scan("context", "notes.md")),
                new ScanLine(List.of("--scope=context", "-"), new Scan("context", "-")),
                new ScanLine(List.of("--jsonl"), new ScanJsonl("all")),
                new ScanLine(List.of("--scope", "strict", "--jsonl"), new ScanJsonl("strict")),
                new ScanLine(List.of(), new UsageError("missing the file to scan: " + SCAN_USAGE)),
                new ScanLine(List.of("a.md", "b.md"), new UsageError("one file at a time, got 'a.md b.md': "
                        + SCAN_USAGE)),
                new ScanLine(List.of("--scope", "loose", "a.md"),
                        new UsageError("unknown scope 'loose': use --scope all, context or strict")),
                new ScanLine(List.of("a.md", "--scope"), new UsageError("--scope needs a value: " + SCAN_USAGE)),
                new ScanLine(List.of("--jsonl", "a.md"), new UsageError("--jsonl reads stdin, drop 'a.md': "
                        + SCAN_USAGE)),
                new ScanLine(List.of("--strict", "a.md"), new UsageError("unknown option '--strict': " + SCAN_USAGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scanLines")
    void scanReadsItsScopeAndSource(ScanLine line) {
        List<String> arguments = new ArrayList<>(List.of("scan"));
        arguments.addAll(line.arguments());
        assertThat(OneShotArguments.parse(arguments)).isEqualTo(line.expected());
    }
}
