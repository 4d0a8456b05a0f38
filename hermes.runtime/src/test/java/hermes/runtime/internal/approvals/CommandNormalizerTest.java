package hermes.runtime.internal.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CommandNormalizerTest {

    private final CommandNormalizer normalizer = new CommandNormalizer();

    private NormalizedCommand normalize(String command) {
        return normalizer.normalize(command);
    }

    @Test
    void ansiEscapesAreRemoved() {
        assertThat(normalize("r\u001B[0mm -rf build\u001B]0;title\u0007").text()).isEqualTo("rm -rf build");
        assertThat(normalize("\u001B[31;1mreboot\u001B[0m").commands()).containsExactly("reboot");
    }

    @Test
    void terminalEscapesGiveASecondReadingAsBashRunsTheCommand() {
        assertThat(normalizer.readings("ls -la")).containsExactly(normalize("ls -la"));
        assertThat(normalizer.readings("ls\u001B[1;reboot")).extracting(NormalizedCommand::commands)
                .containsExactly(List.of("lseboot"), List.of("ls[1", "reboot"));
    }

    @Test
    void controlCharactersAreRemovedButLinesAndTabsSeparate() {
        assertThat(normalize("r\u0000m -rf\u0085 build").text()).isEqualTo("rm -rf build");
        assertThat(normalize("ls\r\nreboot").commands()).containsExactly("ls", "reboot");
        assertThat(normalize("ls\t-la").text()).isEqualTo("ls -la");
    }

    @Test
    void fullwidthLettersReadAsAscii() {
        assertThat(normalize("ｒｍ －ｒｆ ／").text()).isEqualTo("rm -rf /");
    }

    @Test
    void backslashNewlineContinuationsAreJoined() {
        assertThat(normalize("rm -rf \\\n/").text()).isEqualTo("rm -rf /");
        assertThat(normalize("re\\\r\nboot").commands()).containsExactly("reboot");
    }

    @Test
    void ifsExpansionsBecomeSpaces() {
        assertThat(normalize("rm${IFS}-rf${IFS:0:1}/").text()).isEqualTo("rm -rf /");
        assertThat(normalize("rm$IFS-rf /").text()).isEqualTo("rm -rf /");
    }

    static Stream<Arguments> quotingTricks() {
        return Stream.of(
                Arguments.of("'rm' -rf x", "rm -rf x"),
                Arguments.of("\"rm\" \"-rf\" x", "rm -rf x"),
                Arguments.of("r''m -rf x", "rm -rf x"),
                Arguments.of("\\rm -rf x", "rm -rf x"),
                Arguments.of("r\\m -rf x", "rm -rf x"),
                Arguments.of("$'\\x72\\155' -rf x", "rm -rf x"),
                Arguments.of("{rm,-rf,x}", "rm -rf x"),
                Arguments.of("echo '{a,b}'", "echo {a,b}"));
    }

    @ParameterizedTest
    @MethodSource("quotingTricks")
    void quotingTricksReadAsTheWordTheShellRuns(String command, String text) {
        assertThat(normalize(command).text()).isEqualTo(text);
    }

    @Test
    void whitespaceRunsCollapseInsideAndOutsideQuotes() {
        assertThat(normalize("ls   -la \t dir  'a    b'").text()).isEqualTo("ls -la dir a b");
    }

    @Test
    void operatorsStandAloneAndSeparateCommands() {
        NormalizedCommand normalized = normalize("a&&b||c|d;e&f|&g");

        assertThat(normalized.text()).isEqualTo("a && b || c | d ; e & f |& g");
        assertThat(normalized.commands()).containsExactly("a", "b", "c", "d", "e", "f", "g");
    }

    @Test
    void redirectionsAreNotOperators() {
        NormalizedCommand normalized = normalize("make 2>&1 >|out &>log");

        assertThat(normalized.text()).isEqualTo("make 2>&1 >|out &>log");
        assertThat(normalized.commands()).containsExactly("make 2>&1 >|out &>log");
    }

    @Test
    void newlinesSeparateCommandsAndStayInTheText() {
        NormalizedCommand normalized = normalize("cd /tmp  \n\n  make\n");

        assertThat(normalized).isEqualTo(
                new NormalizedCommand("cd /tmp\n\nmake", List.of("cd /tmp", "make"), List.of("cd /tmp", "make")));
    }

    @Test
    void quotedSeparatorsAndNewlinesAreData() {
        NormalizedCommand normalized = normalize("echo 'a; reboot\nhalt' | grep x");

        assertThat(normalized.text()).isEqualTo("echo a; reboot\nhalt | grep x");
        assertThat(normalized.simpleCommands()).containsExactly("echo a; reboot\nhalt", "grep x");
        assertThat(normalized.commands()).containsExactly("echo a; reboot halt", "grep x");
    }

    @Test
    void theScriptOfShDashCAndEvalIsCode() {
        assertThat(normalize("sh -c 'ls; reboot'").commands()).containsExactly("ls", "reboot");
        assertThat(normalize("sudo bash -lc \"cd /x && make\"").commands()).containsExactly("cd /x", "make");
        assertThat(normalize("eval 'halt'").commands()).containsExactly("halt");
        assertThat(normalize("python3 -c 'import os; reboot'").commands())
                .containsExactly("python3 -c import os; reboot");
    }

    @Test
    void substitutionsAreCommandsAndTheirOuterCommandContinuesAfterThem() {
        NormalizedCommand normalized = normalize("echo \"today $(date -u) is `whoami` reboot\"");

        assertThat(normalized.text()).isEqualTo("echo today $( date -u ) is ` whoami ` reboot");
        assertThat(normalized.commands()).containsExactly("date -u", "whoami", "echo today is reboot");
    }

    @Test
    void subshellsAndFunctionBodiesStartCommands() {
        assertThat(normalize("(cd x; make) > log").commands()).containsExactly("cd x", "make", "> log");
        assertThat(normalize("f() { reboot; }; f").commands()).containsExactly("f", "reboot", "}", "f");
        assertThat(normalize("diff <(ls a) <(ls b)").commands()).containsExactly("ls a", "ls b", "diff");
    }

    @Test
    void commandPathsAreReducedAtCommandPositionsOnly() {
        NormalizedCommand normalized = normalize("/usr/bin/sudo /bin/rm -rf /usr/local; /sbin/reboot");

        assertThat(normalized.text()).isEqualTo("sudo rm -rf /usr/local ; reboot");
        assertThat(normalized.simpleCommands()).containsExactly("sudo rm -rf /usr/local", "reboot");
        assertThat(normalized.commands()).containsExactly("rm -rf /usr/local", "reboot");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sudo reboot                            | reboot",
            "sudo -u admin -E reboot now            | reboot now",
            "sudo --user=admin -- reboot            | reboot",
            "doas -u root reboot                    | reboot",
            "env -i A=1 B=two reboot                | reboot",
            "A=1 B=2 reboot                         | reboot",
            "nohup exec setsid time reboot          | reboot",
            "nice -n 5 ionice -c3 stdbuf -oL reboot | reboot",
            "timeout -s KILL 5 reboot               | reboot",
            "command reboot                         | reboot",
            "busybox reboot                         | reboot",
            "xargs -I {} reboot                     | reboot",
            "su -c reboot root                      | reboot root",
            "if true                                | true",
            "then ! reboot                          | reboot",
            "{ reboot                               | reboot"})
    void wrappersArePeeledOffTheCommand(String command, String program) {
        assertThat(normalize(command).commands()).containsExactly(program);
    }

    @Test
    void aWrapperThatOnlyQueriesIsTheCommand() {
        assertThat(normalize("command -v reboot").commands()).containsExactly("command -v reboot");
        assertThat(normalize("sudo -u reboot whoami").commands()).containsExactly("whoami");
        assertThat(normalize("bash deploy.sh").commands()).containsExactly("bash deploy.sh");
    }

    @Test
    void heredocBodyFedToAShellIsReadLineByLine() {
        NormalizedCommand normalized = normalize("bash <<'EOF'\necho one\n  rm -rf \"build\"\nEOF\necho done");

        assertThat(normalized.commands()).containsExactly("bash <<EOF", "echo one", "rm -rf build", "echo done");
    }

    @Test
    void heredocBodyOfAnyCommandIsReadLineByLineWithNoQuoteCarriedOver() {
        NormalizedCommand normalized = normalize("cat > notes.md <<EOF\nit's late\nreboot on Friday\nEOF\nls");

        assertThat(normalized.text()).isEqualTo("cat > notes.md <<EOF\nits late\nreboot on Friday\nls");
        assertThat(normalized.commands()).containsExactly("cat > notes.md <<EOF", "its late", "reboot on Friday", "ls");
    }

    @Test
    void heredocPipedIntoAShellIsCodeAndTabsMayIndentItsDelimiter() {
        assertThat(normalize("cat <<EOF | sh\nreboot\nEOF").commands()).containsExactly("cat <<EOF", "sh", "reboot");
        assertThat(normalize("sudo bash <<-END\n\thalt\n\tEND").commands()).containsExactly("bash <<-END", "halt");
    }

    @Test
    void aHereStringIsNotAHeredoc() {
        assertThat(normalize("bash <<< 'ls'\nreboot").commands()).containsExactly("bash <<< ls", "reboot");
    }

    @Test
    void unbalancedQuotesKeepTheRestAsOneWord() {
        assertThat(normalize("echo it's; reboot").commands()).containsExactly("echo its; reboot");
    }
}
