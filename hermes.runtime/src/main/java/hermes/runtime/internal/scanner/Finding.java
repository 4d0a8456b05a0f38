package hermes.runtime.internal.scanner;

import java.util.Objects;

/**
 * One pattern that matched.
 *
 * @param id       the original's pattern id ({@code prompt_injection}, {@code invisible_unicode_U+200B}, …)
 * @param category the attack class the pattern belongs to
 * @param excerpt  the matched text after normalisation, whitespace collapsed and cut to a readable length; for an
 *                 invisible character, the text around it with the character shown as {@code [U+XXXX]}
 */
public record Finding(String id, ThreatCategory category, String excerpt) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
