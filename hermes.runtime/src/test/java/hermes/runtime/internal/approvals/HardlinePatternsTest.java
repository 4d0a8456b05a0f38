package hermes.runtime.internal.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import hermes.runtime.internal.approvals.CommandVerdict.Verdict;

class HardlinePatternsTest {

    private final CommandClassifier classifier = new CommandClassifier();

    static List<RuleCase> cases() {
        return List.of(
                new RuleCase("recursive delete of root filesystem", "rm -rf /", "rm -rf /tmp/build"),
                new RuleCase("recursive delete of root filesystem", "rm -r -f -- /*", "rm -rf ./"),
                new RuleCase("recursive delete of system directory", "rm -rf /usr", "rm -rf /usr/local/share/app"),
                new RuleCase("recursive delete of system directory", "rm -fr /etc/*", "rm -rf /var/tmp/cache"),
                new RuleCase("recursive delete of home directory", "rm -rf ~", "rm -rf ~/projects/old"),
                new RuleCase("recursive delete of home directory", "rm -rf ${HOME}/*", "rm -rf $HOME/.cache/pip"),
                new RuleCase("format filesystem (mkfs)", "mkfs.ext4 /dev/sdb1", "cat mkfs_notes.txt"),
                new RuleCase("dd to raw block device", "dd if=/dev/zero of=/dev/sda bs=1M",
                        "dd if=/dev/zero of=disk.img bs=1M count=10"),
                new RuleCase("redirect to raw block device", "cat image.iso > /dev/nvme0n1", "echo done > /dev/null"),
                new RuleCase("fork bomb", ":(){ :|:& };:", ":(){ echo hi; };:"),
                new RuleCase("fork bomb", "bomb() { bomb | bomb & }; bomb", "build() { make | tee log & }; build"),
                new RuleCase("kill all processes", "kill -9 -1", "kill -1 1234"),
                new RuleCase("kill all processes", "kill -s KILL -1", "kill -9 12345"),
                new RuleCase("system shutdown/reboot", "sudo shutdown -h now", "grep shutdown log"),
                new RuleCase("system shutdown/reboot", "reboot", "echo reboot"),
                new RuleCase("init 0/6 (shutdown/reboot)", "init 0", "init 3"),
                new RuleCase("systemctl poweroff/reboot", "systemctl --no-wall reboot",
                        "systemctl status reboot.target"),
                new RuleCase("telinit 0/6 (shutdown/reboot)", "telinit 6", "telinit q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleCatchesItsCommand(RuleCase rule) {
        assertThat(rule.caughtBy(HardlinePatterns.ALL, rule.match())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleLetsItsNearMissPass(RuleCase rule) {
        assertThat(rule.caughtBy(HardlinePatterns.ALL, rule.nearMiss())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifierRefusesTheCommandWithTheRulesKey(RuleCase rule) {
        assertThat(classifier.classify(rule.match()))
                .isEqualTo(new CommandVerdict(Verdict.HARDLINE, Optional.of(rule.key()), Optional.of(rule.key())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo reboot", "grep shutdown log", "man halt", "git init 0", "ls /usr",
            "docker run --rm alpine ls /", "kill -1 1234", "echo 'rm -rf is dangerous'"})
    void argumentsThatOnlyMentionAHardlineWordAreNotHardline(String command) {
        assertThat(classifier.classify(command).verdict()).isNotEqualTo(Verdict.HARDLINE);
    }

    @Test
    void everyHardlineRuleHasACase() {
        List<String> tested = cases().stream().map(RuleCase::key).distinct().toList();

        assertThat(HardlinePatterns.ALL).hasSize(12);
        assertThat(HardlinePatterns.ALL).extracting(CommandPattern::key).containsExactlyElementsOf(tested);
    }
}
