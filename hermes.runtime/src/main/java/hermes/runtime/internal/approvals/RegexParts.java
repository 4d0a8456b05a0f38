package hermes.runtime.internal.approvals;

/** Regex fragments shared by {@link HardlinePatterns} and {@link DangerousPatterns}, written for normalised text. */
final class RegexParts {

    private RegexParts() {
    }

    /**
     * Before a program name: not glued to a word, a dot or a dash, so {@code rm} is found in {@code /bin/rm} and
     * {@code x; rm} but not in {@code farm}, {@code docker run --rm} or {@code perm.rm}.
     */
    static final String WORD_START = "(?<![\\w.-])";

    /** After a word: a blank, an operator, a quote (one quoted inside another stays in the word) or the end. */
    static final String END = "(?=$|[\\s;&|)`'\"])";

    /**
     * Inside one simple command: a blank, then any further words up to a blank, so the next fragment starts a word.
     * A lazy character run, not a repeated group, so it never recurses ({@link CommandPattern}).
     */
    static final String THEN = "\\s(?:[^\\n]*?\\s)?";

    /** Option words, taken possessively: only before a fragment that cannot itself start with a dash. */
    static final String OPTIONS = "(?:-\\S+\\s+)*+";

    /**
     * A whole disk, as the original names them (SCSI/SATA/USB, IDE, virtio, Xen, NVMe, eMMC/SD), partitions included.
     */
    static final String DISK = "/dev/(?:sd|hd|vd|xvd|nvme|mmcblk)[a-z0-9]*";

    /** Any name defined as a function that pipes itself into itself in the background, then called. */
    static final String FORK_BOMB =
            "(?<![\\w])(:|[a-z_]\\w*)\\s*\\(\\s*\\)\\s*\\{\\s*\\1\\s*\\|\\s*\\1\\s*&\\s*}\\s*;?\\s*\\1(?![\\w])";

    /** The home directory as commands spell it: {@code ~}, {@code $HOME}, {@code ${HOME}} or an absolute home. */
    static final String HOME = "(?:~|\\$HOME|\\$\\{HOME}|/home/[^/\\s]+|/Users/[^/\\s]+|/root)";
}
