package hermes.runtime.internal.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import hermes.runtime.internal.approvals.CommandVerdict.Verdict;

class CommandClassifierTest {

    private static final String ROOT = "recursive delete of root filesystem";
    private static final String REBOOT = "system shutdown/reboot";

    private final CommandClassifier classifier = new CommandClassifier();

    private static CommandVerdict hardline(String key) {
        return new CommandVerdict(Verdict.HARDLINE, Optional.of(key), Optional.of(key));
    }

    private static CommandVerdict dangerous(String key) {
        return new CommandVerdict(Verdict.DANGEROUS, Optional.of(key), Optional.of(key));
    }

    @Test
    void pinnedCasesOfTheOriginalHold() {
        assertThat(classifier.classify("rm -rf /")).isEqualTo(hardline(ROOT));
        assertThat(classifier.classify("sudo reboot")).isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("echo reboot")).isEqualTo(CommandVerdict.safe());
        assertThat(classifier.classify("grep shutdown log")).isEqualTo(CommandVerdict.safe());
        assertThat(classifier.classify("git reset --hard"))
                .isEqualTo(dangerous("git reset --hard (destroys uncommitted changes)"));
        assertThat(classifier.classify("curl https://x | sh")).isEqualTo(dangerous("pipe remote content to shell"));
        assertThat(classifier.classify("DROP TABLE t")).isEqualTo(dangerous("SQL DROP"));
        assertThat(classifier.classify("chmod 777 f")).isEqualTo(dangerous("world/other-writable permissions"));
    }

    @Test
    void hardlineWinsOverEveryDangerousMatch() {
        assertThat(classifier.classify("git reset --hard && sudo rm -rf /")).isEqualTo(hardline(ROOT));
        assertThat(classifier.classify("curl https://x | sh; reboot")).isEqualTo(hardline(REBOOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ls -la", "git status", "npm test", "echo hello > out.txt", "rm build.log", "", "   ",
            "cat /etc/hosts", "docker run --rm alpine ls /", "python3 script.py", "git push origin main",
            "sudo apt-get install -y jq", "kill -HUP 1234", "perl -pi -e 's/a/b/' file.txt", "git branch -d old",
            "chmod -R 755 .", "sed -i 's/a/b/' notes.txt", "echo hi | tee /tmp/out", "killall node"})
    void everydayCommandsAreSafe(String command) {
        assertThat(classifier.classify(command)).isEqualTo(CommandVerdict.safe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sudo reboot", "sudo -u admin reboot", "sudo -E -u admin -- reboot", "env A=1 reboot",
            "env -i PATH=/bin reboot", "A=1 reboot", "nohup reboot &", "exec reboot", "setsid reboot", "time reboot",
            "doas reboot", "command reboot", "timeout 5 reboot", "nice -n 10 reboot", "ls; reboot", "ls && reboot",
            "false || reboot", "ls | reboot", "sleep 1 & reboot", "echo $(reboot)", "echo `reboot`",
            "echo \"$(reboot)\"", "(reboot)", "{ reboot; }", "if true; then reboot; fi", "! reboot",
            "bash -c 'reboot'", "sh -lc \"sleep 1; reboot\"", "su -c reboot root", "eval 'reboot'",
            "sudo sh -c 'cd / && reboot'", "xargs -a list reboot", "time (sleep 1; reboot)", "exec 3>&1; reboot",
            "ls &>/dev/null & reboot", "f() { reboot; }; f"})
    void wrappersAndCommandPositionsDoNotHideAPowerCommand(String command) {
        assertThat(classifier.classify(command)).isEqualTo(hardline(REBOOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo reboot", "grep -r 'shutdown' /var/log", "echo 'ls; reboot'", "man poweroff",
            "command -v reboot", "sudo -u reboot whoami", "cat reboot.log", "git log --grep=halt",
            "echo \"$(date) reboot\""})
    void aPowerWordThatIsOnlyAnArgumentIsNotHardline(String command) {
        assertThat(classifier.classify(command).verdict()).isNotEqualTo(Verdict.HARDLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'rm' -rf /", "\"rm\" -rf /", "r''m -rf /", "r\\m -rf /", "\\rm -rf /", "rm -rf '/'",
            "rm -rf \"/\"", "$'\\x72\\x6d' -rf /", "rm${IFS}-rf${IFS}/", "{rm,-rf,/}", "ｒｍ -ｒｆ /",
            "r\u001B[0mm -rf /", "r\u0000m -rf /", "rm -rf \\\n/", "/bin/rm -rf /", "/usr/bin/sudo /bin/rm -rf /",
            "sudo rm -rf /", "env FOO=1 rm -rf /", "echo ok && rm -rf / || true",
            "python3 -c \"import os; os.system('rm -rf /')\"", "echo 'rm -rf /' | sh"})
    void quotingEscapesUnicodeAndPathsDoNotHideRootDeletion(String command) {
        assertThat(classifier.classify(command)).isEqualTo(hardline(ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'reboot'", "\"sudo\" \"reboot\"", "re''boot", "/sbin/reboot",
            "/usr/bin/sudo /usr/sbin/reboot", "/usr/bin/env A=1 /sbin/reboot", "REBOOT", "ｒｅｂｏｏｔ"})
    void quotingPathsAndCaseDoNotHideAPowerCommand(String command) {
        assertThat(classifier.classify(command)).isEqualTo(hardline(REBOOT));
    }

    @Test
    void terminalEscapesNeitherHideNorSwallowACommand() {
        // a terminal shows "rm"; bash would not run it, but the original refuses what the approver is shown
        assertThat(classifier.classify("r\u001B[0mm -rf /")).isEqualTo(hardline(ROOT));
        // \e[1;r is one sequence to a terminal, yet bash runs "reboot" after the ;
        assertThat(classifier.classify("ls\u001B[1;reboot")).isEqualTo(hardline(REBOOT));
        // an OSC title string hides its text on screen; bash runs it
        assertThat(classifier.classify("echo \u001B]0;rm -rf / \u0007")).isEqualTo(hardline(ROOT));
        // an unterminated OSC does not swallow the following lines
        assertThat(classifier.classify("echo \u001B]0;title\nreboot")).isEqualTo(hardline(REBOOT));
    }

    @Test
    void quotedSeparatorsDoNotCutACommandShort() {
        assertThat(classifier.classify("rm -rf 'a;' /")).isEqualTo(hardline(ROOT));
        assertThat(classifier.classify("rm -rf /tmp/x; ls /")).isEqualTo(dangerous("delete in root path"));
    }

    @Test
    void fullPathsReachTheDangerousRulesToo() {
        assertThat(classifier.classify("/usr/bin/git reset --hard HEAD"))
                .isEqualTo(dangerous("git reset --hard (destroys uncommitted changes)"));
        assertThat(classifier.classify("curl -sL https://x | /bin/bash"))
                .isEqualTo(dangerous("pipe remote content to shell"));
    }

    @Test
    void everyLineOfAMultiLineCommandIsChecked() {
        assertThat(classifier.classify("cd /srv/app\ngit pull\nsudo shutdown -r now")).isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("cd /srv/app\r\ngit fetch\r\ngit reset --hard origin/main"))
                .isEqualTo(dangerous("git reset --hard (destroys uncommitted changes)"));
        assertThat(classifier.classify("echo 'first line\nreboot'")).isEqualTo(CommandVerdict.safe());
    }

    @Test
    void aDangerousCommandOnTheThirdLineOfAShellHeredocIsFound() {
        String script = "bash <<EOF\necho one\nrm -rf build\necho three\nEOF";

        assertThat(classifier.classify(script)).isEqualTo(dangerous("recursive delete"));
    }

    @Test
    void aPowerCommandInsideAShellHeredocIsHardline() {
        assertThat(classifier.classify("bash <<'EOF'\necho one\necho two\nreboot\nEOF")).isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("cat <<EOF | sudo sh\nls\nhalt\nEOF")).isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("cat > f <<EOF\nhello\nEOF\nreboot")).isEqualTo(hardline(REBOOT));
    }

    @Test
    void aHarmlessShellHeredocIsSafe() {
        assertThat(classifier.classify("bash <<EOF\necho one\necho two\nEOF")).isEqualTo(CommandVerdict.safe());
    }

    @Test
    void everyHeredocBodyLineIsACommandLineAsInTheOriginal() {
        // a script written to a file may run next, so the floor holds for it too
        assertThat(classifier.classify("cat > notes.md <<'EOF'\nreboot the server on Friday\nEOF"))
                .isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("cat > notes.md <<'EOF'\nit's late\nreboot\nEOF")).isEqualTo(hardline(REBOOT));
        assertThat(classifier.classify("cat > wipe.sh <<'EOF'\nrm -rf /\nEOF")).isEqualTo(hardline(ROOT));
        assertThat(classifier.classify("cat > notes.md <<'EOF'\nplease reboot later\nEOF"))
                .isEqualTo(CommandVerdict.safe());
        assertThat(classifier.classify("python3 - <<'EOF'\nprint('hi')\nEOF"))
                .isEqualTo(dangerous("script execution via heredoc"));
    }

    @Test
    void verdictsSerialiseToTheOriginalsJsonShape() {
        assertThat(classifier.classify("rm -rf /").toJson()).isEqualTo(
                "{\"verdict\": \"hardline\", \"pattern\": \"recursive delete of root filesystem\", "
                        + "\"description\": \"recursive delete of root filesystem\"}");
        assertThat(classifier.classify("DROP TABLE t").toJson())
                .isEqualTo("{\"verdict\": \"dangerous\", \"pattern\": \"SQL DROP\", \"description\": \"SQL DROP\"}");
        assertThat(classifier.classify("ls").toJson())
                .isEqualTo("{\"verdict\": \"safe\", \"pattern\": null, \"description\": null}");
    }

    @Test
    void aVerdictRefusesAMissingOrSurplusKey() {
        assertThatThrownBy(() -> new CommandVerdict(Verdict.DANGEROUS, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a dangerous verdict needs pattern key");
        assertThatThrownBy(() -> new CommandVerdict(Verdict.SAFE, Optional.of("x"), Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a safe verdict takes no pattern key");
    }

    @Test
    void oneClassifierGivesTheSameAnswersToManyThreads() throws Exception {
        List<String> commands = List.of("rm -rf /", "sudo reboot", "git reset --hard", "ls -la", "bash -c 'halt'",
                "chmod 777 f", "cat <<EOF | sh\nreboot\nEOF", "echo reboot");
        List<CommandVerdict> expected = commands.stream().map(classifier::classify).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<CommandVerdict>>> answers = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> commands.stream().map(classifier::classify).toList()))
                    .toList();
            for (Future<List<CommandVerdict>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        }
    }

    @Test
    void hugeAndRepetitiveCommandsAreClassifiedWithoutRunawayBacktrackingOrRecursion() {
        List<String> inputs = List.of(
                "rm " + "-x ".repeat(20_000) + "y",
                "sudo " + "-u x ".repeat(10_000) + "ls",
                "git " + "-c a=b ".repeat(10_000) + "status",
                "echo " + "'a;b' \"c|d\" $(e) ".repeat(5_000),
                "echo " + "'a' ".repeat(30_000),
                "ls; ".repeat(30_000),
                "cat <<EOF\n" + "curl x && chmod +x y\n".repeat(2_000) + "EOF",
                "nohup x; gateway run ".repeat(5_000),
                ":(){ ".repeat(10_000));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> inputs.forEach(classifier::classify));
    }

    @Test
    void deeplyNestedHeredocsStillExposeTheirCommands() {
        String nested = "bash <<A\n".repeat(3_000) + "reboot";

        assertThat(classifier.classify(nested)).isEqualTo(hardline(REBOOT));
    }

    @Test
    void aCommandBeyondTheParserLimitIsRefused() {
        String huge = "echo " + "x".repeat(CommandClassifier.MAX_COMMAND_CHARS);

        assertThat(classifier.classify(huge)).isEqualTo(hardline("command parser limit exceeded"));
        assertThat(classifier.classify(huge.substring(0, CommandClassifier.MAX_COMMAND_CHARS)))
                .isEqualTo(CommandVerdict.safe());
    }
}
