package hermes.runtime.internal.approvals;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One detection rule: a regular expression, where it looks, and the reason it reports.
 *
 * <p>The original keyed session approvals and the permanent {@code command_allowlist} by a prefix of the regex source
 * at first, then switched to the description (keeping the old key only as an alias for stored entries). The
 * description is therefore the key: {@link #key()} returns it, and two rules with one description share one approval.
 *
 * @param description the reason shown to the user, and the approval key
 * @param regex       compiled once; {@link Pattern} is immutable and safe to share between threads
 * @param scope       whether the rule searches the whole normalised text or the start of each simple command
 */
record CommandPattern(String description, Pattern regex, Scope scope) {

    /**
     * Where a rule looks in a {@link NormalizedCommand}. Rules avoid repeated groups that backtrack: Java's regex
     * engine recurses once per repetition of such a group, so ten thousand option words would overflow the stack.
     * Character-class runs and possessive groups ({@code (?:…)*+}) repeat without recursion.
     */
    enum Scope {
        /**
         * Anywhere in {@link NormalizedCommand#text()}: for shapes that span commands ({@code curl … | sh},
         * {@code chmod +x f && ./f}) and for text with no command position (a redirect, SQL, a fork bomb).
         */
        TEXT,
        /**
         * Anywhere in each of {@link NormalizedCommand#simpleCommands()}: for rules about one command and its
         * arguments ({@code rm … /}, {@code git push … -f}), which must neither reach into the next command nor
         * stop at a separator that was quoted data ({@code rm -rf 'a;' /} deletes {@code /}).
         */
        SIMPLE,
        /**
         * At the start of each of {@link NormalizedCommand#commands()}, wrappers already peeled. For words that are
         * harmless as arguments ({@code echo reboot}) and fatal as commands ({@code sudo reboot}).
         */
        COMMAND
    }

    /** Case folding is the matcher's job, so flags like git's {@code -D} can opt out with {@code (?-i:...)}. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

    CommandPattern {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(scope, "scope");
    }

    static CommandPattern text(String regex, String description) {
        return new CommandPattern(description, Pattern.compile(regex, FLAGS), Scope.TEXT);
    }

    static CommandPattern simple(String regex, String description) {
        return new CommandPattern(description, Pattern.compile(regex, FLAGS), Scope.SIMPLE);
    }

    /** {@code regex} is matched from the first word of each simple command; it must not start with {@code ^}. */
    static CommandPattern command(String regex, String description) {
        return new CommandPattern(description, Pattern.compile("^(?:" + regex + ")", FLAGS), Scope.COMMAND);
    }

    String key() {
        return description;
    }

    boolean matches(NormalizedCommand command) {
        return switch (scope) {
            case TEXT -> regex.matcher(command.text()).find();
            case SIMPLE -> command.simpleCommands().stream().anyMatch(simple -> regex.matcher(simple).find());
            case COMMAND -> command.commands().stream().anyMatch(simple -> regex.matcher(simple).find());
        };
    }
}
