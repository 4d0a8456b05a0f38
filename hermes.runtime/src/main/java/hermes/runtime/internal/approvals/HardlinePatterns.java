package hermes.runtime.internal.approvals;

import static hermes.runtime.internal.approvals.CommandPattern.command;
import static hermes.runtime.internal.approvals.CommandPattern.simple;
import static hermes.runtime.internal.approvals.CommandPattern.text;
import static hermes.runtime.internal.approvals.RegexParts.DISK;
import static hermes.runtime.internal.approvals.RegexParts.END;
import static hermes.runtime.internal.approvals.RegexParts.FORK_BOMB;
import static hermes.runtime.internal.approvals.RegexParts.THEN;
import static hermes.runtime.internal.approvals.RegexParts.WORD_START;

import java.util.List;

/**
 * The original's unconditional blocklist ({@code HARDLINE_PATTERNS}, twelve rules): commands with no recovery path
 * that never run through the agent — not under {@code --yolo}, {@code approvals.mode: off}, cron approve mode, an
 * "always" approval or a container backend that skips the dangerous list. Deliberately tiny: anything recoverable
 * ({@code git reset --hard}, {@code chmod -R 777}, {@code curl | sh}) belongs to {@link DangerousPatterns}, where the
 * user can say yes.
 *
 * <p>The power rules (shutdown, reboot, init, systemctl, telinit) are {@link CommandPattern.Scope#COMMAND command
 * rules}: those words are common as arguments ({@code echo reboot}, {@code grep shutdown log}) and fatal only as the
 * program, after any wrappers. The others look anywhere in a command or the text, as in the original:
 * {@code rm -rf /} in {@code python -c "os.system('rm -rf /')"} or piped into {@code sh} is still refused, a floor
 * that even YOLO cannot lower. The price, also the original's: {@code git commit -m "fix rm -rf / bug"} is refused.
 */
final class HardlinePatterns {

    private HardlinePatterns() {
    }

    /** {@code rm}, any options or operands, then the target, maybe in inner quotes ({@code os.system('rm -rf /')}). */
    private static final String RM = WORD_START + "rm" + THEN + "[\"']?";

    /** {@code /}, {@code //}, {@code /.}, {@code /./..}, {@code /*}: paths the shell resolves to the root. */
    private static final String ROOT = "/+(?:\\.{1,2}/+)*+\\.{0,2}\\**";
    private static final String SYSTEM_DIRECTORY = "/+(?:home|root|etc|usr|var|bin|sbin|boot|lib)/*\\**";
    private static final String HOME_DIRECTORY = "(?:~|\\$HOME|\\$\\{HOME})/*\\**";

    /** In the original's order; the first match is reported. */
    static final List<CommandPattern> ALL = List.of(
            simple(RM + ROOT + END, "recursive delete of root filesystem"),
            simple(RM + SYSTEM_DIRECTORY + END, "recursive delete of system directory"),
            simple(RM + HOME_DIRECTORY + END, "recursive delete of home directory"),
            text(WORD_START + "(?:mkfs(?:\\.\\w+)?|mke2fs)" + END, "format filesystem (mkfs)"),
            simple(WORD_START + "dd" + THEN + "of=" + DISK, "dd to raw block device"),
            text(">\\s*" + DISK, "redirect to raw block device"),
            text(FORK_BOMB, "fork bomb"),
            // -1 as a process id: after a signal option or after --. "kill -1 1234" (SIGHUP to one pid) is not it.
            simple(WORD_START + "kill\\s+(?:--|-[sn]\\s+\\S+|-\\S+)" + THEN + "-1" + END,
                    "kill all processes"),
            command("(?:shutdown|reboot|halt|poweroff)" + END, "system shutdown/reboot"),
            command("init\\s+[06]" + END, "init 0/6 (shutdown/reboot)"),
            command("systemctl\\s+(?:-\\S+\\s+)*+(?:poweroff|reboot|halt|kexec)" + END, "systemctl poweroff/reboot"),
            command("telinit\\s+[06]" + END, "telinit 0/6 (shutdown/reboot)"));
}
