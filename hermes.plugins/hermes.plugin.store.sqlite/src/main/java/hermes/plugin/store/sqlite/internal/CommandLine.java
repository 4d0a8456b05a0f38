package hermes.plugin.store.sqlite.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of a command's argument text: whitespace separates, "double" or 'single' quotes opening a word keep a
 * title with spaces together, and {@code --name value} / {@code --flag} options may stand anywhere.
 */
record CommandLine(List<String> words, Map<String, String> options) {

    /**
     * @param valued the options that take a value
     * @param flags the options that stand alone
     * @throws IllegalArgumentException on an unknown option, a missing value or an open quote
     */
    static CommandLine parse(String text, Set<String> valued, Set<String> flags, String usage) {
        List<String> tokens = tokens(text, usage);
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("--") || token.length() == 2) {
                words.add(token);
                continue;
            }
            String name = token.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0 && valued.contains(name.substring(0, equals))) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (valued.contains(name)) {
                if (i + 1 >= tokens.size()) {
                    throw new IllegalArgumentException(token + " needs a value; usage: " + usage);
                }
                options.put(name, tokens.get(++i));
            } else if (flags.contains(name)) {
                options.put(name, "");
            } else {
                throw new IllegalArgumentException("unknown option " + token + "; usage: " + usage);
            }
        }
        return new CommandLine(List.copyOf(words), Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** A whole-number option of at least {@code min}. */
    Optional<Integer> number(String name, int min, String usage) {
        Optional<String> value = option(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min) {
                throw new NumberFormatException();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min + ", not '"
                    + value.get() + "'; usage: " + usage);
        }
    }

    private static List<String> tokens(String text, String usage) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if ((c == '"' || c == '\'') && !inToken) {
                // only at the start of a word: the apostrophe in Bob's stays a letter
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed; usage: " + usage);
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
