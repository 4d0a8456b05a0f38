package hermes.runtime.internal.approvals;

import static hermes.runtime.internal.approvals.CommandPattern.simple;
import static hermes.runtime.internal.approvals.CommandPattern.text;
import static hermes.runtime.internal.approvals.RegexParts.END;
import static hermes.runtime.internal.approvals.RegexParts.FORK_BOMB;
import static hermes.runtime.internal.approvals.RegexParts.OPTIONS;
import static hermes.runtime.internal.approvals.RegexParts.THEN;
import static hermes.runtime.internal.approvals.RegexParts.WORD_START;
import static hermes.runtime.internal.approvals.SensitivePaths.HERMES_FILES;
import static hermes.runtime.internal.approvals.SensitivePaths.DESTINATION_END;
import static hermes.runtime.internal.approvals.SensitivePaths.PROJECT;
import static hermes.runtime.internal.approvals.SensitivePaths.SENSITIVE;
import static hermes.runtime.internal.approvals.SensitivePaths.SYSTEM_CONFIG;
import static hermes.runtime.internal.approvals.SensitivePaths.SYSTEM_CONFIG_DIRECTORY;
import static hermes.runtime.internal.approvals.SensitivePaths.TARGET_END;
import static hermes.runtime.internal.approvals.SensitivePaths.USER_SENSITIVE;

import java.util.List;

/**
 * The original's approval list ({@code DANGEROUS_PATTERNS}): commands that run only after the user approves them once,
 * for the session, or always (the last stores the key in {@code command_allowlist}). Keys and descriptions are the
 * original's, so approvals carry over; the regexes are written for {@link NormalizedCommand}, and a rule about one
 * command matches inside that command ({@link CommandPattern.Scope#SIMPLE}) where the original's {@code .*} ran across
 * {@code ;} and {@code |} into the next one.
 *
 * <p>Grouped as the behaviour reference lists them. The first match is reported, so within a group the more specific
 * rule comes first. Some rules are also hardline ({@code mkfs}, {@code kill -9 -1}, the fork bomb): the hardline check
 * runs first and wins; they stay here because the original lists them, and a caller that checks only this list (the
 * original's {@code detect_dangerous_command}) still gates them.
 */
final class DangerousPatterns {

    private DangerousPatterns() {
    }

    /** Git and its global options; {@code -c} matches {@code -C dir} too, as every rule ignores case. */
    private static final String GIT = WORD_START + "git(?:\\s+(?:-c\\s+\\S+"
            + "|--(?:git-dir|work-tree|namespace|exec-path|config-env)\\s+\\S+|-\\S+))*+\\s+";
    private static final String HERMES = WORD_START + "hermes(?:\\s+(?:-p|--profile)\\s+\\S+|\\s+-\\S+)*+\\s+";
    private static final String DOCKER = WORD_START + "docker(?:\\s+(?:-H|-c|-l|--(?:host|context|config|log-level"
            + "|tlscacert|tlscert|tlskey))\\s+\\S+|\\s+-\\S+)*+\\s+";
    private static final String COMPOSE_OPTIONS = "(?:\\s+(?:-f|-p|--(?:file|project-name|profile|env-file"
            + "|project-directory|ansi|parallel|progress))\\s+\\S+|\\s+-\\S+)*+\\s+";
    private static final String COPY = WORD_START + "(?:cp|mv|install)" + THEN;
    private static final String SED_IN_PLACE = WORD_START + "sed" + THEN + "-[a-z]*i\\S*" + THEN;
    private static final String SED_IN_PLACE_LONG = WORD_START + "sed" + THEN + "--in-place\\S*" + THEN;
    private static final String PERL_RUBY_IN_PLACE = WORD_START + "(?:perl|ruby)" + THEN + "-[a-z]*i\\S*" + THEN;
    private static final String INTERPRETER = WORD_START + "(?:python(?:[23](?:\\.\\d+)?)?|perl|ruby|node)";
    private static final String SHELL = WORD_START + "(?:ba|z|k|da)?sh";
    private static final String SUDO_VALUE_OPTION = "(?-i:-[A-Za-z]*[ugpCDhrtUTR])\\s+\\S+"
            + "|--(?:user|group|prompt|chdir|host|role|type|other-user|command-timeout|close-from|chroot)\\s+\\S+";
    private static final String SUDO_STDIN_ASKPASS_SHELL_LIST = "(?:-[sa]|--stdin|--askpass|--shell|--list)" + END;
    private static final String SUDO_COMBINED = "-[a-z]*[sa][a-z]*" + END;
    private static final String START_GATEWAY =
            "start gateway outside systemd (use 'systemctl --user restart hermes-gateway')";

    /**
     * A program's option words up to the first one that is {@code target}: every other option is consumed
     * possessively, so the run never backtracks, then {@code target} must follow.
     */
    private static String optionsUpTo(String target) {
        return "(?:\\s+(?!" + target + ")-\\S*)*+\\s+" + target;
    }

    /**
     * {@code first}, then {@code later} somewhere after it. Only the first occurrence of {@code first} is tried: a
     * later one cannot succeed where it failed, and trying each would rescan the text once per occurrence.
     */
    private static String firstThen(String first, String later) {
        return "\\A(?:(?!" + first + ").)*+" + first + later;
    }

    /** Sudo's own options (value options take the next word, {@code -u root}) up to {@code target}. */
    private static String sudoOptionsUpTo(String target) {
        return WORD_START + "sudo(?:\\s+(?!" + target + ")(?:" + SUDO_VALUE_OPTION + "|-\\S*))*+\\s+" + target;
    }

    static final List<CommandPattern> ALL = List.of(
            // Delete
            simple(WORD_START + "rm\\s+" + OPTIONS + "/", "delete in root path"),
            // GNU rm accepts options after operands (rm build -rf), so the flag may follow them
            simple(WORD_START + "rm" + THEN + "-[a-z]*r[a-z]*" + END, "recursive delete"),
            simple(WORD_START + "rm" + THEN + "--recursive" + END, "recursive delete (long flag)"),
            simple(WORD_START + "xargs" + THEN + "(?:\\S*/)?rm" + END, "xargs with rm"),
            simple(WORD_START + "find" + THEN + "-exec(?:dir)?\\s+(?:\\S*/)?rm" + END, "find -exec/-execdir rm"),
            simple(WORD_START + "find" + THEN + "-delete" + END, "find -delete"),

            // Permissions: 777/666 (any special bits in front), or o/a gaining write
            simple(WORD_START + "chmod\\s+" + OPTIONS
                    + "(?:0*[0-7]?(?:777|666)|[ugoa]*[oa][ugoa]*[+=][rwxXst]*w[rwxXst]*)" + END,
                    "world/other-writable permissions"),
            // a recursive chmod whose mode list is not one plain mode (u=rwx,o+w)
            simple(WORD_START + "chmod" + THEN + "--recursive\\s[^\\n]*(?:777|666|[oa][+=][rwxXst]*w)",
                    "recursive world/other-writable (long flag)"),
            simple(WORD_START + "chown" + THEN + "-[a-z]*R[a-z]*\\s+" + OPTIONS + "root(?=$|[\\s:.])",
                    "recursive chown to root"),
            simple(WORD_START + "chown" + THEN + "--recursive\\s[^\\n]*\\broot\\b",
                    "recursive chown to root (long flag)"),
            // a script made executable and run at once: its content was never checked
            text(WORD_START + "chmod\\s+" + OPTIONS + "\\+x\\s[^\\n]*?[;&|\\n]\\s*\\./",
                    "chmod +x followed by immediate execution"),

            // Disk
            text(WORD_START + "mkfs\\b", "format filesystem"),
            simple(WORD_START + "dd" + THEN + "if=", "disk copy"),
            // block devices beyond the hardline's whole disks: RAID, device mapper, loop, network, macOS disks
            text(">\\s*/dev/(?:sd|hd|vd|xvd|nvme|mmcblk|md|dm-|loop|nbd|r?disk\\d|mapper/)", "write to block device"),

            // SQL
            text("\\bDROP\\s+(?:TABLE|DATABASE)\\b", "SQL DROP"),
            // [^\n]*, not .*: a WHERE on a later line must not excuse this statement
            text("\\bDELETE\\s+FROM\\b(?![^\\n]*\\bWHERE\\b)", "SQL DELETE without WHERE"),
            text("\\bTRUNCATE\\s+(?:TABLE\\s+)?\\w", "SQL TRUNCATE"),

            // System config
            text(">\\s*" + SYSTEM_CONFIG, "overwrite system config"),
            // the destination is the last operand, or -t DIR; copying out of /etc is fine
            simple(COPY + "(?:(?:-t\\s*|--target-directory[=\\s])" + SYSTEM_CONFIG_DIRECTORY
                    + "|" + SYSTEM_CONFIG_DIRECTORY + "(?:/\\S*)?" + DESTINATION_END + ")",
                    "copy/move file into system config path"),
            simple(SED_IN_PLACE + SYSTEM_CONFIG, "in-place edit of system config"),
            simple(SED_IN_PLACE_LONG + SYSTEM_CONFIG, "in-place edit of system config (long flag)"),

            // Sensitive paths: keys, credentials, start-up files, Hermes' secrets and policy, project env/config
            simple(WORD_START + "tee" + THEN + SENSITIVE, "overwrite system file via tee"),
            text(">>?\\|?\\s*" + SENSITIVE, "overwrite system file via redirection"),
            simple(WORD_START + "tee" + THEN + PROJECT + TARGET_END, "overwrite project env/config via tee"),
            text(">>?\\|?\\s*" + PROJECT + TARGET_END, "overwrite project env/config via redirection"),
            simple(COPY + PROJECT + DESTINATION_END, "overwrite project env/config file"),
            simple(COPY + SENSITIVE + "\\S*" + DESTINATION_END,
                    "copy/move file into sensitive credential/SSH/shell-rc path"),
            simple(SED_IN_PLACE + USER_SENSITIVE, "in-place edit of sensitive credential/SSH/shell-rc path"),
            simple(SED_IN_PLACE_LONG + USER_SENSITIVE,
                    "in-place edit of sensitive credential/SSH/shell-rc path (long flag)"),
            simple(PERL_RUBY_IN_PLACE + USER_SENSITIVE,
                    "in-place edit of sensitive credential/SSH/shell-rc path (perl/ruby)"),
            simple(SED_IN_PLACE + HERMES_FILES, "in-place edit of Hermes config/env"),
            simple(SED_IN_PLACE_LONG + HERMES_FILES, "in-place edit of Hermes config/env (long flag)"),
            simple(PERL_RUBY_IN_PLACE + HERMES_FILES, "in-place edit of Hermes config/env (perl/ruby)"),

            // Services
            simple(WORD_START + "systemctl\\s+" + OPTIONS + "(?:stop|restart|disable|mask)" + END,
                    "stop/restart system service"),

            // Processes
            simple(WORD_START + "kill\\s+-9\\s+-1" + END, "kill all processes"),
            simple(WORD_START + "pkill" + optionsUpTo("-(?:9|KILL|SIGKILL)" + END), "force kill processes"),
            simple(WORD_START + "killall" + optionsUpTo("-(?:9|KILL|SIGKILL)" + END),
                    "force kill processes (killall -KILL)"),
            simple(WORD_START + "killall" + optionsUpTo("(?:-s|--signal)[\\s=]+(?:SIG)?(?:KILL|9)" + END),
                    "force kill processes (killall -s KILL)"),
            simple(WORD_START + "killall" + optionsUpTo("(?:-r|--regexp)" + END),
                    "kill processes by regex (killall -r)"),

            // Fork bombs
            text(FORK_BOMB, "fork bomb"),

            // Interpreters: code passed inline is code nobody reviewed
            simple(SHELL + optionsUpTo("-[a-z]*c[a-z]*" + END), "shell command via -c/-lc flag"),
            // as the original: only as the first option, so one-liners such as perl -ne / perl -pi -e stay quiet
            simple(INTERPRETER + "\\s+-[ec]" + END, "script execution via -e/-c flag"),
            simple(INTERPRETER + "(?:\\s+-\\S*)*+\\s+<<", "script execution via heredoc"),

            // Remote code
            text(firstThen(WORD_START + "(?:curl|wget)\\b",
                    ".*\\|\\s*(?:sudo(?:\\s+-\\S+)*+\\s+)?(?:\\S*/)?(?:ba|z|k|da)?sh" + END),
                    "pipe remote content to shell"),
            text(SHELL + "\\s+(?:<\\s*)?<\\(\\s*(?:curl|wget)\\b", "execute remote script via process substitution"),

            // Git: lost work or rewritten shared history
            simple(GIT + "reset" + THEN + "--hard" + END, "git reset --hard (destroys uncommitted changes)"),
            simple(GIT + "push" + THEN + "--force\\b", "git force push (rewrites remote history)"),
            simple(GIT + "push" + THEN + "-[a-z]*f[a-z]*" + END, "git force push short flag (rewrites remote history)"),
            simple(GIT + "clean" + THEN + "(?:-[a-z]*f[a-z]*|--force)" + END,
                    "git clean with force (deletes untracked files)"),
            // only the capital -D forces; -d refuses to delete unmerged work
            simple(GIT + "branch" + THEN + "(?-i:-[a-zA-Z]*D[a-zA-Z]*)" + END, "git branch force delete"),

            // Sudo: with no terminal, only stdin (-S) or askpass (-A) can supply a password; -s/-a chain from there
            simple(sudoOptionsUpTo(SUDO_STDIN_ASKPASS_SHELL_LIST),
                    "sudo with privilege flag (stdin/askpass/shell/list)"),
            simple(sudoOptionsUpTo(SUDO_COMBINED), "sudo with combined-flag privilege escalation"),

            // Self-protection: commands that stop the agent that runs them
            simple(HERMES + "gateway\\s+(?:stop|restart)" + END, "stop/restart hermes gateway (kills running agents)"),
            simple(HERMES + "update" + END, "hermes update (restarts gateway, kills running agents)"),
            simple("(?:" + WORD_START + "docker-compose|" + DOCKER + "compose)" + COMPOSE_OPTIONS
                    + "(?:restart|stop|kill|down)" + END,
                    "docker compose restart/stop/kill/down (container lifecycle)"),
            simple(DOCKER + "(?:container\\s+)?(?:restart|stop|kill)" + END,
                    "docker restart/stop/kill (container lifecycle)"),
            text(firstThen("\\bgateway\\s+run\\b", ".*?(?:&\\s*(?:$|[;\\n])|\\bdisown\\b|\\bsetsid\\b)"),
                    START_GATEWAY),
            text(firstThen(WORD_START + "(?:nohup|setsid)\\b", ".*?\\bgateway\\s+run\\b"), START_GATEWAY),
            simple(WORD_START + "(?:pkill|killall)\\s[^\\n]*?(?:hermes|gateway|cli\\.py)",
                    "kill hermes/gateway process (self-termination)"),
            text(WORD_START + "kill\\b[^\\n]*?\\$\\(\\s*(?:pgrep|pidof)\\b",
                    "kill process via pgrep/pidof expansion (self-termination)"),
            text(WORD_START + "kill\\b[^\\n]*?`\\s*(?:pgrep|pidof)\\b",
                    "kill process via backtick pgrep/pidof expansion (self-termination)"));
}
