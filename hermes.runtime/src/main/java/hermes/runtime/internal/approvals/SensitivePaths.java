package hermes.runtime.internal.approvals;

import static hermes.runtime.internal.approvals.RegexParts.HOME;

/**
 * Write targets the dangerous list guards, as regex fragments over normalised text (quotes already removed). The
 * original's set: system configuration, SSH keys, credential files, shell start-up files, Hermes' own secrets and
 * policy file, and a project's {@code .env} / {@code config.yaml}.
 */
final class SensitivePaths {

    private SensitivePaths() {
    }

    /** {@code /etc}, and macOS's {@code /private/etc|var|tmp|home} that {@code /etc} and friends link to. */
    static final String SYSTEM_CONFIG_DIRECTORY = "(?:/etc|/private/(?:etc|var|tmp|home))";

    /** A path inside the system configuration. */
    static final String SYSTEM_CONFIG = SYSTEM_CONFIG_DIRECTORY + "/";

    static final String SSH = HOME + "/\\.ssh(?=/|$|[\\s;&|)`'\"])";

    private static final String HERMES_HOME = "(?:" + HOME + "/\\.hermes|\\$HERMES_HOME|\\$\\{HERMES_HOME})/";

    /** {@code ~/.hermes/.env}: the API keys. */
    static final String HERMES_ENV = HERMES_HOME + "\\.env\\b";

    /** {@code ~/.hermes/config.yaml}: the security policy itself (approval mode, YOLO, the allowlist). */
    static final String HERMES_CONFIG = HERMES_HOME + "config\\.yaml\\b";

    /** Files the shell runs at login or start: writing one is code execution later. */
    static final String SHELL_RC = HOME + "/\\.(?:bashrc|zshrc|profile|bash_profile|zprofile)\\b";

    static final String CREDENTIALS = HOME + "/\\.(?:netrc|pgpass|npmrc|pypirc)\\b";

    /** Everything the tee and redirect rules guard, including a raw disk. */
    static final String SENSITIVE = "(?:" + SYSTEM_CONFIG + "|/dev/sd|" + SSH + "|" + HERMES_ENV + "|" + HERMES_CONFIG
            + "|" + SHELL_RC + "|" + CREDENTIALS + ")";

    /** The user's own keys and start-up files, for the copy and in-place-edit rules. */
    static final String USER_SENSITIVE = "(?:" + SSH + "|" + SHELL_RC + "|" + CREDENTIALS + ")";

    static final String HERMES_FILES = "(?:" + HERMES_CONFIG + "|" + HERMES_ENV + ")";

    /** A project's {@code .env}, {@code .env.local}, {@code dir/.env}, or {@code config.yaml}, at any depth. */
    static final String PROJECT = "(?:(?:/|\\.{1,2}/)?(?:[^\\s/\"'`]+/)*+"
            + "(?:\\.env(?:\\.[^/\\s\"'`]+)*+|config\\.yaml))";

    /** After a write target: the target word ends (a glued {@code #} is part of the name, not a comment). */
    static final String TARGET_END = "(?=$|[\\s;&|<>)`'\"])";

    /** After the destination of cp, mv or install: nothing but redirections up to the end of the simple command. */
    static final String DESTINATION_END = "(?:\\s+\\S*[<>]\\S*)*+$";
}
